// A big PostGIS table drawn per view (issue 19, part 3): the view's query goes through the GiST index,
// brings exactly the features meeting the view (in the map CRS when it differs), stops between
// batches when cancelled, answers identify at a point, and draws what the whole layer draws.
#include "support/pg_test_server.h"
#include "xiuhua/gis/coordinate_transform.h"
#include "xiuhua/gis/postgis/pg_feature_source.h"
#include "xiuhua/gis/projected_layer.h"
#include "xiuhua/gis/render_job.h"
#include "xiuhua/gis/vector_reader.h"

#include <gtest/gtest.h>

#include <QGuiApplication>

#include <set>

using namespace xiuhua::gis;
using xiuhua::test::PgTestSchema;
using xiuhua::test::PgTestServer;

namespace {

// side × side squares of 8 m on a 10 m pitch from (500000, 3470000), EPSG:4549, key id = g + 1;
// kind = g % 7, name = 'p<g>'.
void createGrid(const PgTestSchema& schema, const QString& table, int side) {
  schema.sql(QStringLiteral("CREATE TABLE %1 (id integer PRIMARY KEY, kind integer, name text, geom geometry(Polygon, 4549))").arg(table));
  schema.sql(QStringLiteral("INSERT INTO %1 SELECT g + 1, g %% 7, 'p' || g, "
                            "ST_MakeEnvelope(500000 + (g %% %2) * 10, 3470000 + (g / %2) * 10, 500008 + (g %% %2) * 10, 3470008 + (g / %2) * 10, 4549) "
                            "FROM generate_series(0, %3) g")
                 .arg(table)
                 .arg(side)
                 .arg(side * side - 1)
                 .replace(QLatin1String("%%"), QLatin1String("%")));
  schema.sql(QStringLiteral("CREATE INDEX %1_geom_idx ON %1 USING gist (geom)").arg(table));
  schema.sql(QStringLiteral("ANALYZE %1").arg(table));
}

std::shared_ptr<const PgFeatureSource> openSource(const PgTestSchema& schema, const QString& table, const Crs& mapCrs) {
  auto source = PgLayerSource::parse(schema.source(), schema.layer(table));
  EXPECT_TRUE(source.ok());
  if (!source.ok()) return nullptr;
  auto opened = PgFeatureSource::open(*source, Crs(), mapCrs);
  EXPECT_TRUE(opened.ok()) << (opened.ok() ? std::string() : opened.error().message.toStdString());
  return opened.ok() ? opened.value() : nullptr;
}

std::vector<StreamedFeature> fetchAll(const FeatureSource& source, const FeatureRequest& request) {
  std::vector<StreamedFeature> all;
  auto fetched = source.fetch(request, [&](std::vector<StreamedFeature>& batch) {
    for (StreamedFeature& f : batch) all.push_back(std::move(f));
  });
  EXPECT_TRUE(fetched.ok()) << (fetched.ok() ? std::string() : fetched.error().message.toStdString());
  return all;
}

// The first column of a query run as the test user; "T." in it stands for the test's schema.
std::set<qint64> serverKeys(const QString& schema, QString sql) {
  sql.replace(QLatin1String("T."), schema + QLatin1Char('.'));
  auto rows = PgTestServer::user()->query(sql);
  std::set<qint64> keys;
  if (!rows.ok()) {
    ADD_FAILURE() << rows.error().message.toStdString();
    return keys;
  }
  for (std::size_t i = 0; i < rows->size(); ++i) keys.insert(rows->text(i, 0).toLongLong());
  return keys;
}

}  // namespace

TEST(StreamedLayer, TheViewQueryGoesThroughTheGistIndexOfAnAnalysedTable) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  createGrid(schema, QStringLiteral("parcels"), 320);  // 102,400 rows
  auto source = openSource(schema, QStringLiteral("parcels"), Crs::fromEpsg(4549));
  ASSERT_TRUE(source);
  EXPECT_GE(source->estimatedCount().value_or(0), 90000);
  FeatureRequest view;
  view.rect = QRectF(500300, 3470300, 320, 320);  // 1 % of the table's extent
  view.minSize = 1.0;
  view.fields = {QStringLiteral("kind")};
  auto plan = source->queryPlan(view);
  ASSERT_TRUE(plan.ok()) << plan.error().message.toStdString();
  EXPECT_TRUE(plan->contains(QLatin1String("\"Index Name\": \"parcels_geom_idx\""))) << plan->toStdString();
  EXPECT_FALSE(plan->contains(QLatin1String("Seq Scan"))) << plan->toStdString();
}

TEST(StreamedLayer, AViewBringsExactlyTheFeaturesMeetingItWithTheirFields) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  createGrid(schema, QStringLiteral("parcels"), 100);
  auto source = openSource(schema, QStringLiteral("parcels"), Crs::fromEpsg(4549));
  ASSERT_TRUE(source);
  EXPECT_EQ(source->geometryType(), Geometry::Type::Polygon);
  EXPECT_EQ(source->fieldNames(), (QStringList{QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("name")}));
  EXPECT_EQ(source->extent(), QRectF(QPointF(500000, 3470000), QPointF(500998, 3470998)));
  FeatureRequest view;
  view.rect = QRectF(QPointF(500105, 3470205), QPointF(500333, 3470401));
  view.minSize = 1.0;  // every square (8 m) comes whole
  view.fields = {QStringLiteral("name"), QStringLiteral("kind")};
  view.batchSize = 97;  // several batches
  const auto features = fetchAll(*source, view);
  std::set<qint64> keys;
  for (const StreamedFeature& f : features) {
    keys.insert(f.key);
    ASSERT_EQ(f.geometry.type(), Geometry::Type::Polygon);
    const qint64 g = f.key - 1;
    const QRectF expected(QPointF(500000 + (g % 100) * 10, 3470000 + (g / 100) * 10), QSizeF(8, 8));
    EXPECT_EQ(f.box, expected) << f.key;
    ASSERT_EQ(f.values.size(), 2u);
    EXPECT_EQ(f.values[0].toString(), QStringLiteral("p%1").arg(g));
    EXPECT_EQ(f.values[1].toInt(), g % 7);
  }
  EXPECT_EQ(keys.size(), features.size());  // none twice
  EXPECT_EQ(keys, serverKeys(schema.name(), QStringLiteral("SELECT id FROM T.parcels WHERE geom && ST_MakeEnvelope(500105, 3470205, 500333, 3470401, 4549)")));
  EXPECT_EQ(features.size(), 24u * 21u);  // columns 10…33, rows 20…40

  // Zoomed out until a square is below the level of detail: small squares still come whole (their
  // WKB costs the server less than their box would) …
  view.minSize = 9.0;
  const auto small = fetchAll(*source, view);
  ASSERT_EQ(small.size(), features.size());
  for (const StreamedFeature& f : small) EXPECT_EQ(f.geometry.parts().front().front().size(), 5u);
  // … while a circle of 400 segments below it comes as its envelope (five points), whole above it.
  schema.sql(QStringLiteral("CREATE TABLE circles (id integer PRIMARY KEY, geom geometry(Polygon, 4549));"
                            "INSERT INTO circles VALUES (1, ST_Buffer(ST_SetSRID(ST_MakePoint(500500, 3470500), 4549), 20, 'quad_segs=100'))"));
  auto circles = openSource(schema, QStringLiteral("circles"), Crs::fromEpsg(4549));
  ASSERT_TRUE(circles);
  FeatureRequest far;
  far.rect = QRectF(500000, 3470000, 1000, 1000);
  far.minSize = 50.0;
  const auto envelope = fetchAll(*circles, far);
  ASSERT_EQ(envelope.size(), 1u);
  EXPECT_EQ(envelope.front().geometry.parts().front().front().size(), 5u);
  EXPECT_NEAR(envelope.front().box.width(), 40.0, 1e-9);
  EXPECT_NEAR(envelope.front().box.center().x(), 500500.0, 1e-9);
  far.minSize = 30.0;
  const auto whole = fetchAll(*circles, far);
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_EQ(whole.front().geometry.parts().front().front().size(), 401u);
}

TEST(StreamedLayer, AMapInAnotherCrsGetsTheViewAndTheGeometriesTransformed) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  createGrid(schema, QStringLiteral("parcels"), 100);
  const Crs wgs84 = Crs::fromEpsg(4326);
  auto source = openSource(schema, QStringLiteral("parcels"), wgs84);
  ASSERT_TRUE(source);
  auto toMap = CoordinateTransform::create(Crs::fromEpsg(4549), wgs84);
  ASSERT_TRUE(toMap.ok());
  const QRectF projected(QPointF(500105, 3470205), QPointF(500333, 3470401));
  const QRectF view = (*toMap)->transformBounds(projected);
  FeatureRequest request;
  request.rect = view;
  const auto features = fetchAll(*source, request);
  ASSERT_FALSE(features.empty());
  std::set<qint64> keys;
  for (const StreamedFeature& f : features) {
    keys.insert(f.key);
    // Every vertex in degrees, as PROJ puts the table's corner there.
    const qint64 g = f.key - 1;
    const QPointF corner = (*toMap)->transform(QPointF(500000 + (g % 100) * 10, 3470000 + (g / 100) * 10));
    const QPointF first = f.geometry.parts().front().front().front();
    EXPECT_NEAR(first.x(), corner.x(), 1e-9);
    EXPECT_NEAR(first.y(), corner.y(), 1e-9);
  }
  // Every feature the server finds meeting the view in degrees is there (the view is widened to a
  // box in the table's CRS, so a few more may come, never fewer).
  const std::set<qint64> meeting = serverKeys(
      schema.name(), QStringLiteral("SELECT id FROM T.parcels WHERE ST_Transform(geom, 4326) && ST_MakeEnvelope(%1, %2, %3, %4, 4326)")
                         .arg(view.left(), 0, 'g', 17).arg(view.top(), 0, 'g', 17).arg(view.right(), 0, 'g', 17).arg(view.bottom(), 0, 'g', 17));
  for (qint64 k : meeting) EXPECT_TRUE(keys.count(k)) << k;
  EXPECT_LT(keys.size(), meeting.size() * 12 / 10);
  EXPECT_TRUE(source->extent().contains((*toMap)->transform(QPointF(500500, 3470500))));
}

TEST(StreamedLayer, ACancelledFetchStopsBetweenBatchesAndTheSourceReadsOnAfterwards) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  createGrid(schema, QStringLiteral("parcels"), 100);
  auto source = openSource(schema, QStringLiteral("parcels"), Crs::fromEpsg(4549));
  ASSERT_TRUE(source);
  FeatureRequest request;
  request.rect = source->extent();
  request.batchSize = 1000;
  std::atomic<bool> cancel(false);
  qint64 seen = 0;
  auto fetched = source->fetch(request, [&](std::vector<StreamedFeature>& batch) {
    seen += static_cast<qint64>(batch.size());
    cancel.store(true);  // the user panned on
  }, &cancel);
  ASSERT_TRUE(fetched.ok()) << fetched.error().message.toStdString();
  EXPECT_TRUE(fetched->cancelled);
  EXPECT_EQ(fetched->batches, 1);
  EXPECT_EQ(seen, 1000);
  // The connection went back to the pool out of its transaction: the next view reads everything.
  cancel.store(false);
  request.batchSize = 4096;
  EXPECT_EQ(fetchAll(*source, request).size(), 10000u);
}

TEST(StreamedLayer, IdentifyAsksTheServerAtThePointWithEveryColumn) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  createGrid(schema, QStringLiteral("parcels"), 100);
  auto source = openSource(schema, QStringLiteral("parcels"), Crs::fromEpsg(4549));
  ASSERT_TRUE(source);
  auto hits = source->featuresAt(QPointF(500124, 3470033), 0.5);  // square g = 312
  ASSERT_TRUE(hits.ok()) << hits.error().message.toStdString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->front().key, 313);
  ASSERT_EQ(hits->front().values.size(), 3u);
  EXPECT_EQ(hits->front().values[2].first, QStringLiteral("name"));
  EXPECT_EQ(hits->front().values[2].second.toString(), QStringLiteral("p312"));
  auto gap = source->featuresAt(QPointF(500129, 3470033), 0.5);  // between two squares
  ASSERT_TRUE(gap.ok());
  EXPECT_TRUE(gap->empty());
}

TEST(StreamedLayer, ATableNamedLikeAnInjectionStreamsAndDropsNothing) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  const QString name = QStringLiteral("a\"; drop table x; --");
  schema.sql(QStringLiteral("CREATE TABLE x (id integer)"));
  schema.sql(QStringLiteral("CREATE TABLE \"a\"\"; drop table x; --\" (id integer PRIMARY KEY, \"名\"\"称\" text, geom geometry(Point, 4549))"));
  schema.sql(QStringLiteral("INSERT INTO \"a\"\"; drop table x; --\" VALUES (1, '一', ST_SetSRID(ST_MakePoint(500000, 3470000), 4549)), "
                            "(2, NULL, ST_SetSRID(ST_MakePoint(500010, 3470000), 4549))"));
  auto source = openSource(schema, name, Crs::fromEpsg(4549));
  ASSERT_TRUE(source);
  FeatureRequest request;
  request.rect = QRectF(499990, 3469990, 30, 20);
  request.fields = {QStringLiteral("名\"称")};
  const auto features = fetchAll(*source, request);
  ASSERT_EQ(features.size(), 2u);
  for (const StreamedFeature& f : features) {
    EXPECT_EQ(f.geometry.type(), Geometry::Type::Point);  // points always come whole
    EXPECT_EQ(f.values.front().isValid(), f.key == 1);
  }
  EXPECT_EQ(serverKeys(schema.name(), QStringLiteral("SELECT count(*) FROM T.x")), std::set<qint64>{0});
}

TEST(StreamedLayer, ATableGoneSinceOpeningIsNamedWhenAViewAsksForIt) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  createGrid(schema, QStringLiteral("parcels"), 10);
  auto source = openSource(schema, QStringLiteral("parcels"), Crs::fromEpsg(4549));
  ASSERT_TRUE(source);
  schema.sql(QStringLiteral("DROP TABLE parcels"));
  FeatureRequest request;
  request.rect = QRectF(500000, 3470000, 100, 100);
  auto fetched = source->fetch(request, [](std::vector<StreamedFeature>&) {});
  ASSERT_FALSE(fetched.ok());
  EXPECT_TRUE(fetched.error().message.contains(schema.layer(QStringLiteral("parcels")))) << fetched.error().message.toStdString();
  auto missing = PgLayerSource::parse(schema.source(), schema.layer(QStringLiteral("parcels")));
  ASSERT_TRUE(missing.ok());
  auto reopened = PgFeatureSource::open(*missing, Crs(), Crs::fromEpsg(4549));
  ASSERT_FALSE(reopened.ok());
  EXPECT_TRUE(reopened.error().message.contains(schema.layer(QStringLiteral("parcels")))) << reopened.error().message.toStdString();
}

TEST(StreamedLayer, TheMapDrawsWhatTheWholeLayerDraws) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  createGrid(schema, QStringLiteral("parcels"), 100);
  int argc = 1;
  char name[] = "streamed_layer_test";
  char* argv[] = {name, nullptr};
  qputenv("QT_QPA_PLATFORM", "offscreen");
  std::unique_ptr<QGuiApplication> app(QGuiApplication::instance() == nullptr ? new QGuiApplication(argc, argv) : nullptr);
  const Crs map = Crs::fromEpsg(4549);
  auto source = openSource(schema, QStringLiteral("parcels"), map);
  ASSERT_TRUE(source);
  ReadOptions options;
  options.layerName = schema.layer(QStringLiteral("parcels"));
  auto whole = VectorReader::read(schema.source(), options);
  ASSERT_TRUE(whole.ok()) << whole.error().message.toStdString();
  auto projected = ProjectedLayer::build(whole.value(), map, map);
  ASSERT_TRUE(projected.ok());
  VectorStyle style;
  style.symbol.fill = QColor(40, 120, 200);
  style.symbol.stroke = QColor(20, 60, 100);
  // A close view (squares whole) and the full extent (squares below the level of detail).
  for (const QRectF& extent : {QRectF(500200, 3470200, 200, 120), source->extent()}) {
    RenderSnapshot fromServer;
    fromServer.viewport = MapViewport::fitting(extent, QSize(400, 300));
    RenderSnapshot fromMemory = fromServer;
    fromServer.layers.push_back({nullptr, nullptr, style, RasterStyle(), nullptr, source});
    fromMemory.layers.push_back({projected.value(), nullptr, style, RasterStyle(), nullptr, nullptr});
    const std::atomic<bool> never(false);
    RenderStats stats;
    const QImage a = renderMap(fromServer, never, &stats);
    const QImage b = renderMap(fromMemory, never);
    EXPECT_TRUE(stats.problems.isEmpty());
    EXPECT_GT(stats.featuresDrawn, 100);
    int differing = 0;
    for (int y = 0; y < a.height(); ++y) {
      for (int x = 0; x < a.width(); ++x) differing += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    }
    EXPECT_LE(differing, a.width() * a.height() / 1000) << "view " << extent.width() << " m wide";
  }
}
