#pragma once

// Internal: what service coverage and its what-if scenarios share — the inputs read and checked,
// each facility's radius, and the overlay input (buffers with their fast-path cores, target land,
// exclusions, sub-units) — and turning a coverage into the metric's values.
#include "xiuhua/gis/overlay/network_service_area.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"
#include "xiuhua/indicators/metrics/service_coverage.h"

#include <memory>
#include <vector>

namespace xiuhua::indicators::detail {

struct CoverageSetup {
  MetricInputs inputs;  // facilities, target (its geometries moved into overlay), [exclude], [sub-units], extra…
  std::size_t zoneLayer = 0;   // index of the sub-units in inputs.layers (when per is set)
  std::size_t extraLayer = 0;  // index of the first extra request's layer
  gis::ZonalCoverageInput overlay;
  std::vector<double> radii;  // per facility; 0: not counted
  int used = 0;               // facilities with a radius
  QStringList notes;          // none selected, or none large enough: nothing is covered
  std::size_t targetCount = 0;
  // With a network: the walking graph, and the facilities that reach no street (with a radius).
  std::shared_ptr<const gis::NetworkServiceAreas> network;
  int unreached = 0;
  std::vector<gis::Geometry> walked;  // per facility, the streets walked (lines)
  // With the targets cut by a population raster (weighTargetsByRaster): each overlay target's
  // original target; empty: they are the original targets.
  std::vector<int> targetOf;
};

// For what-if scenarios and the gap finder, whose weights are per target: the target land cut by
// the raster's populated cells, each piece weighted by its cell's population per m² × its area —
// the same weighting computeCoverage applies with a raster.
gis::Status weighTargetsByRaster(CoverageSetup& setup, const QString& path, const MetricRun& run);
// Overlay targets (e.g. failed ones) as the original targets they are part of, ascending.
std::vector<int> originalTargets(const CoverageSetup& setup, const std::vector<int>& targets);

// The covers of facilities with these radii: straight-line buffers, or with a network the walked
// streets widened (then `walked` gets the lines, and `unreached` counts facilities off the network).
struct Covers {
  std::vector<gis::Geometry> polygons;
  std::vector<gis::Geometry> walked;
  int unreached = 0;
};
Covers coversFor(const CoverageParams& params, const gis::NetworkServiceAreas* network, const std::vector<gis::Geometry>& facilities,
                 const std::vector<double>& radii, const MetricRun& run);

// Checks the parameters, reads the inputs (extra requests after the others, in the same metric
// CRS) and builds the overlay input. Fails, naming the file, on bad input.
// Replaces the set-up's covers by the straight-line buffers of its facilities (with a network, the
// comparison).
void useStraightLineCovers(const CoverageParams& params, CoverageSetup& setup, int threads);

gis::Result<CoverageSetup> setUpCoverage(const CoverageParams& params, const MetricRun& run,
                                         const std::vector<LayerRequest>& extra = {});
// The parameters themselves, before any input is read: a radius or tiers, segments, one weight.
gis::Status checkCoverageParams(const CoverageParams& params);
// The parameters as the result's JSON records them (`method`: indexed, naive or postgis).
QJsonObject coverageParameters(const CoverageParams& params, const QString& method);

// Each facility's radius: the one radius, or its tier by area (points have no area); 0 for none.
std::vector<double> facilityRadii(const CoverageParams& params, const std::vector<gis::Geometry>& facilities, int threads);

// The metric's headline and per-sub-unit values of a coverage (weighted or by area).
void fillCoverageValues(MetricResult& result, const gis::ZonalCoverage& coverage, bool weighted, const MetricLayer* zones,
                        const std::optional<ZoneRequest>& per);

}  // namespace xiuhua::indicators::detail
