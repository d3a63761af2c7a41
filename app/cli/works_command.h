#pragma once

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// xiuhua-cli works conflicts: 马路拉链 — repeated excavation of one road and digs in the no-dig
// period after an overhaul, from a project list and a road layer (see README, "Road works").
// Exit codes: 0 success (conflicts or none), 1 bad input or failure, 2 bad usage.
int runWorks(const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace xiuhua::cli
