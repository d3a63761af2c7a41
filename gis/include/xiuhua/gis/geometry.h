#pragma once

#include <QPointF>
#include <QRectF>

#include <vector>

namespace xiuhua::gis {

// A simple-features geometry held as plain coordinate arrays, cheap to copy, transform and draw.
// Points: each part is one ring with one point. Lines: each part is one ring (the line).
// Polygons: each part is a polygon whose first ring is the exterior and the rest are holes.
// GEOS operations convert to a GEOS geometry on demand (see geos_geometry.h).
class Geometry {
 public:
  enum class Type { Empty, Point, Line, Polygon };
  using Ring = std::vector<QPointF>;
  using Part = std::vector<Ring>;

  Geometry() = default;
  Geometry(Type type, std::vector<Part> parts) : mType(type), mParts(std::move(parts)) {}

  static Geometry point(QPointF p) { return Geometry(Type::Point, {Part{Ring{p}}}); }

  Type type() const { return mType; }
  bool isEmpty() const { return mType == Type::Empty || mParts.empty(); }
  const std::vector<Part>& parts() const { return mParts; }
  std::vector<Part>& parts() { return mParts; }
  QRectF boundingBox() const;

 private:
  Type mType = Type::Empty;
  std::vector<Part> mParts;
};

// Whether the point is on the geometry: inside a polygon (not in a hole), within tolerance of a
// line or of a point (the geometry's CRS units). A plain test for picking features with the mouse.
bool hitTest(const Geometry& geometry, QPointF point, double tolerance);

}  // namespace xiuhua::gis
