#pragma once

#include "xiuhua/indicators/metrics/metric_result.h"

#include <QJsonObject>

namespace xiuhua::indicators {

// The JSON form of a result (the CLI contract, documented in the README, and what a project keeps
// with each computation): the value under the metric's own key (ratio, length_m, km_per_km2,
// count), numerator and denominator, counts, invalid_repaired, crs, seconds, per, outside,
// parameters and inputs.
QJsonObject metricResultToJson(const MetricResult& result);

// The JSON keys of a metric's value, numerator and denominator (numerator empty when it has none).
struct MetricKeys {
  QString value;
  QString numerator;
  QString denominator;
};
MetricKeys metricKeys(const QString& metric);

}  // namespace xiuhua::indicators
