#include "xiuhua/gis/geometry.h"

#include "xiuhua/gis/bounds.h"

#include <algorithm>
#include <cmath>

namespace xiuhua::gis {

namespace {

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
  const QPointF ab = b - a;
  const double len2 = QPointF::dotProduct(ab, ab);
  double t = len2 > 0 ? QPointF::dotProduct(p - a, ab) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const QPointF q = a + t * ab;
  return std::hypot(p.x() - q.x(), p.y() - q.y());
}

bool ringContains(const Geometry::Ring& ring, QPointF p) {
  bool inside = false;
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const QPointF& a = ring[i];
    const QPointF& b = ring[j];
    if (((a.y() > p.y()) != (b.y() > p.y())) &&
        (p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())) {
      inside = !inside;
    }
  }
  return inside;
}

}  // namespace

bool hitTest(const Geometry& g, QPointF p, double tolerance) {
  for (const Geometry::Part& part : g.parts()) {
    if (part.empty()) continue;
    if (g.type() == Geometry::Type::Polygon) {
      if (!ringContains(part.front(), p)) continue;
      bool inHole = false;
      for (std::size_t i = 1; i < part.size() && !inHole; ++i) inHole = ringContains(part[i], p);
      if (!inHole) return true;
    } else if (g.type() == Geometry::Type::Line) {
      const Geometry::Ring& line = part.front();
      for (std::size_t i = 1; i < line.size(); ++i) {
        if (distanceToSegment(p, line[i - 1], line[i]) <= tolerance) return true;
      }
    } else if (!part.front().empty()) {
      const QPointF q = part.front().front();
      if (std::hypot(p.x() - q.x(), p.y() - q.y()) <= tolerance) return true;
    }
  }
  return false;
}


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
