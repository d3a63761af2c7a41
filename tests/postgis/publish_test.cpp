// A layer published to PostGIS: a new table with key, spatial index and SRID, the Chinese field
// names as they are and the text of a GBK shapefile correct in UTF-8, read back equal; a table of
// that name already there is refused and left as it was.
#include "support/pg_test_server.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/gis/vector_writer.h"

#include <gtest/gtest.h>

using namespace xiuhua::gis;
using xiuhua::test::PgTestSchema;
using xiuhua::test::PgTestServer;

namespace {

LayerToWrite toWrite(const VectorData& d) {
  LayerToWrite layer;
  layer.crs = d.crs;
  layer.type = d.geometryType;
  layer.fields = d.fields;
  layer.geometries = d.geometries;
  layer.attributes = d.attributes;
  return layer;
}

}  // namespace

TEST(Publish, AGbkShapefileIsPublishedAndReadBackEqual) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  auto source = VectorReader::read(QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp"));
  ASSERT_TRUE(source.ok()) << source.error().message.toStdString();
  const VectorData& d = *source.value();
  ASSERT_TRUE(d.encoding.name == QStringLiteral("GB18030") || d.encoding.name == QStringLiteral("GBK")) << d.encoding.name.toStdString();
  ASSERT_TRUE(VectorWriter::publishToPostgis(PgTestServer::connectionString(), schema.name(), QStringLiteral("架空线"), toWrite(d)).ok());

  ReadOptions options;
  options.layerName = schema.layer(QStringLiteral("架空线"));
  auto back = VectorReader::read(schema.source(), options);
  ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
  const VectorData& b = *back.value();
  ASSERT_EQ(b.featureCount(), d.featureCount());
  EXPECT_EQ(b.crs.definition(), QStringLiteral("EPSG:4549"));
  ASSERT_EQ(b.fields.size(), d.fields.size());
  for (std::size_t f = 0; f < d.fields.size(); ++f) EXPECT_EQ(b.fields[f].name, d.fields[f].name);
  EXPECT_GE(b.fieldIndex(QStringLiteral("状态")), 0);
  // Row by row in the order written (the key counts from 1 in that order).
  for (std::size_t i = 0; i < d.featureCount(); ++i) {
    for (std::size_t f = 0; f < d.fields.size(); ++f) {
      const QVariant& x = d.attributes[i][f];
      const QVariant& y = b.attributes[i][f];
      if (d.fields[f].type == Field::Type::Real) {
        EXPECT_DOUBLE_EQ(x.toDouble(), y.toDouble());
      } else {
        EXPECT_EQ(x.toString(), y.toString()) << "row " << i << " field " << d.fields[f].name.toStdString();
      }
    }
    EXPECT_EQ(b.geometries[i].boundingBox(), d.geometries[i].boundingBox()) << "row " << i;
  }
  // The key and the spatial index.
  auto c = PgTestServer::user();
  auto index = c->query(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND tablename = '架空线' AND indexdef LIKE '%USING gist%'"),
                        {schema.name()});
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->text(0, 0), QStringLiteral("1"));
  EXPECT_TRUE(b.readOnlyReason.isEmpty()) << b.readOnlyReason.toStdString();  // a key: editable
  auto srid = c->query(QStringLiteral("SELECT srid FROM geometry_columns WHERE f_table_schema = $1 AND f_table_name = '架空线'"), {schema.name()});
  ASSERT_TRUE(srid.ok());
  EXPECT_EQ(srid->text(0, 0), QStringLiteral("4549"));
}

TEST(Publish, ATableThatExistsIsRefusedAndLeftAsItWas) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.sql(QStringLiteral("CREATE TABLE roads (id integer PRIMARY KEY, name text); INSERT INTO roads VALUES (1, 'kept');"));
  LayerToWrite layer;
  layer.crs = Crs::fromEpsg(4549);
  layer.type = Geometry::Type::Point;
  layer.fields = {{QStringLiteral("name"), Field::Type::String}};
  layer.geometries = {Geometry::point({500000, 3470000})};
  layer.attributes = {{QStringLiteral("new")}};
  const Status s = VectorWriter::publishToPostgis(PgTestServer::connectionString(), schema.name(), QStringLiteral("roads"), layer);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.error().message.contains(QLatin1String("exists already"))) << s.error().message.toStdString();
  auto c = PgTestServer::user();
  auto r = c->query(QStringLiteral("SELECT name FROM %1.roads").arg(schema.name()));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->text(0, 0), QStringLiteral("kept"));
}
