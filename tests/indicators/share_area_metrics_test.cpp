// The four metrics of the plans' shares and per-capita figures, on small files with answers worked
// out by hand: count share (with `within`), length share (length-weighted, deduplicated), per-capita
// area (union of overlapping parks, per sub-unit population), area-weighted mean (clipped, split by
// sub-unit), and the messages for bad input; the population basis a binding must agree on.
#include "support/geojson_fixture.h"
#include "support/temp_dir.h"
#include "xiuhua/indicators/metrics/area_metrics.h"
#include "xiuhua/indicators/metrics/indicator_computation.h"
#include "xiuhua/indicators/metrics/share_metrics.h"

#include <gtest/gtest.h>

namespace xiuhua::indicators {
namespace {

using test::box;
using test::point;
using test::segment;
using test::writeLayer;

// Two sub-units side by side: A = [0,100]×[0,100], B = [100,200]×[0,100].
QString writeTowns(const test::TempDir& dir, const QString& extra = QString()) {
  return writeLayer(dir, QStringLiteral("街镇"),
                    {box(0, 0, 100, 100, QStringLiteral("{\"name\":\"甲街道\",\"pop\":100%1}").arg(extra)),
                     box(100, 0, 200, 100, QStringLiteral("{\"name\":\"乙镇\",\"pop\":25%1}").arg(extra))});
}

std::optional<ZoneRequest> perTown(const QString& towns) {
  return ZoneRequest{gis::SourceRef::parse(towns), QStringLiteral("name"), QString()};
}

TEST(CountShare, TheShareOfSectionsMeetingTheConditionWholeAndPerSubUnit) {
  test::TempDir dir;
  // 甲: classes 1, 2, 4 (2 of 3 better than III); 乙: 3 and 5 (none); one outside both: class 1.
  const QString sections = writeLayer(
      dir, QStringLiteral("断面"),
      {point(10, 10, QStringLiteral("{\"cls\":1}")), point(20, 20, QStringLiteral("{\"cls\":2}")), point(30, 30, QStringLiteral("{\"cls\":4}")),
       point(120, 50, QStringLiteral("{\"cls\":3}")), point(180, 50, QStringLiteral("{\"cls\":5}")), point(300, 50, QStringLiteral("{\"cls\":1}"))});
  const QString towns = writeTowns(dir);
  CountShareParams p{gis::SourceRef::parse(sections), QString(), QStringLiteral("cls < 3"), {}, QString(), perTown(towns)};
  auto r = computeCountShare(p);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_EQ(r->metric, QStringLiteral("count_share"));
  EXPECT_DOUBLE_EQ(*r->value, 0.5);  // 3 of 6
  EXPECT_DOUBLE_EQ(r->numerator, 3);
  EXPECT_DOUBLE_EQ(r->denominator, 6);
  ASSERT_EQ(r->zones.size(), 2U);
  EXPECT_DOUBLE_EQ(*r->zones[0].value, 2.0 / 3);
  EXPECT_DOUBLE_EQ(*r->zones[1].value, 0.0);
  ASSERT_TRUE(r->outside.has_value());
  EXPECT_DOUBLE_EQ(*r->outside->value, 1.0);

  // Only those inside 规划点位 [0,150]×[0,100]: 甲's three and 乙's (120, 50): 2 of 4.
  const QString sites = writeLayer(dir, QStringLiteral("规划点位"), {box(0, 0, 150, 100)});
  p.within = gis::SourceRef::parse(sites);
  r = computeCountShare(p);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_DOUBLE_EQ(*r->value, 0.5);
  EXPECT_DOUBLE_EQ(r->denominator, 4);
  EXPECT_DOUBLE_EQ(r->zones[1].denominator, 1);
}

TEST(CountShare, NoConditionOrNothingToShareIsRefusedNamingTheFile) {
  test::TempDir dir;
  const QString sections = writeLayer(dir, QStringLiteral("断面"), {point(10, 10, QStringLiteral("{\"cls\":1}"))});
  CountShareParams p{gis::SourceRef::parse(sections), QString(), QString(), {}, QString(), std::nullopt};
  EXPECT_FALSE(computeCountShare(p).ok());
  p.condition = QStringLiteral("cls < 3");
  p.where = QStringLiteral("cls > 5");
  auto r = computeCountShare(p);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.contains(sections)) << r.error().message.toStdString();
}

TEST(LengthShare, LengthWeightedClippedToSubUnitsAndDeduplicated) {
  test::TempDir dir;
  // 100 m 优 in 甲, 100 m 差 in 乙, and a 良 section of 100 m, half in each.
  std::vector<test::Feature> roads = {segment(0, 50, 100, 50, QStringLiteral("{\"rating\":\"优\"}")),
                                      segment(100, 20, 200, 20, QStringLiteral("{\"rating\":\"差\"}")),
                                      segment(50, 80, 150, 80, QStringLiteral("{\"rating\":\"良\"}"))};
  const QString towns = writeTowns(dir);
  LengthShareParams p{gis::SourceRef::parse(writeLayer(dir, QStringLiteral("路段"), roads)), QString(),
                      QStringLiteral("rating IN ('优','良')"), {}, QString(), perTown(towns), false};
  auto r = computeLengthShare(p);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_NEAR(*r->value, 2.0 / 3, 1e-12);  // 200 of 300 m
  EXPECT_NEAR(r->denominator, 300, 1e-9);
  EXPECT_NEAR(*r->zones[0].value, 1.0, 1e-12);
  EXPECT_NEAR(*r->zones[1].value, 1.0 / 3, 1e-12);
  // The 优 section exported twice: 300 of 400 m counted as given, 200 of 300 once deduplicated.
  roads.push_back(roads.front());
  p.lines = gis::SourceRef::parse(writeLayer(dir, QStringLiteral("路段2"), roads));
  EXPECT_NEAR(*computeLengthShare(p)->value, 0.75, 1e-12);
  p.deduplicate = true;
  EXPECT_NEAR(*computeLengthShare(p)->value, 2.0 / 3, 1e-12);
}

TEST(PerCapitaArea, TheUnionOfParksInsideEachUnitOverItsPopulation) {
  test::TempDir dir;
  const QString towns = writeTowns(dir);
  // 甲: 2000 m² (a second park overlaps the first and adds nothing); 乙: 1000 m² inside, 1000 outside.
  const QString parks = writeLayer(dir, QStringLiteral("公园"),
                                   {box(0, 0, 50, 40), box(0, 0, 25, 40), box(150, 0, 250, 20)});
  PerCapitaParams p{gis::SourceRef::parse(parks), QString(), gis::SourceRef::parse(towns), QString(), QStringLiteral("pop"), perTown(towns)};
  auto r = computePerCapitaArea(p);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_NEAR(*r->value, 3000.0 / 125, 1e-9);
  EXPECT_NEAR(r->numerator, 3000, 1e-6);
  EXPECT_DOUBLE_EQ(r->denominator, 125);
  EXPECT_NEAR(*r->zones[0].value, 20, 1e-9);
  EXPECT_NEAR(*r->zones[1].value, 40, 1e-9);
}

TEST(PerCapitaArea, AUnitWithoutPopulationIsRefusedNamingIt) {
  test::TempDir dir;
  const QString towns = writeLayer(dir, QStringLiteral("街镇"),
                                   {box(0, 0, 100, 100, QStringLiteral("{\"name\":\"甲街道\",\"pop\":100}")),
                                    box(100, 0, 200, 100, QStringLiteral("{\"name\":\"乙镇\",\"pop\":null}"))});
  const QString parks = writeLayer(dir, QStringLiteral("公园"), {box(0, 0, 50, 40)});
  PerCapitaParams p{gis::SourceRef::parse(parks), QString(), gis::SourceRef::parse(towns), QString(), QStringLiteral("pop"), perTown(towns)};
  auto r = computePerCapitaArea(p);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.contains(QStringLiteral("乙镇"))) << r.error().message.toStdString();
  EXPECT_TRUE(r.error().message.contains(QStringLiteral("pop")));
}

TEST(AreaWeightedMean, ValuesWeightedByTheirAreaInsideTheRegionAndEachSubUnit) {
  test::TempDir dir;
  const QString towns = writeTowns(dir);
  // 60 % over 甲, 40 % over 乙, 50 % over the middle (half in each); one catchment without a value.
  const QString catchments = writeLayer(dir, QStringLiteral("排水分区"),
                                        {box(0, 0, 100, 100, QStringLiteral("{\"rate\":60}")),
                                         box(100, 0, 200, 100, QStringLiteral("{\"rate\":40}")),
                                         box(50, 0, 150, 100, QStringLiteral("{\"rate\":50}")),
                                         box(0, 100, 200, 200, QStringLiteral("{\"rate\":null}"))});
  AreaMeanParams p{gis::SourceRef::parse(catchments), QString(), QStringLiteral("rate"), {}, QString(), perTown(towns)};
  auto r = computeAreaWeightedMean(p);
  ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
  EXPECT_NEAR(*r->value, 50, 1e-9);
  EXPECT_NEAR(*r->zones[0].value, 850000.0 / 15000, 1e-9);
  EXPECT_NEAR(*r->zones[1].value, 650000.0 / 15000, 1e-9);
  EXPECT_EQ(r->counts.value(QStringLiteral("without_value")).toInt(), 1);
  EXPECT_TRUE(r->warnings.join(QString()).contains(QStringLiteral("rate"))) << r->warnings.join(QString()).toStdString();
  // Clipped to 甲 only: 60 over 10 000 m² and 50 over 5 000 m².
  p.area = gis::SourceRef::parse(writeLayer(dir, QStringLiteral("范围"), {box(0, 0, 100, 100)}));
  EXPECT_NEAR(*computeAreaWeightedMean(p)->value, 850000.0 / 15000, 1e-9);
}

// PT14-17 人均公园绿地面积 divides by the population the catalog names: a binding whose field
// holds the other one is refused, saying both.
TEST(PerCapitaArea, TheBindingsPopulationMustBeTheCatalogs) {
  test::TempDir dir;
  const QString towns = writeTowns(dir);
  const QString parks = writeLayer(dir, QStringLiteral("公园"), {box(0, 0, 50, 40)});
  Indicator ind;
  ind.code = QStringLiteral("PT14-17");
  ind.unit = QStringLiteral("平方米/人");
  ind.populationBasis = QStringLiteral("常住");
  ind.targetYear = 2025;
  ind.targetValue = 5.8;
  MetricBinding b{ind.code, QStringLiteral("per_capita_area"),
                  QJsonObject{{QStringLiteral("features"), QStringLiteral("parks")}, {QStringLiteral("area"), QStringLiteral("towns")},
                              {QStringLiteral("population_field"), QStringLiteral("pop")}, {QStringLiteral("population_basis"), QStringLiteral("户籍")}}};
  const LayerResolver layers = [&](const QString& id) -> std::optional<gis::SourceRef> {
    if (id == QLatin1String("parks")) return gis::SourceRef::parse(parks);
    if (id == QLatin1String("towns")) return gis::SourceRef::parse(towns);
    return std::nullopt;
  };
  auto c = computeIndicator(ind, b, 2025, layers);
  ASSERT_FALSE(c.ok());
  EXPECT_TRUE(c.error().message.contains(QStringLiteral("常住")) && c.error().message.contains(QStringLiteral("户籍")))
      << c.error().message.toStdString();
  b.parameters.insert(QStringLiteral("population_basis"), QStringLiteral("常住"));
  c = computeIndicator(ind, b, 2025, layers);
  ASSERT_TRUE(c.ok()) << c.error().message.toStdString();
  EXPECT_NEAR(c->values.front().value, 2000.0 / 125, 1e-9);  // m² per person: scale 1
  // Set for an area only: the area is one dissolved zone without a population of its own (it took
  // the first feature's), so the figure is refused, naming the row and the area.
  ind.scope = QStringLiteral("新城");
  b.parameters.insert(QStringLiteral("scope_layer"), QStringLiteral("towns"));
  c = computeIndicator(ind, b, 2025, layers);
  ASSERT_FALSE(c.ok());
  EXPECT_TRUE(c.error().message.contains(QStringLiteral("PT14-17")) && c.error().message.contains(QStringLiteral("新城")))
      << c.error().message.toStdString();
}

}  // namespace
}  // namespace xiuhua::indicators
