#include "xiuhua/gis/geometry.h"

#include "xiuhua/gis/bounds.h"

namespace xiuhua::gis {

QRectF Geometry::boundingBox() const {
  Bounds bounds;
  for (const Part& part : mParts) {
    for (const Ring& ring : part) {
      for (const QPointF& p : ring) bounds.add(p);
    }
  }
  return bounds.rect();
}

}  // namespace xiuhua::gis
