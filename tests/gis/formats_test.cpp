// Every vector format the issue names opens through the same reader.
#include "support/temp_dir.h"
#include "xiuhua/gis/vector_reader.h"

#include <gdal_utils.h>
#include <gtest/gtest.h>

namespace xiuhua::gis {
namespace {

const char* kParks =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"properties\":{\"名称\":\"紫气东来公园\",\"面积\":123000.5},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.24,31.37],[121.25,31.37],[121.25,31.38],[121.24,31.38],[121.24,31.37]]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"名称\":\"远香湖\",\"面积\":80000.0},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.26,31.39],[121.27,31.39],[121.27,31.40],[121.26,31.39]]]}}]}";

// Converts the GeoJSON fixture with GDAL's ogr2ogr library entry point.
QString convert(const test::TempDir& dir, const QString& name, const char* driver,
                const char* creationOption = nullptr) {
  const QString source = dir.write(QStringLiteral("parks.geojson"), kParks);
  const QString target = dir.path(name);
  GDALAllRegister();
  GDALDatasetH in = GDALOpenEx(source.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  const char* argv[] = {"-f", driver, creationOption != nullptr ? "-lco" : nullptr, creationOption, nullptr};
  GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(const_cast<char**>(argv), nullptr);
  GDALDatasetH out = GDALVectorTranslate(target.toUtf8().constData(), nullptr, 1, &in, options, nullptr);
  GDALVectorTranslateOptionsFree(options);
  if (out != nullptr) GDALClose(out);
  GDALClose(in);
  return target;
}

void expectParks(const QString& path) {
  auto data = VectorReader::read(path);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_EQ(data.value()->featureCount(), 2U);
  EXPECT_EQ(data.value()->geometryType, Geometry::Type::Polygon);
  const int name = data.value()->fieldIndex(QStringLiteral("名称"));
  ASSERT_GE(name, 0) << path.toStdString();
  EXPECT_EQ(data.value()->attributes[0][static_cast<std::size_t>(name)].toString(), QStringLiteral("紫气东来公园"));
}

TEST(Formats, Kml) {
  test::TempDir dir;
  expectParks(convert(dir, QStringLiteral("parks.kml"), "KML"));
}

TEST(Formats, Xlsx) {
  test::TempDir dir;
  // XLSX has no geometry column: GDAL drops the shapes and keeps the attributes (for lon/lat
  // columns see xlsx_points_test.cpp).
  const QString path = convert(dir, QStringLiteral("parks.xlsx"), "XLSX");
  auto data = VectorReader::read(path);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_EQ(data.value()->featureCount(), 2U);
  EXPECT_GE(data.value()->fieldIndex(QStringLiteral("名称")), 0);
}

TEST(Formats, FileGdb) {
  test::TempDir dir;
  expectParks(convert(dir, QStringLiteral("parks.gdb"), "OpenFileGDB"));
}

TEST(Formats, GeoPackage) {
  test::TempDir dir;
  expectParks(convert(dir, QStringLiteral("parks.gpkg"), "GPKG"));
}

TEST(Formats, ShapefileWrittenByGdal) {
  test::TempDir dir;
  // GDAL writes Latin-1 shapefiles unless told otherwise; UTF-8 gets a .cpg.
  expectParks(convert(dir, QStringLiteral("parks.shp"), "ESRI Shapefile", "ENCODING=UTF-8"));
}

}  // namespace
}  // namespace xiuhua::gis
