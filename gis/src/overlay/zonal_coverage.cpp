#include "xiuhua/gis/overlay/zonal_coverage.h"

#include "geos_context.h"
#include "overlay/coverage_worker.h"
#include "overlay/local_geometries.h"
#include "overlay/parallel.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace xiuhua::gis {

using detail::areaOf;
using detail::geosContext;
using detail::GeosGeomPtr;
using gis::PreciseSum;

namespace {

Result<ZonalCoverage> indexedCoverage(const ZonalCoverageInput& input, const OverlayOptions& options) {
  detail::CoverageShared shared(input, options);
  const std::size_t n = input.targets.size();
  std::function<void(std::size_t)> progress;
  if (options.progress) {
    progress = [&](std::size_t batches) { options.progress(std::min(n, batches * detail::CoverageShared::kBatch), n); };
  }
  detail::parallelFor(
      shared.batchCount(), options.threads,
      [&](int) {
        return [worker = detail::CoverageWorker(shared)](std::size_t batch) mutable { worker.processBatch(batch); };
      },
      options.cancel, progress, 1);
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
  const std::vector<detail::TargetShare>& shares = shared.shares;
  for (const detail::TargetShare& s : shares) {
    for (Sums* sums : {&areas, &weights}) {
      const double f = sums == &areas ? 1.0 : s.density;
      if (sums == &weights && !weighted) break;
      sums->covered.add(f * s.covered);
      sums->total.add(f * s.total);
      double inZonesCovered = 0;
      double inZonesTotal = 0;
      for (const detail::ZoneShare& z : s.zones) {
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
    for (detail::TargetShare& s : shared.shares) {
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
  ZonalCoverage result;
  result.zones.resize(input.zones.size());
  GeosGeomPtr target = detail::unaryUnion(input.targets);
  if (!target) return result;
  if (GeosGeomPtr excluded = detail::unaryUnion(input.exclusions)) target.reset(GEOSDifference_r(ctx, target.get(), excluded.get()));
  const GeosGeomPtr covers = detail::unaryUnion(input.covers);
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
