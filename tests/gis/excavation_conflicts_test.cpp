// 马路拉链 conflict rules (issue 20, part 3): repeated excavation of the same road (by its ID, never
// by geometry) within a time gap, the no-dig period after an overhaul, the increment for one project,
// and a brute-force cross-check that shares no predicate code with the engine.
#include "xiuhua/gis/overlay/excavation_conflicts.h"

#include <gtest/gtest.h>

#include <QRandomGenerator>

#include <cmath>
#include <set>
#include <tuple>

using namespace xiuhua::gis;

namespace {

Geometry line(std::vector<QPointF> points) { return Geometry(Geometry::Type::Line, {Geometry::Part{std::move(points)}}); }

Geometry box(double x0, double y0, double x1, double y1) {
  return Geometry(Geometry::Type::Polygon, {Geometry::Part{Geometry::Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}});
}

WorksProject dig(const QString& id, Geometry footprint, const QDate& start, const QDate& end) {
  return WorksProject{id, std::move(footprint), start, end, true};
}

RoadSection road(const QString& id, Geometry geometry, const QDate& renewed = {}) { return RoadSection{id, std::move(geometry), renewed}; }

ExcavationCheck check(const std::vector<WorksProject>& projects, const std::vector<RoadSection>& roads, const ExcavationRules& rules = {}) {
  auto r = findExcavationConflicts(projects, roads, rules);
  EXPECT_TRUE(r.ok()) << (r.ok() ? std::string() : r.error().message.toStdString());
  return r.ok() ? r.value() : ExcavationCheck();
}

const QDate kJan(2025, 1, 1);
const QDate kMar(2025, 3, 31);

}  // namespace

TEST(ConflictRules, TwoDigsAlongOneRoadShareTheRoadWithinToleranceOfBoth) {
  const std::vector<RoadSection> roads{road(QStringLiteral("R1"), line({{-100, 0}, {300, 0}}))};
  // Along the road 0–100 and 50–150: the road within 5 m of both runs 45–105.
  const auto result = check({dig(QStringLiteral("A"), line({{0, 2}, {100, 2}}), kJan, kMar),
                             dig(QStringLiteral("B"), line({{50, -2}, {150, -2}}), QDate(2025, 6, 1), QDate(2025, 7, 1))},
                            roads);
  ASSERT_EQ(result.conflicts.size(), 1u);
  const ExcavationConflict& c = result.conflicts.front();
  EXPECT_EQ(c.rule, ExcavationConflict::Rule::RepeatedExcavation);
  EXPECT_EQ(c.first, 0);
  EXPECT_EQ(c.second, 1);
  EXPECT_EQ(c.roadId, QStringLiteral("R1"));
  // A's 5 m reaches the road from x = −√21 to 100 + √21 (the line runs 2 m off it), B's from
  // 50 − √21 to 150 + √21: 50 + 2√21 m in common, less the buffers' chords (8 segments a quarter).
  EXPECT_NEAR(c.sharedMetres, 50.0 + 2 * std::sqrt(21.0), 0.1);
  EXPECT_EQ(c.gapDays, static_cast<int>(kMar.daysTo(QDate(2025, 6, 1))));
}

TEST(ConflictRules, TouchingEndsShareLessThanTheMinimumAndDoNotConflict) {
  const std::vector<RoadSection> roads{road(QStringLiteral("R1"), line({{-100, 0}, {300, 0}}))};
  const auto result = check({dig(QStringLiteral("A"), line({{0, 0}, {100, 0}}), kJan, kMar),
                             dig(QStringLiteral("B"), line({{100, 0}, {200, 0}}), kJan, kMar)},
                            roads);
  EXPECT_TRUE(result.conflicts.empty());  // 95–105: 10 m < 20 m
  ExcavationRules strict;
  strict.minSharedMetres = 5;
  EXPECT_EQ(check({dig(QStringLiteral("A"), line({{0, 0}, {100, 0}}), kJan, kMar), dig(QStringLiteral("B"), line({{100, 0}, {200, 0}}), kJan, kMar)},
                  roads, strict).conflicts.size(), 1u);
}

TEST(ConflictRules, ParallelRoadsEightMetresApartWithDifferentIdsAreTwoRoads) {
  const std::vector<RoadSection> roads{road(QStringLiteral("R1"), line({{0, 0}, {300, 0}})), road(QStringLiteral("R2"), line({{0, 8}, {300, 8}}))};
  const auto result = check({dig(QStringLiteral("A"), line({{0, 0}, {200, 0}}), kJan, kMar),
                             dig(QStringLiteral("B"), line({{0, 8}, {200, 8}}), kJan, kMar)},
                            roads);
  EXPECT_TRUE(result.conflicts.empty());
}

TEST(ConflictRules, AProjectCrossingARoadSharesOnlyItsWidthButBreaksTheNoDigPeriod) {
  const std::vector<RoadSection> roads{road(QStringLiteral("R1"), line({{0, 0}, {300, 0}}), QDate(2024, 5, 1))};
  const auto result = check({dig(QStringLiteral("crossing"), line({{50, -20}, {50, 20}}), QDate(2026, 4, 30), QDate(2026, 5, 30)),
                             dig(QStringLiteral("along"), line({{0, 0}, {100, 0}}), QDate(2027, 5, 1), QDate(2027, 6, 1))},
                            roads);
  // The crossing meets 45–55 of the road (10 m): no repeated excavation with the other; but it
  // digs a road renewed 2024-05-01 before three years are out. The other starts exactly three
  // years after the renewal: no violation.
  ASSERT_EQ(result.conflicts.size(), 1u);
  EXPECT_EQ(result.conflicts.front().rule, ExcavationConflict::Rule::NoDigPeriod);
  EXPECT_EQ(result.conflicts.front().first, 0);
  EXPECT_EQ(result.conflicts.front().renewed, QDate(2024, 5, 1));
  EXPECT_NEAR(result.conflicts.front().sharedMetres, 10.0, 1e-9);
}

TEST(ConflictRules, TheNoDigPeriodEndsExactlyKYearsAfterTheRenewal) {
  const std::vector<RoadSection> roads{road(QStringLiteral("R1"), line({{0, 0}, {300, 0}}), QDate(2024, 5, 1))};
  EXPECT_EQ(check({dig(QStringLiteral("A"), line({{0, 0}, {100, 0}}), QDate(2027, 4, 30), QDate(2027, 6, 1))}, roads).conflicts.size(), 1u);
  EXPECT_TRUE(check({dig(QStringLiteral("A"), line({{0, 0}, {100, 0}}), QDate(2027, 5, 1), QDate(2027, 6, 1))}, roads).conflicts.empty());
  EXPECT_TRUE(check({dig(QStringLiteral("before"), line({{0, 0}, {100, 0}}), QDate(2024, 4, 1), QDate(2024, 4, 20))}, roads).conflicts.empty());
}

TEST(ConflictRules, ADividedRoadIsOneRoadByItsId) {
  // Two carriageways 20 m apart, both "R7"; a site spanning both is one stretch of one road.
  const std::vector<RoadSection> roads{road(QStringLiteral("R7"), line({{0, 0}, {300, 0}})), road(QStringLiteral("R7"), line({{300, 20}, {0, 20}}))};
  const auto result = check({dig(QStringLiteral("site"), box(100, -3, 110, 23), kJan, kMar),
                             dig(QStringLiteral("again"), box(100, -3, 110, 23), QDate(2025, 8, 1), QDate(2025, 8, 31)),
                             dig(QStringLiteral("median"), line({{0, 10}, {300, 10}}), kJan, kMar)},
                            roads);
  ASSERT_EQ(result.conflicts.size(), 1u);  // once for the road, not once per carriageway
  EXPECT_EQ(result.conflicts.front().roadId, QStringLiteral("R7"));
  EXPECT_EQ(result.conflicts.front().first, 0);
  EXPECT_EQ(result.conflicts.front().second, 1);
  EXPECT_NEAR(result.conflicts.front().sharedMetres, 2 * 20.0, 1e-6);  // 95–115 on each carriageway
}

TEST(ConflictRules, WindowsExactlyNMonthsApartDoNotConflict) {
  const std::vector<RoadSection> roads{road(QStringLiteral("R1"), line({{0, 0}, {300, 0}}))};
  const WorksProject first = dig(QStringLiteral("A"), line({{0, 0}, {100, 0}}), kJan, kMar);
  EXPECT_TRUE(check({first, dig(QStringLiteral("B"), line({{0, 0}, {100, 0}}), QDate(2025, 9, 30), QDate(2025, 10, 9))}, roads).conflicts.empty());
  EXPECT_EQ(check({first, dig(QStringLiteral("B"), line({{0, 0}, {100, 0}}), QDate(2025, 9, 29), QDate(2025, 10, 9))}, roads).conflicts.size(), 1u);
  // Order in the list does not matter, nor whether the windows overlap.
  EXPECT_EQ(check({dig(QStringLiteral("B"), line({{0, 0}, {100, 0}}), QDate(2025, 2, 1), QDate(2025, 2, 9)), first}, roads).conflicts.front().gapDays, -9);
  EXPECT_TRUE(windowsWithinMonths(first, dig(QStringLiteral("C"), Geometry(), QDate(2025, 9, 29), QDate(2025, 9, 30)), 6));
  EXPECT_FALSE(windowsWithinMonths(dig(QStringLiteral("C"), Geometry(), QDate(2025, 9, 30), QDate(2025, 9, 30)), first, 6));
}

TEST(ConflictRules, AMultiPartRoadSectionIsOneRoad) {
  const Geometry twoParts(Geometry::Type::Line, {Geometry::Part{Geometry::Ring{{0, 0}, {100, 0}}}, Geometry::Part{Geometry::Ring{{100, 0}, {200, 0}}}});
  const auto result = check({dig(QStringLiteral("A"), line({{50, 0}, {150, 0}}), kJan, kMar), dig(QStringLiteral("B"), line({{60, 0}, {160, 0}}), kJan, kMar)},
                            {road(QStringLiteral("R1"), twoParts)});
  ASSERT_EQ(result.conflicts.size(), 1u);
  EXPECT_NEAR(result.conflicts.front().sharedMetres, 155.0 - 55.0, 1e-6);
}

TEST(ConflictRules, ProjectsThatDoNotDigAndBadWindowsAreHandled) {
  const std::vector<RoadSection> roads{road(QStringLiteral("R1"), line({{0, 0}, {300, 0}}))};
  WorksProject paint = dig(QStringLiteral("paint"), line({{0, 0}, {100, 0}}), kJan, kMar);
  paint.excavation = false;
  EXPECT_TRUE(check({paint, dig(QStringLiteral("A"), line({{0, 0}, {100, 0}}), kJan, kMar)}, roads).conflicts.empty());
  auto refused = findExcavationConflicts({dig(QStringLiteral("倒挂项目"), line({{0, 0}, {100, 0}}), kMar, kJan)}, roads, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(QStringLiteral("倒挂项目"))) << refused.error().message.toStdString();
}

namespace {

// Random digs along a grid of roads: lines along (or across) the roads, random windows.
struct RandomCase {
  std::vector<WorksProject> projects;
  std::vector<RoadSection> roads;
};

RandomCase randomCase(quint32 seed, int projects) {
  QRandomGenerator random(seed);
  RandomCase c;
  for (int i = 0; i < 6; ++i) {  // 3 east-west roads, 3 north-south, each of 4 sections; one divided
    for (int s = 0; s < 4; ++s) {
      const double a = s * 250.0;
      const double b = a + 250.0;
      const double at = 100.0 + (i % 3) * 300.0;
      c.roads.push_back(road(QStringLiteral("R%1").arg(i), i < 3 ? line({{a, at}, {b, at}}) : line({{at, a}, {at, b}}),
                             random.bounded(4) == 0 ? QDate(2023, 1, 1).addDays(random.bounded(900)) : QDate()));
    }
  }
  c.roads.push_back(road(QStringLiteral("R0"), line({{0, 118}, {1000, 118}})));  // R0's other carriageway
  for (int p = 0; p < projects; ++p) {
    const int r = random.bounded(6);
    const double at = 100.0 + (r % 3) * 300.0 + random.bounded(-40, 41) * 0.25;  // near the road, sometimes off it
    const double from = random.bounded(0, 900);
    const double to = from + random.bounded(10, 200);
    const QDate start = QDate(2025, 1, 1).addDays(random.bounded(700));
    c.projects.push_back(dig(QStringLiteral("P%1").arg(p), r < 3 ? line({{from, at}, {to, at}}) : line({{at, from}, {at, to}}), start,
                             start.addDays(random.bounded(5, 120))));
  }
  return c;
}

// The brute force: every pair, every road, the road sampled every 2 cm, a sample counted when it
// is within the tolerance of both projects' lines (point-to-segment distance written here).
double distanceToLine(QPointF p, const Geometry& g) {
  double best = 1e300;
  for (const auto& part : g.parts()) {
    for (const auto& ring : part) {
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const QPointF a = ring[i];
        const QPointF d = ring[i + 1] - a;
        const double len2 = d.x() * d.x() + d.y() * d.y();
        const double t = len2 > 0 ? std::clamp(((p.x() - a.x()) * d.x() + (p.y() - a.y()) * d.y()) / len2, 0.0, 1.0) : 0.0;
        best = std::min(best, std::hypot(p.x() - a.x() - t * d.x(), p.y() - a.y() - t * d.y()));
      }
    }
  }
  return best;
}

// The part [t0, t1] of the segment a→b (t in [0, 1]) inside the rectangle; false when none
// (Liang–Barsky clipping).
bool clipSegment(QPointF a, QPointF b, const QRectF& r, double& t0, double& t1) {
  t0 = 0;
  t1 = 1;
  const double dx = b.x() - a.x();
  const double dy = b.y() - a.y();
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
  }
  return t0 <= t1;
}

double bruteShared(const std::vector<RoadSection>& roads, const QString& roadId, const Geometry& a, const Geometry& b, double tolerance) {
  constexpr double kStep = 0.02;
  // Only where both can reach: the boxes grown by the tolerance, met.
  const QRectF both = a.boundingBox().adjusted(-tolerance, -tolerance, tolerance, tolerance)
                          .intersected(b.boundingBox().adjusted(-tolerance, -tolerance, tolerance, tolerance));
  if (both.isEmpty() && both.width() <= 0 && both.height() <= 0) return 0;
  double shared = 0;
  for (const RoadSection& s : roads) {
    if (s.roadId != roadId) continue;
    for (const auto& part : s.line.parts()) {
      const auto& ring = part.front();
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        double t0 = 0;
        double t1 = 0;
        if (!clipSegment(ring[i], ring[i + 1], both, t0, t1)) continue;
        const double len = std::hypot(ring[i + 1].x() - ring[i].x(), ring[i + 1].y() - ring[i].y());
        for (double t = t0 * len + kStep / 2; t < t1 * len; t += kStep) {
          const QPointF p = ring[i] + (ring[i + 1] - ring[i]) * (t / len);
          if (distanceToLine(p, a) <= tolerance && distanceToLine(p, b) <= tolerance) shared += kStep;
        }
      }
    }
  }
  return shared;
}

bool bruteWithinMonths(const QDate& aStart, const QDate& aEnd, const QDate& bStart, const QDate& bEnd, int months) {
  if (aStart <= bEnd && bStart <= aEnd) return true;
  return aEnd < bStart ? bStart < aEnd.addMonths(months) : aStart < bEnd.addMonths(months);
}

}  // namespace

TEST(ConflictCrossCheck, TheEngineAgreesWithABruteForcePairComparison) {
  const RandomCase c = randomCase(20261207, 70);
  const ExcavationRules rules;
  const ExcavationCheck fast = check(c.projects, c.roads, rules);
  std::set<std::tuple<QString, int, int>> engine;
  std::map<std::tuple<QString, int, int>, double> engineShared;
  for (const ExcavationConflict& k : fast.conflicts) {
    if (k.rule != ExcavationConflict::Rule::RepeatedExcavation) continue;
    engine.insert({k.roadId, k.first, k.second});
    engineShared[{k.roadId, k.first, k.second}] = k.sharedMetres;
  }
  std::set<QString> roadIds;
  for (const RoadSection& s : c.roads) roadIds.insert(s.roadId);
  int compared = 0;
  int found = 0;
  for (std::size_t p = 0; p < c.projects.size(); ++p) {
    for (std::size_t q = p + 1; q < c.projects.size(); ++q) {
      const WorksProject& a = c.projects[p];
      const WorksProject& b = c.projects[q];
      if (!bruteWithinMonths(a.start, a.end, b.start, b.end, rules.gapMonths)) continue;
      for (const QString& id : roadIds) {
        const double shared = bruteShared(c.roads, id, a.footprint, b.footprint, rules.toleranceMetres);
        const auto key = std::make_tuple(id, static_cast<int>(p), static_cast<int>(q));
        // The engine's buffers are polygons of 8 segments a quarter: near the threshold either
        // answer is right.
        if (std::abs(shared - rules.minSharedMetres) < 0.5) continue;
        ++compared;
        const bool conflict = shared >= rules.minSharedMetres;
        found += conflict ? 1 : 0;
        EXPECT_EQ(engine.count(key) == 1, conflict) << id.toStdString() << " " << p << "-" << q << " brute " << shared;
        if (conflict && engine.count(key)) {
          EXPECT_NEAR(engineShared[key], shared, 0.3) << id.toStdString() << " " << p << "-" << q;
        }
      }
    }
  }
  EXPECT_GT(found, 5);  // the random case has conflicts to find
  EXPECT_GT(compared, 100);
}

TEST(ConflictIncrement, OneProjectIsCheckedAgainstItsRoadsOnlyAndFindsWhatTheFullCheckFinds) {
  RandomCase c = randomCase(7, 400);
  const ExcavationRules rules;
  const ExcavationCheck full = check(c.projects, c.roads, rules);
  for (int p : {0, 17, 399}) {
    auto one = findExcavationConflictsOf(p, c.projects, c.roads, rules);
    ASSERT_TRUE(one.ok());
    std::vector<std::tuple<QString, int, int, int>> expected;
    for (const ExcavationConflict& k : full.conflicts) {
      if (k.first == p || k.second == p) expected.emplace_back(k.roadId, k.first, k.second, static_cast<int>(k.rule));
    }
    std::vector<std::tuple<QString, int, int, int>> got;
    for (const ExcavationConflict& k : one->conflicts) got.emplace_back(k.roadId, k.first, k.second, static_cast<int>(k.rule));
    EXPECT_EQ(got, expected) << "project " << p;
    // Only the sections near it and the projects near its stretch of road: a handful, not the
    // 25 sections and 400 projects a full check goes through.
    EXPECT_LE(one->sectionsEvaluated, 8u) << p;
    EXPECT_LT(one->pairsEvaluated, 60u) << p;
    EXPECT_GT(full.pairsEvaluated, 10 * one->pairsEvaluated);
  }
}
