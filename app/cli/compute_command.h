#pragma once

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// xiuhua-cli compute --project FILE [--indicator CODE] [--year Y] [--dry-run] [--json]: computes the
// project's spatial indicators (their metric bindings) and stores the values as "computed".
int runCompute(const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace xiuhua::cli
