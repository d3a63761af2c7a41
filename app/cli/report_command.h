#pragma once

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// xiuhua-cli report --project FILE.xhp [--out REPORT.pdf] [--tables FILE.xlsx|FILE.csv]
//                   [--figures DIR] [--saved] [--year Y] [--title T] [--author UNIT] [--landscape]
//                   [--atlas LEVEL] [--indicators CODE,CODE] [--no-summary] [--no-sections]
//                   [--no-maps] [--no-appendix]: the indicator report as a PDF, its tables as a
//                   workbook or CSV files and its charts and maps as PNG and SVG, without a display.
//                   --saved starts from the choice saved in the project; the other flags override it.
//                   What had to be left out (an unreadable map layer) is printed as a warning.
int runReport(const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace xiuhua::cli
