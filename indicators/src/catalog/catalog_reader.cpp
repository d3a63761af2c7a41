#include "xiuhua/indicators/catalog.h"

#include "xiuhua/gis/table_reader.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace xiuhua::indicators {
namespace {

const QStringList kRequiredColumns = {
    QStringLiteral("code"),       QStringLiteral("category"),    QStringLiteral("name_zh"),
    QStringLiteral("name_en"),    QStringLiteral("unit"),        QStringLiteral("direction"),
    QStringLiteral("nature"),     QStringLiteral("baseline_year"), QStringLiteral("baseline_value"),
    QStringLiteral("target_year"), QStringLiteral("target_value"), QStringLiteral("target_text"),
    QStringLiteral("responsible"), QStringLiteral("data_source"), QStringLiteral("method"),
    QStringLiteral("breakdown"),  QStringLiteral("warning_threshold"), QStringLiteral("plan_ref")};

// The columns added with the plans' doubts and scopes (plan_period … quote) are optional: a catalog
// written before them is still read, and `indicators audit` lists what it leaves open.
std::optional<PlanPeriod> parsePeriod(const QString& text) {
  static const QRegularExpression kPeriod(QStringLiteral("^(\\d{4})\\s*[-–—~至]\\s*(\\d{4})$"));
  const QRegularExpressionMatch m = kPeriod.match(text.trimmed());
  if (!m.hasMatch()) return std::nullopt;
  PlanPeriod period{m.captured(1).toInt(), m.captured(2).toInt()};
  return period.isValid() && period.first >= 1949 && period.last <= 2100 ? std::optional(period) : std::nullopt;
}

// The columns of the plans' open questions: period, kind, range, scope, population basis, doubt.
void parsePlanColumns(Indicator& ind, const std::function<QString(const QString&)>& cell, QStringList& problems) {
  const QString period = cell(QStringLiteral("plan_period"));
  if (!period.isEmpty()) {
    if (const auto p = parsePeriod(period)) ind.period = *p;
    else problems << QCoreApplication::translate("CatalogReader", "plan_period \"%1\" is not a period such as 2021-2025").arg(period);
  }
  if (ind.period.isValid() && ind.targetYear > 0 && (ind.targetYear < ind.period.first || ind.targetYear > ind.period.last)) {
    problems << QCoreApplication::translate("CatalogReader", "target_year %1 lies outside the plan period %2–%3")
                    .arg(ind.targetYear).arg(ind.period.first).arg(ind.period.last);
  }
  ind.baselineSource = cell(QStringLiteral("baseline_source"));
  const QString kind = cell(QStringLiteral("target_kind"));
  if (!kind.isEmpty()) {
    if (const auto k = targetKindFromCode(kind)) ind.targetKind = *k;
    else problems << QCoreApplication::translate("CatalogReader", "target_kind \"%1\" must be level, period_total, annual or yearly_count").arg(kind);
  }
  if (ind.targetMax && ind.targetKind != TargetKind::Annual) {
    problems << QCoreApplication::translate("CatalogReader", "target_max is for an annual target's range (target_kind annual)");
  }
  if (ind.targetMax && ind.targetValue && *ind.targetMax < *ind.targetValue) {
    problems << QCoreApplication::translate("CatalogReader", "target_max %1 is below target_value %2").arg(*ind.targetMax).arg(*ind.targetValue);
  }
  ind.scope = cell(QStringLiteral("scope"));
  ind.populationBasis = cell(QStringLiteral("population_basis"));
  if (!ind.populationBasis.isEmpty() && ind.populationBasis != QStringLiteral("户籍") && ind.populationBasis != QStringLiteral("常住")) {
    problems << QCoreApplication::translate("CatalogReader", "population_basis \"%1\" must be 户籍 or 常住").arg(ind.populationBasis);
  }
  ind.doubt = cell(QStringLiteral("doubt"));
  ind.doubtEvidence = cell(QStringLiteral("doubt_evidence"));
  ind.doubtUnit = cell(QStringLiteral("doubt_unit"));
  if (!ind.doubtUnit.isEmpty() && !knownUnits().contains(ind.doubtUnit)) {
    problems << QCoreApplication::translate("CatalogReader", "unknown doubt_unit \"%1\"").arg(ind.doubtUnit);
  }
  if (ind.doubt.isEmpty() && (!ind.doubtEvidence.isEmpty() || !ind.doubtUnit.isEmpty())) {
    problems << QCoreApplication::translate("CatalogReader", "doubt_evidence and doubt_unit need a doubt saying what is doubtful");
  }
  ind.quote = cell(QStringLiteral("quote"));
}

// Parses one row; appends "reason" texts to problems (the caller adds file and line).
Indicator parseRow(const gis::TextTable& table, const QStringList& row, QStringList& problems) {
  auto cell = [&](const QString& column) {
    const int c = table.column(column);
    return c < 0 ? QString() : row.value(c).trimmed();
  };
  auto number = [&](const QString& column) -> std::optional<double> {
    const QString text = cell(column);
    if (text.isEmpty()) return std::nullopt;
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok) problems << QCoreApplication::translate("CatalogReader", "%1 \"%2\" is not a number").arg(column, text);
    return ok ? std::optional<double>(v) : std::nullopt;
  };
  auto year = [&](const QString& column) -> std::optional<int> {
    const QString text = cell(column);
    if (text.isEmpty()) return std::nullopt;
    bool ok = false;
    const int y = text.toInt(&ok);
    if (!ok || y < 1949 || y > 2100) {
      problems << QCoreApplication::translate("CatalogReader", "%1 \"%2\" is not a year").arg(column, text);
      return std::nullopt;
    }
    return y;
  };
  Indicator ind;
  static const QRegularExpression kCode(QStringLiteral("^[A-Za-z0-9._-]+$"));
  ind.code = cell(QStringLiteral("code"));
  if (ind.code.isEmpty()) problems << QCoreApplication::translate("CatalogReader", "the code is missing");
  else if (!kCode.match(ind.code).hasMatch()) problems << QCoreApplication::translate("CatalogReader", "the code \"%1\" may only use letters, digits, '.', '_' and '-'").arg(ind.code);
  ind.category = cell(QStringLiteral("category"));
  ind.nameZh = cell(QStringLiteral("name_zh"));
  ind.nameEn = cell(QStringLiteral("name_en"));
  if (ind.category.isEmpty() || ind.nameZh.isEmpty()) problems << QCoreApplication::translate("CatalogReader", "category and name_zh are required");
  ind.unit = cell(QStringLiteral("unit"));
  if (!knownUnits().contains(ind.unit)) {
    problems << QCoreApplication::translate("CatalogReader", "unknown unit \"%1\" (allowed: %2)").arg(ind.unit, knownUnits().join(QLatin1Char(' ')));
  }
  const QString direction = cell(QStringLiteral("direction"));
  if (direction == QLatin1String("higher")) ind.direction = Direction::Higher;
  else if (direction == QLatin1String("lower")) ind.direction = Direction::Lower;
  else if (direction == QLatin1String("exact")) ind.direction = Direction::Exact;
  else problems << QCoreApplication::translate("CatalogReader", "direction \"%1\" must be higher, lower or exact").arg(direction);
  const QString nature = cell(QStringLiteral("nature"));
  if (nature == QStringLiteral("约束性")) ind.nature = Nature::Binding;
  else if (nature == QStringLiteral("预期性")) ind.nature = Nature::Expected;
  else if (nature == QStringLiteral("未注明")) ind.nature = Nature::Unstated;
  else problems << QCoreApplication::translate("CatalogReader", "nature \"%1\" must be 约束性, 预期性 or 未注明 (the plan marks nothing)").arg(nature);
  ind.baselineYear = year(QStringLiteral("baseline_year"));
  ind.baselineValue = number(QStringLiteral("baseline_value"));
  const auto targetYear = year(QStringLiteral("target_year"));
  if (!targetYear && cell(QStringLiteral("target_year")).isEmpty()) problems << QCoreApplication::translate("CatalogReader", "target_year is required");
  ind.targetYear = targetYear.value_or(0);
  ind.targetValue = number(QStringLiteral("target_value"));
  ind.targetMax = number(QStringLiteral("target_max"));
  ind.targetText = cell(QStringLiteral("target_text"));
  if (!ind.targetValue && ind.targetText.isEmpty() && cell(QStringLiteral("target_value")).isEmpty()) {
    problems << QCoreApplication::translate("CatalogReader", "a target_value or a target_text is required");
  }
  if (ind.baselineYear && targetYear && *ind.baselineYear >= *targetYear) {
    problems << QCoreApplication::translate("CatalogReader", "baseline_year %1 is not before target_year %2").arg(*ind.baselineYear).arg(*targetYear);
  }
  const QString responsible = cell(QStringLiteral("responsible"));
  if (!responsible.isEmpty()) ind.responsible = responsible.split(QStringLiteral("、"), Qt::SkipEmptyParts);
  ind.dataSource = cell(QStringLiteral("data_source"));
  const QString method = cell(QStringLiteral("method"));
  if (method == QLatin1String("entered")) {
    ind.method.kind = Method::Kind::Entered;
  } else if (method.startsWith(QLatin1String("spatial:")) && spatialMetrics().contains(method.mid(8))) {
    ind.method = {Method::Kind::Spatial, method.mid(8)};
  } else {
    problems << QCoreApplication::translate("CatalogReader", "method \"%1\" must be entered or spatial:<%2>").arg(method, spatialMetrics().join(QLatin1Char('|')));
  }
  ind.breakdown = cell(QStringLiteral("breakdown"));
  if (!ind.breakdown.isEmpty() && ind.breakdown != QStringLiteral("街镇") && ind.breakdown != QStringLiteral("网格")) {
    problems << QCoreApplication::translate("CatalogReader", "breakdown \"%1\" must be 街镇, 网格 or empty").arg(ind.breakdown);
  }
  ind.warningThreshold = number(QStringLiteral("warning_threshold"));
  ind.planRef = cell(QStringLiteral("plan_ref"));
  if (ind.planRef.isEmpty()) problems << QCoreApplication::translate("CatalogReader", "plan_ref is required (where the plan states the target)");
  parsePlanColumns(ind, cell, problems);
  if (ind.baselineValue && ind.baselineSource.isEmpty() && table.column(QStringLiteral("baseline_source")) >= 0) {
    problems << QCoreApplication::translate("CatalogReader", "baseline_value needs baseline_source: where the plan (or who) gives it");
  }
  if (ind.unit == QStringLiteral("平方米/人") && ind.populationBasis.isEmpty() && table.column(QStringLiteral("population_basis")) >= 0) {
    problems << QCoreApplication::translate("CatalogReader", "a per-capita unit needs population_basis (户籍 or 常住)");
  }
  return ind;
}

}  // namespace

const Indicator* Catalog::find(const QString& code) const {
  for (const Indicator& i : indicators) {
    if (i.code == code) return &i;
  }
  return nullptr;
}

QStringList Catalog::categories() const {
  QStringList result;
  for (const Indicator& i : indicators) {
    if (!result.contains(i.category)) result << i.category;
  }
  return result;
}

gis::Result<Catalog> CatalogReader::read(const QString& path) {
  auto table = gis::TableReader::read(path);
  if (!table.ok()) return table.error();
  QStringList problems;
  for (const QString& column : kRequiredColumns) {
    if (table->column(column) < 0) problems << QCoreApplication::translate("CatalogReader", "%1:1: the column \"%2\" is missing").arg(path, column);
  }
  if (!problems.isEmpty()) return gis::Error{gis::ErrorCode::ProjectInvalid, problems.join(QLatin1Char('\n'))};
  Catalog catalog;
  catalog.path = table->path;
  QSet<QString> codes;
  for (std::size_t i = 0; i < table->rows.size(); ++i) {
    QStringList rowProblems;
    Indicator ind = parseRow(*table, table->rows[i], rowProblems);
    if (!ind.code.isEmpty() && codes.contains(ind.code)) rowProblems << QCoreApplication::translate("CatalogReader", "the code \"%1\" is used twice").arg(ind.code);
    codes.insert(ind.code);
    for (const QString& p : rowProblems) problems << QStringLiteral("%1:%2: %3").arg(path).arg(table->lines[i]).arg(p);
    catalog.indicators.push_back(std::move(ind));
  }
  if (catalog.indicators.empty()) problems << QCoreApplication::translate("CatalogReader", "%1: the catalog has no indicators").arg(path);
  if (!problems.isEmpty()) {
    const qsizetype more = problems.size() - 20;
    QString message = problems.mid(0, 20).join(QLatin1Char('\n'));
    if (more > 0) message += QLatin1Char('\n') + QCoreApplication::translate("CatalogReader", "… and %1 more problems").arg(more);
    return gis::Error{gis::ErrorCode::ProjectInvalid, message};
  }
  return catalog;
}

}  // namespace xiuhua::indicators
