#include "xiuhua/gis/overlay/polygon_pairs.h"

#include "geos_context.h"
#include "overlay/local_geometries.h"
#include "overlay/parallel.h"
#include "spatial_index_access.h"
#include "xiuhua/gis/spatial_index.h"

#include <QCoreApplication>

namespace xiuhua::gis {

using detail::geosContext;
using detail::GeosGeomPtr;

Result<std::vector<PolygonPair>> intersectPairs(const std::vector<Geometry>& first, const std::vector<Geometry>& second,
                                                const OverlayOptions& options) {
  const SpatialIndex index(detail::boxesOf(second));
  std::vector<std::vector<PolygonPair>> perItem(first.size());
  detail::parallelFor(
      first.size(), options.threads,
      [&](int) {
        return [&, firsts = std::make_shared<detail::LocalGeometries>(first),
                seconds = std::make_shared<detail::LocalGeometries>(second), candidates = std::vector<int>()](std::size_t i) mutable {
          GEOSContextHandle_t ctx = geosContext();
          const GEOSGeometry* a = firsts->get(i);
          if (a == nullptr) return;
          detail::SpatialIndexAccess::query(index, a, candidates);
          for (int j : candidates) {
            const GEOSPreparedGeometry* b = seconds->prepared(static_cast<std::size_t>(j));
            if (b == nullptr || GEOSPreparedIntersects_r(ctx, b, a) != 1) continue;
            if (GEOSPreparedContains_r(ctx, b, a) == 1) {
              perItem[i].push_back({static_cast<int>(i), j, first[i]});
              continue;
            }
            const GeosGeomPtr piece(GEOSIntersection_r(ctx, a, seconds->get(static_cast<std::size_t>(j))));
            Geometry g = detail::fromGeos(piece.get());
            if (g.type() == Geometry::Type::Polygon && detail::areaOf(piece.get()) > 0) {
              perItem[i].push_back({static_cast<int>(i), j, std::move(g)});
            }
          }
        };
      },
      options.cancel);
  if (options.cancel != nullptr && options.cancel->load()) {
    return Error{ErrorCode::Cancelled, QCoreApplication::translate("Overlay", "The computation was cancelled.")};
  }
  std::vector<PolygonPair> pairs;
  for (std::vector<PolygonPair>& v : perItem) {
    for (PolygonPair& p : v) pairs.push_back(std::move(p));
  }
  return pairs;
}

}  // namespace xiuhua::gis
