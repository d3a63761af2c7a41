#pragma once

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// The spatial metrics (see README, "Spatial metrics"): coverage, length, density, count, share.
// Exit codes: 0 success, 1 bad input or failure (message on err), 2 bad usage.
int runMetric(const QString& command, const QStringList& args, QTextStream& out, QTextStream& err);
bool isMetricCommand(const QString& command);

}  // namespace xiuhua::cli
