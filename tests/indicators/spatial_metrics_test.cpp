// The official metrics on small files with answers worked out by hand: tiers at their boundary
// values, polygon buffers, sub-units that add up, lengths, counts, shares and densities, and the
// messages for bad input.
#include "support/geojson_fixture.h"
#include "support/temp_dir.h"
#include "xiuhua/indicators/metrics/feature_metrics.h"
#include "xiuhua/indicators/metrics/line_metrics.h"
#include "xiuhua/indicators/metrics/service_coverage.h"

#include <gtest/gtest.h>

#include <QStringList>

#include <cmath>

namespace xiuhua::indicators {
namespace {

using test::box;
using test::Feature;
using test::kX;
using test::kY;
using test::segment;
using test::writeLayer;

// Area of a w×h rectangle buffered by r with 8 segments per quarter circle: the rectangle, four
// side strips and the four corner pieces of the inscribed regular 32-gon.
double bufferedRectArea(double w, double h, double r) { return w * h + 2 * r * (w + h) + 16 * r * r * std::sin(M_PI / 16); }

TEST(RadiusTiers, ParseAndApplyAtTheBoundaryValues) {
  const auto tiers = parseRadiusTiers(QStringLiteral("5000:500, 2000:300")).value();
  ASSERT_EQ(tiers.size(), 2U);
  EXPECT_EQ(tiers[0].minArea, 2000);  // sorted by area
  EXPECT_EQ(radiusForArea(tiers, 1999.999), 0.0);
  EXPECT_EQ(radiusForArea(tiers, 2000), 300.0);
  EXPECT_EQ(radiusForArea(tiers, 4999.999), 300.0);
  EXPECT_EQ(radiusForArea(tiers, 5000), 500.0);
  EXPECT_EQ(radiusForArea(tiers, 1e7), 500.0);
  for (const char* bad : {"", "2000", "2000:", "a:300", "2000:-1", "2000:0", "-5:300"}) {
    EXPECT_FALSE(parseRadiusTiers(QString::fromUtf8(bad)).ok()) << bad;
  }
}

TEST(ServiceCoverage, TiersByFacilityAreaAndPolygonBuffers) {
  test::TempDir dir;
  // Exactly 2000 m² (→ 300 m), exactly 5000 m² (→ 500 m), and 1999 m² (not counted), far apart.
  const QString parks = writeLayer(dir, QStringLiteral("公园"),
                                   {box(0, 0, 40, 50), box(3000, 0, 3050, 100), box(6000, 0, 6019.99, 100)});
  const QString land = writeLayer(dir, QStringLiteral("居住用地"), {box(-2000, -2000, 9000, 2000)});
  CoverageParams p;
  p.facilities = gis::SourceRef::parse(parks);
  p.tiers = parseRadiusTiers(QStringLiteral("2000:300,5000:500")).value();
  p.target = gis::SourceRef::parse(land);
  const MetricResult r = computeCoverage(p).value();
  EXPECT_EQ(r.counts.value(QStringLiteral("facilities_used")).toInt(), 2);
  EXPECT_EQ(r.counts.value(QStringLiteral("facilities_selected")).toInt(), 3);
  const double covered = bufferedRectArea(40, 50, 300) + bufferedRectArea(50, 100, 500);
  EXPECT_NEAR(r.numerator, covered, 1e-4);
  EXPECT_NEAR(r.denominator, 11000.0 * 4000.0, 1e-3);
  EXPECT_NEAR(*r.value, covered / (11000.0 * 4000.0), 1e-12);
  EXPECT_EQ(r.crs, QStringLiteral("EPSG:4549"));
  EXPECT_EQ(r.inputs.size(), 2U);
  EXPECT_EQ(r.parameters.value(QStringLiteral("quad_segments")).toInt(), 8);
}

TEST(ServiceCoverage, SubUnitsAddUpAndFiltersSelect) {
  test::TempDir dir;
  const QString parks = writeLayer(dir, QStringLiteral("parks"),
                                   {box(-260, -1000, -250, 2000, QStringLiteral("{\"kind\":\"公园\"}")),
                                    box(5000, 5000, 5010, 5010, QStringLiteral("{\"kind\":\"苗圃\"}"))});
  // Residential and other land; the buffer edge of the first park runs along x = 50.
  const QString land = writeLayer(dir, QStringLiteral("land"),
                                  {box(0, 0, 100, 100, QStringLiteral("{\"code\":\"R2\"}")),
                                   box(0, 200, 100, 300, QStringLiteral("{\"code\":\"B1\"}"))});
  const QString towns = writeLayer(dir, QStringLiteral("towns"),
                                   {box(-1000, -1000, 20, 1000, QStringLiteral("{\"name\":\"甲镇\"}")),
                                    box(20, -1000, 1000, 1000, QStringLiteral("{\"name\":\"乙镇\"}"))});
  CoverageParams p;
  p.facilities = gis::SourceRef::parse(parks);
  p.facilityWhere = QStringLiteral("kind = '公园'");
  p.radius = 300;
  p.target = gis::SourceRef::parse(land);
  p.targetWhere = QStringLiteral("code LIKE 'R%'");
  p.per = ZoneRequest{gis::SourceRef::parse(towns), QStringLiteral("name"), QString()};
  const MetricResult r = computeCoverage(p).value();
  EXPECT_NEAR(*r.value, 0.5, 1e-9);
  ASSERT_EQ(r.zones.size(), 2U);
  EXPECT_EQ(r.zones[0].name, QStringLiteral("甲镇"));
  EXPECT_NEAR(*r.zones[0].value, 1.0, 1e-9);       // x 0–20 all covered
  EXPECT_NEAR(*r.zones[1].value, 30.0 / 80.0, 1e-9);  // x 20–50 of 20–100
  EXPECT_NEAR(r.zones[0].denominator + r.zones[1].denominator, r.denominator, 1e-6);
  EXPECT_NEAR(r.zones[0].numerator + r.zones[1].numerator, r.numerator, 1e-6);
  EXPECT_FALSE(r.outside.has_value());
  EXPECT_EQ(r.counts.value(QStringLiteral("facilities_used")).toInt(), 1);
}

// A target set for an area (嘉定新城): only the target land inside `within` counts.
TEST(ServiceCoverage, WithinAnAreaOnlyTheLandInsideItCounts) {
  test::TempDir dir;
  const QString stops = writeLayer(dir, QStringLiteral("站点"), {test::point(50, 50)});
  const QString land = writeLayer(dir, QStringLiteral("用地"), {box(0, 0, 100, 100), box(200, 0, 300, 100)});
  CoverageParams p;
  p.facilities = gis::SourceRef::parse(stops);
  p.radius = 10;
  p.target = gis::SourceRef::parse(land);
  const double disk = 0.5 * 32 * 100 * std::sin(2 * M_PI / 32);  // the 32-gon of radius 10
  auto all = computeCoverage(p);
  ASSERT_TRUE(all.ok()) << all.error().message.toStdString();
  EXPECT_NEAR(*all->value, disk / 20000, 1e-12);
  p.within = gis::SourceRef::parse(writeLayer(dir, QStringLiteral("新城"), {box(-10, -10, 100, 150), box(100, -10, 150, 150)}));
  auto inside = computeCoverage(p);
  ASSERT_TRUE(inside.ok()) << inside.error().message.toStdString();
  EXPECT_NEAR(*inside->value, disk / 10000, 1e-12);
  EXPECT_NEAR(inside->denominator, 10000, 1e-6);
}

TEST(ServiceCoverage, BadInputIsRefusedNamingTheFileAndProblem) {
  test::TempDir dir;
  const QString parks = writeLayer(dir, QStringLiteral("parks"), {box(0, 0, 10, 10, QStringLiteral("{\"kind\":\"公园\"}"))});
  const QString roads = writeLayer(dir, QStringLiteral("roads"), {segment(0, 0, 100, 0)});
  const QString land = writeLayer(dir, QStringLiteral("land"), {box(0, 0, 100, 100)});
  CoverageParams p;
  p.facilities = gis::SourceRef::parse(parks);
  p.radius = 300;
  p.target = gis::SourceRef::parse(roads);
  auto r = computeCoverage(p);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.contains(roads) && r.error().message.contains(QStringLiteral("polygons")))
      << r.error().message.toStdString();
  p.target = gis::SourceRef::parse(land);
  // No facility matches: nothing is covered — a value (0), with a note that says why.
  p.facilityWhere = QStringLiteral("kind = '广场'");
  r = computeCoverage(p);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_EQ(r->value, 0.0);
  EXPECT_TRUE(r->notes.join(QString()).contains(QStringLiteral("广场"))) << r->notes.join(QString()).toStdString();
  p.facilityWhere = QStringLiteral("no_such_field = 1");
  r = computeCoverage(p);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.contains(parks)) << r.error().message.toStdString();
  p.facilityWhere.clear();
  p.tiers = parseRadiusTiers(QStringLiteral("5000:500")).value();  // the only park is 100 m²: too small to count
  p.radius.reset();
  r = computeCoverage(p);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_EQ(r->value, 0.0);
  EXPECT_TRUE(r->notes.join(QString()).contains(QStringLiteral("tier"))) << r->notes.join(QString()).toStdString();
  // A CSV of WKT without a .prj has no CRS.
  const QString noCrs = dir.write(QStringLiteral("无坐标.csv"), "WKT,name\n\"POLYGON((0 0,10 0,10 10,0 10,0 0))\",a\n");
  p.tiers.clear();
  p.radius = 300;
  p.target = gis::SourceRef::parse(noCrs);
  r = computeCoverage(p);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.contains(noCrs) && r.error().message.contains(QStringLiteral(".prj"))) << r.error().message.toStdString();
}

TEST(ServiceCoverage, WeightedByAPopulationFieldOrRaster) {
  test::TempDir dir;
  // The park's 300 m buffer ends at x = 50: half of block A is covered, block B not at all.
  const QString parks = writeLayer(dir, QStringLiteral("parks"), {box(-260, -1000, -250, 2000)});
  const QString land = writeLayer(dir, QStringLiteral("land"),
                                  {box(0, 0, 100, 100, QStringLiteral("{\"pop\":100}")),
                                   box(200, 0, 300, 100, QStringLiteral("{\"pop\":300}"))});
  CoverageParams p;
  p.facilities = gis::SourceRef::parse(parks);
  p.radius = 300;
  p.target = gis::SourceRef::parse(land);
  p.weightField = QStringLiteral("pop");
  MetricResult r = computeCoverage(p).value();
  EXPECT_EQ(r.metric, QStringLiteral("population_coverage"));
  EXPECT_NEAR(*r.value, 50.0 / 400.0, 1e-12);
  EXPECT_NEAR(r.counts.value(QStringLiteral("area_ratio")).toDouble(), 0.25, 1e-12);
  EXPECT_EQ(r.parameters.value(QStringLiteral("weight_field")).toString(), QStringLiteral("pop"));  // kept with the result
  p.weightField = QStringLiteral("no_such_field");
  EXPECT_FALSE(computeCoverage(p).ok());
  // A 3 × 1 grid of 100 m cells over the two blocks: 10 people over block A, 0 between, 30 over B.
  const QByteArray esri =
      "PROJCS[\"CGCS2000_3_Degree_GK_CM_120E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
      "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
      "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
      "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",120.0],PARAMETER[\"Scale_Factor\",1.0],"
      "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
  dir.write(QStringLiteral("人口.prj"), esri);
  const QString grid = dir.write(QStringLiteral("人口.asc"), "ncols 3\nnrows 1\nxllcorner 600000\nyllcorner 3460000\n"
                                                           "cellsize 100\nNODATA_value -9999\n10 0 30\n");
  p.weightField.clear();
  p.weightRaster = grid;
  const QString towns = writeLayer(dir, QStringLiteral("towns"), {box(-1000, -1000, 20, 1000, QStringLiteral("{\"name\":\"甲\"}")),
                                                                 box(20, -1000, 1000, 1000, QStringLiteral("{\"name\":\"乙\"}"))});
  p.per = ZoneRequest{gis::SourceRef::parse(towns), QStringLiteral("name"), QString()};
  r = computeCoverage(p).value();
  EXPECT_NEAR(*r.value, 5.0 / 40.0, 1e-12);  // half of cell 1's people covered, none of cell 3's
  EXPECT_EQ(r.parameters.value(QStringLiteral("weight_raster")).toString(), grid);
  EXPECT_NEAR(r.denominator, 40.0, 1e-9);
  ASSERT_EQ(r.zones.size(), 2U);
  EXPECT_NEAR(*r.zones[0].value, 1.0, 1e-12);  // x 0–20: 2 people, all covered
  EXPECT_NEAR(r.zones[1].denominator, 38.0, 1e-9);
  EXPECT_NEAR(r.zones[1].numerator, 3.0, 1e-9);  // x 20–50 of cell 1
  p.weightRaster = dir.path(QStringLiteral("没有.tif"));
  const auto missing = computeCoverage(p);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.error().message.contains(QStringLiteral("没有.tif")));
}

TEST(LineMetrics, LengthPerSubUnitAndDuplicates) {
  test::TempDir dir;
  const QString lines = writeLayer(dir, QStringLiteral("架空线"),
                                   {segment(0, 0, 200, 0, QStringLiteral("{\"状态\":\"入地\",\"年份\":2022}")),
                                    segment(200, 0, 0, 0, QStringLiteral("{\"状态\":\"入地\",\"年份\":2022}")),  // the same section again
                                    segment(0, 50, 100, 50, QStringLiteral("{\"状态\":\"架空\",\"年份\":0}"))});
  const QString towns = writeLayer(dir, QStringLiteral("towns"), {box(-10, -10, 50, 100, QStringLiteral("{\"name\":\"甲\"}")),
                                                                 box(50, -10, 300, 100, QStringLiteral("{\"name\":\"乙\"}"))});
  LengthParams p;
  p.lines = gis::SourceRef::parse(lines);
  p.where = QStringLiteral("\"状态\" = '入地' AND \"年份\" <= 2023");
  p.per = ZoneRequest{gis::SourceRef::parse(towns), QStringLiteral("name"), QString()};
  MetricResult r = computeLength(p).value();
  EXPECT_NEAR(*r.value, 400.0, 1e-9);
  EXPECT_EQ(r.counts.value(QStringLiteral("duplicates")).toInt(), 1);
  EXPECT_NEAR(*r.zones[0].value, 100.0, 1e-9);
  EXPECT_NEAR(*r.zones[1].value, 300.0, 1e-9);
  p.deduplicate = true;
  r = computeLength(p).value();
  EXPECT_NEAR(*r.value, 200.0, 1e-9);
  EXPECT_NEAR(*r.zones[0].value + *r.zones[1].value, 200.0, 1e-9);
}

TEST(LineMetrics, DensityIsKilometresPerSquareKilometre) {
  test::TempDir dir;
  const QString roads = writeLayer(dir, QStringLiteral("roads"), {segment(-500, 500, 1500, 500), segment(500, 0, 500, 1000)});
  const QString district = writeLayer(dir, QStringLiteral("district"), {box(0, 0, 1000, 1000)});
  DensityParams p;
  p.lines = gis::SourceRef::parse(roads);
  p.area = gis::SourceRef::parse(district);
  const MetricResult r = computeDensity(p).value();
  EXPECT_NEAR(*r.value, 2.0, 1e-12);  // 2 km of road inside 1 km²
  EXPECT_NEAR(r.numerator, 2.0, 1e-12);
  EXPECT_NEAR(r.denominator, 1.0, 1e-12);
}

TEST(FeatureMetrics, CountBySubUnitAndAreaShare) {
  test::TempDir dir;
  const QString blocks = writeLayer(dir, QStringLiteral("美丽街区"),
                                    {box(0, 0, 100, 100, QStringLiteral("{\"status\":\"建成\"}")),
                                     box(40, 0, 140, 100, QStringLiteral("{\"status\":\"建成\"}")),  // straddles: point on surface decides
                                     box(300, 300, 400, 400, QStringLiteral("{\"status\":\"在建\"}"))});
  const QString towns = writeLayer(dir, QStringLiteral("towns"), {box(0, 0, 120, 1000, QStringLiteral("{\"name\":\"甲\"}")),
                                                                 box(120, 0, 1000, 1000, QStringLiteral("{\"name\":\"乙\"}"))});
  CountParams c;
  c.features = gis::SourceRef::parse(blocks);
  c.where = QStringLiteral("status = '建成'");
  c.per = ZoneRequest{gis::SourceRef::parse(towns), QStringLiteral("name"), QString()};
  const MetricResult count = computeCount(c).value();
  EXPECT_EQ(*count.value, 2.0);
  EXPECT_EQ(*count.zones[0].value + *count.zones[1].value, 2.0);
  ShareParams s;
  s.features = gis::SourceRef::parse(blocks);
  s.where = QStringLiteral("status = '建成'");
  s.area = gis::SourceRef::parse(towns);
  s.per = c.per;
  const MetricResult share = computeShare(s).value();
  EXPECT_NEAR(share.numerator, 14000.0, 1e-6);  // the union of the two overlapping blocks
  EXPECT_NEAR(*share.value, 14000.0 / 1e6, 1e-12);
  EXPECT_NEAR(share.zones[0].numerator, 12000.0, 1e-6);
  EXPECT_NEAR(share.zones[1].numerator, 2000.0, 1e-6);
}

}  // namespace
}  // namespace xiuhua::indicators
