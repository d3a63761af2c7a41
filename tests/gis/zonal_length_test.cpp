// Line lengths per zone, duplicates and degenerate ways, and assigning features to zones.
#include "xiuhua/gis/overlay/zonal_length.h"

#include <gtest/gtest.h>

namespace xiuhua::gis {
namespace {

Geometry rect(double x0, double y0, double x1, double y1) {
  return Geometry(Geometry::Type::Polygon, {Geometry::Part{Geometry::Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}});
}

Geometry line(std::initializer_list<QPointF> points) {
  return Geometry(Geometry::Type::Line, {Geometry::Part{Geometry::Ring(points)}});
}

TEST(ZonalLength, ClipsToTheRegionAndSplitsByZone) {
  ZonalLengthInput input;
  input.lines = {line({{-50, 50}, {250, 50}}), line({{10, 10}, {10, 60}})};
  input.within = {rect(0, 0, 200, 100)};
  input.zones = {rect(0, 0, 100, 100), rect(100, 0, 200, 100)};
  const ZonalLength result = zonalLength(input).value();
  EXPECT_NEAR(result.all, 200.0 + 50.0, 1e-9);
  EXPECT_NEAR(result.zones[0], 100.0 + 50.0, 1e-9);
  EXPECT_NEAR(result.zones[1], 100.0, 1e-9);
  EXPECT_NEAR(result.outside, 0.0, 1e-9);
}

TEST(ZonalLength, FindsDuplicatesEitherWayAndLinesThatRunBack) {
  ZonalLengthInput input;
  input.lines = {line({{0, 0}, {100, 0}}), line({{100, 0}, {0, 0}}),        // the same way twice
                 line({{0, 50}, {100, 50}, {40, 50}}),                        // A→B→A': runs back 60 m
                 line({{0, 80}, {100, 80}})};
  ZonalLength result = zonalLength(input).value();
  EXPECT_EQ(result.duplicates, 1);
  EXPECT_NEAR(result.duplicateLength, 100.0, 1e-9);
  EXPECT_EQ(result.degenerate, 1);
  EXPECT_NEAR(result.degenerateExcess, 60.0, 1e-9);
  EXPECT_NEAR(result.all, 100 + 100 + 160 + 100, 1e-9);
  input.deduplicate = true;
  result = zonalLength(input).value();
  EXPECT_NEAR(result.all, 100 + 100 + 100, 1e-9);
}

TEST(ZonalLength, LinesOutsideTheRegionCountNothing) {
  ZonalLengthInput input;
  input.lines = {line({{500, 500}, {600, 500}})};
  input.within = {rect(0, 0, 100, 100)};
  EXPECT_EQ(zonalLength(input)->all, 0.0);
}

TEST(AssignToZones, UsesAPointOnTheSurface) {
  // An L-shaped block whose centroid lies outside it, in zone 1; its surface is in zone 0.
  const Geometry lShape(Geometry::Type::Polygon,
                        {Geometry::Part{Geometry::Ring{{0, 0}, {100, 0}, {100, 10}, {10, 10}, {10, 100}, {0, 100}, {0, 0}}}});
  const std::vector<Geometry> zones = {rect(-10, -10, 10.5, 200), rect(10.5, -10, 200, 200)};
  const std::vector<int> zoneOf = assignToZones({lShape, rect(150, 150, 160, 160), rect(500, 500, 510, 510)}, zones).value();
  ASSERT_EQ(zoneOf.size(), 3U);
  EXPECT_TRUE(zoneOf[0] == 0 || zoneOf[0] == 1);  // a point on its surface, in one zone only
  EXPECT_EQ(zoneOf[1], 1);
  EXPECT_EQ(zoneOf[2], -1);
}

}  // namespace
}  // namespace xiuhua::gis
