#include "xiuhua/indicators/metrics/feature_metrics.h"

#include "metrics/metric_support.h"
#include "metrics/server/server_metrics.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"
#include "xiuhua/gis/overlay/zonal_length.h"

#include <QElapsedTimer>

namespace xiuhua::indicators {

gis::Result<MetricResult> computeCount(const CountParams& params, const MetricRun& run) {
  if (run.engine == Engine::Postgis) return detail::computeCountInServer(params, run);
  QElapsedTimer timer;
  timer.start();
  std::vector<LayerRequest> requests = {{QStringLiteral("features"), params.features, params.where, {}}};
  if (params.per) requests.push_back(detail::zoneRequest(*params.per));
  // Counting needs no CRS; counting per sub-unit puts features and sub-units in one.
  auto inputs = loadMetricInputs(requests, run, params.per.has_value());
  if (!inputs.ok()) return inputs.error();
  const MetricLayer& features = inputs->layers[0];
  const MetricLayer* zones = params.per ? &inputs->layers[1] : nullptr;
  if (zones != nullptr) {
    if (gis::Status s = detail::requirePolygons(*zones); !s) return s.error();
  }
  MetricResult result;
  result.metric = QStringLiteral("count");
  if (gis::Status s = detail::allowNone(features, features.type(), result.notes); !s) return s.error();
  int counted = 0;
  for (const gis::Geometry& g : features.geometries) counted += g.isEmpty() ? 0 : 1;
  result.value = counted;
  result.numerator = counted;
  result.denominator = 1;
  if (zones != nullptr) {
    auto zoneOf = gis::assignToZones(features.geometries, zones->geometries, detail::overlayOptions(run));
    if (!zoneOf.ok()) return zoneOf.error();
    std::vector<int> perZone(zones->geometries.size(), 0);
    int outside = 0;
    for (std::size_t i = 0; i < zoneOf->size(); ++i) {
      if (features.geometries[i].isEmpty()) continue;
      const int z = (*zoneOf)[i];
      if (z >= 0) ++perZone[static_cast<std::size_t>(z)];
      else ++outside;
    }
    const std::vector<QString> names = detail::zoneNames(*zones, params.per->nameField);
    for (std::size_t z = 0; z < names.size(); ++z) result.zones.push_back({names[z], double(perZone[z]), double(perZone[z]), 1});
    if (outside > 0) result.outside = ZoneValue{Metrics::tr("(outside the sub-units)"), double(outside), double(outside), 1};
  }
  result.parameters = {{QStringLiteral("features"), params.features.toString()}, {QStringLiteral("where"), params.where}};
  result.counts = {{QStringLiteral("features"), counted},
                   {QStringLiteral("without_geometry"), static_cast<qint64>(features.geometries.size()) - counted}};
  detail::fillCommon(result, *inputs, params.per, run, timer);
  return result;
}

gis::Result<MetricResult> computeShare(const ShareParams& params, const MetricRun& run) {
  if (run.engine == Engine::Postgis) return detail::notBuiltForServer(QStringLiteral("share"));
  QElapsedTimer timer;
  timer.start();
  std::vector<LayerRequest> requests = {{QStringLiteral("features"), params.features, params.where, {}},
                                        {QStringLiteral("area"), params.area, params.areaWhere, {}}};
  if (params.per) requests.push_back(detail::zoneRequest(*params.per));
  auto inputs = loadMetricInputs(requests, run);
  if (!inputs.ok()) return inputs.error();
  const MetricLayer& features = inputs->layers[0];
  const MetricLayer& area = inputs->layers[1];
  const MetricLayer* zones = params.per ? &inputs->layers[2] : nullptr;
  QStringList notes;
  if (gis::Status s = detail::allowNone(features, gis::Geometry::Type::Polygon, notes); !s) return s.error();
  if (gis::Status s = detail::requirePolygons(area); !s) return s.error();
  if (zones != nullptr) {
    if (gis::Status s = detail::requirePolygons(*zones); !s) return s.error();
  }
  // The features' union covering the region: the coverage overlay without buffers.
  gis::ZonalCoverageInput overlay;
  overlay.targets = area.geometries;
  overlay.covers = features.geometries;
  if (zones != nullptr) overlay.zones = zones->geometries;
  auto share = gis::zonalCoverage(overlay, detail::overlayOptions(run));
  if (!share.ok()) return share.error();
  if (gis::Status s = detail::requireNoFailures(area, share->failedTargets); !s) return s.error();
  if (!(share->all.total > 0)) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("%1 (area): the region has no area.").arg(params.area.toString())};
  }
  MetricResult result;
  result.metric = QStringLiteral("area_share");
  result.notes = notes;
  const ZoneValue all = detail::ratioValue(QString(), share->all);
  result.value = all.value;
  result.numerator = all.numerator;
  result.denominator = all.denominator;
  if (zones != nullptr) {
    const std::vector<QString> names = detail::zoneNames(*zones, params.per->nameField);
    for (std::size_t z = 0; z < names.size(); ++z) result.zones.push_back(detail::ratioValue(names[z], share->zones[z]));
    if (share->outside.total > 0) result.outside = detail::ratioValue(Metrics::tr("(outside the sub-units)"), share->outside);
  }
  result.parameters = {{QStringLiteral("features"), params.features.toString()}, {QStringLiteral("where"), params.where},
                       {QStringLiteral("area"), params.area.toString()}, {QStringLiteral("area_where"), params.areaWhere}};
  result.counts = {{QStringLiteral("features"), static_cast<qint64>(features.geometries.size())},
                   {QStringLiteral("area_polygons"), static_cast<qint64>(area.geometries.size())}};
  detail::fillCommon(result, *inputs, params.per, run, timer);
  return result;
}

}  // namespace xiuhua::indicators
