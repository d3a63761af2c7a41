#include "cli/report_command.h"

#include "cli/cli_args.h"
#include "report/indicator_report.h"

#include <QDate>
#include <QElapsedTimer>

namespace xiuhua::cli {

int runReport(const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString project = option(args, QStringLiteral("--project"));
  const QString pdf = option(args, QStringLiteral("--out"));
  if (project.isEmpty() || pdf.isEmpty()) {
    err << "usage: xiuhua-cli report --project FILE.xhp --out REPORT.pdf [--year Y] [--title T] [--author UNIT] [--landscape]\n";
    return 2;
  }
  app::ReportOptions options;
  const QString year = option(args, QStringLiteral("--year"));
  options.year = year.isEmpty() ? QDate::currentDate().year() : year.toInt();
  if (options.year <= 0) {
    err << "xiuhua-cli: --year must be a year, not \"" << year << "\"\n";
    return 2;
  }
  options.title = option(args, QStringLiteral("--title"));
  options.author = option(args, QStringLiteral("--author"));
  options.landscape = args.contains(QStringLiteral("--landscape"));
  QElapsedTimer timer;
  timer.start();
  if (gis::Status s = app::IndicatorReport::write(project, options, pdf); !s) {
    err << "xiuhua-cli: " << s.error().message << "\n";
    return 1;
  }
  out << "wrote " << pdf << " (" << options.year << ") in " << QString::number(timer.elapsed() / 1000.0, 'f', 2) << " s\n";
  return 0;
}

}  // namespace xiuhua::cli
