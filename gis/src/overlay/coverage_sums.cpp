#include "overlay/coverage_sums.h"

#include "xiuhua/gis/precise_sum.h"

#include <algorithm>

namespace xiuhua::gis::detail {

ZonalCoverage sumShares(const ZonalCoverageInput& input, std::vector<TargetShare>& shares, bool takeParts) {
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
  if (input.keepParts && takeParts) {
    for (TargetShare& s : shares) {
      result.coveredParts.push_back(std::move(s.coveredPart));
      result.uncoveredParts.push_back(std::move(s.uncoveredPart));
    }
  }
  if (weighted) weights.fill(result.weightedAll, result.weightedZones, result.weightedOutside);
  return result;
}

}  // namespace xiuhua::gis::detail
