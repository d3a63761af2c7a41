#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/metrics/metric_result.h"
#include "xiuhua/indicators/metrics/metric_run.h"

#include <optional>

namespace xiuhua::indicators {

// Count share: of the features matching `where` (optionally only those inside `within`, e.g. the
// signs inside 规划点位), the share that also meets `condition` (an OGR SQL filter: 主要河道水质断面
// with water_class < 3, approved = 1). Each feature is placed by its point on surface, in `within`
// and in the sub-units. Value in 0..1; none for a sub-unit with no feature.
struct CountShareParams {
  gis::SourceRef features;
  QString where;
  QString condition;
  gis::SourceRef within;  // optional polygons
  QString withinWhere;
  std::optional<ZoneRequest> per;
};
gis::Result<MetricResult> computeCountShare(const CountShareParams& params, const MetricRun& run = {});

// Length share: of the lines matching `where` (clipped to `within` when given, and to each
// sub-unit), the share of the length that also meets `condition` — length-weighted, e.g. 道路技术
// 状况优良率 (condition "condition IN ('优','良')"), 结构承载力不足路段比例. With deduplicate, lines
// equal to an earlier one count once. Value in 0..1.
struct LengthShareParams {
  gis::SourceRef lines;
  QString where;
  QString condition;
  gis::SourceRef within;
  QString withinWhere;
  std::optional<ZoneRequest> per;
  bool deduplicate = false;
};
gis::Result<MetricResult> computeLengthShare(const LengthShareParams& params, const MetricRun& run = {});

// The filter of the features that meet a condition among those of `where`: "(where) AND (condition)".
QString meetingFilter(const QString& where, const QString& condition);

}  // namespace xiuhua::indicators
