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
  auto project = gis::ProjectFile::load(path);
  if (!project.ok()) {
    err << "xiuhua-cli compute: " << project.error().message << "\n";
    return 1;
  }
  auto values = indicators::ValueStore::open(path);
  auto computations = values.ok() ? indicators::ComputationStore::open(path) : gis::Result<std::unique_ptr<indicators::ComputationStore>>(values.error());
  if (!computations.ok()) {
    err << "xiuhua-cli compute: " << computations.error().message << "\n";
    return 1;
  }
  if (!args.contains(QStringLiteral("--dry-run")) && !gis::Database::isWritable(path)) {
    err << "xiuhua-cli compute: " << gis::Database::readOnlyMessage(path) << "\n";
    return 1;
  }
  auto catalog = (*values)->catalog();
  auto bindings = (*computations)->bindings();
  if (!catalog.ok() || !bindings.ok()) {
    err << "xiuhua-cli compute: " << (catalog.ok() ? bindings.error() : catalog.error()).message << "\n";
    return 1;
  }
  const indicators::LayerResolver resolve = app::layerResolver(project->layers);
  const QString only = option(args, QStringLiteral("--indicator"));
  indicators::MetricRun run;
  run.threads = option(args, QStringLiteral("--threads"), QStringLiteral("0")).toInt();
  run.fingerprints = true;  // the stored record names exactly which files it came from
  run.resultLayers = !args.contains(QStringLiteral("--dry-run"));  // stored beside the project, for maps
  QJsonArray computed;
  QJsonArray failures;
  QStringList warnings;
  const MessageLog stray;  // what the libraries say outside a reader
  int matched = 0;
  for (const indicators::MetricBinding& binding : bindings.value()) {
    if (!only.isEmpty() && binding.code != only) continue;
    ++matched;
    const indicators::Indicator* indicator = catalog->find(binding.code);
    if (indicator == nullptr) {
      failures.append(QStringLiteral("%1: not in the project's catalog").arg(binding.code));
      continue;
    }
    auto c = indicators::computeIndicator(*indicator, binding, year, resolve, run);
    if (!c.ok()) {
      failures.append(c.error().message);
      continue;
    }
    if (!c->whole.value) {
      failures.append(QCoreApplication::translate("Cli", "%1: the computation gave no value for the district.").arg(binding.code));
      continue;
    }
    QStringList rowWarnings = c->whole.warnings;
    for (const auto& [id, result] : c->breakdowns) {
      for (const QString& w : result.warnings) {
        if (!rowWarnings.contains(w)) rowWarnings << w;
      }
    }
    for (const QString& w : rowWarnings) {
      if (!warnings.contains(w)) warnings << w;
    }
    qint64 id = 0;
    QString layersFile;
    QStringList layers;
    if (!args.contains(QStringLiteral("--dry-run"))) {
      auto recorded = (*computations)->recordValues(c.value());
      if (!recorded.ok()) {
        failures.append(recorded.error().message);
        continue;
      }
      id = recorded->id;
      layersFile = recorded->layersFile;
      layers = recorded->layers;
      if (auto written = (*values)->addValues(recorded->values); !written.ok()) {
        failures.append(written.error().message);
        continue;
      }
    }
    const double value = c->whole.value.value_or(0) * c->scale;
    QJsonObject row{{QStringLiteral("code"), binding.code}, {QStringLiteral("name"), indicator->nameZh},
                    {QStringLiteral("metric"), binding.metric}, {QStringLiteral("year"), year},
                    {QStringLiteral("value"), c->whole.value ? QJsonValue(value) : QJsonValue()},
                    {QStringLiteral("unit"), indicator->unit}, {QStringLiteral("values"), static_cast<qint64>(c->values.size())},
                    {QStringLiteral("computation"), id > 0 ? QJsonValue(id) : QJsonValue()},
                    {QStringLiteral("layers_file"), layersFile.isEmpty() ? QJsonValue() : QJsonValue(layersFile)},
                    {QStringLiteral("layers"), QJsonArray::fromStringList(layers)},
                    {QStringLiteral("notes"), QJsonArray::fromStringList(c->whole.notes)},
                    {QStringLiteral("warnings"), QJsonArray::fromStringList(rowWarnings)},
                    {QStringLiteral("result"), indicators::computationToJson(c.value())}};
    computed.append(row);
    if (!args.contains(QStringLiteral("--json"))) {
      out << binding.code << "\t" << indicator->nameZh << "\t" << (c->whole.value ? QString::number(value, 'f', 3) : QStringLiteral("-"))
          << " " << indicator->unit << "\t" << c->values.size() << " values" << (id > 0 ? QStringLiteral(" (computation #%1)").arg(id) : QString())
          << "\n";
      for (const QString& note : c->whole.notes) out << "  " << QCoreApplication::translate("Cli", "note: %1").arg(note) << "\n";
    }
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
