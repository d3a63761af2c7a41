#include "xiuhua/indicators/metrics/coverage_gap_finder.h"

#include "metrics/coverage_setup.h"
#include "metrics/metric_support.h"
#include "xiuhua/gis/overlay/coverage_scenarios.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/overlay/site_selection.h"
#include "xiuhua/indicators/metrics/metric_json.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <cmath>

namespace xiuhua::indicators {

namespace {

// The radius of the point buffer whose polygon (4·quadSegments sides) has the area: the footprint
// then measures the area the user asked for, and falls in the same radius tier.
double diskRadius(double area, int quadSegments) {
  const double n = 4.0 * quadSegments;
  const double regularPolygonFactor = n / 2.0 * std::sin(2.0 * M_PI / n);  // area of the n-gon / r²
  return std::sqrt(area / regularPolygonFactor) * (1.0 + 1e-9);
}

gis::Result<double> siteRadius(const GapFinderParams& params) {
  if (params.radius) {
    if (!(*params.radius > 0)) return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("The service radius must be positive.")};
    return *params.radius;
  }
  if (params.coverage.radius) return *params.coverage.radius;
  const double r = radiusForArea(params.coverage.tiers, params.facilityArea);
  if (!(r > 0)) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      Metrics::tr("A facility of %1 m² is below the smallest radius tier; give a larger facility area or a radius.")
                          .arg(params.facilityArea)};
  }
  return r;
}

// The sub-unit whose covered land (or weight) grows most between two coverages.
QString gainingZone(const MetricResult& before, const MetricResult& after) {
  QString best;
  double bestGain = 0;
  for (std::size_t z = 0; z < before.zones.size() && z < after.zones.size(); ++z) {
    const double gain = after.zones[z].numerator - before.zones[z].numerator;
    if (gain > bestGain) {
      bestGain = gain;
      best = after.zones[z].name;
    }
  }
  return best;
}

}  // namespace

gis::Result<GapFinderResult> findCoverageGaps(const GapFinderParams& params, const MetricRun& run) {
  QElapsedTimer timer;
  timer.start();
  if (params.count < 1) return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("Ask for at least one site.")};
  if (!(params.facilityArea >= 0)) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("The facility area must be 0 (a point) or positive, in m².")};
  }
  if (params.candidates.isEmpty() && !params.coverage.per) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      Metrics::tr("Give candidate land, or sub-units to search anywhere inside them.")};
  }
  auto radius = siteRadius(params);
  if (!radius.ok()) return radius.error();

  std::vector<LayerRequest> extra;
  if (!params.candidates.isEmpty()) {
    extra.push_back({QStringLiteral("candidates"), params.candidates, params.candidatesWhere, QStringList()});
  }
  MetricRun setupRun = run;
  setupRun.progress = nullptr;
  auto setup = detail::setUpCoverage(params.coverage, setupRun, extra);
  if (!setup.ok()) return setup.error();
  const MetricInputs& inputs = setup->inputs;
  const MetricLayer* zones = params.coverage.per ? &inputs.layers[setup->zoneLayer] : nullptr;
  const MetricLayer* candidateLayer = params.candidates.isEmpty() ? nullptr : &inputs.layers[setup->extraLayer];
  if (candidateLayer != nullptr) {
    if (gis::Status s = detail::requirePolygons(*candidateLayer); !s) return s.error();
  }
  auto sites = gis::candidateSites(candidateLayer != nullptr ? candidateLayer->geometries : zones->geometries, params.spacing, run.threads);
  if (!sites.ok()) return sites.error();
  if (sites->points.empty()) {
    return gis::Error{gis::ErrorCode::EmptySource, Metrics::tr("%1: no candidate site lies inside this land.")
                                                        .arg((candidateLayer != nullptr ? params.candidates : zones->request.source).toString())};
  }

  // Footprints and their service areas, as a what-if computes them from the footprints.
  GapFinderResult out;
  out.radius = *radius;
  out.candidates = static_cast<int>(sites->points.size());
  std::vector<gis::Geometry> footprints;
  footprints.reserve(sites->points.size());
  for (const QPointF& p : sites->points) footprints.push_back(gis::Geometry::point(p));
  if (params.facilityArea > 0) {
    footprints = gis::bufferEach(footprints, std::vector<double>(footprints.size(), diskRadius(params.facilityArea, params.coverage.quadSegments)),
                                 params.coverage.quadSegments, run.threads);
  }
  const std::vector<gis::Geometry> covers =
      detail::coversFor(params.coverage, setup->network.get(), footprints, std::vector<double>(footprints.size(), *radius), run).polygons;
  if (run.cancel != nullptr && run.cancel->load()) return gis::Error{gis::ErrorCode::Cancelled, Metrics::tr("Cancelled.")};

  const bool weighted = !params.coverage.weightField.isEmpty() || !params.coverage.weightRaster.isEmpty();
  if (!params.coverage.weightRaster.isEmpty()) {
    if (gis::Status s = detail::weighTargetsByRaster(*setup, params.coverage.weightRaster, run); !s) return s.error();
  }
  setup->overlay.keepParts = true;  // the uncovered land is what the sites are ranked by
  gis::OverlayOptions options = detail::overlayOptions(run);
  if (run.progress) {  // the base is about a fifth of the work, the ranking the rest
    options.progress = [progress = run.progress](std::size_t done, std::size_t total) {
      progress(total > 0 ? 0.2 * static_cast<double>(done) / static_cast<double>(total) : 0.2);
    };
  }
  auto scenarios = gis::CoverageScenarios::build(std::move(setup->overlay), options);
  if (!scenarios.ok()) return scenarios.error();
  if (gis::Status s = detail::requireNoFailures(inputs.layers[1], detail::originalTargets(*setup, scenarios->base().failedTargets)); !s) return s.error();
  out.base.metric = weighted ? QStringLiteral("population_coverage") : QStringLiteral("service_coverage");
  detail::fillCoverageValues(out.base, scenarios->base(), weighted, zones, params.coverage.per);
  detail::fillCommon(out.base, inputs, params.coverage.per, MetricRun(), timer);

  gis::SiteSelectionOptions selection;
  selection.count = params.count;
  selection.byWeight = weighted;
  selection.overlay = detail::overlayOptions(run);
  if (run.progress) {
    selection.overlay.progress = [progress = run.progress](std::size_t done, std::size_t total) {
      progress(0.2 + 0.8 * (total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0));
    };
  }
  auto chosen = gis::chooseSites(*scenarios, covers, selection);
  if (!chosen.ok()) return chosen.error();

  MetricResult before = out.base;
  for (const gis::SiteChoice& choice : *chosen) {
    if (gis::Status s = detail::requireNoFailures(inputs.layers[1], detail::originalTargets(*setup, choice.after.failedTargets)); !s) return s.error();
    MetricResult now;
    now.metric = out.base.metric;
    detail::fillCoverageValues(now, choice.after, weighted, zones, params.coverage.per);
    GapSite site;
    site.rank = static_cast<int>(out.sites.size()) + 1;
    site.point = sites->points[static_cast<std::size_t>(choice.candidate)];
    site.footprint = footprints[static_cast<std::size_t>(choice.candidate)];
    site.radius = *radius;
    site.gainArea = choice.area;
    site.gainWeight = choice.weight;
    site.valueAfter = now.value;
    site.gainPoints = now.value && before.value ? (*now.value - *before.value) * 100.0 : 0.0;
    site.zone = gainingZone(before, now);
    out.sites.push_back(site);
    before = std::move(now);
  }
  out.after = before;
  out.after.crs = out.base.crs;
  out.seconds = timer.nsecsElapsed() / 1e9;
  out.base.seconds = out.seconds;

  if (run.resultLayers) {
    gis::LayerToWrite sitesLayer;
    sitesLayer.name = QStringLiteral("sites");
    sitesLayer.crs = inputs.crs;
    sitesLayer.type = params.facilityArea > 0 ? gis::Geometry::Type::Polygon : gis::Geometry::Type::Point;
    sitesLayer.fields = {{QStringLiteral("rank"), gis::Field::Type::Integer},    {QStringLiteral("gain_m2"), gis::Field::Type::Real},
                         {QStringLiteral("gain_points"), gis::Field::Type::Real}, {QStringLiteral("gain_weight"), gis::Field::Type::Real},
                         {QStringLiteral("value_after"), gis::Field::Type::Real}, {QStringLiteral("radius_m"), gis::Field::Type::Real},
                         {QStringLiteral("area_m2"), gis::Field::Type::Real},     {QStringLiteral("zone"), gis::Field::Type::String}};
    gis::LayerToWrite areasLayer;
    areasLayer.name = QStringLiteral("site_service_areas");
    areasLayer.crs = inputs.crs;
    areasLayer.fields = {{QStringLiteral("rank"), gis::Field::Type::Integer}, {QStringLiteral("radius_m"), gis::Field::Type::Real}};
    for (std::size_t k = 0; k < out.sites.size(); ++k) {
      const GapSite& s = out.sites[k];
      sitesLayer.geometries.push_back(s.footprint);
      sitesLayer.attributes.push_back({s.rank, s.gainArea, s.gainPoints, s.gainWeight, s.valueAfter ? QVariant(*s.valueAfter) : QVariant(),
                                       s.radius, params.facilityArea, s.zone});
      areasLayer.geometries.push_back(covers[static_cast<std::size_t>((*chosen)[k].candidate)]);
      areasLayer.attributes.push_back({s.rank, s.radius});
    }
    out.layers.push_back(std::move(sitesLayer));
    out.layers.push_back(std::move(areasLayer));
  }
  return out;
}

QJsonObject gapFinderToJson(const GapFinderResult& r, const GapFinderParams& params) {
  QJsonArray sites;
  for (const GapSite& s : r.sites) {
    sites.append(QJsonObject{{QStringLiteral("rank"), s.rank},
                             {QStringLiteral("x"), s.point.x()},
                             {QStringLiteral("y"), s.point.y()},
                             {QStringLiteral("gain_m2"), s.gainArea},
                             {QStringLiteral("gain_weight"), s.gainWeight},
                             {QStringLiteral("gain_points"), s.gainPoints},
                             {QStringLiteral("value_after"), s.valueAfter ? QJsonValue(*s.valueAfter) : QJsonValue()},
                             {QStringLiteral("zone"), s.zone}});
  }
  return {{QStringLiteral("metric"), r.base.metric},
          {QStringLiteral("radius_m"), r.radius},
          {QStringLiteral("facility_area_m2"), params.facilityArea},
          {QStringLiteral("spacing_m"), params.spacing},
          {QStringLiteral("candidates"), r.candidates},
          {QStringLiteral("base"), metricResultToJson(r.base)},
          {QStringLiteral("after"), metricResultToJson(r.after)},
          {QStringLiteral("sites"), sites},
          {QStringLiteral("seconds"), r.seconds}};
}

}  // namespace xiuhua::indicators
