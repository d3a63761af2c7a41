#pragma once

// Metrics computed as SQL in the PostGIS server (MetricRun::engine Postgis): the same result as the
// local engine (the same repairs, duplicates, clipping and zone rules, GEOS inside PostGIS), the
// features never leaving the server.
#include "xiuhua/indicators/metrics/feature_metrics.h"
#include "xiuhua/indicators/metrics/line_metrics.h"
#include "xiuhua/indicators/metrics/service_coverage.h"

namespace xiuhua::indicators::detail {

gis::Result<MetricResult> computeLengthInServer(const LengthParams& params, const MetricRun& run);
gis::Result<MetricResult> computeCountInServer(const CountParams& params, const MetricRun& run);
// Straight-line coverage (a radius or tiers, exclusions, `within`, sub-units, a weight field).
gis::Result<MetricResult> computeCoverageInServer(const CoverageParams& params, const MetricRun& run);
// The run for a metric whose inputs are these sources: in the server (Engine::Postgis) when every
// one given is a table of one PostGIS database — the data is not downloaded to be measured — else
// as asked.
MetricRun whereTheDataIs(const MetricRun& run, const std::vector<gis::SourceRef>& sources);
// Why a metric cannot run in the server (walking networks, raster weights …): refused, saying so.
gis::Error notInServer(const QString& metric, const QString& why);
// A metric whose SQL is not written yet: refused, naming those that run in the server.
gis::Error notBuiltForServer(const QString& metric);

}  // namespace xiuhua::indicators::detail
