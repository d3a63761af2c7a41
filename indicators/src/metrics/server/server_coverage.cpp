// Service coverage as SQL in the server, by the rules of gis::zonalCoverage: the facilities
// buffered by their radius (one, or a tier by the facility's area) with the same segments per
// quarter circle (GEOS inside PostGIS draws the same arcs); the target land is each target minus
// the earlier targets whose interior it meets (overlaps count once), minus the exclusions, inside
// `within`; covered = its area inside the union of the buffers. A sub-unit that contains a target
// (up to 1e-9 of its area) takes all of it (the first such); otherwise the target is split by
// intersection; what no sub-unit takes is outside. A weight field spreads each target's weight
// evenly over its polygon.
//
// The unions of buffers, exclusions and `within`, and each sub-unit, are cut into small pieces
// (ST_Subdivide) with a spatial index, so each target meets only a few vertices; pieces do not
// overlap, so areas add up.
#include "metrics/coverage_setup.h"
#include "metrics/server/server_inputs.h"
#include "metrics/server/server_metrics.h"

#include <QElapsedTimer>

namespace xiuhua::indicators::detail {
namespace {

constexpr int kPieceVertices = 64;  // ST_Subdivide's limit per piece

// Each facility's radius from its area `a`, as radiusForArea: the last tier reached.
QString radiusExpression(const CoverageParams& params) {
  if (params.radius) return QString::number(*params.radius, 'g', 17);
  QString expression = QStringLiteral("0");
  for (const RadiusTier& tier : params.tiers) {  // sorted by area: each later tier reached overrides
    expression = QStringLiteral("CASE WHEN a >= %1 THEN %2 ELSE %3 END")
                     .arg(QString::number(tier.minArea, 'g', 17), QString::number(tier.radius, 'g', 17), expression);
  }
  return expression;
}

// The union of a table's geometries cut into indexed pieces (none when the table is empty).
gis::Status pieces(ServerInputs& in, const QString& name, const QString& from) {
  const QString sql = QStringLiteral("CREATE TEMP TABLE %1 ON COMMIT DROP AS SELECT ST_Subdivide(u, %3) AS g FROM "
                                     "(SELECT ST_Union(g) AS u FROM %2 WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)) x WHERE u IS NOT NULL")
                          .arg(name, from)
                          .arg(kPieceVertices);
  if (gis::Status s = in.execute(sql); !s) return s;
  if (gis::Status s = in.execute(QStringLiteral("CREATE INDEX ON %1 USING gist (g)").arg(name)); !s) return s;
  return in.execute(QStringLiteral("ANALYZE %1").arg(name));
}

// A weight field's values must be numbers ≥ 0 (empty counts 0), as fieldWeights requires.
gis::Status checkWeights(ServerInputs& in, const CoverageParams& params) {
  auto bad = in.query(QStringLiteral(
      "SELECT i, extra FROM xh_targets WHERE extra IS NOT NULL AND NOT (trim(extra) ~ '^[+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$') "
      "ORDER BY i LIMIT 1"));
  if (!bad.ok()) return bad.error();
  if (bad->size() == 0) return {};
  return gis::Error{gis::ErrorCode::InvalidArgument,
                    Metrics::tr("%1 (target), feature %2: the weight \"%3\" in field \"%4\" is not a number ≥ 0.")
                        .arg(params.target.toString(), bad->text(0, 0), bad->text(0, 1), params.weightField)};
}

// xh_land: per target (i), its weight density, whether it overlapped an earlier target, and the
// land counted (g) — cut by the earlier targets, the exclusions and `within` — with its area.
QString landSql(bool weighted, bool exclude, bool within) {
  QString g = QStringLiteral("CASE WHEN e.earlier IS NULL THEN t.g ELSE ST_Difference(t.g, e.earlier) END");
  QString joins = QStringLiteral(
      "LEFT JOIN LATERAL (SELECT ST_Union(o.g) AS earlier FROM xh_targets o "
      "  WHERE o.i < t.i AND o.g && t.g AND ST_Relate(t.g, o.g, 'T********')) e ON TRUE ");
  if (exclude) {
    g = QStringLiteral("CASE WHEN x.excluded IS NULL THEN %1 ELSE ST_Difference(%1, x.excluded) END").arg(g);
    joins += QStringLiteral(
        "LEFT JOIN LATERAL (SELECT ST_Union(p.g) AS excluded FROM xh_excluded p WHERE p.g && t.g AND ST_Intersects(p.g, t.g)) x ON TRUE ");
  }
  const QString weight =
      weighted ? QStringLiteral("CASE WHEN ST_Area(t.g) > 0 THEN COALESCE(NULLIF(trim(t.extra), '')::float8, 0) / ST_Area(t.g) ELSE 0 END")
               : QStringLiteral("0::float8");
  const QString cut = QStringLiteral("SELECT t.i, %1 AS density, e.earlier IS NOT NULL AS overlapped, %2 AS g "
                                     "FROM xh_targets t %3 WHERE t.g IS NOT NULL AND NOT ST_IsEmpty(t.g)")
                          .arg(weight, g, joins);
  // Inside one piece of the area: whole; else the parts in the pieces it meets.
  const QString land = within ? QStringLiteral(
                                    "SELECT c.i, c.density, c.overlapped, CASE WHEN r.whole THEN c.g ELSE r.part END AS g FROM (%1) c "
                                    "LEFT JOIN LATERAL (SELECT bool_or(ST_Within(c.g, p.g)) AS whole, ST_Union(ST_Intersection(c.g, p.g)) AS part "
                                    "  FROM xh_region p WHERE p.g && c.g AND ST_Intersects(p.g, c.g)) r ON TRUE")
                                    .arg(cut)
                              : cut;
  return QStringLiteral("CREATE TEMP TABLE xh_land ON COMMIT DROP AS SELECT i, density, overlapped, g, COALESCE(ST_Area(g), 0) AS total FROM (%1) land")
      .arg(land);
}

// xh_shares: per piece of land counted, covered and total — (i, NULL) the whole target, and with
// sub-units (i, z) its share in each. Joined piece first, so that PostGIS tests one piece against
// all the targets it meets in a row (its prepared geometry cached), not each target against
// pieces in turn.
const char* const kSharesSql =
    "CREATE TEMP TABLE xh_shares ON COMMIT DROP AS "
    "SELECT l.i, NULL::bigint AS z, l.density, l.total, LEAST(l.total, GREATEST(0, COALESCE(c.covered, 0))) AS covered "
    "FROM xh_land l LEFT JOIN ("
    "  SELECT l.i, sum(CASE WHEN ST_Contains(c.g, l.g) THEN l.total ELSE ST_Area(ST_Intersection(l.g, c.g)) END) AS covered "
    "  FROM xh_cover c JOIN xh_land l ON c.g && l.g AND ST_Intersects(c.g, l.g) WHERE l.total > 0 GROUP BY l.i) c USING (i) "
    "WHERE l.total > 0";

// Per target and sub-unit, its area inside the sub-unit — over the sub-unit's pieces, so that a
// large 街镇 boundary is never tested whole against each parcel — and whether it lies inside (in one
// piece, or all but 1e-9 of its area in the sub-unit's pieces: containment up to rounding).
const char* const kInZoneSql =
    "CREATE TEMP TABLE xh_in_zone ON COMMIT DROP AS "
    "SELECT l.i, p.z, bool_or(ST_Contains(p.g, l.g)) AS inside_piece, "
    "  sum(CASE WHEN ST_Contains(p.g, l.g) THEN l.total ELSE ST_Area(ST_Intersection(l.g, p.g)) END) AS area "
    "FROM xh_zone_pieces p JOIN xh_land l ON p.g && l.g AND ST_Intersects(p.g, l.g) WHERE l.total > 0 GROUP BY l.i, p.z";

// The target inside a sub-unit goes wholly to the first such.
const char* const kWholeSql =
    "CREATE TEMP TABLE xh_whole ON COMMIT DROP AS "
    "SELECT DISTINCT ON (iz.i) iz.i, iz.z FROM xh_in_zone iz JOIN xh_land l USING (i) "
    "WHERE iz.inside_piece OR iz.area >= l.total * (1 - 1e-9) ORDER BY iz.i, iz.z";

// The targets no sub-unit holds whole, cut by the sub-units' pieces.
const char* const kSplitSql =
    "CREATE TEMP TABLE xh_split ON COMMIT DROP AS "
    "SELECT row_number() OVER () AS k, i, z, density, g, ST_Area(g) AS area FROM ("
    "  SELECT l.i, p.z, s.density, ST_Intersection(l.g, p.g) AS g "
    "  FROM (SELECT l.i, l.g FROM xh_land l LEFT JOIN xh_whole w USING (i) WHERE l.total > 0 AND w.i IS NULL) l "
    "  JOIN xh_shares s ON s.i = l.i AND s.z IS NULL JOIN xh_zone_pieces p ON p.g && l.g AND ST_Intersects(p.g, l.g)) cut";

// The shares per sub-unit: whole, or split — the covered part in each sub-unit measured piece by
// piece.
const char* const kZoneSharesSql =
    "INSERT INTO xh_shares "
    "WITH measured AS (SELECT p.i, p.z, p.density, p.area AS total, "
    "                    LEAST(p.area, GREATEST(0, COALESCE(sum(CASE WHEN ST_Contains(c.g, p.g) THEN p.area "
    "                                                                     ELSE ST_Area(ST_Intersection(p.g, c.g)) END), 0))) AS covered "
    "                  FROM xh_split p LEFT JOIN xh_cover c ON c.g && p.g AND ST_Intersects(c.g, p.g) "
    "                  GROUP BY p.k, p.i, p.z, p.density, p.area) "
    "SELECT w.i, w.z, s.density, s.total, s.covered FROM xh_whole w JOIN xh_shares s ON s.i = w.i AND s.z IS NULL "
    "UNION ALL "
    "SELECT i, z, density, sum(total), sum(covered) FROM measured WHERE total > 0 GROUP BY i, z, density";

// Sums, areas and weights: the whole (z NULL), each sub-unit, and outside — per target, what the
// sub-units did not take when more than 1e-9 of it, as sumShares counts it.
const char* const kSumsSql =
    "WITH per_target AS (SELECT s.i, s.density, s.total, s.covered, COALESCE(sum(p.total), 0) AS in_total, COALESCE(sum(p.covered), 0) AS in_covered "
    "                    FROM xh_shares s LEFT JOIN xh_shares p ON p.i = s.i AND p.z IS NOT NULL WHERE s.z IS NULL "
    "                    GROUP BY s.i, s.density, s.total, s.covered) "
    "SELECT 'all', sum(covered), sum(total), sum(density * covered), sum(density * total) FROM xh_shares WHERE z IS NULL "
    "UNION ALL SELECT z::text, sum(covered), sum(total), sum(density * covered), sum(density * total) FROM xh_shares WHERE z IS NOT NULL GROUP BY z "
    "UNION ALL SELECT 'outside', sum(GREATEST(0, covered - in_covered)), sum(total - in_total), "
    "  sum(density * GREATEST(0, covered - in_covered)), sum(density * (total - in_total)) "
    "  FROM per_target WHERE %1 AND total - in_total > 1e-9 * total";

struct Sums {
  gis::AreaPair all, outside, weightedAll, weightedOutside;
  std::vector<gis::AreaPair> zones, weightedZones;
};

Sums readSums(const gis::PgRows& rows, std::size_t zones) {
  Sums sums;
  sums.zones.assign(zones, {});
  sums.weightedZones.assign(zones, {});
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const gis::AreaPair area{rows.text(r, 1).toDouble(), rows.text(r, 2).toDouble()};
    const gis::AreaPair weight{rows.text(r, 3).toDouble(), rows.text(r, 4).toDouble()};
    const QString key = rows.text(r, 0);
    if (key == QLatin1String("all")) {
      sums.all = area;
      sums.weightedAll = weight;
    } else if (key == QLatin1String("outside")) {
      sums.outside = area;
      sums.weightedOutside = weight;
    } else if (const int z = key.toInt(); z >= 0 && static_cast<std::size_t>(z) < zones) {
      sums.zones[static_cast<std::size_t>(z)] = area;
      sums.weightedZones[static_cast<std::size_t>(z)] = weight;
    }
  }
  return sums;
}

}  // namespace

gis::Result<MetricResult> computeCoverageInServer(const CoverageParams& params, const MetricRun& run) {
  QElapsedTimer timer;
  timer.start();
  if (gis::Status s = checkCoverageParams(params); !s) return s.error();
  std::vector<LayerRequest> requests = {{QStringLiteral("facilities"), params.facilities, params.facilityWhere, {}},
                                        {QStringLiteral("target"), params.target, params.targetWhere, {}}};
  const bool exclude = !params.exclude.isEmpty();
  const bool within = !params.within.isEmpty();
  const bool weighted = !params.weightField.isEmpty();
  if (exclude) requests.push_back({QStringLiteral("exclude"), params.exclude, params.excludeWhere, {}});
  const std::size_t withinIndex = requests.size();
  if (within) requests.push_back({QStringLiteral("within"), params.within, params.withinWhere, {}, true});
  const std::size_t zoneIndex = requests.size();
  if (params.per) requests.push_back(zoneRequest(*params.per));
  auto opened = openServerInputs(requests, run);
  if (!opened.ok()) return opened.error();
  ServerInputs& in = opened.value();
  MetricResult result;
  result.metric = weighted ? QStringLiteral("population_coverage") : QStringLiteral("service_coverage");
  if (gis::Status s = in.execute(QStringLiteral("BEGIN")); !s) return s.error();
  auto fail = [&](const gis::Error& e) {
    (void)in.execute(QStringLiteral("ROLLBACK"));
    return e;
  };
  if (gis::Status s = materializeOwnKind(in, 0, QStringLiteral("xh_facilities"), result.notes); !s) return fail(s.error());
  const QString weightColumn = weighted ? in.connection->quoteIdentifier(params.weightField) + QStringLiteral("::text") : QString();
  if (gis::Status s = materialize(in, 1, QStringLiteral("xh_targets"), 3, weightColumn); !s) return fail(s.error());
  if (gis::Status s = checkKind(in, 1, QStringLiteral("xh_targets"), 2, true, result.notes); !s) return fail(s.error());
  if (weighted) {
    if (gis::Status s = checkWeights(in, params); !s) return fail(s.error());
  }
  if (exclude) {
    if (gis::Status s = materialize(in, 2, QStringLiteral("xh_exclude"), 3); !s) return fail(s.error());
    if (gis::Status s = checkKind(in, 2, QStringLiteral("xh_exclude"), 2, false, result.notes); !s) return fail(s.error());
    if (gis::Status s = pieces(in, QStringLiteral("xh_excluded"), QStringLiteral("xh_exclude")); !s) return fail(s.error());
  }
  if (within) {
    if (gis::Status s = materialize(in, withinIndex, QStringLiteral("xh_within"), 3); !s) return fail(s.error());
    if (gis::Status s = checkKind(in, withinIndex, QStringLiteral("xh_within"), 2, true, result.notes); !s) return fail(s.error());
    if (gis::Status s = pieces(in, QStringLiteral("xh_region"), QStringLiteral("xh_within")); !s) return fail(s.error());
  }
  std::vector<QString> names;
  if (params.per) {
    auto zones = materializeZones(in, zoneIndex, *params.per, result.notes);
    if (!zones.ok()) return fail(zones.error());
    names = std::move(zones).value();
  }
  // The buffers of the facilities with a radius, and their union in pieces.
  const QString buffers = QStringLiteral(
                              "CREATE TEMP TABLE xh_buffers ON COMMIT DROP AS "
                              "SELECT i, r, ST_Buffer(g, r, 'quad_segs=%1') AS g FROM "
                              "  (SELECT i, g, %2 AS r FROM (SELECT i, g, ST_Area(g) AS a FROM xh_facilities "
                              "                             WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)) f) sized WHERE r > 0")
                              .arg(params.quadSegments)
                              .arg(radiusExpression(params));
  if (gis::Status s = in.execute(buffers); !s) return fail(s.error());
  if (gis::Status s = pieces(in, QStringLiteral("xh_cover"), QStringLiteral("xh_buffers")); !s) return fail(s.error());
  if (gis::Status s = in.execute(landSql(weighted, exclude, within)); !s) return fail(s.error());
  // Indexed and analysed, so that the planner joins the working tables by hash, not row by row.
  for (const char* sql : {"CREATE INDEX ON xh_land USING gist (g)", "CREATE INDEX ON xh_land (i)", "ANALYZE xh_land", kSharesSql,
                          "CREATE INDEX ON xh_shares (i)", "ANALYZE xh_shares"}) {
    if (gis::Status s = in.execute(QString::fromLatin1(sql)); !s) return fail(s.error());
  }
  if (params.per) {
    if (gis::Status s = in.execute(QStringLiteral("CREATE TEMP TABLE xh_zone_pieces ON COMMIT DROP AS "
                                                  "SELECT z, ST_Subdivide(g, %1) AS g FROM xh_zones WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)")
                                       .arg(kPieceVertices));
        !s) {
      return fail(s.error());
    }
    for (const char* sql : {"CREATE INDEX ON xh_zone_pieces USING gist (g)", "ANALYZE xh_zone_pieces", kInZoneSql, "ANALYZE xh_in_zone",
                            kWholeSql, "CREATE INDEX ON xh_whole (i)", "ANALYZE xh_whole", kSplitSql, "ANALYZE xh_split", kZoneSharesSql}) {
      if (gis::Status s = in.execute(QString::fromLatin1(sql)); !s) return fail(s.error());
    }
  }
  auto sums = in.query(QString::fromLatin1(kSumsSql).arg(params.per ? QStringLiteral("TRUE") : QStringLiteral("FALSE")));
  if (!sums.ok()) return fail(sums.error());
  auto counts = in.query(QStringLiteral("SELECT (SELECT count(*) FROM xh_facilities), (SELECT count(*) FROM xh_buffers), "
                                        "(SELECT count(*) FROM xh_targets), (SELECT count(*) FILTER (WHERE overlapped) FROM xh_land)"));
  if (!counts.ok()) return fail(counts.error());
  if (gis::Status s = in.execute(QStringLiteral("COMMIT")); !s) return s.error();

  const Sums total = readSums(sums.value(), names.size());
  const qint64 selected = counts->text(0, 0).toLongLong();
  const qint64 used = counts->text(0, 1).toLongLong();
  if (used == 0 && selected > 0) {
    result.notes << Metrics::tr("%1 (facilities): none of the %2 selected facilities is large enough for the smallest radius tier: nothing "
                                "is covered.")
                        .arg(params.facilities.toString())
                        .arg(selected);
  }
  if (!(total.all.total > 0)) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      Metrics::tr("%1 (target): the selected target land has no area (after exclusions).").arg(params.target.toString())};
  }
  if (weighted && !(total.weightedAll.total > 0)) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("The weights on the target land add up to 0: nothing to weight by.")};
  }
  const gis::AreaPair& all = weighted ? total.weightedAll : total.all;
  const ZoneValue whole = ratioValue(QString(), all);
  result.value = whole.value;
  result.numerator = whole.numerator;
  result.denominator = whole.denominator;
  for (std::size_t z = 0; z < names.size(); ++z) result.zones.push_back(ratioValue(names[z], weighted ? total.weightedZones[z] : total.zones[z]));
  if (params.per && total.outside.total > 0) {
    result.outside = ratioValue(Metrics::tr("(outside the sub-units)"), weighted ? total.weightedOutside : total.outside);
  }
  result.parameters = coverageParameters(params, QStringLiteral("postgis"));
  result.counts = {{QStringLiteral("facilities_selected"), selected},
                   {QStringLiteral("facilities_used"), used},
                   {QStringLiteral("targets"), counts->text(0, 2).toLongLong()},
                   {QStringLiteral("overlapping_targets"), counts->text(0, 3).toLongLong()}};
  if (weighted) {
    result.counts.insert(QStringLiteral("area_ratio"), total.all.ratio());
    result.counts.insert(QStringLiteral("covered_m2"), total.all.covered);
    result.counts.insert(QStringLiteral("total_m2"), total.all.total);
  }
  if (run.resultLayers) {
    result.notes << Metrics::tr("Computed in the PostGIS server: the covered and uncovered land stay there, so this result has no map "
                                "layers.");
  }
  fillServerCommon(result, in, params.per, timer);
  return result;
}

}  // namespace xiuhua::indicators::detail
