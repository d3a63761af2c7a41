#include "xiuhua/gis/overlay/geometry_measures.h"

#include "geos_context.h"
#include "overlay/local_geometries.h"
#include "overlay/parallel.h"

#include <cmath>
#include <limits>

namespace xiuhua::gis {

using detail::geosContext;
using detail::GeosGeomPtr;

namespace detail {

std::vector<QRectF> boxesOf(const std::vector<Geometry>& geometries) {
  std::vector<QRectF> boxes;
  boxes.reserve(geometries.size());
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  for (const Geometry& g : geometries) boxes.push_back(g.isEmpty() ? QRectF(kNaN, kNaN, kNaN, kNaN) : g.boundingBox());
  return boxes;
}

GeosGeomPtr unaryUnion(const std::vector<Geometry>& geometries) {
  GEOSContextHandle_t ctx = geosContext();
  std::vector<GEOSGeometry*> parts;
  for (const Geometry& g : geometries) {
    if (GeosGeomPtr p = toGeos(g)) parts.push_back(p.release());
  }
  if (parts.empty()) return nullptr;
  // The collection takes the parts (GEOS frees them even when it fails).
  const GeosGeomPtr collection(
      GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned int>(parts.size())));
  if (!collection) return nullptr;
  return GeosGeomPtr(GEOSUnaryUnion_r(ctx, collection.get()));
}

}  // namespace detail

Geometry unionOf(const std::vector<Geometry>& geometries) {
  const GeosGeomPtr united = detail::unaryUnion(geometries);
  return united ? detail::fromGeos(united.get()) : Geometry();
}

namespace {

template <typename Measure>
std::vector<double> measureEach(const std::vector<Geometry>& geometries, int threads, Measure measure) {
  std::vector<double> out(geometries.size(), 0.0);
  detail::parallelFor(geometries.size(), threads, [&](int) {
    return [&](std::size_t i) {
      const GeosGeomPtr g = detail::toGeos(geometries[i]);
      out[i] = measure(g.get());
    };
  });
  return out;
}

}  // namespace

std::vector<double> areas(const std::vector<Geometry>& geometries, int threads) {
  return measureEach(geometries, threads, detail::areaOf);
}

std::vector<double> lengths(const std::vector<Geometry>& geometries, int threads) {
  return measureEach(geometries, threads, detail::lengthOf);
}

std::vector<Geometry> bufferEach(const std::vector<Geometry>& geometries, const std::vector<double>& distances,
                                 int quadSegments, int threads) {
  std::vector<Geometry> out(geometries.size());
  detail::parallelFor(geometries.size(), threads, [&](int) {
    return [&](std::size_t i) {
      const double d = i < distances.size() ? distances[i] : 0.0;
      if (!(d > 0) || geometries[i].isEmpty()) return;
      const GeosGeomPtr g = detail::toGeos(geometries[i]);
      if (!g) return;
      const GeosGeomPtr buffered(GEOSBuffer_r(geosContext(), g.get(), d, quadSegments));
      if (buffered) out[i] = detail::fromGeos(buffered.get());
    };
  });
  return out;
}

std::vector<QPointF> pointsOnSurface(const std::vector<Geometry>& geometries, int threads) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::vector<QPointF> out(geometries.size(), QPointF(kNaN, kNaN));
  detail::parallelFor(geometries.size(), threads, [&](int) {
    return [&](std::size_t i) {
      const GeosGeomPtr g = detail::toGeos(geometries[i]);
      if (!g) return;
      const GeosGeomPtr p(GEOSPointOnSurface_r(geosContext(), g.get()));
      double x = 0;
      double y = 0;
      if (p && GEOSGeomGetX_r(geosContext(), p.get(), &x) == 1 && GEOSGeomGetY_r(geosContext(), p.get(), &y) == 1) {
        out[i] = QPointF(x, y);
      }
    };
  });
  return out;
}

}  // namespace xiuhua::gis
