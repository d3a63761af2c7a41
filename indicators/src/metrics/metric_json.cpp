#include "xiuhua/indicators/metrics/metric_json.h"

#include <QJsonArray>

namespace xiuhua::indicators {
namespace {

QJsonValue number(const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(); }

QJsonObject zoneObject(const ZoneValue& z, const MetricKeys& keys) {
  QJsonObject o{{QStringLiteral("name"), z.name}, {keys.value, number(z.value)}};
  if (!keys.numerator.isEmpty()) {
    o.insert(keys.numerator, z.numerator);
    o.insert(keys.denominator, z.denominator);
  }
  return o;
}

}  // namespace

MetricKeys metricKeys(const QString& metric) {
  if (metric == QLatin1String("service_coverage") || metric == QLatin1String("area_share")) {
    return {QStringLiteral("ratio"), QStringLiteral("covered_m2"), QStringLiteral("total_m2")};
  }
  if (metric == QLatin1String("population_coverage")) {
    return {QStringLiteral("ratio"), QStringLiteral("covered_weight"), QStringLiteral("total_weight")};
  }
  if (metric == QLatin1String("density")) return {QStringLiteral("km_per_km2"), QStringLiteral("length_km"), QStringLiteral("area_km2")};
  if (metric == QLatin1String("count")) return {QStringLiteral("count"), QString(), QString()};
  if (metric == QLatin1String("count_share")) return {QStringLiteral("ratio"), QStringLiteral("meeting"), QStringLiteral("counted")};
  if (metric == QLatin1String("length_share")) return {QStringLiteral("ratio"), QStringLiteral("meeting_m"), QStringLiteral("total_m")};
  if (metric == QLatin1String("per_capita_area")) {
    return {QStringLiteral("m2_per_person"), QStringLiteral("area_m2"), QStringLiteral("population")};
  }
  if (metric == QLatin1String("area_weighted_mean")) return {QStringLiteral("mean"), QStringLiteral("weighted_sum"), QStringLiteral("weight_m2")};
  return {QStringLiteral("length_m"), QString(), QString()};
}

QJsonObject metricResultToJson(const MetricResult& r) {
  const MetricKeys keys = metricKeys(r.metric);
  QJsonObject o{{QStringLiteral("metric"), r.metric}, {keys.value, number(r.value)}};
  if (!keys.numerator.isEmpty()) {
    o.insert(keys.numerator, r.numerator);
    o.insert(keys.denominator, r.denominator);
  }
  for (auto it = r.counts.begin(); it != r.counts.end(); ++it) o.insert(it.key(), it.value());
  o.insert(QStringLiteral("invalid_repaired"), r.repaired);
  o.insert(QStringLiteral("crs"), r.crs);
  o.insert(QStringLiteral("crs_name"), r.crsName);
  o.insert(QStringLiteral("crs_reason"), r.crsReason);
  o.insert(QStringLiteral("scale_error"), r.scaleError.length);
  o.insert(QStringLiteral("scale_error_area"), r.scaleError.area);
  o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings));
  o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(r.notes));
  o.insert(QStringLiteral("seconds"), r.seconds);
  o.insert(QStringLiteral("engine"), r.engine);
  QJsonArray per;
  for (const ZoneValue& z : r.zones) per.append(zoneObject(z, keys));
  o.insert(QStringLiteral("per"), per);
  o.insert(QStringLiteral("outside"), r.outside ? QJsonValue(zoneObject(*r.outside, keys)) : QJsonValue());
  o.insert(QStringLiteral("parameters"), r.parameters);
  QJsonArray inputs;
  for (const QJsonObject& i : r.inputs) inputs.append(i);
  o.insert(QStringLiteral("inputs"), inputs);
  return o;
}

}  // namespace xiuhua::indicators
