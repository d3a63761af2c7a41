#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/metrics/metric_result.h"
#include "xiuhua/indicators/metrics/metric_run.h"

#include <optional>

namespace xiuhua::indicators {

// Length of lines matching a filter (e.g. overhead-line sections buried by year Y: 架空线入地 km),
// clipped to a region and split by sub-unit; duplicate and degenerate ways are reported and, with
// deduplicate, left out. The value is in metres.
struct LengthParams {
  gis::SourceRef lines;
  QString where;
  gis::SourceRef within;  // optional clip region (polygons)
  QString withinWhere;
  std::optional<ZoneRequest> per;
  bool deduplicate = false;
};
gis::Result<MetricResult> computeLength(const LengthParams& params, const MetricRun& run = {});

// Density: length of lines matching a filter inside a region / the region's area, in km/km²
// (路网密度), for the whole region and per sub-unit (both clipped to the sub-unit).
struct DensityParams {
  gis::SourceRef lines;
  QString where;
  gis::SourceRef area;
  QString areaWhere;
  std::optional<ZoneRequest> per;
  bool deduplicate = false;
};
gis::Result<MetricResult> computeDensity(const DensityParams& params, const MetricRun& run = {});

}  // namespace xiuhua::indicators
