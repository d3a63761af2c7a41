#include "xiuhua/indicators/metrics/indicator_computation.h"

#include "metrics/metric_support.h"
#include "xiuhua/gis/file_fingerprint.h"
#include "xiuhua/indicators/metrics/feature_metrics.h"
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
  return computeCoverage(p.value(), run);
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
  return computeLength(p, run);
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
  return computeCount(p, run);
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
  return BindingReader::problem(Metrics::tr("%1: unknown metric \"%2\".").arg(b.binding().code, metric));
}

// The factor from the metric's value to the indicator's unit.
double scaleFor(const MetricBinding& binding, const Indicator& indicator) {
  if (binding.parameters.contains(QStringLiteral("scale"))) return binding.parameters.value(QStringLiteral("scale")).toDouble(1);
  const bool ratio = binding.metric == QLatin1String("service_coverage") || binding.metric == QLatin1String("area_share") ||
                     binding.metric == QLatin1String("population_coverage");
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
  IndicatorComputation c;
  c.code = binding.code;
  c.year = year;
  c.binding = {{QStringLiteral("metric"), binding.metric},
               {QStringLiteral("parameters"), binding.parameters},
               {QStringLiteral("sources"), bindingSources(binding, layers)}};
  c.scale = scaleFor(binding, indicator);
  if (breakdowns.empty()) {
    auto whole = runMetric(reader, std::nullopt, run);
    if (!whole.ok()) return whole.error();
    c.whole = std::move(whole).value();
  }
  for (const auto& [id, zones] : breakdowns) {
    auto result = runMetric(reader, zones, run);
    if (!result.ok()) return result.error();
    if (c.breakdowns.empty()) c.whole = result.value();
    c.breakdowns.emplace_back(id, std::move(result).value());
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
    for (const ZoneValue& z : c.breakdowns[b].second.zones) {
      if (z.value) c.values.push_back(value(z.name, levels[b], *z.value));
    }
  }
  return c;
}

std::vector<gis::LayerToWrite> computationLayers(const IndicatorComputation& c) {
  std::vector<gis::LayerToWrite> layers;
  for (const gis::LayerToWrite& layer : c.whole.layers) {
    if (layer.name != QLatin1String("per")) layers.push_back(layer);
  }
  for (const auto& [id, result] : c.breakdowns) {
    for (const gis::LayerToWrite& layer : result.layers) {
      if (layer.name != QLatin1String("per")) continue;
      gis::LayerToWrite per = layer;
      per.name = QStringLiteral("per_%1").arg(id);
      // The value in the indicator's unit (% rather than a ratio, 公里 rather than metres), as maps show it.
      const int valueColumn = 1;  // name, value, numerator, denominator
      per.fields.push_back({QStringLiteral("indicator_value"), gis::Field::Type::Real});
      for (gis::AttributeRow& row : per.attributes) {
        const QVariant v = static_cast<std::size_t>(valueColumn) < row.size() ? row[valueColumn] : QVariant();
        row.push_back(v.isNull() ? QVariant() : QVariant(v.toDouble() * c.scale));
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
  return {{QStringLiteral("code"), c.code},
          {QStringLiteral("year"), c.year},
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
                               {QStringLiteral("files"), gis::fileFingerprint(source.path)}});
  }
  return out;
}

}  // namespace xiuhua::indicators
