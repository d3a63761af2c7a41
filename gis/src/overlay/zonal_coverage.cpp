#include "xiuhua/gis/overlay/zonal_coverage.h"

#include "geos_context.h"
#include "overlay/local_geometries.h"
#include "overlay/parallel.h"
#include "xiuhua/gis/spatial_index.h"

#include <QCoreApplication>

#include <cmath>

namespace xiuhua::gis {

using detail::areaOf;
using detail::geosContext;
using detail::GeosGeomPtr;
using detail::LocalGeometries;
using detail::PreciseSum;

namespace {

// What one target polygon contributes: its area and covered area, whole and per zone it meets.
struct ZoneShare {
  int zone;
  double covered;
  double total;
};
struct TargetShare {
  double covered = 0;
  double total = 0;
  std::vector<ZoneShare> zones;  // usually one entry; several when the target straddles zones
  bool overlapped = false;
};

QRectF boxOf(const GEOSGeometry* g) {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  if (!detail::envelopeOf(g, x0, y0, x1, y1)) return {};
  return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

// Boxes that share interior (not just an edge): only such targets can overlap.
bool interiorsMeet(const QRectF& a, const QRectF& b) {
  return a.left() < b.right() && b.left() < a.right() && a.top() < b.bottom() && b.top() < a.bottom();
}

GeosGeomPtr makeCollection(std::vector<GEOSGeometry*>& parts) {
  return GeosGeomPtr(GEOSGeom_createCollection_r(geosContext(), GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                 static_cast<unsigned int>(parts.size())));
}

// One worker thread's view of the inputs: its own GEOS geometries, prepared on demand.
class CoverageWorker {
 public:
  CoverageWorker(const ZonalCoverageInput& input, const std::vector<QRectF>& targetBoxes, const SpatialIndex& targetIndex,
                 const SpatialIndex& coverIndex, const SpatialIndex& exclusionIndex, const SpatialIndex& zoneIndex,
                 std::vector<TargetShare>& shares)
      : mTargetBoxes(targetBoxes), mTargetIndex(targetIndex), mCoverIndex(coverIndex),
        mExclusionIndex(exclusionIndex), mZoneIndex(zoneIndex), mShares(shares), mTargets(input.targets),
        mCovers(input.covers), mExclusions(input.exclusions), mZones(input.zones) {}

  void operator()(std::size_t i) {
    GEOSContextHandle_t ctx = geosContext();
    const GEOSGeometry* source = mTargets.get(i);
    if (source == nullptr) return;
    TargetShare& share = mShares[i];
    GeosGeomPtr owned;  // set once the target is cut (by earlier targets or exclusions)
    auto current = [&] { return owned ? owned.get() : source; };
    // Overlapping targets count once: cut away every earlier target whose interior meets this one.
    for (int j : mTargetIndex.query(mTargetBoxes[i])) {
      if (static_cast<std::size_t>(j) >= i) break;  // query results are ascending
      if (!interiorsMeet(mTargetBoxes[i], mTargetBoxes[static_cast<std::size_t>(j)])) continue;
      const GEOSGeometry* earlier = mTargets.get(static_cast<std::size_t>(j));
      if (earlier == nullptr || GEOSRelatePattern_r(ctx, current(), earlier, "T********") != 1) continue;
      owned.reset(GEOSDifference_r(ctx, current(), earlier));
      share.overlapped = true;
      if (!owned) return;
    }
    for (int e : mExclusionIndex.query(boxOf(current()))) {
      const GEOSPreparedGeometry* exclusion = mExclusions.prepared(static_cast<std::size_t>(e));
      if (exclusion == nullptr || GEOSPreparedIntersects_r(ctx, exclusion, current()) != 1) continue;
      owned.reset(GEOSDifference_r(ctx, current(), mExclusions.get(static_cast<std::size_t>(e))));
      if (!owned) return;
    }
    const GEOSGeometry* target = current();
    share.total = areaOf(target);
    if (share.total <= 0) return;
    const QRectF box = boxOf(target);

    // Covered part: none, all (a cover contains the target), or a local union of the pieces.
    bool full = false;
    std::vector<GEOSGeometry*> pieces;
    for (int c : mCoverIndex.query(box)) {
      const GEOSPreparedGeometry* cover = mCovers.prepared(static_cast<std::size_t>(c));
      if (cover == nullptr) continue;
      if (GEOSPreparedContains_r(ctx, cover, target) == 1) {
        full = true;
        break;
      }
      if (GEOSPreparedIntersects_r(ctx, cover, target) != 1) continue;
      if (GEOSGeometry* piece = GEOSIntersection_r(ctx, mCovers.get(static_cast<std::size_t>(c)), target)) {
        pieces.push_back(piece);
      }
    }
    GeosGeomPtr covered;
    if (full) {
      for (GEOSGeometry* p : pieces) GEOSGeom_destroy_r(ctx, p);
      share.covered = share.total;
    } else if (pieces.size() == 1) {
      covered.reset(pieces.front());
      share.covered = areaOf(covered.get());
    } else if (!pieces.empty()) {
      const GeosGeomPtr collection = makeCollection(pieces);  // takes the pieces
      covered.reset(GEOSUnaryUnion_r(ctx, collection.get()));
      share.covered = areaOf(covered.get());
    }
    share.covered = std::min(share.covered, share.total);

    // Zones: a zone that contains the target takes all of it; otherwise split by intersection.
    const std::vector<int> zones = mZoneIndex.query(box);
    for (int z : zones) {
      const GEOSPreparedGeometry* zone = mZones.prepared(static_cast<std::size_t>(z));
      if (zone != nullptr && GEOSPreparedContains_r(ctx, zone, target) == 1) {
        share.zones.push_back({z, share.covered, share.total});
        return;
      }
    }
    for (int z : zones) {
      const GEOSPreparedGeometry* zone = mZones.prepared(static_cast<std::size_t>(z));
      if (zone == nullptr || GEOSPreparedIntersects_r(ctx, zone, target) != 1) continue;
      const GEOSGeometry* zoneGeometry = mZones.get(static_cast<std::size_t>(z));
      const GeosGeomPtr inZone(GEOSIntersection_r(ctx, target, zoneGeometry));
      const double total = areaOf(inZone.get());
      if (total <= 0) continue;
      double coveredInZone = 0;
      if (full) {
        coveredInZone = total;
      } else if (covered) {
        const GeosGeomPtr part(GEOSIntersection_r(ctx, covered.get(), zoneGeometry));
        coveredInZone = std::min(areaOf(part.get()), total);
      }
      share.zones.push_back({z, coveredInZone, total});
    }
  }

 private:
  const std::vector<QRectF>& mTargetBoxes;
  const SpatialIndex& mTargetIndex;
  const SpatialIndex& mCoverIndex;
  const SpatialIndex& mExclusionIndex;
  const SpatialIndex& mZoneIndex;
  std::vector<TargetShare>& mShares;
  LocalGeometries mTargets;
  LocalGeometries mCovers;
  LocalGeometries mExclusions;
  LocalGeometries mZones;
};

Result<ZonalCoverage> indexedCoverage(const ZonalCoverageInput& input, const OverlayOptions& options) {
  const std::vector<QRectF> targetBoxes = detail::boxesOf(input.targets);
  const SpatialIndex targetIndex(targetBoxes);
  const SpatialIndex coverIndex(detail::boxesOf(input.covers));
  const SpatialIndex exclusionIndex(detail::boxesOf(input.exclusions));
  const SpatialIndex zoneIndex(detail::boxesOf(input.zones));
  std::vector<TargetShare> shares(input.targets.size());
  const std::size_t n = input.targets.size();
  std::function<void(std::size_t)> progress;
  if (options.progress) progress = [&](std::size_t done) { options.progress(done, n); };
  detail::parallelFor(
      n, options.threads,
      [&](int) { return CoverageWorker(input, targetBoxes, targetIndex, coverIndex, exclusionIndex, zoneIndex, shares); },
      options.cancel, progress);
  if (options.cancel != nullptr && options.cancel->load()) {
    return Error{ErrorCode::Cancelled, QCoreApplication::translate("Overlay", "The computation was cancelled.")};
  }
  // Sum in target order: the same answer whatever the number of threads.
  ZonalCoverage result;
  result.zones.resize(input.zones.size());
  PreciseSum covered, total, outsideCovered, outsideTotal;
  std::vector<PreciseSum> zoneCovered(input.zones.size()), zoneTotal(input.zones.size());
  for (const TargetShare& s : shares) {
    covered.add(s.covered);
    total.add(s.total);
    double inZonesCovered = 0;
    double inZonesTotal = 0;
    for (const ZoneShare& z : s.zones) {
      zoneCovered[static_cast<std::size_t>(z.zone)].add(z.covered);
      zoneTotal[static_cast<std::size_t>(z.zone)].add(z.total);
      inZonesCovered += z.covered;
      inZonesTotal += z.total;
    }
    if (!input.zones.empty() && s.total > 0) {
      // What the zones did not take (zero up to rounding when the zones tile the land).
      const double restTotal = s.total - inZonesTotal;
      if (restTotal > 1e-9 * s.total) {
        outsideTotal.add(restTotal);
        outsideCovered.add(std::max(0.0, s.covered - inZonesCovered));
      }
    }
    result.overlappingTargets += s.overlapped ? 1 : 0;
  }
  result.all = {covered.value(), total.value()};
  result.outside = {outsideCovered.value(), outsideTotal.value()};
  for (std::size_t z = 0; z < input.zones.size(); ++z) result.zones[z] = {zoneCovered[z].value(), zoneTotal[z].value()};
  return result;
}

// The straightforward pipeline, as desktop GIS chains do it: one union of all covers, one of all
// targets, then intersections. Slow and memory-hungry at city scale; kept as an independent check.
Result<ZonalCoverage> naiveCoverage(const ZonalCoverageInput& input) {
  GEOSContextHandle_t ctx = geosContext();
  auto unionOf = [&](const std::vector<Geometry>& geometries) -> GeosGeomPtr {
    std::vector<GEOSGeometry*> parts;
    for (const Geometry& g : geometries) {
      if (GeosGeomPtr p = detail::toGeos(g)) parts.push_back(p.release());
    }
    if (parts.empty()) return nullptr;
    const GeosGeomPtr collection = makeCollection(parts);
    return GeosGeomPtr(GEOSUnaryUnion_r(ctx, collection.get()));
  };
  ZonalCoverage result;
  result.zones.resize(input.zones.size());
  GeosGeomPtr target = unionOf(input.targets);
  if (!target) return result;
  if (GeosGeomPtr excluded = unionOf(input.exclusions)) target.reset(GEOSDifference_r(ctx, target.get(), excluded.get()));
  const GeosGeomPtr covers = unionOf(input.covers);
  const GeosGeomPtr covered(covers ? GEOSIntersection_r(ctx, target.get(), covers.get()) : nullptr);
  result.all = {areaOf(covered.get()), areaOf(target.get())};
  double zonedCovered = 0;
  double zonedTotal = 0;
  for (std::size_t z = 0; z < input.zones.size(); ++z) {
    const GeosGeomPtr zone = detail::toGeos(input.zones[z]);
    if (!zone) continue;
    const GeosGeomPtr t(GEOSIntersection_r(ctx, target.get(), zone.get()));
    const GeosGeomPtr c(covered ? GEOSIntersection_r(ctx, covered.get(), zone.get()) : nullptr);
    result.zones[z] = {areaOf(c.get()), areaOf(t.get())};
    zonedCovered += result.zones[z].covered;
    zonedTotal += result.zones[z].total;
  }
  if (!input.zones.empty() && result.all.total - zonedTotal > 1e-9 * result.all.total) {
    result.outside = {std::max(0.0, result.all.covered - zonedCovered), result.all.total - zonedTotal};
  }
  return result;
}

}  // namespace

Result<ZonalCoverage> zonalCoverage(const ZonalCoverageInput& input, const OverlayOptions& options,
                                    CoverageMethod method) {
  return method == CoverageMethod::Naive ? naiveCoverage(input) : indexedCoverage(input, options);
}

}  // namespace xiuhua::gis
