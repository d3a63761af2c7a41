#include "xiuhua/gis/overlay/zonal_length.h"

#include "geos_context.h"
#include "overlay/local_geometries.h"
#include "overlay/parallel.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/spatial_index.h"

#include <QCoreApplication>

#include <cmath>

namespace xiuhua::gis {

using detail::geosContext;
using detail::GeosGeomPtr;
using detail::lengthOf;
using detail::LocalGeometries;
using gis::PreciseSum;

namespace {

struct LineShare {
  double length = 0;  // counted length inside `within`
  std::vector<std::pair<int, double>> zones;
  bool duplicate = false;
  double duplicateLength = 0;
  bool degenerate = false;
  double excess = 0;
  bool failed = false;
};

bool sameBox(const QRectF& a, const QRectF& b) {
  const double tolerance = 1e-9 * std::max({1.0, std::abs(a.left()), std::abs(a.top())});
  return std::abs(a.left() - b.left()) <= tolerance && std::abs(a.top() - b.top()) <= tolerance &&
         std::abs(a.right() - b.right()) <= tolerance && std::abs(a.bottom() - b.bottom()) <= tolerance;
}

Error cancelled() {
  return Error{ErrorCode::Cancelled, QCoreApplication::translate("Overlay", "The computation was cancelled.")};
}

}  // namespace

Result<ZonalLength> zonalLength(const ZonalLengthInput& input, const OverlayOptions& options) {
  const std::vector<Geometry> within{unionOf(input.within)};
  const bool clip = !input.within.empty();
  const std::vector<QRectF> lineBoxes = detail::boxesOf(input.lines);
  const SpatialIndex lineIndex(lineBoxes);
  const SpatialIndex zoneIndex(detail::boxesOf(input.zones));
  std::vector<LineShare> shares(input.lines.size());
  const std::size_t n = input.lines.size();
  std::function<void(std::size_t)> progress;
  if (options.progress) progress = [&](std::size_t done) { options.progress(done, n); };

  detail::parallelFor(
      n, options.threads,
      [&](int) {
        return [&, lines = std::make_shared<LocalGeometries>(input.lines),
                zones = std::make_shared<LocalGeometries>(input.zones),
                region = std::make_shared<LocalGeometries>(within)](std::size_t i) {
          GEOSContextHandle_t ctx = geosContext();
          const GEOSGeometry* line = lines->get(i);
          if (line == nullptr) return;
          LineShare& share = shares[i];
          for (int j : lineIndex.query(lineBoxes[i])) {
            if (static_cast<std::size_t>(j) >= i) break;
            if (!sameBox(lineBoxes[i], lineBoxes[static_cast<std::size_t>(j)])) continue;
            const GEOSGeometry* other = lines->get(static_cast<std::size_t>(j));
            if (other != nullptr && GEOSEquals_r(ctx, line, other) == 1) {
              share.duplicate = true;
              break;
            }
          }
          GeosGeomPtr owned;
          const GEOSGeometry* measured = line;
          const double length = lengthOf(line);
          GeosGeomPtr merged(GEOSUnaryUnion_r(ctx, line));  // nodes and merges overlapping stretches
          const double mergedLength = lengthOf(merged.get());
          if (merged && mergedLength < length * (1 - 1e-9)) {
            share.degenerate = true;
            share.excess = length - mergedLength;
            if (input.deduplicate) measured = merged.get();
          }
          if (clip) {
            const GEOSPreparedGeometry* region0 = region->prepared(0);
            if (region0 == nullptr || GEOSPreparedIntersects_r(ctx, region0, measured) != 1) return;
            if (GEOSPreparedContains_r(ctx, region0, measured) != 1) {
              owned.reset(GEOSIntersection_r(ctx, measured, region->get(0)));
              if (!owned) {
                share.failed = true;
                return;
              }
              measured = owned.get();
            }
          }
          const double counted = lengthOf(measured);
          if (share.duplicate) {
            share.duplicateLength = counted;
            if (input.deduplicate) return;
          }
          share.length = counted;
          double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
          if (!detail::envelopeOf(measured, x0, y0, x1, y1)) return;
          const std::vector<int> candidates = zoneIndex.query(QRectF(QPointF(x0, y0), QPointF(x1, y1)));
          for (int z : candidates) {
            const GEOSPreparedGeometry* zone = zones->prepared(static_cast<std::size_t>(z));
            if (zone != nullptr && GEOSPreparedContains_r(ctx, zone, measured) == 1) {
              share.zones.emplace_back(z, counted);
              return;
            }
          }
          for (int z : candidates) {
            const GEOSPreparedGeometry* zone = zones->prepared(static_cast<std::size_t>(z));
            if (zone == nullptr || GEOSPreparedIntersects_r(ctx, zone, measured) != 1) continue;
            const GeosGeomPtr part(GEOSIntersection_r(ctx, measured, zones->get(static_cast<std::size_t>(z))));
            if (!part) {
              share.failed = true;
              return;
            }
            const double inZone = lengthOf(part.get());
            if (inZone > 0) share.zones.emplace_back(z, inZone);
          }
        };
      },
      options.cancel, progress);
  if (options.cancel != nullptr && options.cancel->load()) return cancelled();

  ZonalLength result;
  result.zones.resize(input.zones.size());
  PreciseSum all, outside, duplicateLength, excess;
  std::vector<PreciseSum> zoneSums(input.zones.size());
  for (const LineShare& s : shares) {
    all.add(s.length);
    double zoned = 0;
    for (const auto& [z, length] : s.zones) {
      zoneSums[static_cast<std::size_t>(z)].add(length);
      zoned += length;
    }
    if (!input.zones.empty() && s.length - zoned > 1e-9 * s.length) outside.add(s.length - zoned);
    result.duplicates += s.duplicate ? 1 : 0;
    duplicateLength.add(s.duplicateLength);
    result.degenerate += s.degenerate ? 1 : 0;
    excess.add(s.excess);
  }
  for (std::size_t i = 0; i < shares.size(); ++i) {
    if (shares[i].failed) result.failedLines.push_back(static_cast<int>(i));
  }
  result.all = all.value();
  result.outside = outside.value();
  result.duplicateLength = duplicateLength.value();
  result.degenerateExcess = excess.value();
  for (std::size_t z = 0; z < zoneSums.size(); ++z) result.zones[z] = zoneSums[z].value();
  return result;
}

Result<std::vector<int>> assignToZones(const std::vector<Geometry>& features, const std::vector<Geometry>& zones,
                                       const OverlayOptions& options) {
  const SpatialIndex zoneIndex(detail::boxesOf(zones));
  std::vector<int> assigned(features.size(), -1);
  detail::parallelFor(
      features.size(), options.threads,
      [&](int) {
        return [&, local = std::make_shared<LocalGeometries>(zones)](std::size_t i) {
          GEOSContextHandle_t ctx = geosContext();
          const GeosGeomPtr feature = detail::toGeos(features[i]);
          if (!feature) return;
          const GeosGeomPtr point(GEOSPointOnSurface_r(ctx, feature.get()));
          double x = 0;
          double y = 0;
          if (!point || GEOSGeomGetX_r(ctx, point.get(), &x) != 1 || GEOSGeomGetY_r(ctx, point.get(), &y) != 1) return;
          for (int z : zoneIndex.query(QRectF(x, y, 0, 0))) {
            const GEOSPreparedGeometry* zone = local->prepared(static_cast<std::size_t>(z));
            if (zone != nullptr && GEOSPreparedCovers_r(ctx, zone, point.get()) == 1) {
              assigned[i] = z;  // the first (lowest) zone: a point on a shared edge goes to one only
              return;
            }
          }
        };
      },
      options.cancel);
  if (options.cancel != nullptr && options.cancel->load()) return cancelled();
  return assigned;
}

}  // namespace xiuhua::gis
