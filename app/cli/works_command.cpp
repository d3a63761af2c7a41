#include "cli/works_command.h"

#include "cli/cli_args.h"
#include "xiuhua/gis/overlay/excavation_conflicts.h"
#include "xiuhua/indicators/metrics/metric_layer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace xiuhua::cli {
namespace {

const QStringList kValueOptions = {QStringLiteral("--projects"),      QStringLiteral("--roads"),         QStringLiteral("--road-id-field"),
                                   QStringLiteral("--renewed-field"), QStringLiteral("--id-field"),      QStringLiteral("--start-field"),
                                   QStringLiteral("--end-field"),     QStringLiteral("--dig-field"),     QStringLiteral("--tolerance"),
                                   QStringLiteral("--min-shared"),    QStringLiteral("--gap-months"),    QStringLiteral("--no-dig-years"),
                                   QStringLiteral("--crs"),           QStringLiteral("--threads")};

// The first of the names that the layer has; the option's value when given (then it must exist).
std::optional<QString> pickField(const gis::VectorData& data, const QString& given, const QStringList& defaults, bool required,
                                 const QString& what, QString& problem) {
  if (!given.isEmpty()) {
    if (data.fieldIndex(given) >= 0) return given;
    problem = QStringLiteral("%1: no field \"%2\" (%3)").arg(data.path, given, what);
    return std::nullopt;
  }
  for (const QString& name : defaults) {
    if (data.fieldIndex(name) >= 0) return name;
  }
  if (required) problem = QStringLiteral("%1: no %2 field (looked for %3; name it with an option)").arg(data.path, what, defaults.join(QStringLiteral(", ")));
  return std::nullopt;
}

// A date as a layer gives it: a date field, or text 2025-03-01, 2025/3/1, 2025.3.1, 20250301.
QDate dateOf(const QVariant& v) {
  if (v.typeId() == QMetaType::QDate) return v.toDate();
  if (v.typeId() == QMetaType::QDateTime) return v.toDateTime().date();
  const QString text = v.toString().trimmed();
  for (const QString& format : {QStringLiteral("yyyy-MM-dd"), QStringLiteral("yyyy/M/d"), QStringLiteral("yyyy.M.d"), QStringLiteral("yyyyMMdd"),
                                QStringLiteral("yyyy-M-d")}) {
    const QDate d = QDate::fromString(text, format);
    if (d.isValid()) return d;
  }
  return {};
}

// 掘路 yes or no as units write it; nullopt when it is neither.
std::optional<bool> digs(const QVariant& v) {
  if (v.typeId() == QMetaType::Bool) return v.toBool();
  const QString t = v.toString().trimmed().toLower();
  if (QStringList{QStringLiteral("是"), QStringLiteral("y"), QStringLiteral("yes"), QStringLiteral("true"), QStringLiteral("1"), QStringLiteral("掘路"),
                  QStringLiteral("开挖")}.contains(t)) {
    return true;
  }
  if (QStringList{QStringLiteral("否"), QStringLiteral("n"), QStringLiteral("no"), QStringLiteral("false"), QStringLiteral("0"), QString()}.contains(t)) {
    return false;
  }
  return std::nullopt;
}

QString ruleName(gis::ExcavationConflict::Rule rule) {
  return rule == gis::ExcavationConflict::Rule::NoDigPeriod ? QStringLiteral("no_dig_period") : QStringLiteral("repeated_excavation");
}

}  // namespace

int runWorks(const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString usage = QStringLiteral(
      "usage: xiuhua-cli works conflicts --projects SRC --roads SRC [--road-id-field F] [--renewed-field F]\n"
      "       [--id-field F] [--start-field F] [--end-field F] [--dig-field F] [--tolerance M] [--min-shared M]\n"
      "       [--gap-months N] [--no-dig-years K] [--crs CRS] [--threads N] [--json]\n");
  if (args.isEmpty() || args[0] != QLatin1String("conflicts") || option(args, QStringLiteral("--projects")).isEmpty() ||
      option(args, QStringLiteral("--roads")).isEmpty()) {
    err << usage;
    return 2;
  }
  if (const auto unknown = unknownOption(args, kValueOptions, {QStringLiteral("--json")})) {
    err << "xiuhua-cli works: unknown option " << *unknown << "\n" << usage;
    return 2;
  }
  gis::ExcavationRules rules;
  bool ok = true;
  auto numberOption = [&](const QString& name, double& target) {
    const QString text = option(args, name);
    if (text.isEmpty()) return;
    bool good = false;
    const double v = text.toDouble(&good);
    if (!good || v < 0) {
      err << "xiuhua-cli works: " << name << " " << text << ": not a number of 0 or more\n";
      ok = false;
    }
    target = v;
  };
  double gapMonths = rules.gapMonths;
  double noDigYears = rules.noDigYears;
  numberOption(QStringLiteral("--tolerance"), rules.toleranceMetres);
  numberOption(QStringLiteral("--min-shared"), rules.minSharedMetres);
  numberOption(QStringLiteral("--gap-months"), gapMonths);
  numberOption(QStringLiteral("--no-dig-years"), noDigYears);
  if (!ok) return 2;
  rules.gapMonths = static_cast<int>(gapMonths);
  rules.noDigYears = static_cast<int>(noDigYears);

  indicators::MetricRun run;
  run.threads = option(args, QStringLiteral("--threads"), QStringLiteral("0")).toInt();
  if (const QString crs = option(args, QStringLiteral("--crs")); !crs.isEmpty()) {
    auto parsed = gis::Crs::fromUserInput(crs);
    if (!parsed.ok()) {
      err << "xiuhua-cli works: " << parsed.error().message << "\n";
      return 2;
    }
    run.crs = parsed.value();
  }
  std::vector<indicators::LayerRequest> requests(2);
  requests[0].role = QStringLiteral("projects");
  requests[0].source = gis::SourceRef::parse(option(args, QStringLiteral("--projects")));
  requests[1].role = QStringLiteral("roads");
  requests[1].source = gis::SourceRef::parse(option(args, QStringLiteral("--roads")));
  for (indicators::LayerRequest& r : requests) r.allFields = true;
  auto inputs = indicators::loadMetricInputs(requests, run);
  if (!inputs.ok()) {
    err << "xiuhua-cli works: " << inputs.error().message << "\n";
    return 1;
  }
  for (const QString& w : inputs->warnings) err << "xiuhua-cli works: warning: " << w << "\n";
  const indicators::MetricLayer& projectLayer = inputs->layers[0];
  const indicators::MetricLayer& roadLayer = inputs->layers[1];
  QString problem;
  const auto idField = pickField(*projectLayer.data, option(args, QStringLiteral("--id-field")),
                                 {QStringLiteral("id"), QStringLiteral("项目编号"), QStringLiteral("name"), QStringLiteral("项目名称"), QStringLiteral("名称")},
                                 false, QStringLiteral("project id"), problem);
  const auto startField = pickField(*projectLayer.data, option(args, QStringLiteral("--start-field")),
                                    {QStringLiteral("start"), QStringLiteral("计划开工"), QStringLiteral("开工日期")}, true, QStringLiteral("planned start"), problem);
  const auto endField = pickField(*projectLayer.data, option(args, QStringLiteral("--end-field")),
                                  {QStringLiteral("end"), QStringLiteral("计划完工"), QStringLiteral("完工日期")}, true, QStringLiteral("planned end"), problem);
  const auto digField = pickField(*projectLayer.data, option(args, QStringLiteral("--dig-field")),
                                  {QStringLiteral("excavation"), QStringLiteral("掘路"), QStringLiteral("开挖")}, true, QStringLiteral("掘路 yes/no"), problem);
  const auto roadField = pickField(*roadLayer.data, option(args, QStringLiteral("--road-id-field")),
                                   {QStringLiteral("road_id"), QStringLiteral("道路编号"), QStringLiteral("道路名称"), QStringLiteral("name")}, true,
                                   QStringLiteral("road ID"), problem);
  const auto renewedField = pickField(*roadLayer.data, option(args, QStringLiteral("--renewed-field")),
                                      {QStringLiteral("renewed"), QStringLiteral("大修日期"), QStringLiteral("建成日期")}, false, QStringLiteral("renewal date"), problem);
  if (!problem.isEmpty()) {
    err << "xiuhua-cli works: " << problem << "\n";
    return 1;
  }
  std::vector<gis::WorksProject> projects;
  for (std::size_t i = 0; i < projectLayer.geometries.size(); ++i) {
    gis::WorksProject p;
    p.id = idField ? projectLayer.value(i, *idField).toString() : QString::number(projectLayer.data->fids[i]);
    p.footprint = projectLayer.geometries[i];
    const QVariant dig = projectLayer.value(i, *digField);
    const std::optional<bool> digging = digs(dig);
    if (!digging) {
      err << "xiuhua-cli works: " << projectLayer.data->path << ": project " << p.id << ": " << *digField << " \"" << dig.toString()
          << "\" is neither yes (是) nor no (否)\n";
      return 1;
    }
    p.excavation = *digging;
    p.start = dateOf(projectLayer.value(i, *startField));
    p.end = dateOf(projectLayer.value(i, *endField));
    projects.push_back(std::move(p));
  }
  std::vector<gis::RoadSection> roads;
  for (std::size_t i = 0; i < roadLayer.geometries.size(); ++i) {
    gis::RoadSection s;
    s.roadId = roadLayer.value(i, *roadField).toString();
    s.line = roadLayer.geometries[i];
    if (renewedField) s.renewed = dateOf(roadLayer.value(i, *renewedField));
    if (!s.roadId.isEmpty()) roads.push_back(std::move(s));  // a section without ID belongs to no road
  }
  gis::OverlayOptions options;
  options.threads = run.threads;
  auto found = gis::findExcavationConflicts(projects, roads, rules, options);
  if (!found.ok()) {
    err << "xiuhua-cli works: " << projectLayer.data->path << ": " << found.error().message << "\n";
    return 1;
  }
  if (!flag(args, QStringLiteral("--json"))) {
    for (const gis::ExcavationConflict& c : found->conflicts) {
      const gis::WorksProject& a = projects[static_cast<std::size_t>(c.first)];
      if (c.rule == gis::ExcavationConflict::Rule::NoDigPeriod) {
        out << c.roadId << ": " << a.id << " digs from " << a.start.toString(Qt::ISODate) << ", within " << rules.noDigYears
            << " years of the renewal on " << c.renewed.toString(Qt::ISODate) << " (" << QString::number(c.sharedMetres, 'f', 1) << " m)\n";
      } else {
        const gis::WorksProject& b = projects[static_cast<std::size_t>(c.second)];
        out << c.roadId << ": " << a.id << " and " << b.id << " dig the same " << QString::number(c.sharedMetres, 'f', 1) << " m, "
            << (c.gapDays < 0 ? QStringLiteral("overlapping %1 days").arg(-c.gapDays) : QStringLiteral("%1 days apart").arg(c.gapDays)) << "\n";
      }
    }
    out << found->conflicts.size() << " conflicts among " << projects.size() << " projects\n";
    return 0;
  }
  auto projectJson = [&](int i) {
    const gis::WorksProject& p = projects[static_cast<std::size_t>(i)];
    return QJsonObject{{QStringLiteral("id"), p.id}, {QStringLiteral("start"), p.start.toString(Qt::ISODate)}, {QStringLiteral("end"), p.end.toString(Qt::ISODate)}};
  };
  QJsonArray conflicts;
  for (const gis::ExcavationConflict& c : found->conflicts) {
    QJsonObject o{{QStringLiteral("rule"), ruleName(c.rule)},
                  {QStringLiteral("road_id"), c.roadId},
                  {QStringLiteral("project"), projectJson(c.first)},
                  {QStringLiteral("shared_m"), c.sharedMetres}};
    if (c.second >= 0) {
      o.insert(QStringLiteral("other_project"), projectJson(c.second));
      o.insert(QStringLiteral("gap_days"), c.gapDays);
    } else {
      o.insert(QStringLiteral("renewed"), c.renewed.toString(Qt::ISODate));
      o.insert(QStringLiteral("days_after_renewal"), c.gapDays);
    }
    conflicts.append(o);
  }
  const QJsonObject result{
      {QStringLiteral("conflicts"), conflicts},
      {QStringLiteral("rules"), QJsonObject{{QStringLiteral("tolerance_m"), rules.toleranceMetres},
                                            {QStringLiteral("min_shared_m"), rules.minSharedMetres},
                                            {QStringLiteral("gap_months"), rules.gapMonths},
                                            {QStringLiteral("no_dig_years"), rules.noDigYears},
                                            {QStringLiteral("defaults_are"), QStringLiteral("Xiuhua's assumption: the plans give no numbers")}}},
      {QStringLiteral("crs"), inputs->crs.definition()},
      {QStringLiteral("projects"), static_cast<int>(projects.size())},
      {QStringLiteral("road_sections"), static_cast<int>(roads.size())},
      {QStringLiteral("sections_evaluated"), static_cast<qint64>(found->sectionsEvaluated)},
      {QStringLiteral("pairs_evaluated"), static_cast<qint64>(found->pairsEvaluated)}};
  out << QJsonDocument(result).toJson(QJsonDocument::Indented);
  return 0;
}

}  // namespace xiuhua::cli
