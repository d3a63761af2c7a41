#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/metrics/metric_result.h"
#include "xiuhua/indicators/metrics/metric_run.h"
#include "xiuhua/indicators/metrics/service_coverage.h"

#include <vector>

namespace xiuhua::indicators {

// A what-if scenario of a service coverage: proposed facilities added (read from a source, e.g. a
// layer of planned parks, each with its radius by the same tiers) and existing ones taken away
// (those of the facility layer matching a filter). The base is computed in full; the scenario
// recomputes only the target land the changed facilities' buffers reach (gis::CoverageScenarios).
struct WhatIfParams {
  CoverageParams coverage;  // the base; weighting by a field is allowed, by a raster not
  gis::SourceRef add;       // optional: proposed facilities
  QString addWhere;
  QString removeWhere;      // optional: a filter on the facility layer, e.g. "fid IN (12, 40)"
};

struct WhatIfResult {
  MetricResult base;      // values only (whole and per sub-unit), with inputs and parameters
  MetricResult scenario;  // values only
  int added = 0;          // proposed facilities with a radius
  int removed = 0;        // facilities taken away
  int recomputedTargets = 0;
  double baseSeconds = 0;      // reading, set-up and the full base computation
  double scenarioSeconds = 0;  // the incremental scenario alone
  // With MetricRun::resultLayers, in the metric CRS: "newly_covered" and "newly_uncovered" target
  // land (with target_fid, area_m2), "proposed" (the proposed facilities, radius_m) and
  // "taken_away" (the facilities taken away).
  std::vector<gis::LayerToWrite> layers;
};

gis::Result<WhatIfResult> computeWhatIf(const WhatIfParams& params, const MetricRun& run = {});

// {"metric", "base": {value, per…}, "scenario": {…}, "change": {"points", "per": [{"name", "base",
// "scenario", "points"}]}, "added", "removed", "recomputed_targets", "seconds_base", "seconds_scenario"}
QJsonObject whatIfToJson(const WhatIfResult& result);

}  // namespace xiuhua::indicators
