#include "xiuhua/gis/overlay/zonal_coverage.h"

#include "geos_context.h"
#include "overlay/local_geometries.h"
#include "overlay/parallel.h"
#include "spatial_index_access.h"
#include "xiuhua/gis/spatial_index.h"

#include <QCoreApplication>

#include <cmath>

namespace xiuhua::gis {

using detail::areaOf;
using detail::geosContext;
using detail::GeosGeomPtr;
using detail::LocalGeometries;
using gis::PreciseSum;

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
  double density = 0;  // weight per unit of the target's original area
  std::vector<ZoneShare> zones;  // usually one entry; several when the target straddles zones
  bool overlapped = false;
  bool failed = false;   // GEOS could not compute this target's overlay
  Geometry coveredPart;  // with keepParts
  Geometry uncoveredPart;
};

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
      : mInput(input), mTargetBoxes(targetBoxes), mTargetIndex(targetIndex), mCoverIndex(coverIndex),
        mExclusionIndex(exclusionIndex), mZoneIndex(zoneIndex), mShares(shares), mTargets(input.targets),
        mCovers(input.covers), mExclusions(input.exclusions), mZones(input.zones) {}

  void operator()(std::size_t i) {
    GEOSContextHandle_t ctx = geosContext();
    const GEOSGeometry* source = mTargets.get(i);
    if (source == nullptr) return;
    TargetShare& share = mShares[i];
    if (i < mInput.targetWeights.size()) {
      const double area = areaOf(source);
      share.density = area > 0 ? mInput.targetWeights[i] / area : 0.0;
    }
    GeosGeomPtr owned;  // set once the target is cut (by earlier targets or exclusions)
    auto current = [&] { return owned ? owned.get() : source; };
    // Overlapping targets count once: cut away every earlier target whose interior meets this one.
    detail::SpatialIndexAccess::query(mTargetIndex, source, mCandidates);
    for (int j : mCandidates) {
      if (static_cast<std::size_t>(j) >= i) break;  // query results are ascending
      if (!interiorsMeet(mTargetBoxes[i], mTargetBoxes[static_cast<std::size_t>(j)])) continue;
      const GEOSGeometry* earlier = mTargets.get(static_cast<std::size_t>(j));
      // A cheap intersects test first: most neighbours are apart; relate only for those that meet.
      if (earlier == nullptr || GEOSIntersects_r(ctx, current(), earlier) != 1 ||
          GEOSRelatePattern_r(ctx, current(), earlier, "T********") != 1) {
        continue;
      }
      owned.reset(GEOSDifference_r(ctx, current(), earlier));
      share.overlapped = true;
      if (!owned) {
        share.failed = true;
        return;
      }
    }
    mCandidates.clear();
    if (mExclusionIndex.size() > 0) detail::SpatialIndexAccess::query(mExclusionIndex, current(), mCandidates);
    for (int e : mCandidates) {
      const GEOSPreparedGeometry* exclusion = mExclusions.prepared(static_cast<std::size_t>(e));
      if (exclusion == nullptr || GEOSPreparedIntersects_r(ctx, exclusion, current()) != 1) continue;
      owned.reset(GEOSDifference_r(ctx, current(), mExclusions.get(static_cast<std::size_t>(e))));
      if (!owned) {
        share.failed = true;
        return;
      }
    }
    const GEOSGeometry* target = current();
    share.total = areaOf(target);
    if (share.total <= 0) return;

    // Covered part: all (within a cover's core disk, or contained by a cover), none (no cover
    // meets it), or what is left after cutting away the covers that meet it. Containment is
    // settled for every candidate before any overlay.
    bool full = false;
    mMeeting.clear();
    detail::SpatialIndexAccess::query(mCoverIndex, target, mCandidates);
    for (int c : mCandidates) {
      if (withinCore(i, static_cast<std::size_t>(c))) {
        full = true;
        break;
      }
    }
    for (std::size_t k = 0; !full && k < mCandidates.size(); ++k) {
      const int c = mCandidates[k];
      const GEOSPreparedGeometry* cover = mCovers.prepared(static_cast<std::size_t>(c));
      // Intersects first: it is cheap, and most candidates from the box query do not even meet.
      if (cover == nullptr || GEOSPreparedIntersects_r(ctx, cover, target) != 1) continue;
      if (GEOSPreparedContains_r(ctx, cover, target) == 1) {
        full = true;
        break;
      }
      mMeeting.push_back(c);
    }
    // A partly covered target: cut the covers away one by one; what is left is uncovered.
    GeosGeomPtr uncovered;
    if (full) {
      share.covered = share.total;
    } else if (!mMeeting.empty()) {
      uncovered = cutAway(target, mMeeting);
      if (!uncovered) {
        share.failed = true;
        return;
      }
      share.covered = std::clamp(share.total - areaOf(uncovered.get()), 0.0, share.total);
    }
    if (mInput.keepParts) keepParts(share, target, full, uncovered.get());

    // Zones: a zone that contains the target takes all of it; otherwise split by intersection.
    // Neighbouring targets tend to share a zone: the last one found is tried first.
    if (mZoneIndex.size() == 0) return;
    if (mLastZone >= 0) {
      const GEOSPreparedGeometry* zone = mZones.prepared(static_cast<std::size_t>(mLastZone));
      if (zone != nullptr && GEOSPreparedContains_r(ctx, zone, target) == 1) {
        share.zones.push_back({mLastZone, share.covered, share.total});
        return;
      }
    }
    detail::SpatialIndexAccess::query(mZoneIndex, target, mCandidates);
    const std::vector<int>& zones = mCandidates;
    for (int z : zones) {
      const GEOSPreparedGeometry* zone = mZones.prepared(static_cast<std::size_t>(z));
      if (z != mLastZone && zone != nullptr && GEOSPreparedContains_r(ctx, zone, target) == 1) {
        share.zones.push_back({z, share.covered, share.total});
        mLastZone = z;
        return;
      }
    }
    for (int z : zones) {
      const GEOSPreparedGeometry* zone = mZones.prepared(static_cast<std::size_t>(z));
      if (zone == nullptr || GEOSPreparedIntersects_r(ctx, zone, target) != 1) continue;
      const GEOSGeometry* zoneGeometry = mZones.get(static_cast<std::size_t>(z));
      const GeosGeomPtr inZone(GEOSIntersection_r(ctx, target, zoneGeometry));
      if (!inZone) {
        share.failed = true;
        return;
      }
      const double total = areaOf(inZone.get());
      if (total <= 0) continue;
      double coveredInZone = 0;
      if (full) {
        coveredInZone = total;
      } else if (uncovered) {
        const GeosGeomPtr part(GEOSIntersection_r(ctx, uncovered.get(), zoneGeometry));
        if (!part) {
          share.failed = true;
          return;
        }
        coveredInZone = std::clamp(total - areaOf(part.get()), 0.0, total);
      }
      share.zones.push_back({z, coveredInZone, total});
    }
  }

 private:
  const ZonalCoverageInput& mInput;
  const std::vector<QRectF>& mTargetBoxes;
  const SpatialIndex& mTargetIndex;
  const SpatialIndex& mCoverIndex;
  const SpatialIndex& mExclusionIndex;
  const SpatialIndex& mZoneIndex;
  std::vector<TargetShare>& mShares;
  void keepParts(TargetShare& share, const GEOSGeometry* target, bool full, const GEOSGeometry* uncovered) {
    GEOSContextHandle_t ctx = geosContext();
    if (full) {
      share.coveredPart = detail::fromGeos(target);
    } else if (uncovered == nullptr) {
      share.uncoveredPart = detail::fromGeos(target);
    } else {
      const GeosGeomPtr covered(GEOSDifference_r(ctx, target, uncovered));
      share.coveredPart = detail::fromGeos(covered.get());
      share.uncoveredPart = detail::fromGeos(uncovered);
    }
  }

  // Whether the (whole, uncut) target lies within one core disk of the cover: then the cover
  // contains it. Distance to a point is convex, so checking the target's vertices suffices.
  bool withinCore(std::size_t target, std::size_t cover) const {
    if (cover >= mInput.coverCores.size() || cover >= mInput.coreRadii.size()) return false;
    const double r2 = mInput.coreRadii[cover] * mInput.coreRadii[cover];
    for (const QPointF& f : mInput.coverCores[cover]) {
      bool inside = true;
      for (const Geometry::Part& part : mInput.targets[target].parts()) {
        for (const QPointF& v : part.empty() ? Geometry::Ring() : part.front()) {  // the shell bounds the holes
          const double dx = v.x() - f.x();
          const double dy = v.y() - f.y();
          if (dx * dx + dy * dy > r2) {
            inside = false;
            break;
          }
        }
        if (!inside) break;
      }
      if (inside) return true;
    }
    return false;
  }

  // The target minus the covers that meet it. Each cover is first clipped to the target's box (a
  // cheap linear cut), so the overlay sees a few segments rather than a whole buffer; the exact
  // difference still decides. Null when GEOS fails even on the unclipped cover.
  GeosGeomPtr cutAway(const GEOSGeometry* target, const std::vector<int>& covers) {
    GEOSContextHandle_t ctx = geosContext();
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    detail::envelopeOf(target, x0, y0, x1, y1);
    GeosGeomPtr rest(GEOSGeom_clone_r(ctx, target));
    for (int c : covers) {
      const GEOSGeometry* cover = mCovers.get(static_cast<std::size_t>(c));
      const GeosGeomPtr clipped(GEOSClipByRect_r(ctx, cover, x0, y0, x1, y1));
      GeosGeomPtr next(clipped ? GEOSDifference_r(ctx, rest.get(), clipped.get()) : nullptr);
      if (!next) next.reset(GEOSDifference_r(ctx, rest.get(), cover));
      if (!next) return nullptr;
      rest = std::move(next);
      if (GEOSisEmpty_r(ctx, rest.get()) == 1) break;
    }
    return rest;
  }

  std::vector<int> mCandidates;  // reused query results
  int mLastZone = -1;
  std::vector<int> mMeeting;
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
  // Sums of areas, and of weights (area × the target's weight density).
  struct Sums {
    PreciseSum covered, total, outsideCovered, outsideTotal;
    std::vector<PreciseSum> zoneCovered, zoneTotal;
    explicit Sums(std::size_t zones) : zoneCovered(zones), zoneTotal(zones) {}
    void fill(AreaPair& all, std::vector<AreaPair>& zones, AreaPair& outside) const {
      all = {covered.value(), total.value()};
      outside = {outsideCovered.value(), outsideTotal.value()};
      zones.resize(zoneCovered.size());
      for (std::size_t z = 0; z < zones.size(); ++z) zones[z] = {zoneCovered[z].value(), zoneTotal[z].value()};
    }
  };
  Sums areas(input.zones.size());
  Sums weights(input.zones.size());
  const bool weighted = !input.targetWeights.empty();
  for (const TargetShare& s : shares) {
    for (Sums* sums : {&areas, &weights}) {
      const double f = sums == &areas ? 1.0 : s.density;
      if (sums == &weights && !weighted) break;
      sums->covered.add(f * s.covered);
      sums->total.add(f * s.total);
      double inZonesCovered = 0;
      double inZonesTotal = 0;
      for (const ZoneShare& z : s.zones) {
        sums->zoneCovered[static_cast<std::size_t>(z.zone)].add(f * z.covered);
        sums->zoneTotal[static_cast<std::size_t>(z.zone)].add(f * z.total);
        inZonesCovered += z.covered;
        inZonesTotal += z.total;
      }
      if (!input.zones.empty() && s.total > 0) {
        // What the zones did not take (zero up to rounding when the zones tile the land).
        const double restTotal = s.total - inZonesTotal;
        if (restTotal > 1e-9 * s.total) {
          sums->outsideTotal.add(f * restTotal);
          sums->outsideCovered.add(f * std::max(0.0, s.covered - inZonesCovered));
        }
      }
    }
    result.overlappingTargets += s.overlapped ? 1 : 0;
  }
  for (std::size_t i = 0; i < shares.size(); ++i) {
    if (shares[i].failed) result.failedTargets.push_back(static_cast<int>(i));
  }
  areas.fill(result.all, result.zones, result.outside);
  if (input.keepParts) {
    for (TargetShare& s : shares) {
      result.coveredParts.push_back(std::move(s.coveredPart));
      result.uncoveredParts.push_back(std::move(s.uncoveredPart));
    }
  }
  if (weighted) weights.fill(result.weightedAll, result.weightedZones, result.weightedOutside);
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
  if (method == CoverageMethod::Naive && !input.targetWeights.empty()) {
    return Error{ErrorCode::InvalidArgument, QCoreApplication::translate("Overlay", "The naive method does not weight targets.")};
  }
  return method == CoverageMethod::Naive ? naiveCoverage(input) : indexedCoverage(input, options);
}

}  // namespace xiuhua::gis
