#include "xiuhua/indicators/indicator.h"

#include <QCoreApplication>
#include <QLocale>

namespace xiuhua::indicators {

const QStringList& knownUnits() {
  static const QStringList kUnits = {
      QStringLiteral("%"),      QStringLiteral("个"),     QStringLiteral("项"),        QStringLiteral("条"),
      QStringLiteral("座"),     QStringLiteral("处"),     QStringLiteral("户"),        QStringLiteral("万户"),
      QStringLiteral("人"),     QStringLiteral("辆"),     QStringLiteral("次"),        QStringLiteral("天"),
      QStringLiteral("公里"),   QStringLiteral("米"),     QStringLiteral("平方米"),    QStringLiteral("万平方米"),
      QStringLiteral("平方米/人"), QStringLiteral("公顷"), QStringLiteral("平方公里"), QStringLiteral("公里/平方公里"),
      QStringLiteral("微克/立方米"), QStringLiteral("吨"), QStringLiteral("吨/日"),    QStringLiteral("分"),
      QStringLiteral("名"),     QStringLiteral("棵"),     QStringLiteral("根")};
  return kUnits;
}

const QStringList& spatialMetrics() {
  static const QStringList kMetrics = {
      QStringLiteral("service_coverage"), QStringLiteral("population_coverage"), QStringLiteral("length"),
      QStringLiteral("count"),            QStringLiteral("area_share"),          QStringLiteral("density"),
      QStringLiteral("per_capita_area"),  QStringLiteral("count_share"),         QStringLiteral("length_share"),
      QStringLiteral("area_weighted_mean")};
  return kMetrics;
}

QString natureName(Nature nature) {
  switch (nature) {
    case Nature::Binding: return QStringLiteral("约束性");
    case Nature::Expected: return QStringLiteral("预期性");
    case Nature::Unstated: return QStringLiteral("未注明");
  }
  return {};
}

QString targetKindCode(TargetKind kind) {
  switch (kind) {
    case TargetKind::Level: return QStringLiteral("level");
    case TargetKind::PeriodTotal: return QStringLiteral("period_total");
    case TargetKind::Annual: return QStringLiteral("annual");
    case TargetKind::YearlyCount: return QStringLiteral("yearly_count");
  }
  return {};
}

std::optional<TargetKind> targetKindFromCode(const QString& code) {
  for (const TargetKind k : {TargetKind::Level, TargetKind::PeriodTotal, TargetKind::Annual, TargetKind::YearlyCount}) {
    if (code == targetKindCode(k)) return k;
  }
  return std::nullopt;
}

QString targetKindName(TargetKind kind) {
  switch (kind) {
    case TargetKind::Level: return QCoreApplication::translate("Indicator", "level by the target year");
    case TargetKind::PeriodTotal: return QCoreApplication::translate("Indicator", "total over the plan period");
    case TargetKind::Annual: return QCoreApplication::translate("Indicator", "annual increment");
    case TargetKind::YearlyCount: return QCoreApplication::translate("Indicator", "count every year");
  }
  return {};
}

QString targetSummary(const Indicator& ind) {
  auto number = [](double v) { return QLocale().toString(v, 'g', 6); };
  QString value;
  if (ind.targetValue) {
    const QString amount = ind.targetMax ? QStringLiteral("%1–%2").arg(number(*ind.targetValue), number(*ind.targetMax))
                                         : number(*ind.targetValue);
    value = QStringLiteral("%1 %2").arg(amount, ind.unit);
    if (ind.targetKind == TargetKind::Annual) value = QCoreApplication::translate("Indicator", "%1 a year").arg(value);
    if (ind.targetKind == TargetKind::YearlyCount) value = QCoreApplication::translate("Indicator", "%1 every year").arg(value);
  }
  QString text = ind.targetText.isEmpty() || value.contains(ind.targetText) ? value
                 : value.isEmpty() ? ind.targetText
                                   : QStringLiteral("%1 (%2)").arg(value, ind.targetText);
  const QString when = ind.isPerYear() && ind.period.isValid() ? QStringLiteral("%1–%2").arg(ind.period.first).arg(ind.period.last)
                                                               : QString::number(ind.targetYear);
  text = QStringLiteral("%1 · %2").arg(text, when);
  if (!ind.scope.isEmpty()) text = QCoreApplication::translate("Indicator", "%1 · in %2").arg(text, ind.scope);
  return text;
}

bool Indicator::isSummedOverArea() const {
  return !unit.isEmpty() && !unit.contains(QLatin1Char('%')) && !unit.contains(QLatin1Char('/')) && unit != QStringLiteral("分");
}

}  // namespace xiuhua::indicators
