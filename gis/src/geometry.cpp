#include "xiuhua/gis/geometry.h"

#include <algorithm>
#include <limits>

namespace xiuhua::gis {

QRectF Geometry::boundingBox() const {
  double minX = std::numeric_limits<double>::max(), minY = minX;
  double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
  for (const Part& part : mParts) {
    for (const Ring& ring : part) {
      for (const QPointF& p : ring) {
        minX = std::min(minX, p.x());
        minY = std::min(minY, p.y());
        maxX = std::max(maxX, p.x());
        maxY = std::max(maxY, p.y());
      }
    }
  }
  if (minX > maxX) return {};
  return QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

int Geometry::vertexCount() const {
  int n = 0;
  for (const Part& part : mParts) {
    for (const Ring& ring : part) n += static_cast<int>(ring.size());
  }
  return n;
}

}  // namespace xiuhua::gis
