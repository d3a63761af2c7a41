#pragma once

#include <QPointF>
#include <QRectF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace xiuhua::gis {

// Accumulates a bounding box. Unlike QRectF::united, a point or a zero-width line counts (a layer
// of one bus stop has an extent), and non-finite coordinates are skipped.
class Bounds {
 public:
  void add(QPointF p) {
    if (!std::isfinite(p.x()) || !std::isfinite(p.y())) return;
    mMinX = std::min(mMinX, p.x());
    mMinY = std::min(mMinY, p.y());
    mMaxX = std::max(mMaxX, p.x());
    mMaxY = std::max(mMaxY, p.y());
  }
  // Adds a box made by rect(); an empty Bounds' rect() is skipped.
  void add(const QRectF& r) {
    if (r.isNull() && r.topLeft().isNull()) return;
    add(r.topLeft());
    add(r.bottomRight());
  }
  void add(const Bounds& other) {
    if (other.isEmpty()) return;
    add(QPointF(other.mMinX, other.mMinY));
    add(QPointF(other.mMaxX, other.mMaxY));
  }
  bool isEmpty() const { return mMinX > mMaxX; }
  // (minX, minY) to (maxX, maxY); a null QRectF when empty.
  QRectF rect() const { return isEmpty() ? QRectF() : QRectF(QPointF(mMinX, mMinY), QPointF(mMaxX, mMaxY)); }

 private:
  double mMinX = std::numeric_limits<double>::max();
  double mMinY = std::numeric_limits<double>::max();
  double mMaxX = std::numeric_limits<double>::lowest();
  double mMaxY = std::numeric_limits<double>::lowest();
};

}  // namespace xiuhua::gis
