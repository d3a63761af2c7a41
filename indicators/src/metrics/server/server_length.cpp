// Length (and the lines' duplicates and degenerate stretches) as SQL in the server, statement for
// statement what gis::zonalLength does per line: duplicates are equal (GEOS equals) to an earlier
// line; a degenerate line is longer than its own union; with dedupe, duplicates are left out and
// degenerate lines count their union; a line is clipped to the union of `within` unless inside it;
// it goes wholly to the first zone that contains it, else to each zone by its intersection; what
// no zone holds is outside.
#include "metrics/server/server_inputs.h"
#include "metrics/server/server_metrics.h"

#include <QElapsedTimer>

namespace xiuhua::indicators::detail {
namespace {

// One row per line: its length counted (NULL when outside `within`), duplicate, degenerate, excess.
QString measuredLines(bool clip, bool dedupe) {
  const QString measured = dedupe ? QStringLiteral("CASE WHEN u.degenerate THEN u.merged ELSE l.g END") : QStringLiteral("l.g");
  const QString clipped = clip ? QStringLiteral("CASE WHEN NOT ST_Intersects(r.g, %1) THEN NULL WHEN ST_Contains(r.g, %1) THEN %1 "
                                                "ELSE ST_Intersection(%1, r.g) END")
                                     .arg(measured)
                               : measured;
  return QStringLiteral(
             "CREATE TEMP TABLE xh_measured ON COMMIT DROP AS "
             "SELECT l.i, d.duplicate, u.degenerate, CASE WHEN u.degenerate THEN u.length - u.merged_length ELSE 0 END AS excess, "
             "  %1 AS m "
             "FROM xh_lines l "
             "CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM xh_lines o WHERE o.i < l.i AND o.g && l.g AND ST_Equals(o.g, l.g)) AS duplicate) d "
             "CROSS JOIN LATERAL (SELECT m.merged, m.length, ST_Length(m.merged) AS merged_length, "
             "    (m.merged IS NOT NULL AND ST_Length(m.merged) < m.length * (1 - 1e-9)) AS degenerate "
             "  FROM (SELECT CASE WHEN l.g IS NULL OR ST_IsEmpty(l.g) THEN NULL ELSE ST_UnaryUnion(l.g) END AS merged, "
             "               COALESCE(ST_Length(l.g), 0) AS length) m) u "
             "%2")
      .arg(clipped, clip ? QStringLiteral("CROSS JOIN xh_region r") : QString());
}

}  // namespace

gis::Result<MetricResult> computeLengthInServer(const LengthParams& params, const MetricRun& run) {
  QElapsedTimer timer;
  timer.start();
  std::vector<LayerRequest> requests = {{QStringLiteral("lines"), params.lines, params.where, {}}};
  const bool clip = !params.within.isEmpty();
  if (clip) requests.push_back({QStringLiteral("within"), params.within, params.withinWhere, {}});
  if (params.per) requests.push_back(zoneRequest(*params.per));
  auto opened = openServerInputs(requests, run);
  if (!opened.ok()) return opened.error();
  ServerInputs& in = opened.value();
  const std::size_t withinIndex = 1;
  const std::size_t zoneIndex = requests.size() - 1;
  MetricResult result;
  result.metric = QStringLiteral("length");
  if (gis::Status s = in.execute(QStringLiteral("BEGIN")); !s) return s.error();
  auto fail = [&](const gis::Error& e) {
    (void)in.execute(QStringLiteral("ROLLBACK"));
    return e;
  };
  if (gis::Status s = materialize(in, 0, QStringLiteral("xh_lines"), 2); !s) return fail(s.error());
  if (gis::Status s = checkKind(in, 0, QStringLiteral("xh_lines"), 1, false, result.notes); !s) return fail(s.error());
  if (clip) {
    if (gis::Status s = materialize(in, withinIndex, QStringLiteral("xh_within"), 3); !s) return fail(s.error());
    if (gis::Status s = checkKind(in, withinIndex, QStringLiteral("xh_within"), 2, true, result.notes); !s) return fail(s.error());
    if (gis::Status s = in.execute(QStringLiteral("CREATE TEMP TABLE xh_region ON COMMIT DROP AS SELECT ST_Union(g) AS g FROM xh_within")); !s) {
      return fail(s.error());
    }
  }
  std::vector<QString> names;
  if (params.per) {
    auto zones = materializeZones(in, zoneIndex, *params.per, result.notes);
    if (!zones.ok()) return fail(zones.error());
    names = std::move(zones).value();
  }
  if (gis::Status s = in.execute(measuredLines(clip, params.deduplicate)); !s) return fail(s.error());
  // The lines counted, and per line the zone that holds it whole (the first), if any.
  const QString counted = params.deduplicate ? QStringLiteral("m IS NOT NULL AND NOT duplicate") : QStringLiteral("m IS NOT NULL");
  auto totals = in.query(QStringLiteral("SELECT COALESCE(sum(ST_Length(m)) FILTER (WHERE %1), 0), count(*) FILTER (WHERE duplicate), "
                                        "COALESCE(sum(ST_Length(m)) FILTER (WHERE duplicate AND m IS NOT NULL), 0), count(*) FILTER (WHERE degenerate), "
                                        "COALESCE(sum(excess), 0), count(*) FROM xh_measured")
                             .arg(counted));
  if (!totals.ok()) return fail(totals.error());
  std::vector<double> perZone(names.size(), 0);
  double outside = 0;
  if (params.per) {
    const QString shares = QStringLiteral(
        "WITH lines AS (SELECT i, m, ST_Length(m) AS length FROM xh_measured WHERE %1), "
        "whole AS (SELECT l.i, (SELECT z.z FROM xh_zones z WHERE z.g && l.m AND ST_Contains(z.g, l.m) ORDER BY z.z LIMIT 1) AS z FROM lines l), "
        "parts AS (SELECT w.i, w.z, l.length AS length FROM whole w JOIN lines l USING (i) WHERE w.z IS NOT NULL "
        "  UNION ALL SELECT w.i, z.z, ST_Length(ST_Intersection(l.m, z.g)) FROM whole w JOIN lines l USING (i) "
        "  JOIN xh_zones z ON z.g && l.m AND ST_Intersects(z.g, l.m) WHERE w.z IS NULL), "
        "per_line AS (SELECT l.i, l.length, COALESCE(sum(p.length), 0) AS zoned FROM lines l LEFT JOIN parts p USING (i) GROUP BY l.i, l.length) "
        "SELECT z::text, sum(length) FROM parts GROUP BY z "
        "UNION ALL SELECT 'outside', COALESCE(sum(length - zoned) FILTER (WHERE length - zoned > 1e-9 * length), 0) FROM per_line");
    auto rows = in.query(shares.arg(counted));
    if (!rows.ok()) return fail(rows.error());
    readPerZone(rows.value(), perZone, outside);
  }
  if (gis::Status s = in.execute(QStringLiteral("COMMIT")); !s) return s.error();

  const double all = totals->text(0, 0).toDouble();
  result.value = all;
  result.numerator = all;
  result.denominator = 1;
  for (std::size_t z = 0; z < names.size(); ++z) result.zones.push_back({names[z], perZone[z], perZone[z], 1});
  if (outside > 0) result.outside = ZoneValue{Metrics::tr("(outside the sub-units)"), outside, outside, 1};
  result.parameters = {{QStringLiteral("lines"), params.lines.toString()}, {QStringLiteral("where"), params.where},
                       {QStringLiteral("within"), params.within.toString()}, {QStringLiteral("within_where"), params.withinWhere},
                       {QStringLiteral("deduplicate"), params.deduplicate}};
  result.counts = {{QStringLiteral("lines"), totals->text(0, 5).toLongLong()},
                   {QStringLiteral("duplicates"), totals->text(0, 1).toInt()},
                   {QStringLiteral("duplicate_length_m"), totals->text(0, 2).toDouble()},
                   {QStringLiteral("degenerate"), totals->text(0, 3).toInt()},
                   {QStringLiteral("degenerate_excess_m"), totals->text(0, 4).toDouble()},
                   {QStringLiteral("deduplicated"), params.deduplicate}};
  fillServerCommon(result, in, params.per, timer);
  return result;
}

MetricRun whereTheDataIs(const MetricRun& run, const std::vector<gis::SourceRef>& sources) {
  std::optional<gis::PgConnectionInfo> database;
  for (const gis::SourceRef& source : sources) {
    if (source.isEmpty()) continue;
    if (!gis::PgLayerSource::isPgPath(source.path)) return run;
    auto table = gis::PgLayerSource::parse(source.path, source.layer);
    if (!table.ok() || (database && !(table->connection == *database))) return run;
    database = table->connection;
  }
  MetricRun server = run;
  if (database) server.engine = Engine::Postgis;
  return server;
}

gis::Error notInServer(const QString& metric, const QString& why) {
  return gis::Error{gis::ErrorCode::InvalidArgument,
                    Metrics::tr("%1 cannot run in the PostGIS server (--engine postgis): %2. Leave --engine out to compute it here.").arg(metric, why)};
}

gis::Error notBuiltForServer(const QString& metric) {
  return notInServer(metric, Metrics::tr("it is not built for the server yet (length, count and coverage are)"));
}

}  // namespace xiuhua::indicators::detail
