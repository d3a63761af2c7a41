#include "xiuhua/gis/geometry_validity.h"

#include "geos_context.h"

namespace xiuhua::gis {

using detail::geosContext;

std::optional<ValidityProblem> findValidityProblem(const Geometry& geometry) {
  if (geometry.isEmpty()) return std::nullopt;
  for (const Geometry::Part& part : geometry.parts()) {
    for (const Geometry::Ring& ring : part) {
      const std::size_t minimum = geometry.type() == Geometry::Type::Polygon ? 3
                                  : geometry.type() == Geometry::Type::Line  ? 2
                                                                             : 1;
      if (ring.size() < minimum && !ring.empty()) {
        return ValidityProblem{QStringLiteral("Too few points"), ring.front()};
      }
    }
  }
  if (geometry.type() == Geometry::Type::Point) return std::nullopt;
  const detail::GeosGeomPtr g = detail::toGeos(geometry);
  if (!g) return ValidityProblem{QStringLiteral("Not a valid geometry"), {}};
  char* reason = nullptr;
  GEOSGeometry* location = nullptr;
  const char valid = GEOSisValidDetail_r(geosContext(), g.get(), 0, &reason, &location);
  if (valid == 1) return std::nullopt;
  ValidityProblem problem;
  problem.reason = reason != nullptr ? QString::fromUtf8(reason) : QStringLiteral("Invalid");
  const detail::GeosGeomPtr where(location);
  if (where) {
    double x = 0;
    double y = 0;
    GEOSGeomGetX_r(geosContext(), where.get(), &x);
    GEOSGeomGetY_r(geosContext(), where.get(), &y);
    problem.location = QPointF(x, y);
  }
  GEOSFree_r(geosContext(), reason);
  return problem;
}

std::vector<int> findInvalidGeometries(const std::vector<Geometry>& geometries,
                                       const std::atomic<bool>* cancel) {
  std::vector<int> invalid;
  for (std::size_t i = 0; i < geometries.size(); ++i) {
    if (cancel != nullptr && (i % 1024) == 0 && cancel->load()) break;
    if (geometries[i].type() != Geometry::Type::Point && findValidityProblem(geometries[i])) {
      invalid.push_back(static_cast<int>(i));
    }
  }
  return invalid;
}

Geometry makeValid(const Geometry& geometry) {
  const detail::GeosGeomPtr g = detail::toGeos(geometry);
  if (!g) return geometry;  // nothing GEOS can work on: keep the shape rather than erase it
  const detail::GeosGeomPtr fixed(GEOSMakeValid_r(geosContext(), g.get()));
  Geometry result = detail::fromGeos(fixed.get());
  return result.isEmpty() ? geometry : result;
}

}  // namespace xiuhua::gis
