#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/metrics/metric_result.h"
#include "xiuhua/indicators/metrics/metric_run.h"

#include <optional>

namespace xiuhua::indicators {

// Per-capita area: the area of the features matching `where` (their union: overlapping parks
// count once) inside the units ÷ the units' population, in m² per person (人均公园绿地面积). The
// population is a field of the unit layer (`area`: the whole value divides by the sum over its
// features) and of each sub-unit layer (`per`: each sub-unit by its own). A unit without a
// population (NULL, not a number, negative) is refused, naming it; a sub-unit of population 0 has
// no value.
struct PerCapitaParams {
  gis::SourceRef features;
  QString where;
  gis::SourceRef area;
  QString areaWhere;
  QString populationField;
  std::optional<ZoneRequest> per;
};
gis::Result<MetricResult> computePerCapitaArea(const PerCapitaParams& params, const MetricRun& run = {});

// Area-weighted mean: a value per polygon (`valueField`, e.g. a sub-catchment's 年径流总量控制率)
// weighted by the area of each polygon inside the region (`area`, optional) and each sub-unit:
// Σ v·A(f ∩ unit) / Σ A(f ∩ unit). Polygons without a value are left out and counted.
struct AreaMeanParams {
  gis::SourceRef features;
  QString where;
  QString valueField;
  gis::SourceRef area;
  QString areaWhere;
  std::optional<ZoneRequest> per;
};
gis::Result<MetricResult> computeAreaWeightedMean(const AreaMeanParams& params, const MetricRun& run = {});

}  // namespace xiuhua::indicators
