#include "xiuhua/indicators/metrics/indicator_computation.h"

#include "metrics/metric_support.h"
#include "metrics/server/server_metrics.h"
#include "xiuhua/gis/file_fingerprint.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"
#include "xiuhua/indicators/metrics/area_metrics.h"
#include "xiuhua/indicators/metrics/feature_metrics.h"
#include "xiuhua/indicators/metrics/share_metrics.h"
#include "xiuhua/indicators/metrics/line_metrics.h"
#include "xiuhua/indicators/metrics/metric_json.h"
#include "xiuhua/indicators/metrics/service_coverage.h"

#include <QJsonArray>

#include <algorithm>

namespace xiuhua::indicators {

namespace {

// Reads a binding's parameters, naming the indicator in every complaint.
class BindingReader {
 public:
  BindingReader(const MetricBinding& binding, int year, const LayerResolver& layers)
      : mBinding(binding), mYear(year), mLayers(layers) {}

  QString text(const QString& key) const {
    QString value = mBinding.parameters.value(key).toString();
    return value.replace(QLatin1String("{year}"), QString::number(mYear));
  }
  bool flag(const QString& key) const { return mBinding.parameters.value(key).toBool(); }

  // A layer by project id; empty when the key is absent and the layer optional. A missing one is
  // remembered as the reader's error (see error()).
  gis::SourceRef layer(const QString& key, bool required) const {
    const QString id = mBinding.parameters.value(key).toString();
    if (id.isEmpty()) {
      if (required) fail(Metrics::tr("%1: its metric binding names no \"%2\" layer.").arg(mBinding.code, key));
      return {};
    }
    const std::optional<gis::SourceRef> source = mLayers(id);
    if (!source) fail(Metrics::tr("%1: the project has no layer \"%2\" (parameter \"%3\").").arg(mBinding.code, id, key));
    return source.value_or(gis::SourceRef{});
  }
  const std::optional<gis::Error>& error() const { return mError; }

  static gis::Error problem(const QString& message) { return gis::Error{gis::ErrorCode::InvalidArgument, message}; }
  const MetricBinding& binding() const { return mBinding; }

 private:
  void fail(const QString& message) const {
    if (!mError) mError = problem(message);
  }

  const MetricBinding& mBinding;
  int mYear;
  const LayerResolver& mLayers;
  mutable std::optional<gis::Error> mError;
};

gis::Result<CoverageParams> coverageParams(const BindingReader& b, const std::optional<ZoneRequest>& per) {
  CoverageParams p;
  const gis::SourceRef facilities = b.layer(QStringLiteral("facilities"), true);
  const gis::SourceRef target = b.layer(QStringLiteral("target"), true);
  const gis::SourceRef exclude = b.layer(QStringLiteral("exclude"), false);
  if (b.error()) return *b.error();
  p.facilities = facilities;
  p.target = target;
  p.exclude = exclude;
  p.facilityWhere = b.text(QStringLiteral("facility_where"));
  p.targetWhere = b.text(QStringLiteral("target_where"));
  p.excludeWhere = b.text(QStringLiteral("exclude_where"));
  // A target set for an area (the binding's scope): only the land inside it counts, in the
  // computation, the what-if and the gap finder alike.
  const gis::SourceRef scope = b.layer(QStringLiteral("scope_layer"), false);
  if (b.error()) return *b.error();
  p.within = scope;
  p.withinWhere = b.text(QStringLiteral("scope_where"));
  const QJsonObject& params = b.binding().parameters;
  if (params.contains(QStringLiteral("radius"))) p.radius = params.value(QStringLiteral("radius")).toDouble();
  if (params.contains(QStringLiteral("radius_tiers"))) {
    auto tiers = parseRadiusTiers(params.value(QStringLiteral("radius_tiers")).toString());
    if (!tiers.ok()) return BindingReader::problem(QStringLiteral("%1: %2").arg(b.binding().code, tiers.error().message));
    p.tiers = tiers.value();
  }
  p.quadSegments = params.value(QStringLiteral("quad_segs")).toInt(8);
  p.weightField = b.text(QStringLiteral("weight_field"));
  const gis::SourceRef raster = b.layer(QStringLiteral("weight_raster"), false);
  if (b.error()) return *b.error();
  p.weightRaster = raster.path;
  const gis::SourceRef network = b.layer(QStringLiteral("network"), false);
  if (b.error()) return *b.error();
  if (!network.isEmpty()) {
    NetworkParams n;
    n.lines = network;
    n.where = b.text(QStringLiteral("network_where"));
    n.maxSnap = params.value(QStringLiteral("snap_m")).toDouble(100);
    n.width = params.value(QStringLiteral("network_width_m")).toDouble(50);
    p.network = n;
  }
  p.per = per;
  return p;
}

gis::Result<MetricResult> runCoverage(const BindingReader& b, const std::optional<ZoneRequest>& per, const MetricRun& run) {
  auto p = coverageParams(b, per);
  if (!p.ok()) return p.error();
  // Straight-line coverage of tables of one database runs in that server (walking networks and
  // population rasters are computed here).
  if (p->network || !p->weightRaster.isEmpty()) return computeCoverage(p.value(), run);
  return computeCoverage(p.value(), detail::whereTheDataIs(run, {p->facilities, p->target, p->exclude, p->within,
                                                                  per ? per->source : gis::SourceRef()}));
}

gis::Result<MetricResult> runLineMetric(const BindingReader& b, const std::optional<ZoneRequest>& per, const MetricRun& run,
                                        bool density) {
  const gis::SourceRef lines = b.layer(QStringLiteral("lines"), true);
  if (density) {
    DensityParams p;
    const gis::SourceRef area = b.layer(QStringLiteral("area"), true);
    if (b.error()) return *b.error();
    p.lines = lines;
    p.area = area;
    p.where = b.text(QStringLiteral("where"));
    p.areaWhere = b.text(QStringLiteral("area_where"));
    p.deduplicate = b.flag(QStringLiteral("dedupe"));
    p.per = per;
    return computeDensity(p, run);
  }
  LengthParams p;
  const gis::SourceRef within = b.layer(QStringLiteral("within"), false);
  if (b.error()) return *b.error();
  p.lines = lines;
  p.within = within;
  p.where = b.text(QStringLiteral("where"));
  p.withinWhere = b.text(QStringLiteral("within_where"));
  p.deduplicate = b.flag(QStringLiteral("dedupe"));
  p.per = per;
  return computeLength(p, detail::whereTheDataIs(run, {p.lines, p.within, per ? per->source : gis::SourceRef()}));
}

gis::Result<MetricResult> runFeatureMetric(const BindingReader& b, const std::optional<ZoneRequest>& per, const MetricRun& run,
                                           bool share) {
  const gis::SourceRef features = b.layer(QStringLiteral("features"), true);
  if (share) {
    ShareParams p;
    const gis::SourceRef area = b.layer(QStringLiteral("area"), true);
    if (b.error()) return *b.error();
    p.features = features;
    p.area = area;
    p.where = b.text(QStringLiteral("where"));
    p.areaWhere = b.text(QStringLiteral("area_where"));
    p.per = per;
    return computeShare(p, run);
  }
  if (b.error()) return *b.error();
  CountParams p;
  p.features = features;
  p.where = b.text(QStringLiteral("where"));
  p.per = per;
  return computeCount(p, detail::whereTheDataIs(run, {p.features, per ? per->source : gis::SourceRef()}));
}

gis::Result<MetricResult> runShareMetric(const BindingReader& b, const std::optional<ZoneRequest>& per, const MetricRun& run,
                                         bool lengths) {
  const gis::SourceRef features = b.layer(lengths ? QStringLiteral("lines") : QStringLiteral("features"), true);
  const gis::SourceRef within = b.layer(QStringLiteral("within"), false);
  if (b.error()) return *b.error();
  if (lengths) {
    LengthShareParams p{features, b.text(QStringLiteral("where")), b.text(QStringLiteral("condition")), within,
                        b.text(QStringLiteral("within_where")), per, b.flag(QStringLiteral("dedupe"))};
    return computeLengthShare(p, run);
  }
  CountShareParams p{features, b.text(QStringLiteral("where")), b.text(QStringLiteral("condition")), within,
                     b.text(QStringLiteral("within_where")), per};
  return computeCountShare(p, run);
}

gis::Result<MetricResult> runAreaMetric(const BindingReader& b, const std::optional<ZoneRequest>& per, const MetricRun& run,
                                        bool perCapita) {
  const gis::SourceRef features = b.layer(QStringLiteral("features"), true);
  const gis::SourceRef area = b.layer(QStringLiteral("area"), perCapita);
  if (b.error()) return *b.error();
  if (perCapita) {
    PerCapitaParams p{features, b.text(QStringLiteral("where")), area, b.text(QStringLiteral("area_where")),
                      b.text(QStringLiteral("population_field")), per};
    return computePerCapitaArea(p, run);
  }
  AreaMeanParams p{features, b.text(QStringLiteral("where")), b.text(QStringLiteral("value_field")), area,
                   b.text(QStringLiteral("area_where")), per};
  return computeAreaWeightedMean(p, run);
}

gis::Result<MetricResult> runMetric(const BindingReader& b, const std::optional<ZoneRequest>& per, const MetricRun& run) {
  const QString& metric = b.binding().metric;
  // population_coverage is service coverage with a weight_field or weight_raster.
  if (metric == QLatin1String("service_coverage") || metric == QLatin1String("population_coverage")) return runCoverage(b, per, run);
  if (metric == QLatin1String("length") || metric == QLatin1String("density")) {
    return runLineMetric(b, per, run, metric == QLatin1String("density"));
  }
  if (metric == QLatin1String("count") || metric == QLatin1String("area_share")) {
    return runFeatureMetric(b, per, run, metric == QLatin1String("area_share"));
  }
  if (metric == QLatin1String("count_share") || metric == QLatin1String("length_share")) {
    return runShareMetric(b, per, run, metric == QLatin1String("length_share"));
  }
  if (metric == QLatin1String("per_capita_area") || metric == QLatin1String("area_weighted_mean")) {
    return runAreaMetric(b, per, run, metric == QLatin1String("per_capita_area"));
  }
  return BindingReader::problem(Metrics::tr("%1: unknown metric \"%2\".").arg(b.binding().code, metric));
}

// The sub-units of a breakdown with less than `minShare` of their area inside the scope.
gis::Result<QStringList> outsideScope(const ZoneRequest& zones, const ZoneRequest& scope, double minShare, const MetricRun& run) {
  MetricRun quiet = run;
  quiet.resultLayers = false;
  quiet.progress = nullptr;
  auto inputs = loadMetricInputs({detail::zoneRequest(zones), detail::zoneRequest(scope)}, quiet);
  if (!inputs.ok()) return inputs.error();
  const MetricLayer& units = inputs->layers[0];
  gis::ZonalCoverageInput overlay;
  overlay.targets = units.geometries;
  overlay.covers = inputs->layers[1].geometries;
  overlay.zones = units.geometries;
  auto inside = gis::zonalCoverage(overlay, detail::overlayOptions(quiet));
  if (!inside.ok()) return inside.error();
  const std::vector<QString> names = detail::zoneNames(units, zones.nameField);
  QStringList outside;
  for (std::size_t z = 0; z < names.size() && z < inside->zones.size(); ++z) {
    const gis::AreaPair& a = inside->zones[z];
    if (!(a.total > 0) || a.covered / a.total < minShare) outside << names[z];
  }
  return outside;
}

// The whole value inside the scope: the metric run over the scope as one zone.
gis::Result<MetricResult> runInScope(const BindingReader& reader, const ZoneRequest& scope, const QString& name, const MetricRun& run) {
  auto result = runMetric(reader, scope, run);
  if (!result.ok()) return result.error();
  MetricResult whole = std::move(result).value();
  const std::optional<ZoneValue> inside = whole.zones.empty() ? std::nullopt : std::optional(whole.zones.front());
  whole.value = inside ? inside->value : std::nullopt;
  whole.numerator = inside ? inside->numerator : 0;
  whole.denominator = inside ? inside->denominator : 0;
  whole.zones.clear();
  whole.outside.reset();
  whole.notes << Metrics::tr("Computed inside %1, the area the plan sets the target for.").arg(name);
  return whole;
}

// A per-capita figure divides by the population the catalog names (户籍 or 常住): the binding says
// which one its population field holds, and they must agree.
gis::Status checkPopulationBasis(const Indicator& indicator, const MetricBinding& binding) {
  if (binding.metric != QLatin1String("per_capita_area")) return {};
  const QString bound = binding.parameters.value(QStringLiteral("population_basis")).toString();
  if (bound.isEmpty()) {
    return BindingReader::problem(Metrics::tr("%1: the binding does not say which population its field \"%2\" holds "
                                              "(population_basis: 户籍 or 常住).")
                                      .arg(binding.code, binding.parameters.value(QStringLiteral("population_field")).toString()));
  }
  if (!indicator.populationBasis.isEmpty() && bound != indicator.populationBasis) {
    return BindingReader::problem(Metrics::tr("%1 divides by the %2 population (the catalog), but the binding's field \"%3\" holds the %4 "
                                              "population: give the field of the %2 population.")
                                      .arg(binding.code, indicator.populationBasis,
                                           binding.parameters.value(QStringLiteral("population_field")).toString(), bound));
  }
  return {};
}

// The factor from the metric's value to the indicator's unit.
double scaleFor(const MetricBinding& binding, const Indicator& indicator) {
  if (binding.parameters.contains(QStringLiteral("scale"))) return binding.parameters.value(QStringLiteral("scale")).toDouble(1);
  const bool ratio = binding.metric == QLatin1String("service_coverage") || binding.metric == QLatin1String("area_share") ||
                     binding.metric == QLatin1String("population_coverage") || binding.metric == QLatin1String("count_share") ||
                     binding.metric == QLatin1String("length_share");
  if (ratio && indicator.unit == QLatin1String("%")) return 100;
  if (binding.metric == QLatin1String("length") &&
      (indicator.unit == QStringLiteral("公里") || indicator.unit.compare(QLatin1String("km"), Qt::CaseInsensitive) == 0)) {
    return 0.001;
  }
  return 1;
}

}  // namespace

gis::Result<CoverageParams> coverageParamsOf(const MetricBinding& binding, int year, const LayerResolver& layers, int breakdown) {
  const QString& metric = binding.metric;
  if (metric != QLatin1String("service_coverage") && metric != QLatin1String("population_coverage")) {
    return BindingReader::problem(Metrics::tr("%1 is not a coverage indicator (its metric is %2).").arg(binding.code, metric));
  }
  std::optional<ZoneRequest> per;
  const QJsonArray breakdowns = binding.parameters.value(QStringLiteral("per")).toArray();
  if (!breakdowns.isEmpty()) {
    const QJsonObject first = breakdowns.at(std::clamp<qsizetype>(breakdown, 0, breakdowns.size() - 1)).toObject();
    const QString id = first.value(QStringLiteral("layer")).toString();
    const std::optional<gis::SourceRef> source = layers(id);
    if (!source) return BindingReader::problem(Metrics::tr("%1: the project has no layer \"%2\" (parameter \"per\").").arg(binding.code, id));
    per = ZoneRequest{*source, first.value(QStringLiteral("field")).toString(), QString()};
  }
  return coverageParams(BindingReader(binding, year, layers), per);
}

gis::Result<IndicatorComputation> computeIndicator(const Indicator& indicator, const MetricBinding& binding, int year,
                                                   const LayerResolver& layers, const MetricRun& run) {
  const BindingReader reader(binding, year, layers);
  // The breakdowns: each runs the metric once (its whole value is the district's).
  std::vector<std::pair<QString, ZoneRequest>> breakdowns;
  std::vector<QString> levels;  // the kind of sub-unit of each breakdown: "level", else the layer id
  for (const Breakdown& per : indicators::breakdowns(binding)) {
    const std::optional<gis::SourceRef> source = layers(per.layer);
    if (!source) return BindingReader::problem(Metrics::tr("%1: the project has no layer \"%2\" (parameter \"per\").").arg(binding.code, per.layer));
    breakdowns.push_back({per.layer, ZoneRequest{*source, per.field, QString()}});
    levels.push_back(per.level);
  }
  if (gis::Status s = checkPopulationBasis(indicator, binding); !s) return s.error();
  std::optional<ZoneRequest> scope;
  if (!indicator.scope.isEmpty()) {
    const gis::SourceRef area = reader.layer(QStringLiteral("scope_layer"), false);
    if (reader.error()) return *reader.error();
    if (area.isEmpty()) {
      return BindingReader::problem(Metrics::tr("%1 is set for %2 only, but the project gives no area for %2: add it to the project's "
                                                "scopes (a polygon layer and a filter).").arg(binding.code, indicator.scope));
    }
    // The scope is dissolved into one zone, which has no population of its own to divide by.
    if (binding.metric == QLatin1String("per_capita_area")) {
      return BindingReader::problem(Metrics::tr("%1 is set for %2 only, but a per-capita figure cannot yet be computed inside an area: "
                                                "compute it per sub-unit (\"per\") without the scope, or enter the value.")
                                        .arg(binding.code, indicator.scope));
    }
    scope = ZoneRequest{area, QString(), reader.text(QStringLiteral("scope_where")), true};
  }
  IndicatorComputation c;
  c.code = binding.code;
  c.year = year;
  c.scope = indicator.scope;
  c.binding = {{QStringLiteral("metric"), binding.metric},
               {QStringLiteral("parameters"), binding.parameters},
               {QStringLiteral("sources"), bindingSources(binding, layers)}};
  c.scale = scaleFor(binding, indicator);
  if (scope) {
    auto whole = runInScope(reader, *scope, indicator.scope, run);
    if (!whole.ok()) return whole.error();
    c.whole = std::move(whole).value();
  } else if (breakdowns.empty()) {
    auto whole = runMetric(reader, std::nullopt, run);
    if (!whole.ok()) return whole.error();
    c.whole = std::move(whole).value();
  }
  const double minShare = binding.parameters.value(QStringLiteral("scope_min_share")).toDouble(0.5);
  for (std::size_t b = 0; b < breakdowns.size(); ++b) {
    const auto& [id, zones] = breakdowns[b];
    auto result = runMetric(reader, zones, run);
    if (!result.ok()) return result.error();
    if (c.breakdowns.empty() && !scope) c.whole = result.value();
    c.breakdowns.emplace_back(id, std::move(result).value());
    if (scope) {
      auto outside = outsideScope(zones, *scope, minShare, run);
      if (!outside.ok()) return outside.error();
      c.notApplicable.emplace_back(levels[b], outside.value());
    }
  }
  auto value = [&](const QString& subunit, const QString& level, double v) {
    IndicatorValue out;
    out.code = binding.code;
    out.year = year;
    out.subunit = subunit;
    out.level = level;
    out.value = v * c.scale;
    out.source = ValueSource::Computed;
    out.author = QStringLiteral("xiuhua");
    return out;
  };
  if (c.whole.value) c.values.push_back(value(QString(), QString(), *c.whole.value));
  for (std::size_t b = 0; b < c.breakdowns.size(); ++b) {
    const QStringList outside = b < c.notApplicable.size() ? c.notApplicable[b].second : QStringList();
    for (const ZoneValue& z : c.breakdowns[b].second.zones) {
      if (z.value && !outside.contains(z.name)) c.values.push_back(value(z.name, levels[b], *z.value));
    }
  }
  return c;
}

gis::Status storeNotApplicable(ValueStore& store, const IndicatorComputation& c) {
  for (const auto& [level, outside] : c.notApplicable) {
    if (gis::Status s = store.setNotApplicable(c.code, level, outside, c.scope); !s) return s;
  }
  return {};
}

std::vector<gis::LayerToWrite> computationLayers(const IndicatorComputation& c) {
  std::vector<gis::LayerToWrite> layers;
  for (const gis::LayerToWrite& layer : c.whole.layers) {
    if (layer.name != QLatin1String("per")) layers.push_back(layer);
  }
  for (std::size_t b = 0; b < c.breakdowns.size(); ++b) {
    const auto& [id, result] = c.breakdowns[b];
    const QStringList outside = b < c.notApplicable.size() ? c.notApplicable[b].second : QStringList();
    for (const gis::LayerToWrite& layer : result.layers) {
      if (layer.name != QLatin1String("per")) continue;
      gis::LayerToWrite per = layer;
      per.name = QStringLiteral("per_%1").arg(id);
      // The value in the indicator's unit (% rather than a ratio, 公里 rather than metres), as maps
      // show it; none for a sub-unit outside the target's area (不适用), which says so.
      const int valueColumn = 1;  // name, value, numerator, denominator
      per.fields.push_back({QStringLiteral("indicator_value"), gis::Field::Type::Real});
      if (!c.scope.isEmpty()) per.fields.push_back({QStringLiteral("in_scope"), gis::Field::Type::Integer});
      for (gis::AttributeRow& row : per.attributes) {
        const QVariant v = static_cast<std::size_t>(valueColumn) < row.size() ? row[valueColumn] : QVariant();
        const bool inside = !outside.contains(row.empty() ? QString() : row[0].toString());
        row.push_back(v.isNull() || !inside ? QVariant() : QVariant(v.toDouble() * c.scale));
        if (!c.scope.isEmpty()) row.push_back(inside ? 1 : 0);
      }
      layers.push_back(std::move(per));
    }
  }
  return layers;
}

QJsonObject computationToJson(const IndicatorComputation& c) {
  QJsonArray breakdowns;
  for (const auto& [id, result] : c.breakdowns) {
    breakdowns.append(QJsonObject{{QStringLiteral("layer"), id}, {QStringLiteral("result"), metricResultToJson(result)}});
  }
  QJsonObject notApplicable;
  for (const auto& [level, outside] : c.notApplicable) notApplicable.insert(level, QJsonArray::fromStringList(outside));
  return {{QStringLiteral("code"), c.code},
          {QStringLiteral("year"), c.year},
          {QStringLiteral("scope"), c.scope},
          {QStringLiteral("not_applicable"), notApplicable},
          {QStringLiteral("scale"), c.scale},
          {QStringLiteral("binding"), c.binding},
          {QStringLiteral("indicator_value"), c.whole.value ? QJsonValue(*c.whole.value * c.scale) : QJsonValue()},
          {QStringLiteral("whole"), metricResultToJson(c.whole)},
          {QStringLiteral("breakdowns"), breakdowns}};
}

QStringList bindingLayerIds(const MetricBinding& binding, const LayerResolver& layers) {
  QStringList ids;
  for (auto it = binding.parameters.begin(); it != binding.parameters.end(); ++it) {
    if (it.value().isString()) ids << it.value().toString();
  }
  for (const QJsonValue& v : binding.parameters.value(QStringLiteral("per")).toArray()) ids << v.toObject().value(QStringLiteral("layer")).toString();
  QStringList out;
  for (const QString& id : ids) {
    if (!id.isEmpty() && !out.contains(id) && layers(id)) out << id;  // else a filter or a name, not a layer
  }
  return out;
}

QJsonObject bindingSources(const MetricBinding& binding, const LayerResolver& layers) {
  QJsonObject out;
  for (const QString& id : bindingLayerIds(binding, layers)) {
    const gis::SourceRef source = *layers(id);
    out.insert(id, QJsonObject{{QStringLiteral("source"), source.toString()},
                               {QStringLiteral("crs"), source.declaredCrs.definition()},
                               {QStringLiteral("encoding"), source.encoding},
                               {QStringLiteral("files"), gis::sourceFingerprint(source.path, source.layer)}});
  }
  return out;
}

}  // namespace xiuhua::indicators
