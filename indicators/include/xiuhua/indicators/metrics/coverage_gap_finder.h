#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/metrics/metric_result.h"
#include "xiuhua/indicators/metrics/metric_run.h"
#include "xiuhua/indicators/metrics/service_coverage.h"

#include <QPointF>

#include <optional>
#include <vector>

namespace xiuhua::indicators {

// The gap finder of a service coverage: the N best sites for a new facility of a given size and
// radius, among the points of a grid inside candidate land (e.g. vacant plots), or anywhere in the
// sub-units when there is no candidate layer. Chosen greedily (gis::chooseSites): each next site
// counts only the target land (or, with a weight field, the population) that the existing
// facilities and the sites before it leave uncovered.
//
// A facility of area A is a disk of that area centred on the site (a point when A is 0, e.g. a bus
// stop), buffered by its radius, as a what-if scenario with the "sites" layer as proposed
// facilities computes it — so the gains are the deltas that scenario shows.
struct GapFinderParams {
  CoverageParams coverage;  // the base; weighting by a field ranks by weight, by a raster is refused
  gis::SourceRef candidates;  // optional: candidate land (polygons)
  QString candidatesWhere;
  double spacing = 200;          // metres between candidate points
  double facilityArea = 0;       // m²
  std::optional<double> radius;  // default: the coverage's radius, or its tier for facilityArea
  int count = 5;
};

struct GapSite {
  int rank = 0;
  QPointF point;           // metric CRS
  gis::Geometry footprint;  // the disk of facilityArea, or the point
  double radius = 0;
  double gainArea = 0;    // target land newly covered (m²)
  double gainWeight = 0;  // with a weight field: the weight newly covered
  double gainPoints = 0;  // percentage points the headline ratio gains
  std::optional<double> valueAfter;  // the headline ratio with this site and those before it
  QString zone;  // the sub-unit that gains most from the site (when per is set)
};

struct GapFinderResult {
  MetricResult base;  // values only
  MetricResult after;  // values with all the sites (per sub-unit too)
  std::vector<GapSite> sites;
  int candidates = 0;  // candidate points tested
  double radius = 0;
  double seconds = 0;
  // With MetricRun::resultLayers, in the metric CRS: "sites" (footprints with rank, gain_m2,
  // gain_points, gain_weight, value_after, radius_m, area_m2, zone) — usable as proposed facilities
  // of a what-if — and "site_service_areas" (each site's buffer, with rank).
  std::vector<gis::LayerToWrite> layers;
};

gis::Result<GapFinderResult> findCoverageGaps(const GapFinderParams& params, const MetricRun& run = {});

// {"metric", "radius_m", "facility_area_m2", "candidates", "base": {…}, "after": {…},
//  "sites": [{"rank", "x", "y", "gain_m2", "gain_weight", "gain_points", "value_after", "zone"}], "seconds"}
QJsonObject gapFinderToJson(const GapFinderResult& result, const GapFinderParams& params);

}  // namespace xiuhua::indicators
