// The gap finder: candidate sites on a grid inside areas, and greedy site choice whose gains are the
// coverage deltas a scenario with those sites shows.
#include "xiuhua/gis/overlay/site_selection.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"

#include <gtest/gtest.h>

#include <atomic>
#include <random>

namespace xiuhua::gis {
namespace {

Geometry rect(double x0, double y0, double x1, double y1) {
  return Geometry(Geometry::Type::Polygon, {Geometry::Part{Geometry::Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}});
}

CoverageScenarios scenariosFor(ZonalCoverageInput input) {
  input.keepParts = true;
  return CoverageScenarios::build(std::move(input)).value();
}

TEST(CandidateSites, GridPointsInsideAreasAndOnePointInAreasTooSmallForThem) {
  const std::vector<Geometry> areas = {rect(0, 0, 1000, 1000), rect(420, 430, 440, 445), rect(500, 0, 1500, 1000)};
  const CandidateSites sites = candidateSites(areas, 100).value();
  // 9 × 9 interior points of the first square (its edges are not inside); the small one (inside the
  // first, between grid points) gets one point on its surface; the third shares x = 600…900 with
  // the first (not repeated) and adds x = 1000…1400 (x = 1000 lies on the first's edge).
  int first = 0, small = 0, third = 0;
  for (std::size_t i = 0; i < sites.points.size(); ++i) {
    (sites.area[i] == 0 ? first : sites.area[i] == 1 ? small : third)++;
    EXPECT_GT(sites.points[i].y(), 0);
    EXPECT_LT(sites.points[i].y(), 1000);
  }
  EXPECT_EQ(first, 81);
  EXPECT_EQ(small, 1);
  EXPECT_EQ(third, 5 * 9);
  const QPointF p = sites.points[81];
  EXPECT_TRUE(p.x() > 420 && p.x() < 440 && p.y() > 430 && p.y() < 445);

  EXPECT_FALSE(candidateSites(areas, 0).ok());
  const auto tooFine = candidateSites(areas, 0.5);
  ASSERT_FALSE(tooFine.ok());
  EXPECT_NE(tooFine.error().message.indexOf(QStringLiteral("larger spacing")), -1);
}

TEST(ChooseSites, GreedyOrderWithKnownGains) {
  ZonalCoverageInput input;
  input.targets = {rect(0, 0, 200, 200), rect(1000, 0, 1100, 200), rect(2000, 0, 2100, 100), rect(3000, 0, 3100, 100)};
  input.covers = {rect(2990, -10, 3110, 110)};  // the fourth is covered already
  const CoverageScenarios scenarios = scenariosFor(input);
  const std::vector<Geometry> candidates = {
      rect(0, 0, 100, 200),           // half of the first: 20,000 m², nothing once the first is chosen
      rect(-10, -10, 210, 210),       // all of the first: 40,000
      rect(990, -10, 1110, 210),      // the second: 20,000
      rect(2050, 0, 2100, 100),       // half of the third: 5,000
      rect(1990, -10, 2110, 110),     // the third: 10,000
      rect(3000, 0, 3100, 100),       // the covered one: nothing
  };
  SiteSelectionOptions options;
  options.count = 10;
  const std::vector<SiteChoice> sites = chooseSites(scenarios, candidates, options).value();
  ASSERT_EQ(sites.size(), 3U);  // nothing else adds land
  EXPECT_EQ(sites[0].candidate, 1);
  EXPECT_EQ(sites[1].candidate, 2);
  EXPECT_EQ(sites[2].candidate, 4);
  EXPECT_NEAR(sites[0].area, 40000, 1e-6);
  EXPECT_NEAR(sites[1].area, 20000, 1e-6);
  EXPECT_NEAR(sites[2].area, 10000, 1e-6);
  EXPECT_NEAR(sites[2].after.all.covered, 80000, 1e-6);
  EXPECT_NEAR(sites[2].after.all.total, 80000, 1e-6);

  options.count = 2;
  EXPECT_EQ(chooseSites(scenarios, candidates, options).value().size(), 2U);
  options.byWeight = true;
  EXPECT_FALSE(chooseSites(scenarios, candidates, options).ok());  // no weights

  // Without the uncovered land kept, there is nothing to rank by.
  const CoverageScenarios withoutParts = CoverageScenarios::build(input).value();
  EXPECT_FALSE(chooseSites(withoutParts, candidates).ok());

  std::atomic<bool> cancel{true};
  options.byWeight = false;
  options.overlay.cancel = &cancel;
  const auto cancelled = chooseSites(scenarios, candidates, options);
  ASSERT_FALSE(cancelled.ok());
  EXPECT_EQ(cancelled.error().code, ErrorCode::Cancelled);
}

TEST(ChooseSites, GainsEqualRecomputedDeltasAndEachSiteIsTheBestLeft) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> pos(0, 5000);
  std::uniform_real_distribution<double> size(20, 120);
  std::uniform_real_distribution<double> people(0, 500);
  ZonalCoverageInput input;
  for (int i = 0; i < 900; ++i) {
    const double x = pos(rng), y = pos(rng);
    input.targets.push_back(rect(x, y, x + size(rng), y + size(rng)));
    input.targetWeights.push_back(people(rng));
  }
  std::vector<Geometry> parks;
  for (int i = 0; i < 12; ++i) {
    const double x = pos(rng), y = pos(rng);
    parks.push_back(rect(x, y, x + 60, y + 60));
  }
  input.covers = bufferEach(parks, std::vector<double>(parks.size(), 500.0));
  for (int z = 0; z < 4; ++z) input.zones.push_back(rect((z % 2) * 2500.0, (z / 2) * 2500.0, (z % 2) * 2500.0 + 2500, (z / 2) * 2500.0 + 2500));
  const CoverageScenarios scenarios = scenariosFor(input);

  std::vector<Geometry> sitesGrid;
  for (double x = 250; x < 5000; x += 500) {
    for (double y = 250; y < 5000; y += 500) sitesGrid.push_back(Geometry::point({x, y}));
  }
  const std::vector<Geometry> covers = bufferEach(sitesGrid, std::vector<double>(sitesGrid.size(), 500.0));

  for (const bool byWeight : {false, true}) {
    SiteSelectionOptions options;
    options.count = 4;
    options.byWeight = byWeight;
    const std::vector<SiteChoice> sites = chooseSites(scenarios, covers, options).value();
    ASSERT_EQ(sites.size(), 4U);
    ZonalCoverageInput full = input;
    ZonalCoverage previous = zonalCoverage(full).value();
    std::vector<int> taken;
    for (const SiteChoice& site : sites) {
      full.covers.push_back(covers[static_cast<std::size_t>(site.candidate)]);
      const ZonalCoverage now = zonalCoverage(full).value();
      EXPECT_NEAR(site.area, now.all.covered - previous.all.covered, 1e-9 * now.all.total);
      EXPECT_NEAR(site.weight, now.weightedAll.covered - previous.weightedAll.covered, 1e-9 * now.weightedAll.total);
      EXPECT_NEAR(site.after.all.covered, now.all.covered, 1e-9 * now.all.total);
      // No other candidate would have added more at this step.
      CoverageScenarios::Change change;
      for (int t : taken) change.added.push_back(covers[static_cast<std::size_t>(t)]);
      const double chosenGain = byWeight ? site.weight : site.area;
      for (std::size_t c = 0; c < covers.size(); c += 3) {
        CoverageScenarios::Change other = change;
        other.added.push_back(covers[c]);
        const ZonalCoverage with = scenarios.evaluate(other).value().coverage;
        const double gain = byWeight ? with.weightedAll.covered - previous.weightedAll.covered : with.all.covered - previous.all.covered;
        EXPECT_LE(gain, chosenGain + 1e-6) << "candidate " << c;
      }
      taken.push_back(site.candidate);
      previous = now;
    }
  }
}

}  // namespace
}  // namespace xiuhua::gis
