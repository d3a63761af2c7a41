#include "support/dbf_fixture.h"
#include "support/temp_dir.h"
#include "xiuhua/gis/geometry_validity.h"
#include "xiuhua/gis/vector_reader.h"

#include <gtest/gtest.h>

#include <QFile>

#include <cpl_conv.h>

namespace xiuhua::gis {
namespace {

const QString kGpkg = QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg");
const QString kOverheadLines = QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp");

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

TEST(VectorReader, ListsEveryLayerOfAGeoPackage) {
  auto layers = VectorReader::listLayers(kGpkg);
  ASSERT_TRUE(layers.ok()) << layers.error().message.toStdString();
  QStringList names;
  for (const auto& l : layers.value()) names << l.name;
  for (const char* expected : {"district_boundary", "subdistricts", "grids", "parks", "residential_land", "beautiful_blocks"}) {
    EXPECT_TRUE(names.contains(QLatin1String(expected))) << expected;
  }
}

TEST(VectorReader, ReadsANamedLayerWithChineseValuesAndCrs) {
  ReadOptions options;
  options.layerName = QStringLiteral("subdistricts");
  auto data = VectorReader::read(kGpkg, options);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data.value()->featureCount(), 12U);
  EXPECT_EQ(data.value()->crs.definition(), QStringLiteral("EPSG:4549"));
  EXPECT_EQ(data.value()->geometryType, Geometry::Type::Polygon);
  const int name = data.value()->fieldIndex(QStringLiteral("name"));
  ASSERT_GE(name, 0);
  QStringList names;
  for (const auto& row : data.value()->attributes) names << row[static_cast<std::size_t>(name)].toString();
  EXPECT_TRUE(names.contains(QStringLiteral("南翔镇")));
  EXPECT_TRUE(names.contains(QStringLiteral("嘉定工业区")));
  EXPECT_TRUE(findInvalidGeometries(data.value()->geometries).empty());
}

TEST(VectorReader, CsvWithLonLatColumnsBecomesPoints) {
  auto data = VectorReader::read(QStringLiteral(DEMO_DATA_DIR "/bus_stops.csv"));
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_EQ(data.value()->geometryType, Geometry::Type::Point);
  EXPECT_GT(data.value()->featureCount(), 500U);
  EXPECT_TRUE(data.value()->extent.contains(QPointF(121.25, 31.35)));
}

TEST(VectorReader, CsvWithWktColumn) {
  test::TempDir dir;
  const QString csv = dir.write(QStringLiteral("公园 清单.csv"),
                                "wkt,名称\n\"POLYGON((0 0,10 0,10 10,0 10,0 0))\",紫藤园\n\"POINT(5 5)\",站点\n");
  auto data = VectorReader::read(csv);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_EQ(data.value()->featureCount(), 2U);
  EXPECT_EQ(data.value()->geometries[0].type(), Geometry::Type::Polygon);
  EXPECT_EQ(data.value()->attributes[0][static_cast<std::size_t>(data.value()->fieldIndex(QStringLiteral("名称")))].toString(),
            QStringLiteral("紫藤园"));
}

TEST(VectorReader, MissingFileNamesThePath) {
  auto r = VectorReader::read(QStringLiteral("/nonexistent/嘉定/道路.shp"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::FileNotFound);
  EXPECT_TRUE(r.error().message.contains(QStringLiteral("道路.shp")));
}

TEST(VectorReader, EmptyFileIsRefused) {
  test::TempDir dir;
  const QString path = dir.write(QStringLiteral("空.geojson"), QByteArray());
  auto r = VectorReader::read(path);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.contains(path));
  EXPECT_TRUE(r.error().message.contains(QStringLiteral("empty")));
}

TEST(VectorReader, TruncatedGeoPackageIsRefusedWithItsName) {
  test::TempDir dir;
  const QString path = dir.write(QStringLiteral("截断.gpkg"), readAll(kGpkg).left(4096));
  auto r = VectorReader::read(path);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.contains(path));
}

TEST(VectorReader, CorruptGeoJsonIsRefused) {
  test::TempDir dir;
  const QString path = dir.write(QStringLiteral("bad.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [ {\"type\": \"Feat");
  auto r = VectorReader::read(path);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.contains(path));
}

TEST(VectorReader, UnknownFormatSaysSo) {
  test::TempDir dir;
  const QString path = dir.write(QStringLiteral("notes.xyz123"), QByteArray(300, '\x01'));
  auto r = VectorReader::read(path);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.contains(QStringLiteral("unknown format"))) << r.error().message.toStdString();
}

TEST(VectorReader, ShapefileWithoutShxIsExplained) {
  test::TempDir dir;
  const QString shp = dir.copy(kOverheadLines);
  QFile::remove(dir.path(QStringLiteral("overhead_lines.shx")));
  auto r = VectorReader::read(shp);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::MissingSidecar);
  EXPECT_TRUE(r.error().message.contains(QStringLiteral(".shx")));
}

TEST(VectorReader, ShapefileWithoutDbfLoadsGeometryAndWarns) {
  test::TempDir dir;
  const QString shp = dir.copy(kOverheadLines);
  QFile::remove(dir.path(QStringLiteral("overhead_lines.dbf")));
  auto r = VectorReader::read(shp);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_GT(r.value()->featureCount(), 0U);
  EXPECT_TRUE(r.value()->warnings.join(QString()).contains(QStringLiteral(".dbf")));
}

TEST(VectorReader, ChinesePathWithSpacesWorks) {
  test::TempDir dir;
  const QString shp = dir.copy(kOverheadLines, QStringLiteral("架空线 路段 2025"));
  auto r = VectorReader::read(shp);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_TRUE(r.value()->path.contains(QStringLiteral("嘉定 数据")));
}

TEST(VectorReader, EmptyLayerLoadsWithAWarning) {
  test::TempDir dir;
  const QString path = dir.write(QStringLiteral("empty.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
  auto r = VectorReader::read(path);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_EQ(r.value()->featureCount(), 0U);
  EXPECT_FALSE(r.value()->warnings.isEmpty());
}

TEST(VectorReader, UnparseablePrjLeavesNoCrsAndSaysWhy) {
  test::TempDir dir;
  const QString shp = dir.copy(kOverheadLines);
  dir.write(QStringLiteral("overhead_lines.prj"), "THIS IS NOT A PROJECTION");
  auto r = VectorReader::read(shp);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value()->crs.isValid());
  EXPECT_FALSE(r.value()->crsProblem.isEmpty());
}

TEST(VectorReader, ShapefileWithoutPrjHasNoCrsAndNoProblemText) {
  test::TempDir dir;
  const QString shp = dir.copy(kOverheadLines);
  QFile::remove(dir.path(QStringLiteral("overhead_lines.prj")));
  auto r = VectorReader::read(shp);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value()->crs.isValid());
  EXPECT_TRUE(r.value()->crsProblem.isEmpty());  // nothing to parse is not a parse failure
}

TEST(VectorReader, InvalidGeometriesAreCountedAndRepairable) {
  test::TempDir dir;
  const QString path = dir.write(QStringLiteral("bowtie.geojson"),
      "{\"type\":\"FeatureCollection\",\"features\":["
      "{\"type\":\"Feature\",\"properties\":{\"n\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]}},"
      "{\"type\":\"Feature\",\"properties\":{\"n\":2},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}");
  auto r = VectorReader::read(path);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(findInvalidGeometries(r.value()->geometries), std::vector<int>{0});
  const auto problem = findValidityProblem(r.value()->geometries[0]);
  ASSERT_TRUE(problem.has_value());
  EXPECT_TRUE(problem->reason.contains(QStringLiteral("Self-intersection")));
  EXPECT_NEAR(problem->location.x(), 5.0, 1e-9);
  const Geometry fixed = makeValid(r.value()->geometries[0]);
  EXPECT_FALSE(findValidityProblem(fixed).has_value());
  EXPECT_EQ(fixed.type(), Geometry::Type::Polygon);
  EXPECT_EQ(fixed.parts().size(), 2U);  // the bow tie becomes two triangles
}

TEST(VectorReader, MixedGeometryFileKeepsEachFeaturesType) {
  test::TempDir dir;
  const QString path = dir.write(QStringLiteral("mixed.geojson"),
      "{\"type\":\"FeatureCollection\",\"features\":["
      "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.2,31.3]}},"
      "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[121.2,31.3],[121.3,31.4]]}}]}");
  auto r = VectorReader::read(path);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()->geometries[0].type(), Geometry::Type::Point);
  EXPECT_EQ(r.value()->geometries[1].type(), Geometry::Type::Line);
}

}  // namespace
}  // namespace xiuhua::gis

namespace xiuhua::gis {
namespace {

TEST(VectorReaderFilter, SelectsWithOgrSqlAndReadsOnlyTheAskedFields) {
  ReadOptions options;
  options.layerName = QStringLiteral("beautiful_blocks");
  options.where = QStringLiteral("status = '已建成' AND year_built <= 2020");
  options.fields = QStringList{QStringLiteral("name")};
  const auto data = VectorReader::read(QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg"), options).value();
  ASSERT_GT(data->featureCount(), 0U);
  const int name = data->fieldIndex(QStringLiteral("name"));
  const int status = data->fieldIndex(QStringLiteral("status"));
  EXPECT_FALSE(data->attributes.front()[static_cast<std::size_t>(name)].toString().isEmpty());
  EXPECT_FALSE(data->attributes.front()[static_cast<std::size_t>(status)].isValid());  // not read
}

TEST(VectorReaderFilter, AFilterOnAGbkShapefileIsEncodedLikeTheFile) {
  ReadOptions options;
  options.where = QStringLiteral("\"状态\" = '入地' AND \"入地年份\" <= 2023");
  options.fields = QStringList{};  // no attribute wanted: the filter still sees its fields
  const auto data = VectorReader::read(QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp"), options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  ASSERT_GT((*data)->featureCount(), 0U);
  EXPECT_TRUE((*data)->attributes.front().empty());  // no field asked for: no values at all
  options.fields = QStringList{QStringLiteral("状态")};
  const auto withStatus = VectorReader::read(QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp"), options).value();
  EXPECT_EQ(withStatus->featureCount(), (*data)->featureCount());
  const int status = withStatus->fieldIndex(QStringLiteral("状态"));
  for (const AttributeRow& row : withStatus->attributes) EXPECT_EQ(row[static_cast<std::size_t>(status)].toString(), QStringLiteral("入地"));
}

TEST(VectorReaderFilter, BadFiltersAndFieldsAreRefusedNamingTheFile) {
  ReadOptions options;
  options.layerName = QStringLiteral("parks");
  options.where = QStringLiteral("no_such_field = 1");
  const QString path = QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg");
  auto data = VectorReader::read(path, options);
  ASSERT_FALSE(data.ok());
  EXPECT_TRUE(data.error().message.contains(path) && data.error().message.contains(QStringLiteral("no_such_field")));
  options.where = QStringLiteral("name = ");
  EXPECT_FALSE(VectorReader::read(path, options).ok());
  options.where.clear();
  options.fields = QStringList{QStringLiteral("nope")};
  data = VectorReader::read(path, options);
  ASSERT_FALSE(data.ok());
  EXPECT_TRUE(data.error().message.contains(QStringLiteral("nope")));
}

// A small OpenStreetMap extract: two ways (a road and a closed park outline) and a tagged node.
const QByteArray kOsm = R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="xiuhua-test">
  <node id="1" lat="31.230" lon="121.470"/>
  <node id="2" lat="31.231" lon="121.472"/>
  <node id="3" lat="31.233" lon="121.473"><tag k="amenity" v="bench"/></node>
  <node id="4" lat="31.232" lon="121.470"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="name" v="人民大道"/></way>
  <way id="11"><nd ref="1"/><nd ref="2"/><nd ref="4"/><nd ref="1"/><tag k="leisure" v="park"/><tag k="name" v="人民公园"/></way>
</osm>
)";

// With OGR_INTERLEAVED_READING=YES in the environment (a documented GDAL setting for the OSM
// driver), reading layer by layer yielded nothing; Xiuhua then said "no feature matches".
TEST(VectorReader, OsmLayersAreReadWhateverInterleavedReadingSays) {
  test::TempDir dir;
  const QString osm = dir.write(QStringLiteral("extract.osm"), kOsm);
  for (const char* interleaved : {"NO", "YES"}) {
    CPLSetConfigOption("OGR_INTERLEAVED_READING", interleaved);
    ReadOptions options;
    options.layerName = QStringLiteral("lines");
    auto lines = VectorReader::read(osm, options);
    options.layerName = QStringLiteral("multipolygons");
    auto parks = VectorReader::read(osm, options);
    CPLSetConfigOption("OGR_INTERLEAVED_READING", nullptr);
    ASSERT_TRUE(lines.ok()) << interleaved << ": " << lines.error().message.toStdString();
    ASSERT_TRUE(parks.ok()) << interleaved << ": " << parks.error().message.toStdString();
    EXPECT_EQ(lines.value()->featureCount(), 1U) << interleaved;
    EXPECT_EQ(parks.value()->featureCount(), 1U) << interleaved;
    const int name = lines.value()->fieldIndex(QStringLiteral("name"));
    ASSERT_GE(name, 0);
    EXPECT_EQ(lines.value()->attributes[0][static_cast<std::size_t>(name)].toString(), QStringLiteral("人民大道"));
  }
}

// A zipped shapefile (as departments send them) opens like its folder would.
TEST(VectorReader, AZippedShapefileOpens) {
  test::TempDir dir;
  dir.copy(kOverheadLines);
  const QString zip = test::zipShapefile(dir, QStringLiteral("overhead_lines"), QStringLiteral("架空线.zip"));
  auto layers = VectorReader::listLayers(zip);
  ASSERT_TRUE(layers.ok()) << layers.error().message.toStdString();
  auto data = VectorReader::read(zip);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  auto direct = VectorReader::read(kOverheadLines);
  EXPECT_EQ(data.value()->featureCount(), direct.value()->featureCount());
  EXPECT_GE(data.value()->fieldIndex(QStringLiteral("状态")), 0);
}

}  // namespace
}  // namespace xiuhua::gis
