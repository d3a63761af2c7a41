// xiuhua-cli: the Xiuhua engine without a display, for scripts, batch work and tests.
#include "cli/cli_commands.h"
#include "cli/compute_command.h"
#include "cli/gap_finder_command.h"
#include "cli/works_command.h"
#include "cli/indicator_commands.h"
#include "cli/metric_commands.h"
#include "cli/postgis_commands.h"
#include "cli/report_command.h"
#include "cli/what_if_command.h"
#include "l10n/localization.h"
#include "xiuhua/gis/library_versions.h"

#include <QGuiApplication>

#include <cstring>
#include <memory>
#include <QTextStream>

namespace {

void printUsage(QTextStream& out) {
  out << "usage: xiuhua-cli COMMAND [options]\n\n"
         "commands:\n"
         "  info FILE [--layer NAME] [--encoding ENC]   describe a data source's layers (JSON)\n"
         "      a PostGIS table: info \"PG:service=NAME\" --layer schema.table\n"
         "  pg check|tables|publish --connection CONN ...   test a PostgreSQL connection; list its geometry tables;\n"
         "      publish a layer as a new PostGIS table (see README, PostGIS)\n"
         "  project-info --project FILE.xhp            load a project and describe its layers (JSON)\n"
         "  project-create --spec SPEC.json --out FILE.xhp   build a project from a JSON spec\n"
         "  render --project FILE.xhp --out MAP.png [--width W --height H]\n"
         "  transform --from CRS --to CRS X Y           convert one coordinate (GCJ02/BD09 too)\n"
         "  indicators import-catalog|list|set|status|history|import|export|audit|confirm|baseline --project FILE.xhp ...   (see README)\n"
         "  coverage --facilities SRC (--radius M | --radius-tiers \"2000:300,5000:500\") --target SRC ...\n"
         "  length --lines SRC [--where EXPR] [--within SRC] ...\n"
         "  density --lines SRC --area SRC ...\n"
         "  count --features SRC [--where EXPR] ...\n"
         "  share --features SRC --area SRC ...\n"
         "  count-share --features SRC --condition EXPR [--where EXPR] [--within SRC] ...\n"
         "  length-share --lines SRC --condition EXPR [--where EXPR] [--within SRC] [--dedupe] ...\n"
         "  per-capita --features SRC --area SRC --population-field F ...   (m² per person)\n"
         "  area-mean --features SRC --value-field F [--area SRC] ...   (area-weighted mean)\n"
         "      spatial metrics; SRC is path or \"path|layername=NAME\"; all take [--per SRC --per-field F]\n"
         "      coverage by walking distance: --network LINES [--network-where EXPR] [--snap M] [--network-width M]\n"
         "      [--crs EPSG:N] [--json] [--out LAYERS.gpkg] (see README, Spatial metrics)\n"
         "      [--engine postgis]: length, count and coverage as SQL in the PostGIS server holding every input\n"
         "  whatif (coverage options) [--add SRC [--add-where EXPR]] [--remove-where EXPR]\n"
         "      a scenario: proposed facilities added, existing ones taken away; the change in points\n"
         "  gaps (coverage options) [--candidates SRC [--candidates-where EXPR]] [--spacing M]\n"
         "      [--facility-area M2] [--site-radius M] [--count N] [--out SITES.gpkg]\n"
         "      the gap finder: the N best sites for a new facility, each counting what the others leave\n"
         "  works conflicts --projects SRC --roads SRC [--road-id-field F] [--renewed-field F] [--json]\n"
         "      马路拉链: projects digging the same road within N months, and digs in the no-dig period\n"
         "  compute --project FILE.xhp [--indicator CODE] [--year Y] [--dry-run] [--json]\n"
         "      compute the project's spatial indicators and store the values\n"
         "  report --project FILE.xhp [--out REPORT.pdf] [--tables FILE.xlsx|FILE.csv] [--figures DIR] [--saved]\n"
         "         [--year Y] [--title T] [--author UNIT] [--landscape] [--atlas LEVEL] [--indicators CODE,CODE]\n"
         "         [--no-summary] [--no-sections] [--no-maps] [--no-appendix]\n"
         "      the indicator report as a PDF; its tables as XLSX/CSV, its charts and maps as PNG and SVG;\n"
         "      --saved starts from the choice saved in the project\n"
         "  --version\n\n"
         "  --lang zh_CN|en   language of messages and status names (default: the GUI's setting, else the\n"
         "                    system locale); JSON keys and status codes never change\n";
}

}  // namespace

int main(int argc, char* argv[]) {
  // Drawing a map or a report needs a QGuiApplication (the offscreen platform needs no display);
  // the other commands start faster without loading a platform plugin.
  const bool draws = argc > 1 && (std::strcmp(argv[1], "render") == 0 || std::strcmp(argv[1], "report") == 0);
  if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  const std::unique_ptr<QCoreApplication> app =
      draws ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("Xiuhua"));  // the GUI's settings (language)
  QCoreApplication::setApplicationName(QStringLiteral("Xiuhua"));
  QStringList args = QCoreApplication::arguments().mid(1);
  QString language;
  if (const qsizetype at = args.indexOf(QStringLiteral("--lang")); at >= 0 && at + 1 < args.size()) {
    language = args.at(at + 1);
    args.remove(at, 2);
  }
  xiuhua::app::Localization localization;
  localization.apply(xiuhua::app::Localization::preferredLanguage(language));
  QTextStream out(stdout);
  QTextStream err(stderr);
  if (args.isEmpty() || args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h")) {
    printUsage(args.isEmpty() ? err : out);
    return args.isEmpty() ? 2 : 0;
  }
  const QString command = args.takeFirst();
  if (command == QLatin1String("--version")) {
    const xiuhua::gis::LibraryVersions v = xiuhua::gis::libraryVersions();
    out << "xiuhua-cli " << XIUHUA_VERSION << " (Qt " << qVersion() << ", GDAL " << v.gdal << ", GEOS "
        << v.geos << ", PROJ " << v.proj << ", SQLite " << v.sqlite << ")\n";
    return 0;
  }
  if (command == QLatin1String("info")) return xiuhua::cli::runInfo(args, out, err);
  if (command == QLatin1String("project-info")) return xiuhua::cli::runProjectInfo(args, out, err);
  if (command == QLatin1String("project-create")) return xiuhua::cli::runProjectCreate(args, out, err);
  if (command == QLatin1String("render")) return xiuhua::cli::runRender(args, out, err);
  if (command == QLatin1String("transform")) return xiuhua::cli::runConvertCoordinates(args, out, err);
  if (command == QLatin1String("indicators")) return xiuhua::cli::runIndicators(args, out, err);
  if (command == QLatin1String("compute")) return xiuhua::cli::runCompute(args, out, err);
  if (command == QLatin1String("whatif")) return xiuhua::cli::runWhatIf(args, out, err);
  if (command == QLatin1String("gaps")) return xiuhua::cli::runGapFinder(args, out, err);
  if (command == QLatin1String("works")) return xiuhua::cli::runWorks(args, out, err);
  if (command == QLatin1String("report")) return xiuhua::cli::runReport(args, out, err);
  if (command == QLatin1String("pg")) return xiuhua::cli::runPostgis(args, out, err);
  if (xiuhua::cli::isMetricCommand(command)) return xiuhua::cli::runMetric(command, args, out, err);
  err << "xiuhua-cli: unknown command \"" << command << "\"\n";
  printUsage(err);
  return 2;
}
