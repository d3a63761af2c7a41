#include "xiuhua/gis/overlay/zonal_coverage.h"

#include "geos_context.h"
#include "overlay/coverage_sums.h"
#include "overlay/local_geometries.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace xiuhua::gis {

using detail::areaOf;
using detail::geosContext;
using detail::GeosGeomPtr;

namespace {

Result<ZonalCoverage> indexedCoverage(const ZonalCoverageInput& input, const OverlayOptions& options) {
  auto shares = detail::computeShares(input, options);
  if (!shares.ok()) return shares.error();
  return detail::sumShares(input, shares.value());
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
