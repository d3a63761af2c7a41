#include "xiuhua/indicators/value_validator.h"

#include <QCoreApplication>

namespace xiuhua::indicators {

gis::Result<double> validateValue(const Indicator& ind, const QString& text, const QString& unit, int year) {
  auto refuse = [&](const QString& why) {
    return gis::Error{gis::ErrorCode::InvalidArgument, QStringLiteral("%1 %2: %3").arg(ind.code, ind.nameZh, why)};
  };
  QString number = text.trimmed();
  if (number.endsWith(QLatin1Char('%')) && ind.unit == QLatin1String("%")) number.chop(1);
  bool ok = false;
  const double value = number.trimmed().toDouble(&ok);
  if (!ok) return refuse(QCoreApplication::translate("ValueValidator", "\"%1\" is not a number").arg(text));
  if (!unit.isEmpty() && unit != ind.unit) {
    return refuse(QCoreApplication::translate("ValueValidator", "the value is in %1 but the indicator is measured in %2").arg(unit, ind.unit));
  }
  if (ind.unit == QLatin1String("%") && (value < 0 || value > 100)) {
    return refuse(QCoreApplication::translate("ValueValidator", "%1% is outside 0–100%").arg(value));
  }
  if (value < 0) return refuse(QCoreApplication::translate("ValueValidator", "a negative quantity (%1) is not possible").arg(value));
  const int first = ind.baselineYear.value_or(ind.targetYear - 5);
  if (year < first || year > ind.targetYear) {
    return refuse(QCoreApplication::translate("ValueValidator", "the year %1 is outside the plan period %2–%3").arg(year).arg(first).arg(ind.targetYear));
  }
  return value;
}

}  // namespace xiuhua::indicators
