// What-if coverage: scenarios computed from a base by recomputing only the targets a change
// reaches must equal a full recomputation.
#include "xiuhua/gis/overlay/coverage_scenarios.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace xiuhua::gis {
namespace {

Geometry rect(double x0, double y0, double x1, double y1) {
  return Geometry(Geometry::Type::Polygon, {Geometry::Part{Geometry::Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}});
}

void expectSame(const ZonalCoverage& a, const ZonalCoverage& b, const char* what) {
  const double scale = std::max(1.0, b.all.total);
  EXPECT_NEAR(a.all.covered, b.all.covered, 1e-9 * scale) << what;
  EXPECT_NEAR(a.all.total, b.all.total, 1e-9 * scale) << what;
  ASSERT_EQ(a.zones.size(), b.zones.size());
  for (std::size_t z = 0; z < a.zones.size(); ++z) {
    EXPECT_NEAR(a.zones[z].covered, b.zones[z].covered, 1e-9 * scale) << what << " zone " << z;
    EXPECT_NEAR(a.zones[z].total, b.zones[z].total, 1e-9 * scale) << what << " zone " << z;
  }
  EXPECT_NEAR(a.outside.covered, b.outside.covered, 1e-9 * scale) << what;
  EXPECT_EQ(a.overlappingTargets, b.overlappingTargets) << what;
}

TEST(CoverageScenarios, RandomAdditionsAndRemovalsEqualAFullRecomputation) {
  std::mt19937 rng(23);
  std::uniform_real_distribution<double> pos(0, 6000);
  std::uniform_real_distribution<double> size(20, 90);
  ZonalCoverageInput input;
  for (int i = 0; i < 2500; ++i) {
    const double x = pos(rng), y = pos(rng), w = size(rng), h = size(rng);
    input.targets.push_back(rect(x, y, x + w, y + h));  // some overlap by chance
  }
  std::vector<Geometry> parks;
  for (int i = 0; i < 30; ++i) {
    const double x = pos(rng), y = pos(rng);
    parks.push_back(rect(x, y, x + 80, y + 60));
  }
  input.covers = bufferEach(parks, std::vector<double>(parks.size(), 400.0));
  for (int zx = 0; zx < 3; ++zx) {
    for (int zy = 0; zy < 3; ++zy) input.zones.push_back(rect(zx * 2000.0, zy * 2000.0, zx * 2000.0 + 2000, zy * 2000.0 + 2000));
  }
  input.targetWeights.assign(input.targets.size(), 10.0);
  const CoverageScenarios scenarios = CoverageScenarios::build(input).value();
  expectSame(scenarios.base(), zonalCoverage(input).value(), "base");

  for (int round = 0; round < 6; ++round) {
    CoverageScenarios::Change change;
    std::vector<Geometry> proposed;
    for (int k = 0; k < round % 3 + 1; ++k) {
      const double x = pos(rng), y = pos(rng);
      proposed.push_back(rect(x, y, x + 70, y + 50));
    }
    change.added = bufferEach(proposed, std::vector<double>(proposed.size(), 300.0));
    if (round % 2 == 1) change.removed = {round, round + 7};
    const CoverageScenarios::Outcome outcome = scenarios.evaluate(change).value();
    // The same scenario from scratch.
    ZonalCoverageInput full = input;
    full.covers.clear();
    for (std::size_t c = 0; c < input.covers.size(); ++c) {
      if (std::find(change.removed.begin(), change.removed.end(), static_cast<int>(c)) == change.removed.end()) full.covers.push_back(input.covers[c]);
    }
    full.covers.insert(full.covers.end(), change.added.begin(), change.added.end());
    const ZonalCoverage expected = zonalCoverage(full).value();
    expectSame(outcome.coverage, expected, "scenario");
    EXPECT_NEAR(outcome.coverage.weightedAll.covered, expected.weightedAll.covered, 1e-9 * expected.weightedAll.total);
    EXPECT_GT(outcome.recomputed.size(), 0U);
    EXPECT_LT(outcome.recomputed.size(), input.targets.size() / 4);  // only what the change reaches
    if (round % 2 == 0) {
      EXPECT_GE(outcome.coverage.all.covered, scenarios.base().all.covered);  // adding never loses
    }
  }
}

TEST(CoverageScenarios, GivesTheLandAChangeCoversAndUncoversAndRefusesUnknownCovers) {
  ZonalCoverageInput input;
  input.targets = {rect(0, 0, 100, 100), rect(1000, 0, 1100, 100)};
  input.covers = {rect(-50, -50, 50, 150)};  // half of the first block
  input.keepParts = true;
  const CoverageScenarios scenarios = CoverageScenarios::build(input).value();
  EXPECT_NEAR(scenarios.base().all.covered, 5000, 1e-6);
  ASSERT_EQ(scenarios.base().coveredParts.size(), 2U);
  CoverageScenarios::Change change;
  change.added = {rect(1050, -10, 1200, 110)};  // half of the second block
  change.removed = {0};
  const CoverageScenarios::Outcome outcome = scenarios.evaluate(change).value();
  EXPECT_NEAR(outcome.coverage.all.covered, 5000, 1e-6);
  EXPECT_EQ(outcome.recomputed, (std::vector<int>{0, 1}));
  ASSERT_EQ(outcome.newlyCovered.size(), 2U);
  ASSERT_EQ(outcome.newlyUncovered.size(), 2U);
  EXPECT_TRUE(outcome.newlyCovered[0].isEmpty());  // the first block lost its cover…
  EXPECT_NEAR(areas({outcome.newlyUncovered[0]}).front(), 5000, 1e-6);
  EXPECT_NEAR(areas({outcome.newlyCovered[1]}).front(), 5000, 1e-6);  // …and the second gained half
  EXPECT_TRUE(outcome.newlyUncovered[1].isEmpty());
  change.removed = {3};
  EXPECT_FALSE(scenarios.evaluate(change).ok());
}

}  // namespace
}  // namespace xiuhua::gis
