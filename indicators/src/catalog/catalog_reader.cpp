#include "xiuhua/indicators/catalog.h"

#include "xiuhua/gis/table_reader.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace xiuhua::indicators {
namespace {

const QStringList kRequiredColumns = {
    QStringLiteral("code"),       QStringLiteral("category"),    QStringLiteral("name_zh"),
    QStringLiteral("name_en"),    QStringLiteral("unit"),        QStringLiteral("direction"),
    QStringLiteral("nature"),     QStringLiteral("baseline_year"), QStringLiteral("baseline_value"),
    QStringLiteral("target_year"), QStringLiteral("target_value"), QStringLiteral("target_text"),
    QStringLiteral("responsible"), QStringLiteral("data_source"), QStringLiteral("method"),
    QStringLiteral("breakdown"),  QStringLiteral("warning_threshold"), QStringLiteral("plan_ref")};

const QStringList kSpatialMetrics = {QStringLiteral("service_coverage"), QStringLiteral("population_coverage"),
                                     QStringLiteral("length"), QStringLiteral("count"),
                                     QStringLiteral("area_share"), QStringLiteral("density")};

// Parses one row; appends "reason" texts to problems (the caller adds file and line).
Indicator parseRow(const gis::TextTable& table, const QStringList& row, QStringList& problems) {
  auto cell = [&](const QString& column) { return row.value(table.column(column)); };
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
  else problems << QCoreApplication::translate("CatalogReader", "nature \"%1\" must be 约束性 or 预期性").arg(nature);
  ind.baselineYear = year(QStringLiteral("baseline_year"));
  ind.baselineValue = number(QStringLiteral("baseline_value"));
  const auto targetYear = year(QStringLiteral("target_year"));
  if (!targetYear && cell(QStringLiteral("target_year")).isEmpty()) problems << QCoreApplication::translate("CatalogReader", "target_year is required");
  ind.targetYear = targetYear.value_or(0);
  ind.targetValue = number(QStringLiteral("target_value"));
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
  } else if (method.startsWith(QLatin1String("spatial:")) && kSpatialMetrics.contains(method.mid(8))) {
    ind.method = {Method::Kind::Spatial, method.mid(8)};
  } else {
    problems << QCoreApplication::translate("CatalogReader", "method \"%1\" must be entered or spatial:<%2>").arg(method, kSpatialMetrics.join(QLatin1Char('|')));
  }
  ind.breakdown = cell(QStringLiteral("breakdown"));
  if (!ind.breakdown.isEmpty() && ind.breakdown != QStringLiteral("街镇") && ind.breakdown != QStringLiteral("网格")) {
    problems << QCoreApplication::translate("CatalogReader", "breakdown \"%1\" must be 街镇, 网格 or empty").arg(ind.breakdown);
  }
  ind.warningThreshold = number(QStringLiteral("warning_threshold"));
  ind.planRef = cell(QStringLiteral("plan_ref"));
  if (ind.planRef.isEmpty()) problems << QCoreApplication::translate("CatalogReader", "plan_ref is required (where the plan states the target)");
  return ind;
}

}  // namespace

const QStringList& knownUnits() {
  static const QStringList kUnits = {
      QStringLiteral("%"),      QStringLiteral("个"),     QStringLiteral("项"),        QStringLiteral("条"),
      QStringLiteral("座"),     QStringLiteral("处"),     QStringLiteral("户"),        QStringLiteral("万户"),
      QStringLiteral("人"),     QStringLiteral("辆"),     QStringLiteral("次"),        QStringLiteral("天"),
      QStringLiteral("公里"),   QStringLiteral("米"),     QStringLiteral("平方米"),    QStringLiteral("万平方米"),
      QStringLiteral("公顷"),   QStringLiteral("平方公里"), QStringLiteral("公里/平方公里"),
      QStringLiteral("微克/立方米"), QStringLiteral("吨"), QStringLiteral("吨/日"),    QStringLiteral("分"),
      QStringLiteral("名"),     QStringLiteral("棵"),     QStringLiteral("根")};
  return kUnits;
}

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
