#include "cli/indicator_commands.h"

#include "cli/catalog_audit_commands.h"
#include "cli/value_sharing_commands.h"
#include "cli/cli_args.h"

#include "xiuhua/indicators/progress.h"
#include "xiuhua/indicators/status_table.h"
#include "xiuhua/indicators/value_exchange.h"
#include "xiuhua/indicators/value_store.h"
#include "xiuhua/indicators/value_validator.h"

#include <QFileInfo>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace xiuhua::cli {
namespace {

using indicators::Indicator;

QJsonValue number(const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(); }

QString statusCode(indicators::Status s) {
  switch (s) {
    case indicators::Status::Achieved: return QStringLiteral("achieved");
    case indicators::Status::OnTrack: return QStringLiteral("on_track");
    case indicators::Status::Behind: return QStringLiteral("behind");
    case indicators::Status::SeverelyBehind: return QStringLiteral("severely_behind");
    case indicators::Status::NoData: return QStringLiteral("no_data");
    case indicators::Status::Manual: return QStringLiteral("manual");
    case indicators::Status::NoBaseline: return QStringLiteral("no_baseline");
    case indicators::Status::Unconfirmed: return QStringLiteral("unconfirmed");
    case indicators::Status::NotApplicable: return QStringLiteral("not_applicable");
    case indicators::Status::NotMet: return QStringLiteral("not_met");
  }
  return {};
}

QJsonObject describe(const Indicator& i) {
  return {{QStringLiteral("code"), i.code},
          {QStringLiteral("category"), i.category},
          {QStringLiteral("name"), i.nameZh},
          {QStringLiteral("nameEn"), i.nameEn},
          {QStringLiteral("unit"), i.unit},
          {QStringLiteral("binding"), i.nature == indicators::Nature::Binding},
          {QStringLiteral("nature"), indicators::natureName(i.nature)},
          {QStringLiteral("target_kind"), indicators::targetKindCode(i.targetKind)},
          {QStringLiteral("target_max"), number(i.targetMax)},
          {QStringLiteral("scope"), i.scope},
          {QStringLiteral("population_basis"), i.populationBasis},
          {QStringLiteral("baseline_source"), i.baselineSource},
          {QStringLiteral("doubt"), i.doubt},
          {QStringLiteral("confirmed"), i.confirmation.has_value()},
          {QStringLiteral("baselineYear"), i.baselineYear ? QJsonValue(*i.baselineYear) : QJsonValue()},
          {QStringLiteral("baseline"), number(i.baselineValue)},
          {QStringLiteral("targetYear"), i.targetYear},
          {QStringLiteral("target"), number(i.targetValue)},
          {QStringLiteral("targetText"), i.targetText},
          {QStringLiteral("responsible"), QJsonArray::fromStringList(i.responsible)}};
}

int importCatalog(indicators::ValueStore& store, const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString path = option(args, QStringLiteral("--catalog"));
  if (path.isEmpty()) {
    err << "usage: xiuhua-cli indicators import-catalog --project FILE --catalog CATALOG.csv [--plan NAME]\n";
    return 2;
  }
  auto catalog = indicators::CatalogReader::read(path);
  if (!catalog.ok()) {
    err << "xiuhua-cli: " << catalog.error().message << "\n";
    return 1;
  }
  const QString plan = option(args, QStringLiteral("--plan")).isEmpty() ? QFileInfo(path).completeBaseName()
                                                                        : option(args, QStringLiteral("--plan"));
  if (gis::Status s = store.importCatalog(catalog.value(), plan); !s) {
    err << "xiuhua-cli: " << s.error().message << "\n";
    return 1;
  }
  out << "imported " << catalog->indicators.size() << " indicators from " << path << "\n";
  return 0;
}

int setValue(indicators::ValueStore& store, const indicators::Catalog& catalog, const QStringList& args,
             QTextStream& out, QTextStream& err) {
  const Indicator* indicator = catalog.find(option(args, QStringLiteral("--code")));
  if (indicator == nullptr) {
    err << "xiuhua-cli: no indicator with code \"" << option(args, QStringLiteral("--code")) << "\" in the project\n";
    return 1;
  }
  const int year = option(args, QStringLiteral("--year")).toInt();
  auto value = indicators::validateValue(*indicator, option(args, QStringLiteral("--value")),
                                         option(args, QStringLiteral("--unit")), year);
  if (!value.ok()) {
    err << "xiuhua-cli: " << value.error().message << "\n";
    return 1;
  }
  indicators::IndicatorValue v;
  v.code = indicator->code;
  v.year = year;
  v.value = value.value();
  v.subunit = option(args, QStringLiteral("--subunit"));
  v.author = option(args, QStringLiteral("--author"));
  v.note = option(args, QStringLiteral("--note"));
  // --replaces ID (the current value the caller saw) or none: refused, exit 3, when another value
  // was written for the indicator, year and sub-unit meanwhile.
  const QString replaces = option(args, QStringLiteral("--replaces"));
  if (!replaces.isEmpty()) {
    bool ok = false;
    v.replaces = replaces == QLatin1String("none") ? 0 : replaces.toLongLong(&ok);
    if (replaces != QLatin1String("none") && !ok) {
      err << "xiuhua-cli: --replaces takes the id of the current value (see indicators history) or none\n";
      return 2;
    }
  }
  auto id = store.addValue(v);
  if (!id.ok()) {
    err << "xiuhua-cli: " << id.error().message << "\n";
    return id.error().code == gis::ErrorCode::EditConflict ? 3 : 1;
  }
  out << "recorded " << indicator->code << " " << year << " = " << v.value << " " << indicator->unit << " (id " << id.value() << ")\n";
  return 0;
}

int status(indicators::ValueStore& store, const QStringList& args, QTextStream& out, QTextStream& err) {
  const int year = option(args, QStringLiteral("--year")).toInt();
  if (year <= 0) {
    err << "usage: xiuhua-cli indicators status --project FILE --year YEAR [--json]\n";
    return 2;
  }
  auto statuses = indicators::indicatorStatuses(store, year);
  if (!statuses.ok()) {
    err << "xiuhua-cli: " << statuses.error().message << "\n";
    return 1;
  }
  QJsonArray rows;
  for (const indicators::IndicatorStatus& s : statuses.value()) {
    const Indicator& i = s.indicator;
    const indicators::Progress& p = s.progress;
    QJsonObject row = describe(i);
    row.insert(QStringLiteral("valueYear"), s.latest ? QJsonValue(s.latest->first) : QJsonValue());
    row.insert(QStringLiteral("value"), s.latest ? QJsonValue(s.latest->second) : QJsonValue());
    row.insert(QStringLiteral("value_synthetic"), s.latestIsSynthetic());  // an invented value (the demo's), not official
    row.insert(QStringLiteral("progress"), number(p.percent));
    row.insert(QStringLiteral("expected"), number(p.expectedValue));
    row.insert(QStringLiteral("remaining"), number(p.remaining));
    row.insert(QStringLiteral("period_total"), number(p.periodTotal));
    row.insert(QStringLiteral("period_expected"), number(p.periodExpected));
    row.insert(QStringLiteral("status_advice"), indicators::statusAdvice(p.status));
    row.insert(QStringLiteral("status"), statusCode(p.status));
    row.insert(QStringLiteral("statusName"), indicators::statusName(p.status));
    rows.append(row);
    if (!args.contains(QStringLiteral("--json"))) {
      out << i.code << "\t" << i.nameZh << "\t" << (s.latest ? QString::number(s.latest->second) : QStringLiteral("-")) << " "
          << i.unit << (s.latestIsSynthetic() ? QCoreApplication::translate("Cli", " (synthetic)") : QString()) << "\t"
          << indicators::statusName(p.status) << "\n";
    }
  }
  if (args.contains(QStringLiteral("--json"))) {
    out << QJsonDocument(QJsonObject{{QStringLiteral("year"), year}, {QStringLiteral("indicators"), rows}}).toJson();
  }
  return 0;
}

int importValues(indicators::ValueStore& store, const indicators::Catalog& catalog, const QStringList& args,
                 QTextStream& out, QTextStream& err) {
  const QString file = option(args, QStringLiteral("--file"));
  if (file.isEmpty()) {
    err << "usage: xiuhua-cli indicators import --project FILE --file VALUES.csv|xlsx [--dry-run] [--author NAME]\n";
    return 2;
  }
  auto plan = indicators::planValueImport(file, catalog, store, option(args, QStringLiteral("--author")));
  if (!plan.ok()) {
    err << "xiuhua-cli: " << plan.error().message << "\n";
    return 1;
  }
  QJsonArray rows;
  for (const indicators::ValueImportRow& r : plan->rows) {
    rows.append(QJsonObject{{QStringLiteral("line"), r.line}, {QStringLiteral("code"), r.value.code},
                            {QStringLiteral("year"), r.value.year}, {QStringLiteral("subunit"), r.value.subunit},
                            {QStringLiteral("value"), r.value.value}, {QStringLiteral("previous"), number(r.previous)}});
  }
  const bool dryRun = args.contains(QStringLiteral("--dry-run"));
  if (!dryRun) {
    if (gis::Status s = indicators::applyValueImport(plan.value(), store); !s) {
      err << "xiuhua-cli: " << s.error().message << "\n";
      return 1;
    }
  }
  out << QJsonDocument(QJsonObject{{QStringLiteral("file"), plan->path}, {QStringLiteral("applied"), !dryRun},
                                   {QStringLiteral("added"), plan->added}, {QStringLiteral("changed"), plan->changed},
                                   {QStringLiteral("unchanged"), plan->unchanged}, {QStringLiteral("rows"), rows}})
             .toJson();
  return 0;
}

}  // namespace

int runIndicators(const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString sub = args.value(0);
  const QString project = option(args, QStringLiteral("--project"));
  if (sub.isEmpty() || project.isEmpty()) {
    err << "usage: xiuhua-cli indicators import-catalog|list|set|status|history|import|export|audit|confirm|baseline|share|unshare|where "
           "--project FILE ...\n";
    return 2;
  }
  if (isValueSharingCommand(sub)) return runValueSharing(sub, project, args, out, err);
  auto store = indicators::ValueStore::open(project);
  if (!store.ok()) {
    err << "xiuhua-cli: " << store.error().message << "\n";
    return 1;
  }
  if (sub == QLatin1String("import-catalog")) return importCatalog(**store, args, out, err);
  if (isCatalogAuditCommand(sub)) return runCatalogAudit(sub, **store, args, out, err);
  auto catalog = (*store)->catalog();
  if (!catalog.ok()) {
    err << "xiuhua-cli: " << catalog.error().message << "\n";
    return 1;
  }
  if (sub == QLatin1String("list")) {
    QJsonArray list;
    for (const Indicator& i : catalog->indicators) list.append(describe(i));
    out << QJsonDocument(list).toJson();
    return 0;
  }
  if (sub == QLatin1String("set")) return setValue(**store, catalog.value(), args, out, err);
  if (sub == QLatin1String("status")) return status(**store, args, out, err);
  if (sub == QLatin1String("import")) return importValues(**store, catalog.value(), args, out, err);
  if (sub == QLatin1String("export")) {
    const QString file = option(args, QStringLiteral("--out"));
    if (gis::Status s = indicators::exportValues(file, catalog.value(), **store); !s) {
      err << "xiuhua-cli: " << s.error().message << "\n";
      return 1;
    }
    out << "wrote " << file << "\n";
    return 0;
  }
  if (sub == QLatin1String("history")) {
    auto history = (*store)->history(option(args, QStringLiteral("--code")));
    if (!history.ok()) {
      err << "xiuhua-cli: " << history.error().message << "\n";
      return 1;
    }
    QJsonArray list;
    for (const indicators::IndicatorValue& v : history.value()) {
      list.append(QJsonObject{{QStringLiteral("id"), v.id}, {QStringLiteral("year"), v.year},
                              {QStringLiteral("subunit"), v.subunit}, {QStringLiteral("value"), v.value},
                              {QStringLiteral("source"), indicators::valueSourceName(v.source)},
                              {QStringLiteral("author"), v.author}, {QStringLiteral("db_user"), v.dbUser},
                              {QStringLiteral("time"), v.time.toString(Qt::ISODate)},
                              {QStringLiteral("note"), v.note}});
    }
    out << QJsonDocument(list).toJson();
    return 0;
  }
  err << "xiuhua-cli: unknown indicators command \"" << sub << "\"\n";
  return 2;
}

}  // namespace xiuhua::cli
