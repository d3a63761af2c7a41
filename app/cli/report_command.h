#pragma once

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// xiuhua-cli report --project FILE.xhp --out REPORT.pdf [--year Y] [--title T] [--author UNIT]
//                   [--landscape]: the indicator report as a PDF, without a display.
int runReport(const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace xiuhua::cli
