#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/metrics/metric_result.h"
#include "xiuhua/indicators/metrics/metric_run.h"

#include <optional>

namespace xiuhua::indicators {

// Count of features matching a filter (e.g. completed 美丽街区), each assigned to the sub-unit that
// holds its point on surface.
struct CountParams {
  gis::SourceRef features;
  QString where;
  std::optional<ZoneRequest> per;
};
gis::Result<MetricResult> computeCount(const CountParams& params, const MetricRun& run = {});

// Area share: area of the features matching a filter (their union) inside a reference region /
// the region's area (e.g. 美丽街区 area / 建成区 area), whole and per sub-unit. Value in 0..1.
struct ShareParams {
  gis::SourceRef features;
  QString where;
  gis::SourceRef area;
  QString areaWhere;
  std::optional<ZoneRequest> per;
};
gis::Result<MetricResult> computeShare(const ShareParams& params, const MetricRun& run = {});

}  // namespace xiuhua::indicators
