#include "report/report_text.h"

#include "report/indicator_report.h"
#include "xiuhua/indicators/progress.h"

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

QString targetText(const indicators::Indicator& i) { return indicators::targetSummary(i); }

QString latestText(const indicators::IndicatorStatus& s) {
  if (!s.latest) return IndicatorReport::tr("No data");
  const QString text = QStringLiteral("%1（%2）").arg(formatValue(s.latest->second, s.indicator.unit)).arg(s.latest->first);
  return s.latestIsSynthetic() ? IndicatorReport::tr("%1, synthetic").arg(text) : text;
}

QString progressText(const indicators::IndicatorStatus& s) {
  if (s.progress.percent) return QStringLiteral("%1%").arg(*s.progress.percent, 0, 'f', 1);
  if (s.progress.remaining && *s.progress.remaining > 0) {
    return IndicatorReport::tr("%1 to go").arg(formatValue(s.progress.remaining, s.indicator.unit));
  }
  return {};
}

QString natureText(const indicators::Indicator& i) {
  switch (i.nature) {
    case indicators::Nature::Binding: return IndicatorReport::tr("Binding");
    case indicators::Nature::Expected: return IndicatorReport::tr("Expected");
    case indicators::Nature::Unstated: return IndicatorReport::tr("Not stated");
  }
  return {};
}

QString baselineText(const indicators::Indicator& i) {
  if (!i.baselineValue) {
    if (const auto start = indicators::pathStart(i)) return IndicatorReport::tr("0 at the start (end of %1)").arg(start->first);  // a total over the period
    return i.isQualitative() || i.isPerYear() ? QString() : IndicatorReport::tr("none in the plan");
  }
  return i.baselineYear ? QStringLiteral("%1（%2）").arg(formatValue(i.baselineValue, i.unit)).arg(*i.baselineYear)
                        : formatValue(i.baselineValue, i.unit);
}

}  // namespace xiuhua::app
