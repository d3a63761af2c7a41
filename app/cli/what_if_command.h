#pragma once

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// xiuhua-cli whatif: a coverage (the coverage command's options) and a scenario — --add SRC
// [--add-where EXPR] proposed facilities, --remove-where EXPR facilities taken away — with the
// change in percentage points, whole and per sub-unit. Exit codes as the metric commands.
int runWhatIf(const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace xiuhua::cli
