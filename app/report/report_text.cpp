#include "report/report_text.h"

#include "report/indicator_report.h"

#include <cmath>

namespace xiuhua::app {

int reportDecimals(double value, const QString& unit) {
  if (std::abs(value - std::round(value)) < 1e-9) return 0;  // a count, a whole target
  if (unit == QLatin1String("%")) return 1;
  const double size = std::abs(value);
  return size >= 100 ? 1 : size >= 1 ? 2 : 3;
}

QString formatValue(const std::optional<double>& v, const QString& unit) {
  return v ? QStringLiteral("%1 %2").arg(QString::number(*v, 'f', reportDecimals(*v, unit)), unit).trimmed() : QString();
}

QString targetText(const indicators::Indicator& i) {
  QString target = formatValue(i.targetValue, i.unit);
  if (!i.targetText.isEmpty() && !target.contains(i.targetText)) target = target.isEmpty() ? i.targetText : target + QStringLiteral("（%1）").arg(i.targetText);
  return target + QStringLiteral(" · %1").arg(i.targetYear);
}

QString latestText(const indicators::IndicatorStatus& s) {
  if (!s.latest) return IndicatorReport::tr("No data");
  const QString text = QStringLiteral("%1（%2）").arg(formatValue(s.latest->second, s.indicator.unit)).arg(s.latest->first);
  return s.latestIsSynthetic() ? IndicatorReport::tr("%1, synthetic").arg(text) : text;
}

QString progressText(const indicators::IndicatorStatus& s) {
  return s.progress.percent ? QStringLiteral("%1%").arg(*s.progress.percent, 0, 'f', 1) : QString();
}

QString natureText(const indicators::Indicator& i) {
  return i.nature == indicators::Nature::Binding ? IndicatorReport::tr("Binding") : IndicatorReport::tr("Expected");
}

QString baselineText(const indicators::Indicator& i) {
  return i.baselineValue ? QStringLiteral("%1（%2）").arg(formatValue(i.baselineValue, i.unit)).arg(i.baselineYear.value_or(0)) : QString();
}

}  // namespace xiuhua::app
