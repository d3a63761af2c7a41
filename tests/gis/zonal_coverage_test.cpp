// The coverage overlay against answers worked out by hand.
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/overlay/polygon_repair.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace xiuhua::gis {
namespace {

Geometry rect(double x0, double y0, double x1, double y1) {
  return Geometry(Geometry::Type::Polygon, {Geometry::Part{Geometry::Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}});
}

TEST(ZonalCoverage, APolygonIsBufferedFromItsBoundarySoHalfTheBlockIsCovered) {
  // The facility ends at x = -250; buffered by 300 m its straight edge runs along x = 50, through
  // the middle of the 100 m block (far from the rounded corners).
  const std::vector<Geometry> buffers = bufferEach({rect(-5000, -5000, -250, 5000)}, {300.0});
  ZonalCoverageInput input;
  input.targets = {rect(0, 0, 100, 100)};
  input.covers = buffers;
  const ZonalCoverage result = zonalCoverage(input).value();
  EXPECT_NEAR(result.all.total, 10000.0, 1e-6);
  EXPECT_NEAR(result.all.covered, 5000.0, 1e-6);
  EXPECT_NEAR(result.all.ratio(), 0.5, 1e-12);
}

TEST(ZonalCoverage, KeepsTheCoveredAndUncoveredLandForMaps) {
  ZonalCoverageInput input;
  input.targets = {rect(0, 0, 100, 100), rect(200, 0, 300, 100), rect(-30, 0, -10, 10)};
  input.covers = {rect(-50, -50, 50, 150)};
  input.keepParts = true;
  const ZonalCoverage r = zonalCoverage(input).value();
  ASSERT_EQ(r.coveredParts.size(), 3U);
  EXPECT_NEAR(areas(r.coveredParts)[0], 5000.0, 1e-9);    // partly covered
  EXPECT_NEAR(areas(r.uncoveredParts)[0], 5000.0, 1e-9);
  EXPECT_TRUE(r.coveredParts[1].isEmpty());                 // not covered
  EXPECT_NEAR(areas(r.uncoveredParts)[1], 10000.0, 1e-9);
  EXPECT_NEAR(areas(r.coveredParts)[2], 200.0, 1e-9);       // wholly covered
  EXPECT_TRUE(r.uncoveredParts[2].isEmpty());
}

TEST(ZonalCoverage, APointBufferIsTheRegular32GonWithEightSegmentsPerQuarter) {
  const std::vector<Geometry> buffers = bufferEach({Geometry::point({1000, 1000})}, {500.0}, 8);
  ZonalCoverageInput input;
  input.targets = {rect(0, 0, 3000, 3000)};
  input.covers = buffers;
  const ZonalCoverage result = zonalCoverage(input).value();
  const double polygon32 = 0.5 * 32 * 500.0 * 500.0 * std::sin(2 * M_PI / 32);  // inscribed regular 32-gon
  EXPECT_NEAR(result.all.covered, polygon32, 1e-6);
  EXPECT_NEAR(result.all.total, 9e6, 1e-6);
  // With 32 segments per quarter the polygon is closer to the circle.
  input.covers = bufferEach({Geometry::point({1000, 1000})}, {500.0}, 32);
  EXPECT_NEAR(zonalCoverage(input)->all.covered, 0.5 * 128 * 500.0 * 500.0 * std::sin(2 * M_PI / 128), 1e-6);
}

TEST(ZonalCoverage, NestedAndOverlappingTargetsCountOnce) {
  ZonalCoverageInput input;
  input.targets = {rect(0, 0, 100, 100), rect(50, 0, 150, 100), rect(10, 10, 20, 20)};  // B overlaps A, C inside A
  input.covers = {rect(0, 0, 75, 100)};
  const ZonalCoverage result = zonalCoverage(input).value();
  EXPECT_NEAR(result.all.total, 15000.0, 1e-6);
  EXPECT_NEAR(result.all.covered, 7500.0, 1e-6);
  EXPECT_EQ(result.overlappingTargets, 2);
  // Touching targets (a shared edge) do not overlap.
  input.targets = {rect(0, 0, 100, 100), rect(100, 0, 200, 100)};
  EXPECT_EQ(zonalCoverage(input)->overlappingTargets, 0);
  EXPECT_NEAR(zonalCoverage(input)->all.total, 20000.0, 1e-6);
}

TEST(ZonalCoverage, AFacilityStraddlingTwoSubUnitsCoversBothAndTheyAddUp) {
  ZonalCoverageInput input;
  input.zones = {rect(0, 0, 100, 100), rect(100, 0, 200, 100)};
  input.targets = {rect(0, 0, 200, 100), rect(20, 20, 40, 40), rect(160, 60, 180, 80)};  // one straddles, two inside
  input.covers = {rect(50, -10, 150, 110)};
  const ZonalCoverage result = zonalCoverage(input).value();
  ASSERT_EQ(result.zones.size(), 2U);
  EXPECT_NEAR(result.all.total, 20000.0, 1e-6);  // the small targets lie inside the big one
  EXPECT_NEAR(result.all.covered, 10000.0, 1e-6);
  EXPECT_NEAR(result.zones[0].total, 10000.0, 1e-6);
  EXPECT_NEAR(result.zones[0].covered, 5000.0, 1e-6);
  EXPECT_NEAR(result.zones[1].covered, 5000.0, 1e-6);
  EXPECT_NEAR(result.zones[0].covered + result.zones[1].covered, result.all.covered, 1e-6);
  EXPECT_NEAR(result.outside.total, 0.0, 1e-9);
}

TEST(ZonalCoverage, LandOutsideEveryZoneIsReportedApart) {
  ZonalCoverageInput input;
  input.zones = {rect(0, 0, 100, 100)};
  input.targets = {rect(50, 0, 150, 100)};
  input.covers = {rect(0, 0, 200, 50)};
  const ZonalCoverage result = zonalCoverage(input).value();
  EXPECT_NEAR(result.zones[0].total, 5000.0, 1e-6);
  EXPECT_NEAR(result.zones[0].covered, 2500.0, 1e-6);
  EXPECT_NEAR(result.outside.total, 5000.0, 1e-6);
  EXPECT_NEAR(result.outside.covered, 2500.0, 1e-6);
}

TEST(ZonalCoverage, ExclusionsLeaveTheDenominator) {
  ZonalCoverageInput input;
  input.targets = {rect(0, 0, 100, 100)};
  input.exclusions = {rect(0, 0, 50, 100)};  // e.g. a lake
  input.covers = {rect(40, 0, 60, 100)};
  const ZonalCoverage result = zonalCoverage(input).value();
  EXPECT_NEAR(result.all.total, 5000.0, 1e-6);
  EXPECT_NEAR(result.all.covered, 1000.0, 1e-6);
}

TEST(ZonalCoverage, WeightsSpreadEvenlyOverEachTarget) {
  ZonalCoverageInput input;
  input.targets = {rect(0, 0, 100, 100), rect(200, 0, 300, 100)};
  input.targetWeights = {100, 300};  // e.g. residents
  input.covers = {rect(-50, -50, 50, 150)};  // half of the first block
  input.zones = {rect(0, 0, 150, 100), rect(150, 0, 300, 100)};
  const ZonalCoverage r = zonalCoverage(input).value();
  EXPECT_NEAR(r.weightedAll.covered, 50.0, 1e-9);
  EXPECT_NEAR(r.weightedAll.total, 400.0, 1e-9);
  EXPECT_NEAR(r.weightedAll.ratio(), 0.125, 1e-12);
  EXPECT_NEAR(r.all.ratio(), 0.25, 1e-12);  // by area
  ASSERT_EQ(r.weightedZones.size(), 2U);
  EXPECT_NEAR(r.weightedZones[0].ratio(), 0.5, 1e-12);
  EXPECT_NEAR(r.weightedZones[1].total, 300.0, 1e-9);
  EXPECT_FALSE(zonalCoverage(input, {}, CoverageMethod::Naive).ok());  // the naive method has no weights
}

TEST(ZonalCoverage, NoCoversMeansNothingCovered) {
  ZonalCoverageInput input;
  input.targets = {rect(0, 0, 10, 10)};
  EXPECT_EQ(zonalCoverage(input)->all.covered, 0.0);
  EXPECT_NEAR(zonalCoverage(input)->all.total, 100.0, 1e-9);
}

// Random parcels and buffers: the indexed method agrees with the naive pipeline, and the answer
// does not depend on the number of threads (sums are taken in target order).
TEST(ZonalCoverage, IndexedAgreesWithNaiveAndIsThreadIndependent) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> pos(0, 5000);
  std::uniform_real_distribution<double> size(20, 120);
  ZonalCoverageInput input;
  for (int i = 0; i < 1500; ++i) {
    const double x = pos(rng), y = pos(rng), w = size(rng), h = size(rng);
    input.targets.push_back(rect(x, y, x + w, y + h));  // some overlap by chance
  }
  std::vector<Geometry> facilities;
  for (int i = 0; i < 40; ++i) facilities.push_back(Geometry::point({pos(rng), pos(rng)}));
  input.covers = bufferEach(facilities, std::vector<double>(facilities.size(), 400.0));
  for (int zx = 0; zx < 3; ++zx) {
    for (int zy = 0; zy < 3; ++zy) input.zones.push_back(rect(zx * 1800.0 - 100, zy * 1800.0 - 100, zx * 1800.0 + 1700, zy * 1800.0 + 1700));
  }
  OverlayOptions one;
  one.threads = 1;
  OverlayOptions two;
  two.threads = 2;
  const ZonalCoverage a = zonalCoverage(input, one).value();
  const ZonalCoverage b = zonalCoverage(input, two).value();
  const ZonalCoverage naive = zonalCoverage(input, one, CoverageMethod::Naive).value();
  EXPECT_EQ(a.all.covered, b.all.covered);  // bit for bit
  EXPECT_EQ(a.all.total, b.all.total);
  EXPECT_GT(a.overlappingTargets, 0);
  EXPECT_NEAR(a.all.total, naive.all.total, 1e-9 * naive.all.total);
  EXPECT_NEAR(a.all.covered, naive.all.covered, 1e-9 * naive.all.total);
  double zoned = 0;
  for (std::size_t z = 0; z < input.zones.size(); ++z) {
    EXPECT_NEAR(a.zones[z].covered, naive.zones[z].covered, 1e-9 * naive.all.total) << z;
    EXPECT_NEAR(a.zones[z].total, naive.zones[z].total, 1e-9 * naive.all.total) << z;
    zoned += a.zones[z].total;
  }
  EXPECT_NEAR(zoned + a.outside.total, a.all.total, 1e-9 * a.all.total);  // the zones tile the area
  // The fast path (cores: the facilities and the buffers' inner radius) changes nothing.
  for (const Geometry& f : facilities) input.coverCores.push_back({f.parts().front().front().front()});
  input.coreRadii.assign(facilities.size(), 400.0 * std::cos(M_PI / 16) * (1 - 1e-9));
  const ZonalCoverage fast = zonalCoverage(input, two).value();
  EXPECT_NEAR(fast.all.covered, naive.all.covered, 1e-9 * naive.all.total);
  for (std::size_t z = 0; z < input.zones.size(); ++z) EXPECT_NEAR(fast.zones[z].covered, naive.zones[z].covered, 1e-9 * naive.all.total);
}

// A star-shaped ring around (cx, cy): irregular, simple.
Geometry::Ring starRing(std::mt19937& rng, double cx, double cy, double radius, int vertices) {
  std::uniform_real_distribution<double> wobble(0.6, 1.0);
  Geometry::Ring ring;
  for (int k = 0; k < vertices; ++k) {
    const double a = 2 * M_PI * k / vertices;
    const double r = radius * wobble(rng);
    ring.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
  }
  ring.push_back(ring.front());
  return ring;
}

TEST(ZonalCoverage, IrregularZonesWithHolesAndTargetsOnTheirEdgesAgreeWithNaive) {
  // The interior grids must settle only what is certain: zones with holes and many edges, a
  // multipolygon zone, targets lying along zone edges, rotated small targets near every boundary.
  std::mt19937 rng(11);
  ZonalCoverageInput input;
  Geometry::Part withHole{starRing(rng, 1500, 1500, 1400, 90)};
  Geometry::Ring hole{{1300, 1300}, {1300, 1700}, {1700, 1700}, {1700, 1300}, {1300, 1300}};  // clockwise
  withHole.push_back(hole);
  input.zones.push_back(Geometry(Geometry::Type::Polygon, {withHole}));
  input.zones.push_back(Geometry(Geometry::Type::Polygon, {Geometry::Part{starRing(rng, 3600, 1500, 700, 40)},
                                                           Geometry::Part{starRing(rng, 3600, 3200, 500, 30)}}));
  input.zones.push_back(rect(1300, 1300, 1700, 1700));  // fills the hole exactly
  std::uniform_real_distribution<double> pos(0, 4300);
  std::uniform_real_distribution<double> size(8, 60);
  std::uniform_real_distribution<double> turn(0, M_PI);
  for (int i = 0; i < 3000; ++i) {
    const double cx = pos(rng), cy = pos(rng), w = size(rng), h = size(rng), t = turn(rng);
    Geometry::Ring ring;
    constexpr double kCorners[5][2] = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}, {-0.5, -0.5}};
    for (const auto& [u, v] : kCorners) {
      ring.push_back({cx + u * w * std::cos(t) - v * h * std::sin(t), cy + u * w * std::sin(t) + v * h * std::cos(t)});
    }
    input.targets.push_back(Geometry(Geometry::Type::Polygon, {Geometry::Part{ring}}));
  }
  // Targets along the hole's edges, inside and outside it, and one exactly equal to a zone cell.
  for (double x = 1300; x < 1700; x += 40) {
    input.targets.push_back(rect(x, 1260, x + 40, 1300));
    input.targets.push_back(rect(x, 1300, x + 40, 1340));
  }
  std::vector<Geometry> parks;
  for (int i = 0; i < 25; ++i) parks.push_back(Geometry(Geometry::Type::Polygon, {Geometry::Part{starRing(rng, pos(rng), pos(rng), 120, 12)}}));
  input.covers = bufferEach(parks, std::vector<double>(parks.size(), 300.0));
  OverlayOptions two;
  two.threads = 2;
  const ZonalCoverage fast = zonalCoverage(input, two).value();
  const ZonalCoverage naive = zonalCoverage(input, two, CoverageMethod::Naive).value();
  ASSERT_GT(naive.all.covered, 0);
  EXPECT_NEAR(fast.all.total, naive.all.total, 1e-9 * naive.all.total);
  EXPECT_NEAR(fast.all.covered, naive.all.covered, 1e-9 * naive.all.total);
  for (std::size_t z = 0; z < input.zones.size(); ++z) {
    EXPECT_GT(naive.zones[z].total, 0) << z;
    EXPECT_NEAR(fast.zones[z].total, naive.zones[z].total, 1e-9 * naive.all.total) << z;
    EXPECT_NEAR(fast.zones[z].covered, naive.zones[z].covered, 1e-9 * naive.all.total) << z;
  }
  EXPECT_NEAR(fast.outside.total, naive.outside.total, 1e-9 * naive.all.total);
  EXPECT_NEAR(fast.outside.covered, naive.outside.covered, 1e-9 * naive.all.total);
}

TEST(ZonalCoverage, CancellingStopsWithAnError) {
  ZonalCoverageInput input;
  for (int i = 0; i < 1000; ++i) input.targets.push_back(rect(i, 0, i + 1, 1));
  std::atomic<bool> cancel{true};
  OverlayOptions options;
  options.cancel = &cancel;
  const auto result = zonalCoverage(input, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::Cancelled);
}

TEST(ZonalCoverage, ProgressReachesTheEnd) {
  ZonalCoverageInput input;
  for (int i = 0; i < 500; ++i) input.targets.push_back(rect(i, 0, i + 1, 1));
  std::atomic<std::size_t> last{0};
  OverlayOptions options;
  options.progress = [&](std::size_t done, std::size_t total) {
    EXPECT_EQ(total, 500U);
    std::size_t seen = last.load();
    while (done > seen && !last.compare_exchange_weak(seen, done)) {
    }
  };
  ASSERT_TRUE(zonalCoverage(input, options).ok());
  EXPECT_EQ(last.load(), 500U);
}

TEST(PolygonRepair, ABowTieIsRepairedAndCounted) {
  std::vector<Geometry> polygons = {
      rect(0, 0, 10, 10),
      Geometry(Geometry::Type::Polygon, {Geometry::Part{Geometry::Ring{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}}})};
  EXPECT_EQ(repairGeometries(polygons), 1);
  EXPECT_EQ(polygons[1].type(), Geometry::Type::Polygon);
  EXPECT_NEAR(areas(polygons)[1], 50.0, 1e-9);  // the two triangles of the bow tie
  EXPECT_EQ(repairGeometries(polygons), 0);
}

}  // namespace
}  // namespace xiuhua::gis
