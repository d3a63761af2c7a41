#include "cli/report_command.h"

#include "cli/cli_args.h"
#include "report/indicator_report.h"
#include "report/report_content.h"
#include "report/report_exports.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <optional>

namespace xiuhua::cli {

namespace {

const char* const kUsage =
    "usage: xiuhua-cli report --project FILE.xhp [--out REPORT.pdf] [--tables FILE.xlsx|FILE.csv] [--figures DIR] [--saved]\n"
    "       [--year Y] [--title T] [--author UNIT] [--landscape] [--atlas LEVEL] [--indicators CODE,CODE]\n"
    "       [--no-summary] [--no-sections] [--no-maps] [--no-appendix]\n";

// The report's options: the project's saved choice with --saved, else the defaults; then the flags.
// nullopt (after a message) when an option is wrong; `failed` tells a usage error (2) from a
// project that cannot be read (1).
std::optional<app::ReportOptions> reportOptions(const QStringList& args, const QString& project, QTextStream& err, int& failed) {
  app::ReportOptions options;
  if (flag(args, QStringLiteral("--saved"))) {
    auto saved = app::ReportOptions::load(project);
    if (!saved.ok()) {
      err << "xiuhua-cli: " << saved.error().message << "\n";
      failed = 1;
      return std::nullopt;
    }
    options = std::move(saved).value();
  }
  const QString year = option(args, QStringLiteral("--year"));
  if (!year.isEmpty() || options.year <= 0) options.year = year.isEmpty() ? QDate::currentDate().year() : year.toInt();
  if (options.year <= 0) {
    err << "xiuhua-cli: --year must be a year, not \"" << year << "\"\n";
    failed = 2;
    return std::nullopt;
  }
  if (args.contains(QStringLiteral("--title"))) options.title = option(args, QStringLiteral("--title"));
  if (args.contains(QStringLiteral("--author"))) options.author = option(args, QStringLiteral("--author"));
  if (args.contains(QStringLiteral("--atlas"))) options.atlasLevel = option(args, QStringLiteral("--atlas"));
  if (args.contains(QStringLiteral("--indicators"))) {
    options.indicators = option(args, QStringLiteral("--indicators")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString& code : options.indicators) code = code.trimmed();
  }
  if (flag(args, QStringLiteral("--landscape"))) options.landscape = true;
  if (flag(args, QStringLiteral("--no-summary"))) options.summary = false;
  if (flag(args, QStringLiteral("--no-sections"))) options.sections = false;
  if (flag(args, QStringLiteral("--no-maps"))) options.maps = false;
  if (flag(args, QStringLiteral("--no-appendix"))) options.appendix = false;
  return options;
}

// The output paths checked before anything is written, so that a wrong --tables or --figures does
// not fail after the PDF is already there. False (after a message naming the path) when one cannot
// be written: a table file that is neither .xlsx nor .csv or whose folder does not exist; a
// figures path that is a file, or whose nearest existing ancestor is not a writable folder.
bool outputsWritable(const QString& tables, const QString& figures, QTextStream& err) {
  if (!tables.isEmpty()) {
    const QFileInfo file(tables);
    const QString suffix = file.suffix().toLower();
    if (suffix != QLatin1String("xlsx") && suffix != QLatin1String("csv")) {
      err << "xiuhua-cli: " << tables << ": tables are written as .xlsx or .csv\n";
      return false;
    }
    if (!file.absoluteDir().exists()) {
      err << "xiuhua-cli: " << tables << " cannot be written: the folder " << QDir::toNativeSeparators(file.absolutePath())
          << " does not exist\n";
      return false;
    }
  }
  if (!figures.isEmpty()) {
    // The folder is created by the export; here only whether it can be.
    QFileInfo existing(QFileInfo(figures).absoluteFilePath());
    while (!existing.exists() && !existing.isRoot()) existing = QFileInfo(existing.absolutePath());
    if (!existing.isDir() || !existing.isWritable()) {
      err << "xiuhua-cli: the folder " << figures << " cannot be created: " << QDir::toNativeSeparators(existing.absoluteFilePath())
          << (existing.isDir() ? " is not writable\n" : " is not a folder\n");
      return false;
    }
  }
  return true;
}

// Prints what a written output had to leave out (map layers that could not be read), one line
// each; `printed` keeps a layer that both the PDF and the figures left out from being told twice.
void printWarnings(const QStringList& warnings, QStringList& printed, QTextStream& err) {
  for (const QString& warning : warnings) {
    if (printed.contains(warning)) continue;
    printed << warning;
    err << "xiuhua-cli: warning: " << warning << "\n";
  }
}

}  // namespace

int runReport(const QStringList& args, QTextStream& out, QTextStream& err) {
  if (const auto unknown = unknownOption(args,
                                         {QStringLiteral("--project"), QStringLiteral("--out"), QStringLiteral("--tables"), QStringLiteral("--figures"),
                                          QStringLiteral("--year"), QStringLiteral("--title"), QStringLiteral("--author"), QStringLiteral("--atlas"),
                                          QStringLiteral("--indicators")},
                                         {QStringLiteral("--saved"), QStringLiteral("--landscape"), QStringLiteral("--no-summary"),
                                          QStringLiteral("--no-sections"), QStringLiteral("--no-maps"), QStringLiteral("--no-appendix")})) {
    err << "xiuhua-cli report: unknown option " << *unknown << "\n" << kUsage;
    return 2;
  }
  const QString project = option(args, QStringLiteral("--project"));
  const QString pdf = option(args, QStringLiteral("--out"));
  const QString tables = option(args, QStringLiteral("--tables"));
  const QString figures = option(args, QStringLiteral("--figures"));
  if (project.isEmpty() || (pdf.isEmpty() && tables.isEmpty() && figures.isEmpty())) {
    err << kUsage;
    return 2;
  }
  if (!outputsWritable(tables, figures, err)) return 1;
  int failed = 0;
  const std::optional<app::ReportOptions> options = reportOptions(args, project, err, failed);
  if (!options) return failed;
  QElapsedTimer timer;
  timer.start();
  // The content is read once, for the PDF, the tables and the figures, and first, so that a wrong
  // choice (an atlas level or an indicator the project does not have) is refused before anything is
  // written.
  auto content = app::ReportContent::load(project, *options);
  if (!content.ok()) {
    err << "xiuhua-cli: " << content.error().message << "\n";
    return 1;
  }
  QStringList warned;
  if (!pdf.isEmpty()) {
    QStringList warnings;
    const gis::Status s = app::IndicatorReport::write(*content, pdf, {}, nullptr, &warnings);
    printWarnings(warnings, warned, err);
    if (!s) {
      err << "xiuhua-cli: " << s.error().message << "\n";
      return 1;
    }
    out << "wrote " << pdf << " (" << options->year << ") in " << QString::number(timer.elapsed() / 1000.0, 'f', 2) << " s\n";
  }
  if (!tables.isEmpty()) {
    if (gis::Status s = app::ReportExports::writeTables(*content, tables); !s) {
      err << "xiuhua-cli: " << s.error().message << "\n";
      return 1;
    }
    out << "wrote " << tables << "\n";
  }
  if (!figures.isEmpty()) {
    QStringList warnings;
    const gis::Status s = app::ReportExports::writeFigures(*content, figures, nullptr, &warnings);
    printWarnings(warnings, warned, err);
    if (!s) {
      err << "xiuhua-cli: " << s.error().message << "\n";
      return 1;
    }
    out << "wrote the charts and maps to " << figures << "\n";
  }
  return 0;
}

}  // namespace xiuhua::cli
