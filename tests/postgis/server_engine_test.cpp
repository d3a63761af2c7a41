// Metrics computed where the data is (--engine postgis): the same numbers as the local engine on
// the same PostGIS tables — the demo's layers, hand-made edge cases (duplicates, a line that runs
// back over itself, invalid polygons, zones that overlap, points on a shared edge) and a generated
// table — to 1e-6 relative, per sub-unit too, with the same repair counts; only result rows come
// back, however big the table; what the server cannot run is refused with the reason.
#include "support/pg_test_server.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/gis/vector_writer.h"
#include "xiuhua/indicators/metrics/feature_metrics.h"
#include "xiuhua/indicators/metrics/indicator_computation.h"
#include "xiuhua/indicators/metrics/line_metrics.h"
#include "xiuhua/indicators/metrics/service_coverage.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <cmath>

using namespace xiuhua;
using xiuhua::test::PgTestSchema;
using xiuhua::test::PgTestServer;

namespace {

void publish(const PgTestSchema& schema, const QString& path, const QString& layer, const QString& table) {
  gis::ReadOptions options;
  options.layerName = layer;
  auto d = gis::VectorReader::read(path, options);
  ASSERT_TRUE(d.ok()) << d.error().message.toStdString();
  gis::LayerToWrite out;
  out.crs = (*d)->crs;
  out.type = (*d)->geometryType;
  out.fields = (*d)->fields;
  out.geometries = (*d)->geometries;
  out.attributes = (*d)->attributes;
  const gis::Status s = gis::VectorWriter::publishToPostgis(PgTestServer::connectionString(), schema.name(), table, out);
  ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
}

gis::SourceRef table(const PgTestSchema& schema, const QString& name) {
  gis::SourceRef ref;
  ref.path = schema.source();
  ref.layer = schema.layer(name);
  return ref;
}

indicators::MetricRun engine(indicators::Engine e) {
  indicators::MetricRun run;
  run.engine = e;
  return run;
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-6 * std::max({1.0, std::abs(a), std::abs(b)}); }

// Both engines on the same inputs: every number equal to 1e-6 relative.
void expectSame(const gis::Result<indicators::MetricResult>& local, const gis::Result<indicators::MetricResult>& server, const char* what) {
  SCOPED_TRACE(what);
  ASSERT_TRUE(local.ok()) << local.error().message.toStdString();
  ASSERT_TRUE(server.ok()) << server.error().message.toStdString();
  EXPECT_EQ(server->engine.value(QStringLiteral("name")).toString(), QStringLiteral("postgis"));
  EXPECT_EQ(local->engine.value(QStringLiteral("name")).toString(), QStringLiteral("local"));
  ASSERT_EQ(local->value.has_value(), server->value.has_value());
  if (local->value) {
    EXPECT_TRUE(close(*local->value, *server->value)) << *local->value << " vs " << *server->value;
  }
  EXPECT_EQ(local->crs, server->crs);
  EXPECT_EQ(local->repaired, server->repaired);
  ASSERT_EQ(local->zones.size(), server->zones.size());
  for (std::size_t z = 0; z < local->zones.size(); ++z) {
    EXPECT_EQ(local->zones[z].name, server->zones[z].name);
    EXPECT_TRUE(close(local->zones[z].numerator, server->zones[z].numerator))
        << local->zones[z].name.toStdString() << ": " << local->zones[z].numerator << " vs " << server->zones[z].numerator;
  }
  ASSERT_EQ(local->outside.has_value(), server->outside.has_value());
  if (local->outside) {
    EXPECT_TRUE(close(local->outside->numerator, server->outside->numerator)) << local->outside->numerator << " vs " << server->outside->numerator;
  }
  for (auto it = local->counts.begin(); it != local->counts.end(); ++it) {
    const QJsonValue theirs = server->counts.value(it.key());
    if (it.value().isDouble()) {
      EXPECT_TRUE(close(it.value().toDouble(), theirs.toDouble())) << it.key().toStdString() << ": " << it.value().toDouble() << " vs " << theirs.toDouble();
    } else {
      EXPECT_EQ(it.value(), theirs) << it.key().toStdString();
    }
  }
}

void expectSameLength(const indicators::LengthParams& p, const char* what) {
  expectSame(indicators::computeLength(p, engine(indicators::Engine::Local)), indicators::computeLength(p, engine(indicators::Engine::Postgis)), what);
}

void expectSameCount(const indicators::CountParams& p, const char* what) {
  expectSame(indicators::computeCount(p, engine(indicators::Engine::Local)), indicators::computeCount(p, engine(indicators::Engine::Postgis)), what);
}

void expectSameCoverage(const indicators::CoverageParams& p, const char* what) {
  expectSame(indicators::computeCoverage(p, engine(indicators::Engine::Local)), indicators::computeCoverage(p, engine(indicators::Engine::Postgis)),
             what);
}

}  // namespace

TEST(EngineParity, TheDemoLengthsAndCountsAreTheSameInTheServer) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  publish(schema, QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp"), {}, QStringLiteral("架空线"));
  publish(schema, QStringLiteral(DEMO_DATA_DIR "/roads/roads.shp"), {}, QStringLiteral("roads"));
  for (const char* layer : {"subdistricts", "grids", "new_town", "beautiful_blocks", "water_sections"}) {
    publish(schema, QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg"), QString::fromLatin1(layer), QString::fromLatin1(layer));
  }
  const indicators::ZoneRequest subdistricts{table(schema, QStringLiteral("subdistricts")), QStringLiteral("name"), {}, false};
  const indicators::ZoneRequest grids{table(schema, QStringLiteral("grids")), QStringLiteral("grid_id"), {}, false};

  indicators::LengthParams buried;  // 架空线入地 km
  buried.lines = table(schema, QStringLiteral("架空线"));
  buried.where = QStringLiteral("\"状态\" = '入地'");
  buried.per = subdistricts;
  expectSameLength(buried, "buried lines per 街镇");
  buried.per = grids;
  expectSameLength(buried, "buried lines per 网格");
  buried.per.reset();
  buried.within = table(schema, QStringLiteral("new_town"));
  buried.deduplicate = true;
  expectSameLength(buried, "buried lines inside 嘉定新城, deduplicated");

  indicators::LengthParams roads;
  roads.lines = table(schema, QStringLiteral("roads"));
  roads.per = subdistricts;
  expectSameLength(roads, "roads per 街镇");

  indicators::CountParams blocks;  // completed 美丽街区
  blocks.features = table(schema, QStringLiteral("beautiful_blocks"));
  blocks.where = QStringLiteral("status = '已建成'");
  expectSameCount(blocks, "completed blocks");
  blocks.per = subdistricts;
  expectSameCount(blocks, "completed blocks per 街镇");
  indicators::CountParams sections;
  sections.features = table(schema, QStringLiteral("water_sections"));
  sections.per = grids;
  expectSameCount(sections, "water sections per 网格");
}

TEST(EngineParity, TheDemoCoverageIsTheSameInTheServer) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  for (const char* layer : {"subdistricts", "grids", "new_town", "parks", "residential_land"}) {
    publish(schema, QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg"), QString::fromLatin1(layer), QString::fromLatin1(layer));
  }
  publish(schema, QStringLiteral(DEMO_DATA_DIR "/bus_stops.csv"), {}, QStringLiteral("bus_stops"));
  const indicators::ZoneRequest subdistricts{table(schema, QStringLiteral("subdistricts")), QStringLiteral("name"), {}, false};
  const indicators::ZoneRequest grids{table(schema, QStringLiteral("grids")), QStringLiteral("grid_id"), {}, false};

  indicators::CoverageParams parks;  // 公园绿地 500 m 服务半径覆盖率 of 居住用地, 嘉定新城
  parks.facilities = table(schema, QStringLiteral("parks"));
  parks.target = table(schema, QStringLiteral("residential_land"));
  parks.radius = 500;
  parks.per = subdistricts;
  expectSameCoverage(parks, "parks 500 m per 街镇");
  parks.within = table(schema, QStringLiteral("new_town"));
  expectSameCoverage(parks, "parks 500 m inside 嘉定新城 per 街镇");
  parks.within = {};
  parks.radius.reset();
  parks.tiers = indicators::parseRadiusTiers(QStringLiteral("1000:300,5000:500")).value();
  parks.per = grids;
  expectSameCoverage(parks, "parks by area tiers per 网格");
  parks.weightField = QStringLiteral("area_m2");
  parks.quadSegments = 4;
  expectSameCoverage(parks, "weighted by a field, 4 segments per quarter circle");

  indicators::CoverageParams stops;  // 公交站点 500 m
  stops.facilities = table(schema, QStringLiteral("bus_stops"));
  stops.target = table(schema, QStringLiteral("residential_land"));
  stops.radius = 500;
  stops.exclude = table(schema, QStringLiteral("parks"));
  stops.per = subdistricts;
  expectSameCoverage(stops, "bus stops 500 m, parks excluded, per 街镇");

  // A project's indicator whose layers are tables of one database is computed in that server.
  indicators::Indicator indicator;
  indicator.code = QStringLiteral("JD14-13");
  indicator.unit = QStringLiteral("%");
  indicators::MetricBinding binding{indicator.code, QStringLiteral("service_coverage"),
                                    QJsonObject{{QStringLiteral("facilities"), QStringLiteral("parks")},
                                                {QStringLiteral("target"), QStringLiteral("residential")},
                                                {QStringLiteral("radius"), 500},
                                                {QStringLiteral("per"), QJsonArray{QJsonObject{{QStringLiteral("layer"), QStringLiteral("towns")},
                                                                                               {QStringLiteral("field"), QStringLiteral("name")}}}}}};
  const indicators::LayerResolver layers = [&](const QString& id) -> std::optional<gis::SourceRef> {
    if (id == QLatin1String("parks")) return table(schema, QStringLiteral("parks"));
    if (id == QLatin1String("residential")) return table(schema, QStringLiteral("residential_land"));
    if (id == QLatin1String("towns")) return table(schema, QStringLiteral("subdistricts"));
    return std::nullopt;
  };
  auto computed = indicators::computeIndicator(indicator, binding, 2025, layers);
  ASSERT_TRUE(computed.ok()) << computed.error().message.toStdString();
  EXPECT_EQ(computed->whole.engine.value(QStringLiteral("name")).toString(), QStringLiteral("postgis"));
  ASSERT_EQ(computed->breakdowns.size(), 1u);
  EXPECT_EQ(computed->breakdowns.front().second.engine.value(QStringLiteral("name")).toString(), QStringLiteral("postgis"));
  indicators::CoverageParams same;
  same.facilities = table(schema, QStringLiteral("parks"));
  same.target = table(schema, QStringLiteral("residential_land"));
  same.radius = 500;
  auto here = indicators::computeCoverage(same, engine(indicators::Engine::Local));
  ASSERT_TRUE(here.ok()) << here.error().message.toStdString();
  EXPECT_TRUE(close(*computed->whole.value, *here->value)) << *computed->whole.value << " vs " << *here->value;
}

TEST(EngineParity, HandMadeEdgeCasesAreCountedByTheSameRules) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  schema.sql(QStringLiteral(R"sql(
CREATE TABLE zones (id integer PRIMARY KEY, name text, geom geometry(Geometry, 4549));
INSERT INTO zones VALUES
  (1, '西', ST_GeomFromText('POLYGON((500000 3470000, 501000 3470000, 501000 3471000, 500000 3471000, 500000 3470000))', 4549)),
  (2, '东', ST_GeomFromText('POLYGON((501000 3470000, 502000 3470000, 502000 3471000, 501000 3471000, 501000 3470000))', 4549)),
  -- overlaps 西 and 东: a line inside both goes to the first only
  (3, '中', ST_GeomFromText('POLYGON((500500 3470000, 501500 3470000, 501500 3471000, 500500 3471000, 500500 3470000))', 4549)),
  -- a bow-tie: invalid, repaired into two triangles
  (4, '蝶', ST_GeomFromText('POLYGON((503000 3470000, 504000 3471000, 504000 3470000, 503000 3471000, 503000 3470000))', 4549)),
  (5, NULL, ST_GeomFromText('POLYGON((505000 3470000, 506000 3470000, 506000 3471000, 505000 3471000, 505000 3470000))', 4549));
CREATE TABLE lines (id integer PRIMARY KEY, kind text, geom geometry(LineString, 4549));
INSERT INTO lines VALUES
  (1, 'a', ST_GeomFromText('LINESTRING(500100 3470500, 500400 3470500)', 4549)),
  (2, 'a', ST_GeomFromText('LINESTRING(500100 3470500, 500400 3470500)', 4549)),            -- duplicate of 1
  (3, 'a', ST_GeomFromText('LINESTRING(500400 3470500, 500100 3470500)', 4549)),            -- 1 reversed: a duplicate too
  (4, 'a', ST_GeomFromText('LINESTRING(500800 3470200, 501300 3470200)', 4549)),            -- across 西|东, inside 中
  (5, 'a', ST_GeomFromText('LINESTRING(500200 3470800, 500300 3470800, 500200 3470800)', 4549)),  -- runs back over itself
  (6, 'b', ST_GeomFromText('LINESTRING(502500 3470500, 503500 3470500)', 4549)),            -- into the bow-tie from outside
  (7, 'b', ST_GeomFromText('LINESTRING(501000 3470100, 501000 3470900)', 4549)),            -- on the 西|东 edge
  (8, 'b', ST_GeomFromText('LINESTRING(499000 3470500, 499500 3470500)', 4549)),            -- outside every zone
  (9, 'b', NULL),
  (10, 'b', ST_GeomFromText('LINESTRING(505100 3470500, 505900 3470500)', 4549));          -- in the zone without name
CREATE TABLE region (id integer PRIMARY KEY, geom geometry(Polygon, 4549));
INSERT INTO region VALUES
  (1, ST_GeomFromText('POLYGON((500000 3470000, 501200 3470000, 501200 3471000, 500000 3471000, 500000 3470000))', 4549)),
  (2, ST_GeomFromText('POLYGON((501100 3470000, 505500 3470000, 505500 3470600, 501100 3470600, 501100 3470000))', 4549));
CREATE TABLE points (id integer PRIMARY KEY, geom geometry(Point, 4549));
INSERT INTO points VALUES
  (1, ST_GeomFromText('POINT(500500 3470500)', 4549)),
  (2, ST_GeomFromText('POINT(501000 3470500)', 4549)),   -- on the shared edge of 西 and 东 (and inside 中)
  (3, ST_GeomFromText('POINT(503500 3470400)', 4549)),   -- in the repaired bow-tie
  (4, ST_GeomFromText('POINT(499000 3470500)', 4549)),   -- outside
  (5, NULL);
)sql"));
  const indicators::ZoneRequest zones{table(schema, QStringLiteral("zones")), QStringLiteral("name"), {}, false};
  indicators::LengthParams p;
  p.lines = table(schema, QStringLiteral("lines"));
  expectSameLength(p, "all lines, no zones");
  p.per = zones;
  expectSameLength(p, "per overlapping and invalid zones");
  p.deduplicate = true;
  expectSameLength(p, "deduplicated");
  p.within = table(schema, QStringLiteral("region"));
  expectSameLength(p, "deduplicated, clipped to two overlapping region polygons");
  p.deduplicate = false;
  p.where = QStringLiteral("kind = 'b'");
  expectSameLength(p, "a filter, clipped");
  indicators::ZoneRequest dissolved = zones;
  dissolved.dissolve = true;
  p.per = dissolved;
  expectSameLength(p, "one dissolved zone");

  indicators::CountParams c;
  c.features = table(schema, QStringLiteral("points"));
  expectSameCount(c, "points");
  c.per = zones;
  expectSameCount(c, "points per zone");
  c.features = table(schema, QStringLiteral("zones"));  // polygons counted by their point on surface, the bow-tie repaired
  c.per = indicators::ZoneRequest{table(schema, QStringLiteral("region")), {}, {}, false};
  expectSameCount(c, "polygons per region polygon");

  // The figures themselves, by hand: 1 + 2 + 3 are one 300 m line with two duplicates; 5 runs
  // 100 m out and back (200 m, its union 100 m).
  auto all = indicators::computeLength({table(schema, QStringLiteral("lines")), {}, {}, {}, std::nullopt, false},
                                       engine(indicators::Engine::Postgis));
  ASSERT_TRUE(all.ok()) << all.error().message.toStdString();
  EXPECT_NEAR(*all->value, 300 * 3 + 500 + 200 + 1000 + 800 + 500 + 800, 1e-6);
  EXPECT_EQ(all->counts.value(QStringLiteral("duplicates")).toInt(), 2);
  EXPECT_EQ(all->counts.value(QStringLiteral("degenerate")).toInt(), 1);
  EXPECT_NEAR(all->counts.value(QStringLiteral("degenerate_excess_m")).toDouble(), 100, 1e-6);
}

TEST(EngineParity, HandMadeCoverageEdgeCasesFollowTheSameRules) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  schema.sql(QStringLiteral(R"sql(
CREATE TABLE zones (id integer PRIMARY KEY, name text, geom geometry(Polygon, 4549));
INSERT INTO zones VALUES
  (1, '西', ST_MakeEnvelope(500000, 3470000, 501000, 3471000, 4549)),
  (2, '东', ST_MakeEnvelope(501000, 3470000, 502000, 3471000, 4549)),
  (3, '中', ST_MakeEnvelope(500500, 3470000, 501500, 3471000, 4549));  -- overlaps both: a target inside two goes to the first
CREATE TABLE parcels (id integer PRIMARY KEY, people text, geom geometry(Polygon, 4549));
INSERT INTO parcels VALUES
  (1, '100', ST_MakeEnvelope(500100, 3470100, 500300, 3470300, 4549)),
  (2, '50', ST_MakeEnvelope(500200, 3470200, 500400, 3470400, 4549)),    -- overlaps 1: counted once
  (3, NULL, ST_MakeEnvelope(500900, 3470600, 501100, 3470800, 4549)),    -- across 西|东, inside 中
  (4, '30', ST_GeomFromText('POLYGON((501600 3470100, 501900 3470400, 501900 3470100, 501600 3470400, 501600 3470100))', 4549)),  -- bow-tie
  (5, '10', ST_MakeEnvelope(502500, 3470500, 502700, 3470700, 4549)),    -- outside every zone
  (6, '5', ST_MakeEnvelope(500600, 3470850, 501400, 3470990, 4549)),     -- inside 中, across 西|东
  (7, '0', NULL);
CREATE TABLE sites (id integer PRIMARY KEY, geom geometry(Geometry, 4549));
INSERT INTO sites VALUES
  (1, ST_MakeEnvelope(500150, 3470150, 500180, 3470180, 4549)),  -- 900 m²: the small tier
  (2, ST_MakeEnvelope(501700, 3470500, 501800, 3470600, 4549)),  -- 10,000 m²: the large tier
  (3, ST_MakeEnvelope(502600, 3470900, 502601, 3470901, 4549)),  -- 1 m²: no tier
  (4, NULL);
CREATE TABLE stops (id integer PRIMARY KEY, geom geometry(Point, 4549));
INSERT INTO stops VALUES (1, ST_MakePoint(500250, 3470250)::geometry(Point, 4549)), (2, ST_MakePoint(501000, 3470700)::geometry(Point, 4549)),
  (3, ST_MakePoint(502600, 3470600)::geometry(Point, 4549));
CREATE TABLE water (id integer PRIMARY KEY, geom geometry(Polygon, 4549));
INSERT INTO water VALUES (1, ST_MakeEnvelope(500250, 3470000, 500350, 3471000, 4549)), (2, ST_MakeEnvelope(500300, 3470000, 500320, 3471000, 4549));
CREATE TABLE area (id integer PRIMARY KEY, geom geometry(Polygon, 4549));
INSERT INTO area VALUES (1, ST_MakeEnvelope(500000, 3470000, 501050, 3471000, 4549)), (2, ST_MakeEnvelope(501500, 3470000, 503000, 3470650, 4549));
)sql"));
  const indicators::ZoneRequest zones{table(schema, QStringLiteral("zones")), QStringLiteral("name"), {}, false};
  indicators::CoverageParams p;
  p.facilities = table(schema, QStringLiteral("stops"));
  p.target = table(schema, QStringLiteral("parcels"));
  p.radius = 120;
  expectSameCoverage(p, "points, overlapping and invalid targets");
  p.per = zones;
  expectSameCoverage(p, "per overlapping zones");
  p.exclude = table(schema, QStringLiteral("water"));
  expectSameCoverage(p, "two overlapping exclusions");
  p.within = table(schema, QStringLiteral("area"));
  expectSameCoverage(p, "inside two area polygons");
  p.weightField = QStringLiteral("people");
  expectSameCoverage(p, "weighted by a text field with an empty value");
  p.facilities = table(schema, QStringLiteral("sites"));
  p.radius.reset();
  p.tiers = indicators::parseRadiusTiers(QStringLiteral("500:100,5000:300")).value();
  p.quadSegments = 2;
  expectSameCoverage(p, "polygon sites by area tiers, 2 segments per quarter circle");

  // The figures by hand: 1 and 2 overlap by 100 × 100 m, so the land is 40,000 + 30,000 m²; a
  // stop at their shared corner region covers parcels 1 and 2 within 120 m only in part.
  indicators::CoverageParams plain;
  plain.facilities = table(schema, QStringLiteral("stops"));
  plain.target = table(schema, QStringLiteral("parcels"));
  plain.targetWhere = QStringLiteral("id IN (1, 2)");
  plain.radius = 1000;
  auto whole = indicators::computeCoverage(plain, engine(indicators::Engine::Postgis));
  ASSERT_TRUE(whole.ok()) << whole.error().message.toStdString();
  EXPECT_NEAR(whole->denominator, 70000, 1e-6);
  EXPECT_NEAR(*whole->value, 1.0, 1e-12);
  EXPECT_EQ(whole->counts.value(QStringLiteral("overlapping_targets")).toInt(), 1);

  indicators::CoverageParams bad = plain;  // a weight that is no number is refused, naming it
  bad.weightField = QStringLiteral("people");
  schema.sql(QStringLiteral("UPDATE %1.parcels SET people = 'many' WHERE id = 2").arg(schema.name()));
  auto refused = indicators::computeCoverage(bad, engine(indicators::Engine::Postgis));
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(QStringLiteral("\"many\""))) << refused.error().message.toStdString();
}

TEST(EngineParity, OnlyResultRowsComeBackHoweverBigTheTable) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  // A generated district: 20 × 20 zones of 500 m, and lines in a lattice across them.
  schema.sql(QStringLiteral(R"sql(
CREATE TABLE cells (id integer PRIMARY KEY, name text, geom geometry(Polygon, 4549));
INSERT INTO cells SELECT x * 20 + y, 'cell ' || (x * 20 + y),
  ST_MakeEnvelope(500000 + x * 500, 3470000 + y * 500, 500500 + x * 500, 3470500 + y * 500, 4549)
  FROM generate_series(0, 19) x, generate_series(0, 19) y;
CREATE TABLE streets (id serial PRIMARY KEY, geom geometry(LineString, 4549));
CREATE FUNCTION add_streets(n integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO streets (geom) SELECT ST_MakeLine(ST_MakePoint(500000 + (i * 37) % 10000, 3470000 + (i * 53) % 10000),
                                                ST_MakePoint(500000 + (i * 37 + 733) % 10000, 3470000 + (i * 53 + 291) % 10000))::geometry(LineString, 4549)
  FROM generate_series((SELECT count(*) FROM streets) + 1, (SELECT count(*) FROM streets) + n) i $$;
SELECT add_streets(2000);
)sql"));
  indicators::LengthParams p;
  p.lines = table(schema, QStringLiteral("streets"));
  p.per = indicators::ZoneRequest{table(schema, QStringLiteral("cells")), QStringLiteral("name"), {}, false};
  auto small = indicators::computeLength(p, engine(indicators::Engine::Postgis));
  ASSERT_TRUE(small.ok()) << small.error().message.toStdString();
  expectSame(indicators::computeLength(p, engine(indicators::Engine::Local)), small, "2,000 generated lines per 400 cells");
  schema.sql(QStringLiteral("SELECT add_streets(6000)"));
  auto big = indicators::computeLength(p, engine(indicators::Engine::Postgis));
  ASSERT_TRUE(big.ok()) << big.error().message.toStdString();
  EXPECT_EQ(big->counts.value(QStringLiteral("lines")).toInt(), 8000);
  const qint64 rowsSmall = small->engine.value(QStringLiteral("rows_transferred")).toInteger();
  const qint64 rowsBig = big->engine.value(QStringLiteral("rows_transferred")).toInteger();
  // The zone names and one row per zone and a few counts: never the lines.
  EXPECT_EQ(rowsSmall, rowsBig);
  EXPECT_LE(rowsBig, 2 * 400 + 20);
  EXPECT_GT(*big->value, *small->value * 3.5);

  // The CLI says the same, and where it ran.
  QProcess cli;
  const QString lines = QStringLiteral("PG:%1|layername=%2").arg(PgTestServer::connectionString(), schema.layer(QStringLiteral("streets")));
  const QString cells = QStringLiteral("PG:%1|layername=%2").arg(PgTestServer::connectionString(), schema.layer(QStringLiteral("cells")));
  cli.start(QStringLiteral(XIUHUA_CLI), {QStringLiteral("length"), QStringLiteral("--lines"), lines, QStringLiteral("--per"), cells,
                                         QStringLiteral("--per-field"), QStringLiteral("name"), QStringLiteral("--engine"), QStringLiteral("postgis"),
                                         QStringLiteral("--json")});
  ASSERT_TRUE(cli.waitForFinished(120000));
  ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
  const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
  EXPECT_EQ(json.value(QStringLiteral("engine")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("postgis"));
  EXPECT_EQ(json.value(QStringLiteral("engine")).toObject().value(QStringLiteral("rows_transferred")).toInteger(), rowsBig);
  EXPECT_TRUE(close(json.value(QStringLiteral("length_m")).toDouble(), *big->value));
  QProcess bad;
  bad.start(QStringLiteral(XIUHUA_CLI), {QStringLiteral("length"), QStringLiteral("--lines"), lines, QStringLiteral("--engine"), QStringLiteral("cloud")});
  ASSERT_TRUE(bad.waitForFinished(60000));
  EXPECT_EQ(bad.exitCode(), 2);
  EXPECT_TRUE(QString::fromUtf8(bad.readAllStandardError()).contains(QStringLiteral("--engine is local or postgis")));
}

TEST(EngineParity, WhatTheServerCannotRunIsRefusedWithTheReason) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  schema.createStreets();
  indicators::LengthParams file;
  file.lines = gis::SourceRef::parse(QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp"));
  auto refused = indicators::computeLength(file, engine(indicators::Engine::Postgis));
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(QStringLiteral("is a file"))) << refused.error().message.toStdString();
  EXPECT_TRUE(refused.error().message.contains(QStringLiteral("pg publish"))) << refused.error().message.toStdString();

  indicators::CoverageParams walking;
  walking.facilities = table(schema, QStringLiteral("街道"));
  walking.target = table(schema, QStringLiteral("街道"));
  walking.radius = 300;
  walking.network = indicators::NetworkParams{};
  auto network = indicators::computeCoverage(walking, engine(indicators::Engine::Postgis));
  ASSERT_FALSE(network.ok());
  EXPECT_TRUE(network.error().message.contains(QStringLiteral("street network"))) << network.error().message.toStdString();

  indicators::CountParams twoDatabases;
  twoDatabases.features = table(schema, QStringLiteral("街道"));
  twoDatabases.per = indicators::ZoneRequest{gis::SourceRef::parse(QStringLiteral("PG:") + PgTestServer::connectionString({}, QStringLiteral("xiuhua_plain")) +
                                                                   QStringLiteral("|layername=public.zones")),
                                             QStringLiteral("name"), {}, false};
  auto two = indicators::computeCount(twoDatabases, engine(indicators::Engine::Postgis));
  ASSERT_FALSE(two.ok());
  EXPECT_TRUE(two.error().message.contains(QStringLiteral("one database"))) << two.error().message.toStdString();

  indicators::CountParams injected;  // a second statement in a filter never runs
  injected.features = table(schema, QStringLiteral("街道"));
  injected.where = QStringLiteral("true; DROP TABLE 街道");
  EXPECT_FALSE(indicators::computeCount(injected, engine(indicators::Engine::Postgis)).ok());
  auto still = PgTestServer::user()->query(QStringLiteral("SELECT count(*) FROM %1.街道").arg(schema.name()));
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->text(0, 0), QStringLiteral("3"));
}
