#pragma once

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// xiuhua-cli gaps: the gap finder of a coverage (see README, "Coverage maps and what-if").
// Exit codes: 0 success, 1 bad input or failure, 2 bad usage.
int runGapFinder(const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace xiuhua::cli
