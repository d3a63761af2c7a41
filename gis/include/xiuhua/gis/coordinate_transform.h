#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/result.h"

#include <QPointF>
#include <QRectF>

#include <memory>
#include <vector>

namespace xiuhua::gis {

// Transforms coordinates between two CRS through PROJ, with GCJ-02/BD-09 steps added around it.
// Axis order is always (x=easting/longitude, y=northing/latitude).
// Thread affinity: an instance uses the PROJ context of the thread that created it; create one
// per thread (cheap). Not copyable.
class CoordinateTransform {
 public:
  static Result<std::unique_ptr<CoordinateTransform>> create(const Crs& source, const Crs& target);
  ~CoordinateTransform();
  CoordinateTransform(const CoordinateTransform&) = delete;
  CoordinateTransform& operator=(const CoordinateTransform&) = delete;

  bool isIdentity() const;
  // Transforms in place; points that fail become NaN. Returns false if any failed.
  bool transform(std::vector<QPointF>& points) const;
  QPointF transform(QPointF point) const;
  // Bounding box of a densified rectangle edge, transformed.
  QRectF transformBounds(const QRectF& rect) const;

 private:
  struct Impl;
  explicit CoordinateTransform(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> mImpl;
};

}  // namespace xiuhua::gis
