// Identifiers are always quoted and values always bound: a table named like an injection opens as a
// table of that name and drops nothing.
#include "support/pg_test_server.h"
#include "xiuhua/gis/postgis/pg_tables.h"
#include "xiuhua/gis/vector_reader.h"

#include <gtest/gtest.h>

using namespace xiuhua::gis;
using xiuhua::test::PgTestSchema;
using xiuhua::test::PgTestServer;

namespace {

const QString kEvil = QStringLiteral("a\"; drop table x; --");

bool tableExists(const PgConnection& c, const QString& schema, const QString& table) {
  auto r = c.query(QStringLiteral("SELECT to_regclass($1) IS NOT NULL"), {c.qualifiedName(schema, table)});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message.toStdString());
  return r.ok() && r->text(0, 0) == QLatin1String("t");
}

}  // namespace

TEST(IdentifierQuoting, QuotesAreDoubledAsTheServerReadsThem) {
  if (!PgTestServer::available()) return;
  auto c = PgTestServer::user();
  ASSERT_TRUE(c);
  EXPECT_EQ(c->quoteIdentifier(kEvil), QStringLiteral("\"a\"\"; drop table x; --\""));
  EXPECT_EQ(c->qualifiedName(QStringLiteral("规划"), QStringLiteral("道路")), QStringLiteral("\"规划\".\"道路\""));
}

TEST(IdentifierQuoting, ATableNamedLikeAnInjectionOpensAsThatTableAndDropsNothing) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  auto c = PgTestServer::user();
  ASSERT_TRUE(c);
  schema.sql(QStringLiteral("CREATE TABLE x (id integer PRIMARY KEY);"
                            "CREATE TABLE %1 (id integer PRIMARY KEY, 名称 text, geom geometry(Point, 4326));"
                            "INSERT INTO %1 VALUES (1, '一', ST_SetSRID(ST_MakePoint(121.25, 31.38), 4326)),"
                            "                      (2, '二', ST_SetSRID(ST_MakePoint(121.26, 31.39), 4326));")
                 .arg(c->quoteIdentifier(kEvil)));
  ASSERT_TRUE(tableExists(*c, schema.name(), QStringLiteral("x")));

  auto tables = pgGeometryTables(*c);
  ASSERT_TRUE(tables.ok()) << tables.error().message.toStdString();
  bool listed = false;
  for (const PgTableInfo& t : tables.value()) listed = listed || (t.schema == schema.name() && t.table == kEvil);
  EXPECT_TRUE(listed);

  ReadOptions options;
  options.layerName = schema.layer(kEvil);
  options.where = QStringLiteral("名称 = '二'");
  auto data = VectorReader::read(schema.source(), options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_EQ(data.value()->featureCount(), 1u);
  EXPECT_EQ(data.value()->layerName, options.layerName);
  EXPECT_TRUE(tableExists(*c, schema.name(), QStringLiteral("x"))) << "the table x was dropped";
  EXPECT_TRUE(tableExists(*c, schema.name(), kEvil));
}

TEST(IdentifierQuoting, ALayerNameOnlyMatchesItsOwnSpelling) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.sql(QStringLiteral("CREATE TABLE \"Roads\" (id integer PRIMARY KEY, geom geometry(LineString, 4326));"
                            "CREATE TABLE roads (id integer PRIMARY KEY, geom geometry(LineString, 4326));"
                            "INSERT INTO \"Roads\" VALUES (1, ST_GeomFromText('LINESTRING(121 31, 121.1 31.1)', 4326)),"
                            "                            (2, ST_GeomFromText('LINESTRING(121 31, 121.2 31.2)', 4326));"
                            "INSERT INTO roads VALUES (1, ST_GeomFromText('LINESTRING(121 31, 121.1 31.1)', 4326));"));
  ReadOptions options;
  options.layerName = schema.layer(QStringLiteral("Roads"));
  auto upper = VectorReader::read(schema.source(), options);
  ASSERT_TRUE(upper.ok()) << upper.error().message.toStdString();
  EXPECT_EQ(upper.value()->featureCount(), 2u);
  options.layerName = schema.layer(QStringLiteral("ROADS"));  // neither table: not the lower-cased one
  auto none = VectorReader::read(schema.source(), options);
  EXPECT_FALSE(none.ok());
}
