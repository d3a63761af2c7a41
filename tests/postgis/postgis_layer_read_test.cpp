// A PostGIS table as a layer source: read through GDAL's PostgreSQL driver, equal to what the table
// holds, read-only with its reason, and listed by the browser with type, SRID, rows and key.
#include "support/pg_test_server.h"
#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/file_fingerprint.h"
#include "xiuhua/gis/postgis/pg_tables.h"
#include "xiuhua/gis/source_ref.h"
#include "xiuhua/gis/vector_reader.h"

#include <gtest/gtest.h>

using namespace xiuhua::gis;
using xiuhua::test::PgTestSchema;
using xiuhua::test::PgTestServer;

TEST(PostgisLayerRead, ATableReadsAsItsRowsWithChineseNamesAndItsCrs) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.createStreets();
  ReadOptions options;
  options.layerName = schema.layer(QStringLiteral("街道"));
  auto data = VectorReader::read(schema.source(), options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  const VectorData& d = *data.value();
  EXPECT_EQ(d.driver, QStringLiteral("PostgreSQL"));
  EXPECT_EQ(d.path, schema.source());  // as written, never made a file path
  EXPECT_EQ(d.layerName, options.layerName);
  ASSERT_EQ(d.featureCount(), 3u);
  EXPECT_EQ(d.crs.definition(), QStringLiteral("EPSG:4549"));
  const int name = d.fieldIndex(QStringLiteral("名称"));
  const int people = d.fieldIndex(QStringLiteral("人口"));
  ASSERT_GE(name, 0);
  ASSERT_GE(people, 0);
  QStringList names;
  QRectF box;
  for (std::size_t i = 0; i < d.featureCount(); ++i) {
    box |= d.geometries[i].boundingBox();
    names << d.attributes[i][static_cast<std::size_t>(name)].toString();
    if (names.back() == QStringLiteral("真新街道")) {
      EXPECT_EQ(d.attributes[i][static_cast<std::size_t>(people)].toLongLong(), 120500);
    }
    if (names.back() == QStringLiteral("嘉定镇街道")) {
      EXPECT_TRUE(d.attributes[i][static_cast<std::size_t>(people)].isNull());
    }
  }
  names.sort();
  EXPECT_EQ(names, (QStringList{QStringLiteral("嘉定镇街道"), QStringLiteral("新成路街道"), QStringLiteral("真新街道")}));
  EXPECT_EQ(box, QRectF(QPointF(500000, 3470000), QPointF(503000, 3471500)));
  EXPECT_EQ(d.extent, box);
}

TEST(PostgisLayerRead, AFilterRunsInTheServerAndASecondStatementIsRefused) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.createStreets();
  ReadOptions options;
  options.layerName = schema.layer(QStringLiteral("街道"));
  options.where = QStringLiteral("人口 > 100000");
  auto data = VectorReader::read(schema.source(), options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_EQ(data.value()->featureCount(), 1u);
  options.where = QStringLiteral("人口 > 0; DROP TABLE 街道");
  auto refused = VectorReader::read(schema.source(), options);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(QLatin1String("one condition"))) << refused.error().message.toStdString();
  options.where = QStringLiteral("名称 = '嘉定镇街道; 其他'");  // a ';' inside a string is a value
  auto quoted = VectorReader::read(schema.source(), options);
  ASSERT_TRUE(quoted.ok()) << quoted.error().message.toStdString();
  EXPECT_EQ(quoted.value()->featureCount(), 0u);
}

TEST(PostgisLayerRead, AMissingTableIsNamedWithTheConnection) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  ReadOptions options;
  options.layerName = schema.layer(QStringLiteral("nothing_here"));
  auto data = VectorReader::read(schema.source(), options);
  ASSERT_FALSE(data.ok());
  EXPECT_TRUE(data.error().message.contains(options.layerName)) << data.error().message.toStdString();
  EXPECT_TRUE(data.error().message.contains(QLatin1String("xh_user@127.0.0.1"))) << data.error().message.toStdString();
}

TEST(PostgisLayerRead, AServerThatIsDownIsNamedAsUnreachable) {
  if (!PgTestServer::available()) return;
  ReadOptions options;
  options.layerName = QStringLiteral("public.roads");
  auto data = VectorReader::read(QStringLiteral("PG:host=127.0.0.1 port=1 dbname=x user=y connect_timeout=3"), options);
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.error().code, ErrorCode::ConnectionFailed);
  EXPECT_TRUE(data.error().message.contains(QLatin1String("cannot be reached"))) << data.error().message.toStdString();
}

TEST(PostgisLayerRead, LayersOpenReadOnlyWithTheirReason) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.createStreets();
  schema.sql(QStringLiteral("CREATE TABLE nokey (名称 text, geom geometry(Point, 4490));"
                            "INSERT INTO nokey VALUES ('a', ST_SetSRID(ST_MakePoint(121.2, 31.3), 4490));"
                            "CREATE VIEW big AS SELECT * FROM 街道 WHERE 人口 > 100000;"));
  schema.sql(QStringLiteral("GRANT SELECT ON 街道 TO xh_reader"));
  auto readOnly = [&](const QString& source, const QString& table) {
    ReadOptions options;
    options.layerName = schema.layer(table);
    auto data = VectorReader::read(source, options);
    EXPECT_TRUE(data.ok()) << data.error().message.toStdString();
    return data.ok() ? data.value()->readOnlyReason : QString();
  };
  EXPECT_TRUE(readOnly(schema.source(), QStringLiteral("nokey")).contains(QLatin1String("no primary key")));
  EXPECT_TRUE(readOnly(schema.source(), QStringLiteral("big")).contains(QLatin1String("view")));
  EXPECT_TRUE(readOnly(QStringLiteral("PG:") + PgTestServer::connectionString(QStringLiteral("xh_reader")), QStringLiteral("街道"))
                  .contains(QLatin1String("may read")));
  // A table with a key the user may change: editable, each row with the version it was read at.
  ReadOptions options;
  options.layerName = schema.layer(QStringLiteral("街道"));
  auto data = VectorReader::read(schema.source(), options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_TRUE(data.value()->readOnlyReason.isEmpty()) << data.value()->readOnlyReason.toStdString();
  EXPECT_EQ(data.value()->versions.size(), data.value()->featureCount());
  auto edit = EditBuffer::start(data.value(), false);
  ASSERT_TRUE(edit.ok()) << edit.error().message.toStdString();
  // One without: editing is refused with the reason.
  options.layerName = schema.layer(QStringLiteral("nokey"));
  auto nokey = VectorReader::read(schema.source(), options);
  ASSERT_TRUE(nokey.ok()) << nokey.error().message.toStdString();
  auto refused = EditBuffer::start(nokey.value(), false);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(QLatin1String("read-only"))) << refused.error().message.toStdString();
}

TEST(PostgisBrowser, TablesAreListedWithTypeSridRowsAndKey) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.createStreets();
  schema.sql(QStringLiteral("CREATE TABLE nokey (名称 text, geom geometry(Point, 4490)); CREATE TABLE plain (x int); ANALYZE 街道;"));
  auto connection = PgTestServer::user();
  ASSERT_TRUE(connection);
  auto tables = pgGeometryTables(*connection);
  ASSERT_TRUE(tables.ok()) << tables.error().message.toStdString();
  std::vector<PgTableInfo> mine;
  for (const PgTableInfo& t : tables.value()) {
    if (t.schema == schema.name()) mine.push_back(t);
  }
  ASSERT_EQ(mine.size(), 2u);  // the table without geometry is not a layer
  const PgTableInfo& streets = mine[0].table == QStringLiteral("街道") ? mine[0] : mine[1];
  const PgTableInfo& nokey = mine[0].table == QStringLiteral("街道") ? mine[1] : mine[0];
  EXPECT_EQ(streets.geometryType, QStringLiteral("POLYGON"));
  EXPECT_EQ(streets.srid, 4549);
  ASSERT_TRUE(streets.estimatedRows.has_value());
  EXPECT_EQ(*streets.estimatedRows, 3);
  EXPECT_EQ(streets.primaryKey, QStringList{QStringLiteral("id")});
  EXPECT_TRUE(streets.canEdit);
  EXPECT_TRUE(streets.readOnlyReason().isEmpty());
  EXPECT_EQ(nokey.srid, 4490);
  EXPECT_TRUE(nokey.primaryKey.isEmpty());
  EXPECT_FALSE(nokey.estimatedRows.has_value());  // never analysed
}

TEST(PostgisFingerprint, TheServersFingerprintChangesWhenTheTableChanges) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.createStreets();
  const QString layer = schema.layer(QStringLiteral("街道"));
  const QJsonArray before = sourceFingerprint(schema.source(), layer);
  ASSERT_EQ(before.size(), 1);
  EXPECT_EQ(before[0].toObject().value(QStringLiteral("rows")).toInteger(), 3);
  EXPECT_EQ(before[0].toObject().value(QStringLiteral("md5")).toString().size(), 32);
  EXPECT_TRUE(sourceFingerprintHolds(before, schema.source(), layer));
  schema.sql(QStringLiteral("UPDATE 街道 SET 人口 = 98001 WHERE id = 1"));
  EXPECT_FALSE(sourceFingerprintHolds(before, schema.source(), layer));
  schema.sql(QStringLiteral("UPDATE 街道 SET 人口 = 98000 WHERE id = 1"));
  EXPECT_TRUE(sourceFingerprintHolds(before, schema.source(), layer));  // the content, not the time
  schema.sql(QStringLiteral("UPDATE 街道 SET geom = ST_Translate(geom, 0.001, 0) WHERE id = 2"));
  EXPECT_FALSE(sourceFingerprintHolds(before, schema.source(), layer));
  // Unknown (the server down) is never "still the same".
  EXPECT_FALSE(sourceFingerprintHolds(before, QStringLiteral("PG:host=127.0.0.1 port=1 dbname=x user=y connect_timeout=2"), layer));
}

TEST(PostgisLayerRead, ATableWithSeveralSridsIsRefusedNamingThem) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.sql(QStringLiteral("CREATE TABLE mixed (id integer PRIMARY KEY, geom geometry);"
                            "INSERT INTO mixed VALUES (1, ST_SetSRID(ST_MakePoint(121.2, 31.3), 4326)),"
                            "                         (2, ST_SetSRID(ST_MakePoint(500000, 3470000), 4549));"));
  ReadOptions options;
  options.layerName = schema.layer(QStringLiteral("mixed"));
  auto data = VectorReader::read(schema.source(), options);
  ASSERT_FALSE(data.ok()) << "read every row in one CRS: the 4549 point as if in 4326";
  EXPECT_TRUE(data.error().message.contains(QLatin1String("4326, 4549"))) << data.error().message.toStdString();
  EXPECT_TRUE(data.error().message.contains(options.layerName)) << data.error().message.toStdString();
}

TEST(PostgisLayerRead, ATableWithoutSridSaysHowToGiveTheCrs) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.sql(QStringLiteral("CREATE TABLE nosrid (id integer PRIMARY KEY, geom geometry(Polygon));"
                            "INSERT INTO nosrid VALUES (1, 'POLYGON((0 0, 1 0, 1 1, 0 0))');"));
  ReadOptions options;
  options.layerName = schema.layer(QStringLiteral("nosrid"));
  auto data = VectorReader::read(schema.source(), options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_FALSE(data.value()->crs.isValid());
  ASSERT_FALSE(data.value()->warnings.isEmpty());
  EXPECT_TRUE(data.value()->warnings.join(QLatin1Char('\n')).contains(QLatin1String("no SRID"))) << data.value()->warnings.join(QLatin1Char('\n')).toStdString();
}
