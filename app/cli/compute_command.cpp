#include "cli/compute_command.h"

#include "cli/cli_args.h"
#include "cli/message_log.h"
#include "cli/metric_commands.h"
#include "document/layer_resolver.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/indicators/metrics/computation_store.h"
#include "xiuhua/indicators/metrics/metric_json.h"
#include "xiuhua/indicators/value_store.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace xiuhua::cli {

namespace {

// What one run of compute needs: the project's stores, catalog, bindings and layers.
struct ComputeSetup {
  std::unique_ptr<indicators::ValueStore> values;
  std::unique_ptr<indicators::ComputationStore> computations;
  indicators::Catalog catalog;
  std::vector<indicators::MetricBinding> bindings;
  indicators::LayerResolver resolve;
};

gis::Result<ComputeSetup> setUp(const QString& path, bool dryRun) {
  auto project = gis::ProjectFile::load(path);
  if (!project.ok()) return project.error();
  auto values = indicators::ValueStore::open(path);
  if (!values.ok()) return values.error();
  auto computations = indicators::ComputationStore::open(path);
  if (!computations.ok()) return computations.error();
  if (!dryRun && !gis::Database::isWritable(path)) return gis::Error{gis::ErrorCode::IoFailed, gis::Database::readOnlyMessage(path)};
  auto catalog = (*values)->catalog();
  if (!catalog.ok()) return catalog.error();
  auto bindings = (*computations)->bindings();
  if (!bindings.ok()) return bindings.error();
  return ComputeSetup{std::move(values).value(), std::move(computations).value(), std::move(catalog).value(), std::move(bindings).value(),
                      app::layerResolver(project->layers)};
}

// The warnings of a computation, its breakdowns' too, once each.
QStringList warningsOf(const indicators::IndicatorComputation& c) {
  QStringList out = c.whole.warnings;
  for (const auto& [id, result] : c.breakdowns) {
    for (const QString& w : result.warnings) {
      if (!out.contains(w)) out << w;
    }
  }
  return out;
}

// Computes one indicator and (unless a dry run) stores it; its JSON row, or why it failed.
gis::Result<QJsonObject> computeOne(ComputeSetup& setup, const indicators::MetricBinding& binding, int year, const indicators::MetricRun& run,
                                    bool dryRun) {
  const indicators::Indicator* indicator = setup.catalog.find(binding.code);
  if (indicator == nullptr) return gis::Error{gis::ErrorCode::InvalidArgument, QStringLiteral("%1: not in the project's catalog").arg(binding.code)};
  auto c = indicators::computeIndicator(*indicator, binding, year, setup.resolve, run);
  if (!c.ok()) return c.error();
  if (!c->whole.value) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      QCoreApplication::translate("Cli", "%1: the computation gave no value for the district.").arg(binding.code)};
  }
  indicators::ComputationStore::Recorded recorded;
  if (!dryRun) {
    auto stored = setup.computations->recordValues(c.value());
    if (!stored.ok()) return stored.error();
    if (auto written = setup.values->addValues(stored->values); !written.ok()) return written.error();
    if (gis::Status s = indicators::storeNotApplicable(*setup.values, c.value()); !s) return s.error();
    recorded = std::move(stored).value();
  }
  const qint64 id = recorded.id;
  return QJsonObject{{QStringLiteral("code"), binding.code}, {QStringLiteral("name"), indicator->nameZh},
                     {QStringLiteral("metric"), binding.metric}, {QStringLiteral("year"), year},
                     {QStringLiteral("value"), *c->whole.value * c->scale}, {QStringLiteral("unit"), indicator->unit},
                     {QStringLiteral("values"), static_cast<qint64>(c->values.size())},
                     {QStringLiteral("computation"), id > 0 ? QJsonValue(id) : QJsonValue()},
                     {QStringLiteral("layers_file"), recorded.layersFile.isEmpty() ? QJsonValue() : QJsonValue(recorded.layersFile)},
                     {QStringLiteral("layers"), QJsonArray::fromStringList(recorded.layers)},
                     {QStringLiteral("notes"), QJsonArray::fromStringList(c->whole.notes)},
                     {QStringLiteral("warnings"), QJsonArray::fromStringList(warningsOf(c.value()))},
                     {QStringLiteral("result"), indicators::computationToJson(c.value())}};
}

void printRow(const QJsonObject& row, QTextStream& out) {
  const qint64 id = row.value(QStringLiteral("computation")).toInteger();
  out << row.value(QStringLiteral("code")).toString() << "\t" << row.value(QStringLiteral("name")).toString() << "\t"
      << QString::number(row.value(QStringLiteral("value")).toDouble(), 'f', 3) << " " << row.value(QStringLiteral("unit")).toString() << "\t"
      << row.value(QStringLiteral("values")).toInt() << " values" << (id > 0 ? QStringLiteral(" (computation #%1)").arg(id) : QString()) << "\n";
  for (const QJsonValue& note : row.value(QStringLiteral("notes")).toArray()) {
    out << "  " << QCoreApplication::translate("Cli", "note: %1").arg(note.toString()) << "\n";
  }
}

}  // namespace

int runCompute(const QStringList& args, QTextStream& out, QTextStream& err) {
  if (const auto unknown = unknownOption(args, {QStringLiteral("--project"), QStringLiteral("--indicator"), QStringLiteral("--year"),
                                                QStringLiteral("--threads")},
                                         {QStringLiteral("--json"), QStringLiteral("--dry-run")})) {
    err << "xiuhua-cli compute: unknown option " << *unknown << "\n";
    return 2;
  }
  const QString path = option(args, QStringLiteral("--project"));
  if (path.isEmpty()) {
    err << "xiuhua-cli compute: --project FILE.xhp is required\n";
    return 2;
  }
  bool yearOk = true;
  const int year = option(args, QStringLiteral("--year"), QString::number(QDate::currentDate().year())).toInt(&yearOk);
  if (!yearOk) {
    err << "xiuhua-cli compute: --year must be a year\n";
    return 2;
  }
  const bool dryRun = args.contains(QStringLiteral("--dry-run"));
  auto setup = setUp(path, dryRun);
  if (!setup.ok()) {
    err << "xiuhua-cli compute: " << setup.error().message << "\n";
    return 1;
  }
  const QString only = option(args, QStringLiteral("--indicator"));
  indicators::MetricRun run;
  run.threads = option(args, QStringLiteral("--threads"), QStringLiteral("0")).toInt();
  run.fingerprints = true;  // the stored record names exactly which files it came from
  run.resultLayers = !dryRun;  // stored beside the project, for maps
  QJsonArray computed;
  QJsonArray failures;
  QStringList warnings;
  const MessageLog stray;  // what the libraries say outside a reader
  int matched = 0;
  for (const indicators::MetricBinding& binding : setup->bindings) {
    if (!only.isEmpty() && binding.code != only) continue;
    ++matched;
    auto row = computeOne(setup.value(), binding, year, run, dryRun);
    if (!row.ok()) {
      // Which indicator failed, then why.
      const QString message = row.error().message;
      failures.append(message.startsWith(binding.code) ? message : QStringLiteral("%1: %2").arg(binding.code, message));
      continue;
    }
    computed.append(row.value());
    for (const QJsonValue& w : row->value(QStringLiteral("warnings")).toArray()) {
      if (!warnings.contains(w.toString())) warnings << w.toString();
    }
    if (!args.contains(QStringLiteral("--json"))) printRow(row.value(), out);
  }
  if (!only.isEmpty() && matched == 0) failures.append(QStringLiteral("%1: the project has no metric binding for it").arg(only));
  for (const QString& w : stray.lines()) {
    if (!warnings.contains(w)) warnings << w;
  }
  if (args.contains(QStringLiteral("--json"))) {
    out << QJsonDocument(QJsonObject{{QStringLiteral("year"), year}, {QStringLiteral("computed"), computed},
                                     {QStringLiteral("failed"), failures}, {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}})
               .toJson(QJsonDocument::Indented);
  }
  printWarnings(QStringLiteral("compute"), warnings, err);
  for (const QJsonValue& f : failures) err << "xiuhua-cli compute: " << f.toString() << "\n";
  return failures.isEmpty() ? 0 : 1;
}

}  // namespace xiuhua::cli
