#pragma once

#include "xiuhua/indicators/status_table.h"

#include <QString>

#include <optional>

namespace xiuhua::app {

// How the report writes numbers and facts (shared by its pages and its tables): values with their
// unit at a precision a reader can use — whole numbers without decimals, percentages with one, others
// with 1 (≥ 100), 2 (≥ 1) or 3 decimals (the exported tables keep every digit) —, "目标值（表述） · 年",
// "最新值（年）", progress in % with one decimal.
int reportDecimals(double value, const QString& unit);
QString formatValue(const std::optional<double>& value, const QString& unit);
QString targetText(const indicators::Indicator& indicator);
QString latestText(const indicators::IndicatorStatus& status);
QString progressText(const indicators::IndicatorStatus& status);  // "" when there is none
QString natureText(const indicators::Indicator& indicator);
QString baselineText(const indicators::Indicator& indicator);

}  // namespace xiuhua::app
