#include "cli/what_if_command.h"

#include "cli/cli_args.h"
#include "cli/metric_commands.h"
#include "xiuhua/indicators/metrics/coverage_what_if.h"

#include <QJsonDocument>

namespace xiuhua::cli {

namespace {

QString percent(const std::optional<double>& v) { return v ? QStringLiteral("%1%").arg(*v * 100, 0, 'f', 2) : QStringLiteral("-"); }

QString points(const std::optional<double>& a, const std::optional<double>& b) {
  return a && b ? QStringLiteral("%1%2 pp").arg((*b - *a) >= 0 ? QStringLiteral("+") : QString()).arg((*b - *a) * 100, 0, 'f', 2)
                : QStringLiteral("-");
}

}  // namespace

int runWhatIf(const QStringList& args, QTextStream& out, QTextStream& err) {
  QStringList options = coverageOptionNames() + QStringList{QStringLiteral("--add"), QStringLiteral("--add-where"),
                                                            QStringLiteral("--remove-where")};
  options.removeAll(QStringLiteral("--out"));  // a scenario writes no layers (yet)
  if (const auto unknown = unknownOption(args, options, {QStringLiteral("--json")})) {
    err << "xiuhua-cli whatif: unknown option " << *unknown << " (see README, Spatial metrics)\n";
    return 2;
  }
  const std::optional<CoverageRequest> request = coverageRequest(QStringLiteral("whatif"), args, err);
  if (!request) return 2;
  if (option(args, QStringLiteral("--add")).isEmpty() && option(args, QStringLiteral("--remove-where")).isEmpty()) {
    err << "xiuhua-cli whatif: give --add SRC (proposed facilities), --remove-where EXPR (facilities taken away), or both\n";
    return 2;
  }
  indicators::WhatIfParams params;
  params.coverage = request->coverage;
  params.add = gis::SourceRef::parse(option(args, QStringLiteral("--add")));
  params.addWhere = option(args, QStringLiteral("--add-where"));
  params.removeWhere = option(args, QStringLiteral("--remove-where"));
  auto result = indicators::computeWhatIf(params, request->run);
  if (!result.ok()) {
    err << "xiuhua-cli whatif: " << result.error().message << "\n";
    return 1;
  }
  if (flag(args, QStringLiteral("--json"))) {
    out << QJsonDocument(indicators::whatIfToJson(result.value())).toJson(QJsonDocument::Indented);
    return 0;
  }
  const indicators::WhatIfResult& r = result.value();
  out << r.base.metric << "\t" << percent(r.base.value) << " → " << percent(r.scenario.value) << "\t" << points(r.base.value, r.scenario.value)
      << "\n";
  for (std::size_t z = 0; z < r.base.zones.size() && z < r.scenario.zones.size(); ++z) {
    if (r.base.zones[z].value == r.scenario.zones[z].value) continue;  // only the sub-units the scenario changes
    out << "  " << r.base.zones[z].name << "\t" << percent(r.base.zones[z].value) << " → " << percent(r.scenario.zones[z].value) << "\t"
        << points(r.base.zones[z].value, r.scenario.zones[z].value) << "\n";
  }
  out << r.added << " added, " << r.removed << " taken away, " << r.recomputedTargets << " targets recomputed; base "
      << QString::number(r.baseSeconds, 'f', 3) << " s, scenario " << QString::number(r.scenarioSeconds, 'f', 3) << " s\n";
  return 0;
}

}  // namespace xiuhua::cli
