#include "cli/metric_commands.h"

#include "cli/cli_args.h"
#include "cli/message_log.h"
#include "xiuhua/indicators/metrics/area_metrics.h"
#include "xiuhua/indicators/metrics/feature_metrics.h"
#include "xiuhua/indicators/metrics/share_metrics.h"
#include "xiuhua/indicators/metrics/line_metrics.h"
#include "xiuhua/indicators/metrics/metric_json.h"
#include "xiuhua/indicators/metrics/service_coverage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace xiuhua::cli {
namespace {

using indicators::MetricResult;
using indicators::ZoneValue;

const QStringList kCommonOptions = {QStringLiteral("--per"), QStringLiteral("--per-field"), QStringLiteral("--per-where"),
                                    QStringLiteral("--crs"), QStringLiteral("--threads"), QStringLiteral("--out"),
                                    QStringLiteral("--engine")};
const QStringList kCommonFlags = {QStringLiteral("--json")};

// The options that name a source (SRC, with its |layername=, |crs=, |encoding= options).
const QStringList kSourceOptions = {QStringLiteral("--facilities"), QStringLiteral("--target"), QStringLiteral("--exclude"),
                                    QStringLiteral("--network"), QStringLiteral("--lines"), QStringLiteral("--within"),
                                    QStringLiteral("--area"), QStringLiteral("--features"), QStringLiteral("--per"),
                                    QStringLiteral("--add"), QStringLiteral("--candidates")};

QString percentOf(double fraction) { return QString::number(fraction * 100, 'g', 3); }

void printText(const MetricResult& r, QTextStream& out) {
  const indicators::MetricKeys keys = indicators::metricKeys(r.metric);
  auto format = [&](const std::optional<double>& v) {
    if (!v) return QStringLiteral("-");
    if (keys.value == QLatin1String("ratio")) return QStringLiteral("%1%").arg(*v * 100, 0, 'f', 2);
    if (keys.value == QLatin1String("m2_per_person")) return QString::number(*v, 'f', 4);
    return QString::number(*v, 'f', keys.value == QLatin1String("count") ? 0 : 3);
  };
  out << r.metric << "\t" << keys.value << "\t" << format(r.value) << "\n";
  for (const ZoneValue& z : r.zones) out << "  " << z.name << "\t" << format(z.value) << "\n";
  if (r.outside) out << "  " << r.outside->name << "\t" << format(r.outside->value) << "\n";
  if (r.crs.isEmpty()) {
    out << "crs: " << r.crsReason << "\n";
  } else {
    out << "crs " << r.crs << " (" << r.crsReason << "; scale error " << percentOf(r.scaleError.length) << " %)\n";
  }
  for (const QString& note : r.notes) out << "note: " << note << "\n";
  out << r.repaired << " invalid geometries repaired, " << QString::number(r.seconds, 'f', 3) << " s\n";
}

std::optional<indicators::ZoneRequest> zoneRequest(const QStringList& args) {
  const QString per = option(args, QStringLiteral("--per"));
  if (per.isEmpty()) return std::nullopt;
  return indicators::ZoneRequest{gis::SourceRef::parse(per), option(args, QStringLiteral("--per-field")),
                                 option(args, QStringLiteral("--per-where"))};
}

using Compute = std::function<gis::Result<MetricResult>(const indicators::MetricRun&)>;

// Builds the parameters of a command (or fails with a usage message) and the list of its options.
struct Command {
  QStringList options;
  QStringList flags;
  QStringList required;
  std::function<gis::Result<Compute>(const QStringList&)> build;
};

gis::Error usage(const QString& message) { return gis::Error{gis::ErrorCode::InvalidArgument, message}; }

}  // namespace

gis::Result<indicators::CoverageParams> coverageParams(const QStringList& args) {
  indicators::CoverageParams p;
  p.facilities = gis::SourceRef::parse(option(args, QStringLiteral("--facilities")));
  p.facilityWhere = option(args, QStringLiteral("--facility-where"));
  p.target = gis::SourceRef::parse(option(args, QStringLiteral("--target")));
  p.targetWhere = option(args, QStringLiteral("--target-where"));
  p.exclude = gis::SourceRef::parse(option(args, QStringLiteral("--exclude")));
  p.excludeWhere = option(args, QStringLiteral("--exclude-where"));
  p.within = gis::SourceRef::parse(option(args, QStringLiteral("--within")));
  p.withinWhere = option(args, QStringLiteral("--within-where"));
  p.per = zoneRequest(args);
  p.weightField = option(args, QStringLiteral("--weight-field"));
  p.weightRaster = option(args, QStringLiteral("--weight-raster"));
  if (!p.weightField.isEmpty() && !p.weightRaster.isEmpty()) {
    return usage(QStringLiteral("give --weight-field or --weight-raster, not both"));
  }
  const QString radius = option(args, QStringLiteral("--radius"));
  const QString tiers = option(args, QStringLiteral("--radius-tiers"));
  if (radius.isEmpty() == tiers.isEmpty()) return usage(QStringLiteral("give either --radius M or --radius-tiers \"AREA:RADIUS,…\""));
  if (!radius.isEmpty()) {
    bool ok = false;
    p.radius = radius.toDouble(&ok);
    if (!ok || !(*p.radius > 0)) return usage(QStringLiteral("--radius \"%1\" is not a distance in metres above 0").arg(radius));
  } else {
    auto parsed = indicators::parseRadiusTiers(tiers);
    if (!parsed.ok()) return parsed.error();
    p.tiers = parsed.value();
  }
  bool ok = true;
  p.quadSegments = option(args, QStringLiteral("--quad-segs"), QStringLiteral("8")).toInt(&ok);
  if (!ok || p.quadSegments < 1) return usage(QStringLiteral("--quad-segs must be a whole number ≥ 1"));
  const QString method = option(args, QStringLiteral("--method"), QStringLiteral("indexed"));
  if (method != QLatin1String("indexed") && method != QLatin1String("naive")) {
    return usage(QStringLiteral("--method is indexed or naive, not \"%1\"").arg(method));
  }
  p.naive = method == QLatin1String("naive");
  if (const QString network = option(args, QStringLiteral("--network")); !network.isEmpty()) {
    indicators::NetworkParams n;
    n.lines = gis::SourceRef::parse(network);
    n.where = option(args, QStringLiteral("--network-where"));
    n.maxSnap = option(args, QStringLiteral("--snap"), QStringLiteral("100")).toDouble(&ok);
    if (!ok || !(n.maxSnap >= 0)) return usage(QStringLiteral("--snap must be a distance in metres, 0 or more"));
    n.width = option(args, QStringLiteral("--network-width"), QStringLiteral("50")).toDouble(&ok);
    if (!ok || !(n.width > 0)) return usage(QStringLiteral("--network-width must be a distance in metres above 0"));
    p.network = n;
  } else if (!option(args, QStringLiteral("--snap")).isEmpty() || !option(args, QStringLiteral("--network-width")).isEmpty() ||
             !option(args, QStringLiteral("--network-where")).isEmpty()) {
    return usage(QStringLiteral("--snap, --network-width and --network-where need --network LINES"));
  }
  return p;
}

namespace {

const QStringList& coverageOptions() {
  static const QStringList options = {QStringLiteral("--facilities"), QStringLiteral("--facility-where"), QStringLiteral("--radius"),
                                      QStringLiteral("--radius-tiers"), QStringLiteral("--target"), QStringLiteral("--target-where"),
                                      QStringLiteral("--exclude"), QStringLiteral("--exclude-where"), QStringLiteral("--within"),
                                      QStringLiteral("--within-where"), QStringLiteral("--quad-segs"),
                                      QStringLiteral("--network"), QStringLiteral("--network-where"), QStringLiteral("--snap"),
                                      QStringLiteral("--network-width"),
                                      QStringLiteral("--method"), QStringLiteral("--weight-field"), QStringLiteral("--weight-raster")};
  return options;
}

Command coverageCommand() {
  return {coverageOptions(),
          {},
          {QStringLiteral("--facilities"), QStringLiteral("--target")},
          [](const QStringList& args) -> gis::Result<Compute> {
            auto p = coverageParams(args);
            if (!p.ok()) return p.error();
            return Compute([p = p.value()](const indicators::MetricRun& run) { return indicators::computeCoverage(p, run); });
          }};
}

Command lengthCommand() {
  return {{QStringLiteral("--lines"), QStringLiteral("--where"), QStringLiteral("--within"), QStringLiteral("--within-where")},
          {QStringLiteral("--dedupe")},
          {QStringLiteral("--lines")},
          [](const QStringList& args) -> gis::Result<Compute> {
            indicators::LengthParams p;
            p.lines = gis::SourceRef::parse(option(args, QStringLiteral("--lines")));
            p.where = option(args, QStringLiteral("--where"));
            p.within = gis::SourceRef::parse(option(args, QStringLiteral("--within")));
            p.withinWhere = option(args, QStringLiteral("--within-where"));
            p.per = zoneRequest(args);
            p.deduplicate = flag(args, QStringLiteral("--dedupe"));
            return Compute([p](const indicators::MetricRun& run) { return indicators::computeLength(p, run); });
          }};
}

Command densityCommand() {
  return {{QStringLiteral("--lines"), QStringLiteral("--where"), QStringLiteral("--area"), QStringLiteral("--area-where")},
          {QStringLiteral("--dedupe")},
          {QStringLiteral("--lines"), QStringLiteral("--area")},
          [](const QStringList& args) -> gis::Result<Compute> {
            indicators::DensityParams p;
            p.lines = gis::SourceRef::parse(option(args, QStringLiteral("--lines")));
            p.where = option(args, QStringLiteral("--where"));
            p.area = gis::SourceRef::parse(option(args, QStringLiteral("--area")));
            p.areaWhere = option(args, QStringLiteral("--area-where"));
            p.per = zoneRequest(args);
            p.deduplicate = flag(args, QStringLiteral("--dedupe"));
            return Compute([p](const indicators::MetricRun& run) { return indicators::computeDensity(p, run); });
          }};
}

Command countCommand() {
  return {{QStringLiteral("--features"), QStringLiteral("--where")},
          {},
          {QStringLiteral("--features")},
          [](const QStringList& args) -> gis::Result<Compute> {
            indicators::CountParams p;
            p.features = gis::SourceRef::parse(option(args, QStringLiteral("--features")));
            p.where = option(args, QStringLiteral("--where"));
            p.per = zoneRequest(args);
            return Compute([p](const indicators::MetricRun& run) { return indicators::computeCount(p, run); });
          }};
}

Command shareCommand() {
  return {{QStringLiteral("--features"), QStringLiteral("--where"), QStringLiteral("--area"), QStringLiteral("--area-where")},
          {},
          {QStringLiteral("--features"), QStringLiteral("--area")},
          [](const QStringList& args) -> gis::Result<Compute> {
            indicators::ShareParams p;
            p.features = gis::SourceRef::parse(option(args, QStringLiteral("--features")));
            p.where = option(args, QStringLiteral("--where"));
            p.area = gis::SourceRef::parse(option(args, QStringLiteral("--area")));
            p.areaWhere = option(args, QStringLiteral("--area-where"));
            p.per = zoneRequest(args);
            return Compute([p](const indicators::MetricRun& run) { return indicators::computeShare(p, run); });
          }};
}

Command countShareCommand() {
  return {{QStringLiteral("--features"), QStringLiteral("--where"), QStringLiteral("--condition"), QStringLiteral("--within"),
           QStringLiteral("--within-where")},
          {},
          {QStringLiteral("--features"), QStringLiteral("--condition")},
          [](const QStringList& args) -> gis::Result<Compute> {
            indicators::CountShareParams p{gis::SourceRef::parse(option(args, QStringLiteral("--features"))),
                                           option(args, QStringLiteral("--where")), option(args, QStringLiteral("--condition")),
                                           gis::SourceRef::parse(option(args, QStringLiteral("--within"))),
                                           option(args, QStringLiteral("--within-where")), zoneRequest(args)};
            return Compute([p](const indicators::MetricRun& run) { return indicators::computeCountShare(p, run); });
          }};
}

Command lengthShareCommand() {
  return {{QStringLiteral("--lines"), QStringLiteral("--where"), QStringLiteral("--condition"), QStringLiteral("--within"),
           QStringLiteral("--within-where")},
          {QStringLiteral("--dedupe")},
          {QStringLiteral("--lines"), QStringLiteral("--condition")},
          [](const QStringList& args) -> gis::Result<Compute> {
            indicators::LengthShareParams p{gis::SourceRef::parse(option(args, QStringLiteral("--lines"))),
                                            option(args, QStringLiteral("--where")), option(args, QStringLiteral("--condition")),
                                            gis::SourceRef::parse(option(args, QStringLiteral("--within"))),
                                            option(args, QStringLiteral("--within-where")), zoneRequest(args),
                                            flag(args, QStringLiteral("--dedupe"))};
            return Compute([p](const indicators::MetricRun& run) { return indicators::computeLengthShare(p, run); });
          }};
}

Command perCapitaCommand() {
  return {{QStringLiteral("--features"), QStringLiteral("--where"), QStringLiteral("--area"), QStringLiteral("--area-where"),
           QStringLiteral("--population-field")},
          {},
          {QStringLiteral("--features"), QStringLiteral("--area"), QStringLiteral("--population-field")},
          [](const QStringList& args) -> gis::Result<Compute> {
            indicators::PerCapitaParams p{gis::SourceRef::parse(option(args, QStringLiteral("--features"))),
                                          option(args, QStringLiteral("--where")),
                                          gis::SourceRef::parse(option(args, QStringLiteral("--area"))),
                                          option(args, QStringLiteral("--area-where")),
                                          option(args, QStringLiteral("--population-field")), zoneRequest(args)};
            return Compute([p](const indicators::MetricRun& run) { return indicators::computePerCapitaArea(p, run); });
          }};
}

Command areaMeanCommand() {
  return {{QStringLiteral("--features"), QStringLiteral("--where"), QStringLiteral("--value-field"), QStringLiteral("--area"),
           QStringLiteral("--area-where")},
          {},
          {QStringLiteral("--features"), QStringLiteral("--value-field")},
          [](const QStringList& args) -> gis::Result<Compute> {
            indicators::AreaMeanParams p{gis::SourceRef::parse(option(args, QStringLiteral("--features"))),
                                         option(args, QStringLiteral("--where")), option(args, QStringLiteral("--value-field")),
                                         gis::SourceRef::parse(option(args, QStringLiteral("--area"))),
                                         option(args, QStringLiteral("--area-where")), zoneRequest(args)};
            return Compute([p](const indicators::MetricRun& run) { return indicators::computeAreaWeightedMean(p, run); });
          }};
}

std::optional<Command> commandFor(const QString& name) {
  if (name == QLatin1String("coverage")) return coverageCommand();
  if (name == QLatin1String("length")) return lengthCommand();
  if (name == QLatin1String("density")) return densityCommand();
  if (name == QLatin1String("count")) return countCommand();
  if (name == QLatin1String("share")) return shareCommand();
  if (name == QLatin1String("count-share")) return countShareCommand();
  if (name == QLatin1String("length-share")) return lengthShareCommand();
  if (name == QLatin1String("per-capita")) return perCapitaCommand();
  if (name == QLatin1String("area-mean")) return areaMeanCommand();
  return std::nullopt;
}

}  // namespace

bool isMetricCommand(const QString& command) { return commandFor(command).has_value(); }

std::optional<QString> badSourceOption(const QStringList& args) {
  for (const QString& name : kSourceOptions) {
    const QString text = option(args, name);
    if (text.isEmpty()) continue;
    if (auto ref = gis::SourceRef::parseChecked(text); !ref.ok()) return QStringLiteral("%1: %2").arg(name, ref.error().message);
  }
  return std::nullopt;
}

void printWarnings(const QString& command, const QStringList& warnings, QTextStream& err) {
  for (const QString& w : warnings) err << "xiuhua-cli " << command << ": " << QCoreApplication::translate("Cli", "warning: %1").arg(w) << "\n";
}

std::optional<indicators::MetricRun> metricRun(const QString& command, const QStringList& args, QTextStream& err) {
  if (!option(args, QStringLiteral("--per")).isEmpty() && option(args, QStringLiteral("--per-field")).isEmpty()) {
    err << "xiuhua-cli " << command << ": --per needs --per-field (the field that names each sub-unit)\n";
    return std::nullopt;
  }
  if (const std::optional<QString> bad = badSourceOption(args)) {
    err << "xiuhua-cli " << command << ": " << *bad << "\n";
    return std::nullopt;
  }
  indicators::MetricRun run;
  if (const QString crs = option(args, QStringLiteral("--crs")); !crs.isEmpty()) {
    auto parsed = gis::Crs::fromUserInput(crs);
    if (!parsed.ok()) {
      err << "xiuhua-cli " << command << ": --crs " << crs << ": " << parsed.error().message << "\n";
      return std::nullopt;
    }
    run.crs = parsed.value();
  }
  run.threads = option(args, QStringLiteral("--threads"), QStringLiteral("0")).toInt();
  // --engine postgis: computed as SQL in the PostGIS server that holds every input.
  const QString engine = option(args, QStringLiteral("--engine"), QStringLiteral("local"));
  if (engine != QLatin1String("local") && engine != QLatin1String("postgis")) {
    err << "xiuhua-cli " << command << ": --engine is local or postgis, not " << engine << "\n";
    return std::nullopt;
  }
  run.engine = engine == QLatin1String("postgis") ? indicators::Engine::Postgis : indicators::Engine::Local;
  if (run.engine == indicators::Engine::Postgis && !option(args, QStringLiteral("--out")).isEmpty()) {
    err << "xiuhua-cli " << command << ": --out writes the layers of a local computation; with --engine postgis the features stay in the server\n";
    return std::nullopt;
  }
  run.resultLayers = !option(args, QStringLiteral("--out")).isEmpty();
  return run;
}

QStringList coverageOptionNames() { return coverageOptions() + kCommonOptions; }

std::optional<CoverageRequest> coverageRequest(const QString& command, const QStringList& args, QTextStream& err) {
  for (const QString& required : {QStringLiteral("--facilities"), QStringLiteral("--target")}) {
    if (option(args, required).isEmpty()) {
      err << "xiuhua-cli " << command << ": " << required << " is required\n";
      return std::nullopt;
    }
  }
  const std::optional<indicators::MetricRun> run = metricRun(command, args, err);
  if (!run) return std::nullopt;
  auto coverage = coverageParams(args);
  if (!coverage.ok()) {
    err << "xiuhua-cli " << command << ": " << coverage.error().message << "\n";
    return std::nullopt;
  }
  return CoverageRequest{*run, coverage.value()};
}

int runMetric(const QString& name, const QStringList& args, QTextStream& out, QTextStream& err) {
  const std::optional<Command> command = commandFor(name);
  if (!command) return 2;
  if (const auto unknown = unknownOption(args, command->options + kCommonOptions, command->flags + kCommonFlags)) {
    err << "xiuhua-cli " << name << ": unknown option " << *unknown << " (see README, Spatial metrics)\n";
    return 2;
  }
  for (const QString& required : command->required) {
    if (option(args, required).isEmpty()) {
      err << "xiuhua-cli " << name << ": " << required << " is required\n";
      return 2;
    }
  }
  auto compute = command->build(args);
  if (!compute.ok()) {
    err << "xiuhua-cli " << name << ": " << compute.error().message << "\n";
    return 2;
  }
  const std::optional<indicators::MetricRun> run = metricRun(name, args, err);
  if (!run) return 2;
  const MessageLog stray;  // what GDAL, PROJ or GEOS say outside a reader also counts as a warning
  auto result = (*compute)(*run);
  if (!result.ok()) {
    err << "xiuhua-cli " << name << ": " << result.error().message << "\n";
    return 1;
  }
  result->warnings << stray.lines();
  printWarnings(name, result->warnings, err);
  if (const QString path = option(args, QStringLiteral("--out")); !path.isEmpty()) {
    if (gis::Status s = gis::VectorWriter::writeGeoPackage(path, result->layers); !s) {
      err << "xiuhua-cli " << name << ": " << s.error().message << "\n";
      return 1;
    }
  }
  if (flag(args, QStringLiteral("--json"))) {
    out << QJsonDocument(indicators::metricResultToJson(result.value())).toJson(QJsonDocument::Indented);
  } else {
    printText(result.value(), out);
  }
  return 0;
}

}  // namespace xiuhua::cli
