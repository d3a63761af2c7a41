#include "xiuhua/indicators/metrics/line_metrics.h"

#include "metrics/metric_support.h"
#include "metrics/server/server_metrics.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"
#include "xiuhua/gis/overlay/zonal_length.h"

#include <QElapsedTimer>

namespace xiuhua::indicators {

namespace {

QJsonObject lengthCounts(const gis::ZonalLength& length, std::size_t lines, bool deduplicate) {
  return {{QStringLiteral("lines"), static_cast<qint64>(lines)},
          {QStringLiteral("duplicates"), length.duplicates},
          {QStringLiteral("duplicate_length_m"), length.duplicateLength},
          {QStringLiteral("degenerate"), length.degenerate},
          {QStringLiteral("degenerate_excess_m"), length.degenerateExcess},
          {QStringLiteral("deduplicated"), deduplicate}};
}

}  // namespace

gis::Result<MetricResult> computeLength(const LengthParams& params, const MetricRun& run) {
  if (run.engine == Engine::Postgis) return detail::computeLengthInServer(params, run);
  QElapsedTimer timer;
  timer.start();
  std::vector<LayerRequest> requests = {{QStringLiteral("lines"), params.lines, params.where, {}}};
  if (!params.within.isEmpty()) requests.push_back({QStringLiteral("within"), params.within, params.withinWhere, {}});
  if (params.per) requests.push_back(detail::zoneRequest(*params.per));
  auto inputs = loadMetricInputs(requests, run);
  if (!inputs.ok()) return inputs.error();
  const MetricLayer& lines = inputs->layers[0];
  const MetricLayer* within = params.within.isEmpty() ? nullptr : &inputs->layers[1];
  const MetricLayer* zones = params.per ? &inputs->layers.back() : nullptr;
  QStringList notes;
  if (gis::Status s = detail::allowNone(lines, gis::Geometry::Type::Line, notes); !s) return s.error();
  if (within != nullptr) {
    if (gis::Status s = detail::requirePolygons(*within); !s) return s.error();
  }
  if (zones != nullptr) {
    if (gis::Status s = detail::requirePolygons(*zones); !s) return s.error();
  }
  gis::ZonalLengthInput overlay;
  overlay.lines = lines.geometries;
  if (within != nullptr) overlay.within = within->geometries;
  if (zones != nullptr) overlay.zones = zones->geometries;
  overlay.deduplicate = params.deduplicate;
  auto length = gis::zonalLength(overlay, detail::overlayOptions(run));
  if (!length.ok()) return length.error();
  if (gis::Status s = detail::requireNoFailures(lines, length->failedLines); !s) return s.error();

  MetricResult result;
  result.metric = QStringLiteral("length");
  result.notes = notes;
  result.value = length->all;
  result.numerator = length->all;
  result.denominator = 1;
  if (zones != nullptr) {
    const std::vector<QString> names = detail::zoneNames(*zones, params.per->nameField);
    for (std::size_t z = 0; z < names.size(); ++z) result.zones.push_back({names[z], length->zones[z], length->zones[z], 1});
    if (length->outside > 0) result.outside = ZoneValue{Metrics::tr("(outside the sub-units)"), length->outside, length->outside, 1};
  }
  result.parameters = {{QStringLiteral("lines"), params.lines.toString()}, {QStringLiteral("where"), params.where},
                       {QStringLiteral("within"), params.within.toString()}, {QStringLiteral("within_where"), params.withinWhere},
                       {QStringLiteral("deduplicate"), params.deduplicate}};
  result.counts = lengthCounts(length.value(), lines.geometries.size(), params.deduplicate);
  detail::fillCommon(result, *inputs, params.per, run, timer);
  return result;
}

gis::Result<MetricResult> computeDensity(const DensityParams& params, const MetricRun& run) {
  if (run.engine == Engine::Postgis) return detail::notBuiltForServer(QStringLiteral("density"));
  QElapsedTimer timer;
  timer.start();
  std::vector<LayerRequest> requests = {{QStringLiteral("lines"), params.lines, params.where, {}},
                                        {QStringLiteral("area"), params.area, params.areaWhere, {}}};
  if (params.per) requests.push_back(detail::zoneRequest(*params.per));
  auto inputs = loadMetricInputs(requests, run);
  if (!inputs.ok()) return inputs.error();
  const MetricLayer& lines = inputs->layers[0];
  const MetricLayer& area = inputs->layers[1];
  const MetricLayer* zones = params.per ? &inputs->layers[2] : nullptr;
  QStringList notes;
  if (gis::Status s = detail::allowNone(lines, gis::Geometry::Type::Line, notes); !s) return s.error();
  if (gis::Status s = detail::requirePolygons(area); !s) return s.error();
  if (zones != nullptr) {
    if (gis::Status s = detail::requirePolygons(*zones); !s) return s.error();
  }
  // Numerator: line length inside the region, per zone. Denominator: the region's area, per zone.
  gis::ZonalLengthInput lengthInput;
  lengthInput.lines = lines.geometries;
  lengthInput.within = area.geometries;
  lengthInput.deduplicate = params.deduplicate;
  gis::ZonalCoverageInput areaInput;
  areaInput.targets = area.geometries;
  if (zones != nullptr) {
    lengthInput.zones = zones->geometries;
    areaInput.zones = zones->geometries;
  }
  auto length = gis::zonalLength(lengthInput, detail::overlayOptions(run));
  if (!length.ok()) return length.error();
  auto areas = gis::zonalCoverage(areaInput, detail::overlayOptions(run));
  if (!areas.ok()) return areas.error();
  if (gis::Status s = detail::requireNoFailures(area, areas->failedTargets); !s) return s.error();
  if (gis::Status s = detail::requireNoFailures(lines, length->failedLines); !s) return s.error();
  if (!(areas->all.total > 0)) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("%1 (area): the region has no area.").arg(params.area.toString())};
  }
  // km per km²: (m / 1000) / (m² / 1e6).
  auto density = [](const QString& name, double metres, double squareMetres) {
    ZoneValue v{name, std::nullopt, metres / 1000.0, squareMetres / 1e6};
    if (squareMetres > 0) v.value = v.numerator / v.denominator;
    return v;
  };
  MetricResult result;
  result.metric = QStringLiteral("density");
  result.notes = notes;
  const ZoneValue all = density(QString(), length->all, areas->all.total);
  result.value = all.value;
  result.numerator = all.numerator;
  result.denominator = all.denominator;
  if (zones != nullptr) {
    const std::vector<QString> names = detail::zoneNames(*zones, params.per->nameField);
    for (std::size_t z = 0; z < names.size(); ++z) result.zones.push_back(density(names[z], length->zones[z], areas->zones[z].total));
    if (areas->outside.total > 0) result.outside = density(Metrics::tr("(outside the sub-units)"), length->outside, areas->outside.total);
  }
  result.parameters = {{QStringLiteral("lines"), params.lines.toString()}, {QStringLiteral("where"), params.where},
                       {QStringLiteral("area"), params.area.toString()}, {QStringLiteral("area_where"), params.areaWhere},
                       {QStringLiteral("deduplicate"), params.deduplicate}};
  result.counts = lengthCounts(length.value(), lines.geometries.size(), params.deduplicate);
  detail::fillCommon(result, *inputs, params.per, run, timer);
  return result;
}

}  // namespace xiuhua::indicators
