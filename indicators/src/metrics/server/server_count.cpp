// Count of features as SQL in the server, as computeCount counts them: every feature with a
// geometry left after repair; per sub-unit, each goes to the first zone that covers its point on
// surface (in the metric CRS).
#include "metrics/server/server_inputs.h"
#include "metrics/server/server_metrics.h"

#include <QElapsedTimer>

namespace xiuhua::indicators::detail {

gis::Result<MetricResult> computeCountInServer(const CountParams& params, const MetricRun& run) {
  QElapsedTimer timer;
  timer.start();
  std::vector<LayerRequest> requests = {{QStringLiteral("features"), params.features, params.where, {}}};
  if (params.per) requests.push_back(zoneRequest(*params.per));
  auto opened = openServerInputs(requests, run, params.per.has_value());
  if (!opened.ok()) return opened.error();
  ServerInputs& in = opened.value();
  MetricResult result;
  result.metric = QStringLiteral("count");
  if (gis::Status s = in.execute(QStringLiteral("BEGIN")); !s) return s.error();
  auto fail = [&](const gis::Error& e) {
    (void)in.execute(QStringLiteral("ROLLBACK"));
    return e;
  };
  if (gis::Status s = materializeOwnKind(in, 0, QStringLiteral("xh_features"), result.notes); !s) return fail(s.error());
  std::vector<QString> names;
  std::vector<double> perZone;
  double outside = 0;
  if (params.per) {
    auto zones = materializeZones(in, 1, *params.per, result.notes);
    if (!zones.ok()) return fail(zones.error());
    names = std::move(zones).value();
    perZone.assign(names.size(), 0);
    auto counts = in.query(QStringLiteral(
        "SELECT COALESCE(z::text, 'outside'), count(*) FROM ("
        "  SELECT (SELECT z.z FROM xh_zones z WHERE z.g && p.p AND ST_Covers(z.g, p.p) ORDER BY z.z LIMIT 1) AS z "
        "  FROM (SELECT ST_PointOnSurface(g) AS p FROM xh_features WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)) p) assigned "
        "GROUP BY z"));
    if (!counts.ok()) return fail(counts.error());
    readPerZone(counts.value(), perZone, outside);
  }
  auto total = in.query(QStringLiteral("SELECT count(*) FILTER (WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)), count(*) FROM xh_features"));
  if (!total.ok()) return fail(total.error());
  if (gis::Status s = in.execute(QStringLiteral("COMMIT")); !s) return s.error();
  const qint64 counted = total->text(0, 0).toLongLong();
  result.value = static_cast<double>(counted);
  result.numerator = static_cast<double>(counted);
  result.denominator = 1;
  for (std::size_t z = 0; z < names.size(); ++z) result.zones.push_back({names[z], perZone[z], perZone[z], 1});
  if (outside > 0) result.outside = ZoneValue{Metrics::tr("(outside the sub-units)"), outside, outside, 1};
  result.parameters = {{QStringLiteral("features"), params.features.toString()}, {QStringLiteral("where"), params.where}};
  result.counts = {{QStringLiteral("features"), counted}, {QStringLiteral("without_geometry"), total->text(0, 1).toLongLong() - counted}};
  fillServerCommon(result, in, params.per, timer);
  return result;
}

}  // namespace xiuhua::indicators::detail
