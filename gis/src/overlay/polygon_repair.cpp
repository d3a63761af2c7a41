#include "xiuhua/gis/overlay/polygon_repair.h"

#include "geos_context.h"
#include "overlay/parallel.h"

#include <atomic>

namespace xiuhua::gis {

using detail::geosContext;
using detail::GeosGeomPtr;

int repairGeometries(std::vector<Geometry>& geometries, int threads) {
  std::atomic<int> repaired{0};
  detail::parallelFor(geometries.size(), threads, [&](int) {
    return [&](std::size_t i) {
      Geometry& geometry = geometries[i];
      if (geometry.isEmpty() || geometry.type() == Geometry::Type::Point) return;
      const GeosGeomPtr g = detail::toGeos(geometry);
      if (g && GEOSisValid_r(geosContext(), g.get()) == 1) return;
      // Invalid, or not even buildable (a ring of fewer than 4 points): GEOS MakeValid; fromGeos
      // keeps the highest dimension, so a polygon stays polygonal and a line linear.
      const Geometry::Type type = geometry.type();
      Geometry fixed;
      if (g) {
        const GeosGeomPtr valid(GEOSMakeValid_r(geosContext(), g.get()));
        fixed = detail::fromGeos(valid.get());
      }
      geometry = fixed.type() == type ? std::move(fixed) : Geometry();
      repaired.fetch_add(1, std::memory_order_relaxed);
    };
  });
  return repaired.load();
}

}  // namespace xiuhua::gis
