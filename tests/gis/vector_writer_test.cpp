// Writing result layers to a GeoPackage and reading them back.
#include "support/temp_dir.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/gis/vector_writer.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace xiuhua::gis {
namespace {

TEST(VectorWriter, WritesLayersThatReadBackTheSame) {
  test::TempDir dir;
  LayerToWrite layer;
  layer.name = QStringLiteral("覆盖");
  layer.crs = Crs::fromEpsg(4549);
  layer.fields = {{QStringLiteral("名称"), Field::Type::String}, {QStringLiteral("ratio"), Field::Type::Real},
                  {QStringLiteral("n"), Field::Type::Integer}};
  layer.geometries = {Geometry(Geometry::Type::Polygon,
                               {Geometry::Part{Geometry::Ring{{600000, 3460000}, {600100, 3460000}, {600100, 3460100}, {600000, 3460000}}}})};
  layer.attributes = {{QStringLiteral("南翔镇"), 0.873, QVariant::fromValue<qlonglong>(7)}};
  const QString path = dir.path(QStringLiteral("结果 图层.gpkg"));
  ASSERT_TRUE(VectorWriter::writeGeoPackage(path, {layer}).ok());
  ReadOptions options;
  options.layerName = QStringLiteral("覆盖");
  const auto data = VectorReader::read(path, options).value();
  ASSERT_EQ(data->featureCount(), 1U);
  EXPECT_EQ(data->crs.definition(), QStringLiteral("EPSG:4549"));
  EXPECT_EQ(data->attributes[0][0].toString(), QStringLiteral("南翔镇"));
  EXPECT_DOUBLE_EQ(data->attributes[0][1].toDouble(), 0.873);
  EXPECT_EQ(data->attributes[0][2].toLongLong(), 7);
  EXPECT_EQ(data->geometries[0].type(), Geometry::Type::Polygon);
  // A file that cannot be written is refused by name, and nothing is left behind.
  const QString bad = dir.path(QStringLiteral("没有的目录/out.gpkg"));
  const Status s = VectorWriter::writeGeoPackage(bad, {layer});
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.error().message.contains(bad));
}

LayerToWrite parcel() {
  LayerToWrite layer;
  layer.name = QStringLiteral("覆盖");
  layer.crs = Crs::fromEpsg(4549);
  layer.fields = {{QStringLiteral("名称"), Field::Type::String}, {QStringLiteral("indicator_value"), Field::Type::Real}};
  layer.geometries = {Geometry(Geometry::Type::Polygon,
                               {Geometry::Part{Geometry::Ring{{600000, 3460000}, {600100, 3460000}, {600100, 3460100}, {600000, 3460000}}}})};
  layer.attributes = {{QStringLiteral("南翔镇"), 87.3}};
  return layer;
}

TEST(VectorWriter, ExportsAShapefileInUtf8WithACpgAndReplacesAnOlderOne) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("街镇 覆盖.shp"));
  // An older shapefile of that name, with a .prj and a spatial index the new one must not inherit.
  dir.write(QStringLiteral("街镇 覆盖.qix"), "stale");
  ASSERT_TRUE(VectorWriter::writeFile(path, parcel()).ok());
  QFile cpg(dir.path(QStringLiteral("街镇 覆盖.cpg")));
  ASSERT_TRUE(cpg.open(QIODevice::ReadOnly));
  EXPECT_TRUE(cpg.readAll().trimmed().toUpper().startsWith("UTF-8"));
  EXPECT_FALSE(QFileInfo::exists(dir.path(QStringLiteral("街镇 覆盖.qix"))));
  const auto data = VectorReader::read(path).value();
  ASSERT_EQ(data->featureCount(), 1U);
  EXPECT_EQ(data->crs.definition(), QStringLiteral("EPSG:4549"));
  EXPECT_EQ(data->attributes[0][0].toString(), QStringLiteral("南翔镇"));  // read back as UTF-8
  EXPECT_EQ(data->fields[1].name, QStringLiteral("indicator_"));  // the format's 10 characters
  EXPECT_DOUBLE_EQ(data->attributes[0][1].toDouble(), 87.3);
  // No temporary folder is left beside it.
  EXPECT_EQ(QDir(dir.path(QString())).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden).size(), 0);
}

TEST(VectorWriter, ExportsRfc7946GeoJsonInLongitudeLatitude) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("覆盖.geojson"));
  ASSERT_TRUE(VectorWriter::writeFile(path, parcel()).ok());
  const auto data = VectorReader::read(path).value();
  ASSERT_EQ(data->featureCount(), 1U);
  EXPECT_EQ(data->crs.definition(), QStringLiteral("EPSG:4326"));
  const QPointF first = data->geometries[0].parts().front().front().front();
  EXPECT_NEAR(first.x(), 121.0499, 0.001);  // 100 km east of the 120°E central meridian (PROJ cs2cs)
  EXPECT_NEAR(first.y(), 31.2575, 0.001);
  EXPECT_EQ(data->attributes[0][0].toString(), QStringLiteral("南翔镇"));
}

TEST(VectorWriter, RefusesAnUnknownExportFormatByName) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("覆盖.xyz"));
  const Status s = VectorWriter::writeFile(path, parcel());
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.error().message.contains(path));
  EXPECT_FALSE(QFileInfo::exists(path));
}

}  // namespace
}  // namespace xiuhua::gis
