#pragma once

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// `xiuhua-cli indicators import-catalog|list|set|status|history|import|export --project FILE …`
// (see README).
int runIndicators(const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace xiuhua::cli
