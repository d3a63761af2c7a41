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

int Geometry::vertexCount() const {
  int n = 0;
  for (const Part& part : mParts) {
    for (const Ring& ring : part) n += static_cast<int>(ring.size());
  }
  return n;
}

}  // namespace xiuhua::gis
