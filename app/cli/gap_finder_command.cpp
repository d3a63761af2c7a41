#include "cli/gap_finder_command.h"

#include "cli/cli_args.h"
#include "cli/metric_commands.h"
#include "xiuhua/gis/vector_writer.h"
#include "xiuhua/indicators/metrics/coverage_gap_finder.h"

#include <QJsonDocument>

namespace xiuhua::cli {

namespace {

QString percent(const std::optional<double>& v) { return v ? QStringLiteral("%1%").arg(*v * 100, 0, 'f', 2) : QStringLiteral("-"); }

// A number option: nullopt when absent, an error message when it is not a number.
std::optional<double> number(const QStringList& args, const QString& name, QString& problem) {
  const QString text = option(args, name);
  if (text.isEmpty()) return std::nullopt;
  bool ok = false;
  const double v = text.toDouble(&ok);
  if (!ok) problem = QStringLiteral("%1 %2: not a number").arg(name, text);
  return v;
}

}  // namespace

int runGapFinder(const QStringList& args, QTextStream& out, QTextStream& err) {
  const QStringList options = coverageOptionNames() + QStringList{QStringLiteral("--candidates"), QStringLiteral("--candidates-where"),
                                                                  QStringLiteral("--spacing"), QStringLiteral("--facility-area"),
                                                                  QStringLiteral("--site-radius"), QStringLiteral("--count")};
  if (const auto unknown = unknownOption(args, options, {QStringLiteral("--json")})) {
    err << "xiuhua-cli gaps: unknown option " << *unknown << " (see README, Coverage maps and what-if)\n";
    return 2;
  }
  const std::optional<CoverageRequest> request = coverageRequest(QStringLiteral("gaps"), args, err);
  if (!request) return 2;
  indicators::GapFinderParams params;
  params.coverage = request->coverage;
  params.candidates = gis::SourceRef::parse(option(args, QStringLiteral("--candidates")));
  params.candidatesWhere = option(args, QStringLiteral("--candidates-where"));
  QString problem;
  if (auto v = number(args, QStringLiteral("--spacing"), problem)) params.spacing = *v;
  if (auto v = number(args, QStringLiteral("--facility-area"), problem)) params.facilityArea = *v;
  params.radius = number(args, QStringLiteral("--site-radius"), problem);
  if (auto v = number(args, QStringLiteral("--count"), problem)) params.count = static_cast<int>(*v);
  if (!problem.isEmpty()) {
    err << "xiuhua-cli gaps: " << problem << "\n";
    return 2;
  }
  auto result = indicators::findCoverageGaps(params, request->run);
  if (!result.ok()) {
    err << "xiuhua-cli gaps: " << result.error().message << "\n";
    return 1;
  }
  if (const QString path = option(args, QStringLiteral("--out")); !path.isEmpty()) {
    if (gis::Status s = gis::VectorWriter::writeGeoPackage(path, result->layers); !s) {
      err << "xiuhua-cli gaps: " << s.error().message << "\n";
      return 1;
    }
  }
  if (flag(args, QStringLiteral("--json"))) {
    out << QJsonDocument(indicators::gapFinderToJson(result.value(), params)).toJson(QJsonDocument::Indented);
    return 0;
  }
  const indicators::GapFinderResult& r = result.value();
  out << r.base.metric << "\t" << percent(r.base.value) << " → " << percent(r.after.value) << " with " << r.sites.size() << " sites (radius "
      << r.radius << " m, " << r.candidates << " candidates)\n";
  for (const indicators::GapSite& s : r.sites) {
    out << "  #" << s.rank << "\t" << QString::number(s.point.x(), 'f', 1) << ", " << QString::number(s.point.y(), 'f', 1) << "\t+"
        << QString::number(s.gainPoints, 'f', 2) << " pp\t" << QString::number(s.gainArea, 'f', 0) << " m²";
    if (!params.coverage.weightField.isEmpty()) out << "\t" << QString::number(s.gainWeight, 'f', 1) << " weight";
    out << "\t" << s.zone << "\n";
  }
  out << "in " << QString::number(r.seconds, 'f', 2) << " s\n";
  return 0;
}

}  // namespace xiuhua::cli
