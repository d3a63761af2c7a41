#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/metrics/metric_result.h"
#include "xiuhua/indicators/metrics/metric_run.h"

#include <optional>
#include <vector>

namespace xiuhua::indicators {

// Facilities of at least minArea m² serve radius metres (the largest tier not above the area).
struct RadiusTier {
  double minArea = 0;
  double radius = 0;
};

// "2000:300,5000:500" → tiers sorted by area; refuses malformed text and non-positive values.
gis::Result<std::vector<RadiusTier>> parseRadiusTiers(const QString& text);
// The radius for a facility of this area: 0 (not counted) below the smallest tier.
double radiusForArea(const std::vector<RadiusTier>& tiers, double area);

// Walking distance instead of a straight-line radius (see gis::NetworkServiceAreas): the facility's
// radius is walked along the network's lines, reached from the facility within maxSnap metres; the
// walked streets, widened by `width` on either side, are its service area.
struct NetworkParams {
  gis::SourceRef lines;
  QString where;
  double maxSnap = 100;
  double width = 50;
};

// Service-radius coverage, the official form of 公园绿地服务半径覆盖率 and 公交站点500米半径覆盖率:
// facilities (polygons buffered from their boundary, or points) selected by a filter, each buffered
// by its radius (one, or tiers by facility area); the union of buffers intersected with the target
// land (selected by a filter; overlapping polygons count once, exclusions removed). Ratio =
// covered target area / total target area, for the whole and per sub-unit. With a weight, the
// ratio is covered weight / total weight (metric "population_coverage").
struct CoverageParams {
  gis::SourceRef facilities;
  QString facilityWhere;
  std::optional<double> radius;   // one radius, or
  std::vector<RadiusTier> tiers;  // tiers by facility area
  gis::SourceRef target;
  QString targetWhere;
  gis::SourceRef exclude;  // optional: land taken out of the denominator (e.g. large water bodies)
  QString excludeWhere;
  gis::SourceRef within;   // optional: only target land inside these polygons counts (嘉定新城, the area a target is set for)
  QString withinWhere;
  std::optional<ZoneRequest> per;
  // Population weighting (spatial:population_coverage): a numeric field of the target polygons
  // (each polygon's weight spread evenly over it), or a raster whose cells count by the share of
  // their area that is target land, covered or not. At most one.
  QString weightField;
  QString weightRaster;
  // Optional: service areas by walking distance along this network. The straight-line coverage is
  // computed too and reported beside it (counts "euclidean_ratio", "network_minus_euclidean_points").
  std::optional<NetworkParams> network;
  int quadSegments = 8;
  bool naive = false;  // the naive pipeline instead of the indexed one (for checks and benchmarks)
};

gis::Result<MetricResult> computeCoverage(const CoverageParams& params, const MetricRun& run = {});

}  // namespace xiuhua::indicators
