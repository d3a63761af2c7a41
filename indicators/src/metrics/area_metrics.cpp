#include "xiuhua/indicators/metrics/area_metrics.h"

#include "metrics/metric_support.h"
#include "metrics/server/server_metrics.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/overlay/polygon_pairs.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"

#include <QElapsedTimer>

#include <cmath>

namespace xiuhua::indicators {
namespace {

gis::Error invalid(const QString& message) { return gis::Error{gis::ErrorCode::InvalidArgument, message}; }

// A numeric attribute of every feature, or an error naming the first feature without one.
gis::Result<std::vector<double>> populations(const MetricLayer& layer, const QString& field, const std::vector<QString>& names) {
  std::vector<double> out;
  for (std::size_t i = 0; i < layer.geometries.size(); ++i) {
    const QVariant v = layer.value(i, field);
    bool ok = false;
    const double p = v.isNull() ? 0 : v.toDouble(&ok);
    if (!ok || !std::isfinite(p) || p < 0) {
      const QString name = i < names.size() ? names[i] : QStringLiteral("#%1").arg(i + 1);
      return invalid(Metrics::tr("%1 (%2): %3 has no population in the field \"%4\" (\"%5\").")
                         .arg(layer.request.source.toString(), layer.request.role, name, field, v.toString()));
    }
    out.push_back(p);
  }
  return out;
}

ZoneValue perCapita(const QString& name, double area, double population) {
  ZoneValue v{name, std::nullopt, area, population};
  if (population > 0) v.value = area / population;
  return v;
}

}  // namespace

gis::Result<MetricResult> computePerCapitaArea(const PerCapitaParams& params, const MetricRun& run) {
  if (run.engine == Engine::Postgis) return detail::notBuiltForServer(QStringLiteral("per-capita"));
  QElapsedTimer timer;
  timer.start();
  if (params.populationField.isEmpty()) return invalid(Metrics::tr("A per-capita area needs the field that holds each unit's population."));
  std::vector<LayerRequest> requests = {{QStringLiteral("features"), params.features, params.where, {}},
                                        {QStringLiteral("units"), params.area, params.areaWhere, {params.populationField}}};
  if (params.per) {
    LayerRequest zones = detail::zoneRequest(*params.per);
    zones.fields << params.populationField;
    requests.push_back(zones);
  }
  auto inputs = loadMetricInputs(requests, run);
  if (!inputs.ok()) return inputs.error();
  const MetricLayer& features = inputs->layers[0];
  const MetricLayer& units = inputs->layers[1];
  const MetricLayer* zones = params.per ? &inputs->layers[2] : nullptr;
  QStringList notes;
  if (gis::Status s = detail::allowNone(features, gis::Geometry::Type::Polygon, notes); !s) return s.error();
  if (gis::Status s = detail::requirePolygons(units); !s) return s.error();
  if (zones != nullptr) {
    if (gis::Status s = detail::requirePolygons(*zones); !s) return s.error();
  }
  // The sub-units first: their names say which one lacks a population.
  std::vector<QString> names;
  std::vector<double> zonePopulation;
  if (zones != nullptr) {
    names = detail::zoneNames(*zones, params.per->nameField);
    auto p = populations(*zones, params.populationField, names);
    if (!p.ok()) return p.error();
    zonePopulation = std::move(p).value();
  }
  auto unitPopulation = populations(units, params.populationField, detail::zoneNames(units, QString()));
  if (!unitPopulation.ok()) return unitPopulation.error();
  // The features' union inside the units (and each sub-unit): the coverage overlay without buffers.
  gis::ZonalCoverageInput overlay;
  overlay.targets = units.geometries;
  overlay.covers = features.geometries;
  if (zones != nullptr) overlay.zones = zones->geometries;
  auto covered = gis::zonalCoverage(overlay, detail::overlayOptions(run));
  if (!covered.ok()) return covered.error();
  if (gis::Status s = detail::requireNoFailures(units, covered->failedTargets); !s) return s.error();
  double population = 0;
  for (double p : unitPopulation.value()) population += p;
  if (!(population > 0)) {
    return invalid(Metrics::tr("%1 (units): the population in \"%2\" adds up to 0: a per-capita area is undefined.")
                       .arg(params.area.toString(), params.populationField));
  }
  MetricResult result;
  result.metric = QStringLiteral("per_capita_area");
  result.notes = notes;
  const ZoneValue whole = perCapita(QString(), covered->all.covered, population);
  result.value = whole.value;
  result.numerator = whole.numerator;
  result.denominator = whole.denominator;
  for (std::size_t z = 0; z < names.size(); ++z) result.zones.push_back(perCapita(names[z], covered->zones[z].covered, zonePopulation[z]));
  result.parameters = {{QStringLiteral("features"), params.features.toString()}, {QStringLiteral("where"), params.where},
                       {QStringLiteral("area"), params.area.toString()}, {QStringLiteral("area_where"), params.areaWhere},
                       {QStringLiteral("population_field"), params.populationField}};
  result.counts = {{QStringLiteral("features"), static_cast<qint64>(features.geometries.size())},
                   {QStringLiteral("units"), static_cast<qint64>(units.geometries.size())}};
  detail::fillCommon(result, *inputs, params.per, run, timer);
  return result;
}

namespace {

// Σ v·A and Σ A of polygon pieces, each with the value of the feature it comes from.
struct Weighted {
  double sum = 0;
  double weight = 0;
  ZoneValue value(const QString& name) const {
    ZoneValue v{name, std::nullopt, sum, weight};
    if (weight > 0) v.value = sum / weight;
    return v;
  }
};

}  // namespace

gis::Result<MetricResult> computeAreaWeightedMean(const AreaMeanParams& params, const MetricRun& run) {
  if (run.engine == Engine::Postgis) return detail::notBuiltForServer(QStringLiteral("area-mean"));
  QElapsedTimer timer;
  timer.start();
  if (params.valueField.isEmpty()) return invalid(Metrics::tr("An area-weighted mean needs the field that holds each polygon's value."));
  std::vector<LayerRequest> requests = {{QStringLiteral("features"), params.features, params.where, {params.valueField}}};
  const bool clipped = !params.area.isEmpty();
  if (clipped) requests.push_back({QStringLiteral("area"), params.area, params.areaWhere, {}, true});
  if (params.per) requests.push_back(detail::zoneRequest(*params.per));
  auto inputs = loadMetricInputs(requests, run);
  if (!inputs.ok()) return inputs.error();
  const MetricLayer& features = inputs->layers[0];
  const MetricLayer* zones = params.per ? &inputs->layers.back() : nullptr;
  if (gis::Status s = detail::requireFeatures(features); !s) return s.error();
  if (gis::Status s = detail::requirePolygons(features); !s) return s.error();
  if (zones != nullptr) {
    if (gis::Status s = detail::requirePolygons(*zones); !s) return s.error();
  }
  // The polygons with a value, clipped to the region.
  std::vector<gis::Geometry> pieces;
  std::vector<double> values;
  qint64 withoutValue = 0;
  std::vector<gis::Geometry> valued;
  std::vector<double> valuedValues;
  for (std::size_t i = 0; i < features.geometries.size(); ++i) {
    bool ok = false;
    const QVariant v = features.value(i, params.valueField);
    const double x = v.isNull() ? 0 : v.toDouble(&ok);
    if (!ok || !std::isfinite(x)) {
      ++withoutValue;
      continue;
    }
    valued.push_back(features.geometries[i]);
    valuedValues.push_back(x);
  }
  if (clipped) {
    if (gis::Status s = detail::requirePolygons(inputs->layers[1]); !s) return s.error();
    auto inRegion = gis::intersectPairs(valued, inputs->layers[1].geometries, detail::overlayOptions(run));
    if (!inRegion.ok()) return inRegion.error();
    for (const gis::PolygonPair& p : inRegion.value()) {
      pieces.push_back(p.piece);
      values.push_back(valuedValues[static_cast<std::size_t>(p.first)]);
    }
  } else {
    pieces = std::move(valued);
    values = std::move(valuedValues);
  }
  Weighted whole;
  const std::vector<double> areas = gis::areas(pieces, run.threads);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    whole.sum += values[i] * areas[i];
    whole.weight += areas[i];
  }
  if (!(whole.weight > 0)) {
    return invalid(Metrics::tr("%1 (features): no polygon with a value in \"%2\" lies inside the area measured.")
                       .arg(params.features.toString(), params.valueField));
  }
  MetricResult result;
  result.metric = QStringLiteral("area_weighted_mean");
  const ZoneValue all = whole.value(QString());
  result.value = all.value;
  result.numerator = all.numerator;
  result.denominator = all.denominator;
  if (zones != nullptr) {
    std::vector<Weighted> perZone(zones->geometries.size());
    auto inZones = gis::intersectPairs(pieces, zones->geometries, detail::overlayOptions(run));
    if (!inZones.ok()) return inZones.error();
    std::vector<gis::Geometry> zonePieces;
    for (const gis::PolygonPair& p : inZones.value()) zonePieces.push_back(p.piece);
    const std::vector<double> zoneAreas = gis::areas(zonePieces, run.threads);
    double inside = 0;
    for (std::size_t k = 0; k < inZones->size(); ++k) {
      const gis::PolygonPair& p = (*inZones)[k];
      Weighted& w = perZone[static_cast<std::size_t>(p.second)];
      w.sum += values[static_cast<std::size_t>(p.first)] * zoneAreas[k];
      w.weight += zoneAreas[k];
      inside += zoneAreas[k];
    }
    const std::vector<QString> names = detail::zoneNames(*zones, params.per->nameField);
    for (std::size_t z = 0; z < names.size(); ++z) result.zones.push_back(perZone[z].value(names[z]));
    if (whole.weight - inside > 1e-6 * whole.weight) {
      result.notes << Metrics::tr("%1 m² of the polygons lie outside every sub-unit.").arg(whole.weight - inside, 0, 'f', 0);
    }
  }
  if (withoutValue > 0) {
    result.warnings << Metrics::tr("%1 (features): %2 polygon(s) have no value in \"%3\" and are left out.")
                           .arg(params.features.toString()).arg(withoutValue).arg(params.valueField);
  }
  result.parameters = {{QStringLiteral("features"), params.features.toString()}, {QStringLiteral("where"), params.where},
                       {QStringLiteral("value_field"), params.valueField}, {QStringLiteral("area"), params.area.toString()},
                       {QStringLiteral("area_where"), params.areaWhere}};
  result.counts = {{QStringLiteral("features"), static_cast<qint64>(features.geometries.size())},
                   {QStringLiteral("without_value"), withoutValue}};
  const QStringList warnings = result.warnings;
  detail::fillCommon(result, *inputs, params.per, run, timer);
  for (const QString& w : warnings) {
    if (!result.warnings.contains(w)) result.warnings << w;
  }
  return result;
}

}  // namespace xiuhua::indicators
