#include "xiuhua/indicators/indicator_json.h"

#include <QJsonArray>

namespace xiuhua::indicators {
namespace {

QJsonValue optional(const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(); }
QJsonValue optional(const std::optional<int>& v) { return v ? QJsonValue(*v) : QJsonValue(); }

std::optional<double> optionalDouble(const QJsonValue& v) {
  return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

}  // namespace

QJsonObject indicatorToJson(const Indicator& i) {
  static const char* kDirections[] = {"higher", "lower", "exact"};
  return {{QStringLiteral("code"), i.code},
          {QStringLiteral("category"), i.category},
          {QStringLiteral("nameZh"), i.nameZh},
          {QStringLiteral("nameEn"), i.nameEn},
          {QStringLiteral("unit"), i.unit},
          {QStringLiteral("direction"), QLatin1String(kDirections[static_cast<int>(i.direction)])},
          {QStringLiteral("nature"), natureName(i.nature)},
          {QStringLiteral("periodFirst"), i.period.isValid() ? QJsonValue(i.period.first) : QJsonValue()},
          {QStringLiteral("periodLast"), i.period.isValid() ? QJsonValue(i.period.last) : QJsonValue()},
          {QStringLiteral("baselineSource"), i.baselineSource},
          {QStringLiteral("targetMax"), optional(i.targetMax)},
          {QStringLiteral("targetKind"), targetKindCode(i.targetKind)},
          {QStringLiteral("scope"), i.scope},
          {QStringLiteral("populationBasis"), i.populationBasis},
          {QStringLiteral("doubt"), i.doubt},
          {QStringLiteral("doubtEvidence"), i.doubtEvidence},
          {QStringLiteral("doubtUnit"), i.doubtUnit},
          {QStringLiteral("quote"), i.quote},
          {QStringLiteral("baselineYear"), optional(i.baselineYear)},
          {QStringLiteral("baselineValue"), optional(i.baselineValue)},
          {QStringLiteral("targetYear"), i.targetYear},
          {QStringLiteral("targetValue"), optional(i.targetValue)},
          {QStringLiteral("targetText"), i.targetText},
          {QStringLiteral("responsible"), QJsonArray::fromStringList(i.responsible)},
          {QStringLiteral("dataSource"), i.dataSource},
          {QStringLiteral("method"), i.method.kind == Method::Kind::Spatial ? QStringLiteral("spatial:") + i.method.metric
                                                                           : QStringLiteral("entered")},
          {QStringLiteral("breakdown"), i.breakdown},
          {QStringLiteral("warningThreshold"), optional(i.warningThreshold)},
          {QStringLiteral("planRef"), i.planRef}};
}

Indicator indicatorFromJson(const QJsonObject& o) {
  Indicator i;
  i.code = o.value(QStringLiteral("code")).toString();
  i.category = o.value(QStringLiteral("category")).toString();
  i.nameZh = o.value(QStringLiteral("nameZh")).toString();
  i.nameEn = o.value(QStringLiteral("nameEn")).toString();
  i.unit = o.value(QStringLiteral("unit")).toString();
  const QString direction = o.value(QStringLiteral("direction")).toString();
  i.direction = direction == QLatin1String("lower")   ? Direction::Lower
                : direction == QLatin1String("exact") ? Direction::Exact
                                                      : Direction::Higher;
  // Definitions stored before 未注明 existed say only whether the row is binding.
  const QString nature = o.value(QStringLiteral("nature")).toString();
  i.nature = nature == natureName(Nature::Binding)    ? Nature::Binding
             : nature == natureName(Nature::Expected) ? Nature::Expected
             : nature == natureName(Nature::Unstated) ? Nature::Unstated
             : o.value(QStringLiteral("binding")).toBool() ? Nature::Binding
                                                           : Nature::Expected;
  if (o.value(QStringLiteral("periodFirst")).isDouble()) {
    i.period = {o.value(QStringLiteral("periodFirst")).toInt(), o.value(QStringLiteral("periodLast")).toInt()};
  }
  i.baselineSource = o.value(QStringLiteral("baselineSource")).toString();
  i.targetMax = optionalDouble(o.value(QStringLiteral("targetMax")));
  i.targetKind = targetKindFromCode(o.value(QStringLiteral("targetKind")).toString()).value_or(TargetKind::Level);
  i.scope = o.value(QStringLiteral("scope")).toString();
  i.populationBasis = o.value(QStringLiteral("populationBasis")).toString();
  i.doubt = o.value(QStringLiteral("doubt")).toString();
  i.doubtEvidence = o.value(QStringLiteral("doubtEvidence")).toString();
  i.doubtUnit = o.value(QStringLiteral("doubtUnit")).toString();
  i.quote = o.value(QStringLiteral("quote")).toString();
  if (o.value(QStringLiteral("baselineYear")).isDouble()) i.baselineYear = o.value(QStringLiteral("baselineYear")).toInt();
  i.baselineValue = optionalDouble(o.value(QStringLiteral("baselineValue")));
  i.targetYear = o.value(QStringLiteral("targetYear")).toInt();
  i.targetValue = optionalDouble(o.value(QStringLiteral("targetValue")));
  i.targetText = o.value(QStringLiteral("targetText")).toString();
  for (const QJsonValue& r : o.value(QStringLiteral("responsible")).toArray()) i.responsible << r.toString();
  i.dataSource = o.value(QStringLiteral("dataSource")).toString();
  const QString method = o.value(QStringLiteral("method")).toString();
  if (method.startsWith(QLatin1String("spatial:"))) i.method = {Method::Kind::Spatial, method.mid(8)};
  i.breakdown = o.value(QStringLiteral("breakdown")).toString();
  i.warningThreshold = optionalDouble(o.value(QStringLiteral("warningThreshold")));
  i.planRef = o.value(QStringLiteral("planRef")).toString();
  return i;
}

}  // namespace xiuhua::indicators
