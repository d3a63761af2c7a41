#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/metrics/service_coverage.h"

#include <QStringList>

#include <optional>
#include <QTextStream>

namespace xiuhua::cli {

// The spatial metrics (see README, "Spatial metrics"): coverage, length, density, count, share.
// Exit codes: 0 success, 1 bad input or failure (message on err), 2 bad usage.
int runMetric(const QString& command, const QStringList& args, QTextStream& out, QTextStream& err);
bool isMetricCommand(const QString& command);

// For commands built on coverage (whatif): its parameters from the options, and the option names
// it accepts (its own and those every metric takes).
gis::Result<indicators::CoverageParams> coverageParams(const QStringList& args);
QStringList coverageOptionNames();
// The run the common options ask for (--crs, --threads, --out; --per with --per-field); nullopt,
// with the usage problem written to err, when they are wrong.
std::optional<indicators::MetricRun> metricRun(const QString& command, const QStringList& args, QTextStream& err);
// For the commands built on a coverage (whatif, gaps): --facilities and --target present, the run
// and the coverage parameters; nullopt, with the usage problem written to err, when they are wrong.
struct CoverageRequest {
  indicators::MetricRun run;
  indicators::CoverageParams coverage;
};
std::optional<CoverageRequest> coverageRequest(const QString& command, const QStringList& args, QTextStream& err);
// The first source option whose "|…" options cannot be read (an unknown option, a CRS or encoding
// that is not one), with the reason; nullopt when all can.
std::optional<QString> badSourceOption(const QStringList& args);
// Writes each warning on its own line of err, "xiuhua-cli COMMAND: warning: …".
void printWarnings(const QString& command, const QStringList& warnings, QTextStream& err);

}  // namespace xiuhua::cli
