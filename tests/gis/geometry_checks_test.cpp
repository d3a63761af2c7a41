// Geometry checks before saving and their repair; known answers worked out by hand.
#include "xiuhua/gis/edit/geometry_checks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace xiuhua::gis {
namespace {

using Ring = Geometry::Ring;
using Part = Geometry::Part;
using Kind = GeometryIssue::Kind;
using Orientation = GeometryCheckOptions::Orientation;

Geometry polygon(std::vector<Part> parts) { return Geometry(Geometry::Type::Polygon, std::move(parts)); }
Geometry line(std::vector<Ring> lines) {
  std::vector<Part> parts;
  for (Ring& r : lines) parts.push_back(Part{std::move(r)});
  return Geometry(Geometry::Type::Line, std::move(parts));
}

// Counter-clockwise (y up) closed square.
Ring ccwSquare(double x, double y, double size) {
  return {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
}
Ring reversed(Ring ring) {
  std::reverse(ring.begin(), ring.end());
  return ring;
}

// Independent of the code under test: the shoelace over a closed ring, written out here.
double shoelace(const Ring& r) {
  double sum = 0;
  for (std::size_t i = 0; i + 1 < r.size(); ++i) sum += r[i].x() * r[i + 1].y() - r[i + 1].x() * r[i].y();
  return sum / 2;
}

// Bit-for-bit equality of coordinates (QPointF::operator== is fuzzy).
bool identical(const Geometry& a, const Geometry& b) {
  if (a.type() != b.type() || a.parts().size() != b.parts().size()) return false;
  for (std::size_t p = 0; p < a.parts().size(); ++p) {
    if (a.parts()[p].size() != b.parts()[p].size()) return false;
    for (std::size_t r = 0; r < a.parts()[p].size(); ++r) {
      const Ring& ra = a.parts()[p][r];
      const Ring& rb = b.parts()[p][r];
      if (ra.size() != rb.size()) return false;
      for (std::size_t i = 0; i < ra.size(); ++i) {
        if (ra[i].x() != rb[i].x() || ra[i].y() != rb[i].y()) return false;
      }
    }
  }
  return true;
}

std::vector<Kind> kinds(const std::vector<GeometryIssue>& issues) {
  std::vector<Kind> out;
  for (const GeometryIssue& i : issues) out.push_back(i.kind);
  return out;
}

// (0,0)→(10,10)→(10,0)→(0,10)→(0,0): the edges cross at (5,5); two triangles of area 25 each.
Geometry bowTie(double dx = 0) {
  return polygon({Part{Ring{{dx, 0}, {dx + 10, 10}, {dx + 10, 0}, {dx, 10}, {dx, 0}}}});
}

// 100 m × 0.05 m: area 5, perimeter 200.1, mean width 2·5/200.1 ≈ 0.04998.
Ring thinRectangle(double x, double y) { return {{x, y}, {x + 100, y}, {x + 100, y + 0.05}, {x, y + 0.05}, {x, y}}; }

TEST(GeometryChecks, BowTieIsASelfIntersectionAndRepairsIntoTwoTriangles) {
  const std::vector<GeometryIssue> issues = checkGeometry(bowTie(), {});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, Kind::Invalid);
  EXPECT_TRUE(issues[0].reason.contains(QStringLiteral("Self-intersection"))) << issues[0].reason.toStdString();
  EXPECT_DOUBLE_EQ(issues[0].location.x(), 5);
  EXPECT_DOUBLE_EQ(issues[0].location.y(), 5);
  EXPECT_EQ(issues[0].part, 0);

  // A bow-tie's signed area is 0; it must not pass for a sliver (which repair would drop).
  GeometryCheckOptions options;
  options.sliverWidth = 0.1;
  EXPECT_EQ(kinds(checkGeometry(bowTie(), options)), std::vector<Kind>{Kind::Invalid});
  const Result<Geometry> repaired = repairGeometry(bowTie(), options);
  ASSERT_TRUE(repaired.ok()) << repaired.error().message.toStdString();
  ASSERT_EQ(repaired->type(), Geometry::Type::Polygon);
  ASSERT_EQ(repaired->parts().size(), 2u);
  double total = 0;
  for (const Part& part : repaired->parts()) {
    ASSERT_EQ(part.size(), 1u);
    EXPECT_NEAR(std::abs(shoelace(part.front())), 25, 1e-9);
    total += std::abs(shoelace(part.front()));
  }
  EXPECT_NEAR(total, 50, 1e-9);
  EXPECT_TRUE(checkGeometry(*repaired, options).empty());
}

TEST(GeometryChecks, RingWithTwoDistinctPointsHasTooFewPoints) {
  const Geometry g = polygon({Part{Ring{{0, 0}, {1, 0}, {0, 0}}}});
  const std::vector<GeometryIssue> issues = checkGeometry(g, {});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, Kind::TooFewPoints);
  EXPECT_EQ(issues[0].part, 0);
  EXPECT_EQ(issues[0].ring, 0);
  EXPECT_FALSE(repairGeometry(g, {}).ok());

  // A degenerate hole: reported as ring 1; repair drops the hole and keeps the shell bit for bit.
  const Geometry holed = polygon({Part{ccwSquare(0, 0, 10), Ring{{2, 2}, {3, 3}, {3, 3}, {2, 2}}}});
  const std::vector<GeometryIssue> holeIssues = checkGeometry(holed, {});
  ASSERT_EQ(holeIssues.size(), 1u);
  EXPECT_EQ(holeIssues[0].kind, Kind::TooFewPoints);
  EXPECT_EQ(holeIssues[0].ring, 1);
  const Result<Geometry> repaired = repairGeometry(holed, {});
  ASSERT_TRUE(repaired.ok());
  EXPECT_TRUE(identical(*repaired, polygon({Part{ccwSquare(0, 0, 10)}})));
}

TEST(GeometryChecks, LinesOfOnePointOrOfEqualPointsHaveTooFewPoints) {
  for (const Ring& r : {Ring{{3, 4}}, Ring{{3, 4}, {3, 4}}}) {
    const std::vector<GeometryIssue> issues = checkGeometry(line({r}), {});
    ASSERT_EQ(issues.size(), 1u) << r.size();
    EXPECT_EQ(issues[0].kind, Kind::TooFewPoints);
    EXPECT_EQ(issues[0].location, QPointF(3, 4));
    const Result<Geometry> repaired = repairGeometry(line({r}), {});
    ASSERT_FALSE(repaired.ok());
    EXPECT_EQ(repaired.error().code, ErrorCode::GeometryInvalid);
    EXPECT_FALSE(repaired.error().message.isEmpty());
  }
  EXPECT_TRUE(checkGeometry(line({Ring{{0, 0}, {1, 0}}}), {}).empty());

  // A multi-line keeps its good part.
  const Result<Geometry> repaired = repairGeometry(line({Ring{{5, 5}}, Ring{{0, 0}, {1, 0}}}), {});
  ASSERT_TRUE(repaired.ok());
  EXPECT_TRUE(identical(*repaired, line({Ring{{0, 0}, {1, 0}}})));
}

TEST(GeometryChecks, DuplicateVerticesAtZeroToleranceAndRepairRemovesExactlyThem) {
  const Geometry g = line({Ring{{0, 0}, {1, 0}, {1, 0}, {2, 0.5}, {3, 0}}});
  const std::vector<GeometryIssue> issues = checkGeometry(g, {});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, Kind::DuplicateVertex);
  EXPECT_EQ(issues[0].vertex, 2);
  EXPECT_EQ(issues[0].location, QPointF(1, 0));
  const Result<Geometry> repaired = repairGeometry(g, {});
  ASSERT_TRUE(repaired.ok());
  EXPECT_TRUE(identical(*repaired, line({Ring{{0, 0}, {1, 0}, {2, 0.5}, {3, 0}}})));

  // The closing point of a ring is not a duplicate; a repeated corner is.
  const Geometry square = polygon({Part{Ring{{0, 0}, {10, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}}});
  const std::vector<GeometryIssue> ringIssues = checkGeometry(square, {});
  ASSERT_EQ(ringIssues.size(), 1u);
  EXPECT_EQ(ringIssues[0].kind, Kind::DuplicateVertex);
  EXPECT_EQ(ringIssues[0].ring, 0);
  EXPECT_EQ(ringIssues[0].vertex, 2);
  const Result<Geometry> repairedSquare = repairGeometry(square, {});
  ASSERT_TRUE(repairedSquare.ok());
  EXPECT_TRUE(identical(*repairedSquare, polygon({Part{ccwSquare(0, 0, 10)}})));
  EXPECT_TRUE(checkGeometry(polygon({Part{ccwSquare(0, 0, 10)}}), {}).empty());
}

TEST(GeometryChecks, DuplicateVerticesAtATolerance) {
  GeometryCheckOptions options;
  options.duplicateTolerance = 0.01;
  // (1.004, 0.003) is 0.005 from (1, 0): a duplicate at 0.01, not at 0.
  const Geometry g = line({Ring{{0, 0}, {1, 0}, {1.004, 0.003}, {2, 0}, {3, 0}}});
  EXPECT_TRUE(checkGeometry(g, {}).empty());
  const std::vector<GeometryIssue> issues = checkGeometry(g, options);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, Kind::DuplicateVertex);
  EXPECT_EQ(issues[0].vertex, 2);
  const Result<Geometry> repaired = repairGeometry(g, options);
  ASSERT_TRUE(repaired.ok());
  EXPECT_TRUE(identical(*repaired, line({Ring{{0, 0}, {1, 0}, {2, 0}, {3, 0}}})));

  // The end of a line stays put: its near neighbour goes instead.
  const Geometry end = line({Ring{{0, 0}, {5, 0}, {5.005, 0}}});
  const std::vector<GeometryIssue> endIssues = checkGeometry(end, options);
  ASSERT_EQ(endIssues.size(), 1u);
  EXPECT_EQ(endIssues[0].vertex, 1);
  EXPECT_TRUE(identical(*repairGeometry(end, options), line({Ring{{0, 0}, {5.005, 0}}})));

  // In a closed ring, the vertex just before the closing point, near the first, goes.
  const Geometry ring = polygon({Part{Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0.005}, {0, 0}}}});
  const std::vector<GeometryIssue> ringIssues = checkGeometry(ring, options);
  ASSERT_EQ(ringIssues.size(), 1u);
  EXPECT_EQ(ringIssues[0].vertex, 4);
  EXPECT_TRUE(identical(*repairGeometry(ring, options), polygon({Part{ccwSquare(0, 0, 10)}})));
}

TEST(GeometryChecks, RingOrientation) {
  // Shell counter-clockwise, hole counter-clockwise too: the hole is reported under any convention.
  const Geometry likeShell = polygon({Part{ccwSquare(0, 0, 10), ccwSquare(2, 2, 2)}});
  const std::vector<GeometryIssue> issues = checkGeometry(likeShell, {});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, Kind::RingOrientation);
  EXPECT_EQ(issues[0].part, 0);
  EXPECT_EQ(issues[0].ring, 1);
  const Result<Geometry> fixedHole = repairGeometry(likeShell, {});
  ASSERT_TRUE(fixedHole.ok());
  EXPECT_TRUE(identical(*fixedHole, polygon({Part{ccwSquare(0, 0, 10), reversed(ccwSquare(2, 2, 2))}})));

  // A clockwise exterior with an opposite hole: fine unless counter-clockwise exteriors are required.
  const Geometry clockwise = polygon({Part{reversed(ccwSquare(0, 0, 10)), ccwSquare(2, 2, 2)}});
  EXPECT_TRUE(checkGeometry(clockwise, {}).empty());
  GeometryCheckOptions cw;
  cw.orientation = Orientation::ClockwiseExterior;
  EXPECT_TRUE(checkGeometry(clockwise, cw).empty());
  GeometryCheckOptions ccw;
  ccw.orientation = Orientation::CounterClockwiseExterior;
  const std::vector<GeometryIssue> ccwIssues = checkGeometry(clockwise, ccw);
  ASSERT_EQ(ccwIssues.size(), 1u);
  EXPECT_EQ(ccwIssues[0].kind, Kind::RingOrientation);
  EXPECT_EQ(ccwIssues[0].ring, 0);
  EXPECT_EQ(kinds(checkGeometry(polygon({Part{ccwSquare(0, 0, 10)}}), cw)), std::vector<Kind>{Kind::RingOrientation});

  const Result<Geometry> oriented = repairGeometry(clockwise, ccw);
  ASSERT_TRUE(oriented.ok());
  ASSERT_EQ(oriented->parts().size(), 1u);
  ASSERT_EQ(oriented->parts()[0].size(), 2u);
  EXPECT_GT(shoelace(oriented->parts()[0][0]), 0);
  EXPECT_LT(shoelace(oriented->parts()[0][1]), 0);
  EXPECT_NEAR(shoelace(oriented->parts()[0][0]), 100, 1e-12);
  EXPECT_NEAR(shoelace(oriented->parts()[0][1]), -4, 1e-12);
  EXPECT_TRUE(checkGeometry(*oriented, ccw).empty());
}

TEST(GeometryChecks, SliverByMeanWidth) {
  const Geometry thin = polygon({Part{thinRectangle(0, 0)}});
  GeometryCheckOptions wide;
  wide.sliverWidth = 0.1;
  GeometryCheckOptions narrow;
  narrow.sliverWidth = 0.01;
  EXPECT_TRUE(checkGeometry(thin, {}).empty());
  EXPECT_TRUE(checkGeometry(thin, narrow).empty());
  // Either side of 2·5/200.1 ≈ 0.04998 (area/perimeter alone would be half that).
  GeometryCheckOptions justBelow;
  justBelow.sliverWidth = 0.0499;
  GeometryCheckOptions justAbove;
  justAbove.sliverWidth = 0.0501;
  EXPECT_TRUE(checkGeometry(thin, justBelow).empty());
  EXPECT_EQ(kinds(checkGeometry(thin, justAbove)), std::vector<Kind>{Kind::Sliver});
  const std::vector<GeometryIssue> issues = checkGeometry(thin, wide);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, Kind::Sliver);
  EXPECT_EQ(issues[0].part, 0);
  EXPECT_NEAR(issues[0].location.x(), 50, 1e-9);
  EXPECT_NEAR(issues[0].location.y(), 0.025, 1e-9);
  EXPECT_FALSE(repairGeometry(thin, wide).ok());
  EXPECT_TRUE(identical(*repairGeometry(thin, narrow), thin));

  // A multipolygon with one sliver part: repair drops only that part.
  const Geometry multi = polygon({Part{ccwSquare(0, 10, 10)}, Part{thinRectangle(0, 0)}, Part{ccwSquare(20, 10, 5)}});
  EXPECT_EQ(kinds(checkGeometry(multi, wide)), std::vector<Kind>{Kind::Sliver});
  const Result<Geometry> repaired = repairGeometry(multi, wide);
  ASSERT_TRUE(repaired.ok());
  EXPECT_TRUE(identical(*repaired, polygon({Part{ccwSquare(0, 10, 10)}, Part{ccwSquare(20, 10, 5)}})));
}

TEST(GeometryChecks, RepairOfAGoodGeometryIsIdentical) {
  GeometryCheckOptions options;
  options.duplicateTolerance = 0.001;
  options.sliverWidth = 0.01;
  const std::vector<Geometry> good = {
      polygon({Part{reversed(ccwSquare(600000.123, 3460000.456, 100)), ccwSquare(600010.1, 3460010.2, 5)},
               Part{ccwSquare(600200.7, 3460000.3, 50)}}),
      line({Ring{{0.1, 0.2}, {1.3, 5.7}, {2.9, 0.4}}, Ring{{10, 10}, {20, 20}}}),
      Geometry::point({7.25, 8.5}),
      Geometry(),
  };
  for (const Geometry& g : good) {
    EXPECT_TRUE(checkGeometry(g, options).empty());
    const Result<Geometry> repaired = repairGeometry(g, options);
    ASSERT_TRUE(repaired.ok());
    EXPECT_TRUE(identical(*repaired, g));
  }
}

TEST(GeometryChecks, IssuesComeInAStableOrder) {
  GeometryCheckOptions options;
  options.sliverWidth = 0.1;
  const Geometry g = polygon({
      Part{Ring{{0, 0}, {10, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, ccwSquare(2, 2, 2)},  // duplicate; hole like shell
      Part{Ring{{50, 50}, {51, 50}, {50, 50}}},                                            // too few points
      Part{thinRectangle(100, 0)},                                                          // sliver
      bowTie(300).parts().front(),                                                          // self-intersection
  });
  const std::vector<GeometryIssue> issues = checkGeometry(g, options);
  EXPECT_EQ(kinds(issues), (std::vector<Kind>{Kind::TooFewPoints, Kind::DuplicateVertex, Kind::RingOrientation,
                                              Kind::Sliver, Kind::Invalid}));
  ASSERT_EQ(issues.size(), 5u);
  EXPECT_EQ(issues[0].part, 1);
  EXPECT_EQ(issues[1].part, 0);
  EXPECT_EQ(issues[2].part, 0);
  EXPECT_EQ(issues[3].part, 2);
  EXPECT_EQ(issues[4].part, 3);
  EXPECT_EQ(issues[4].location, QPointF(305, 5));
}

TEST(GeometryChecks, OverlappingPartsAreInvalidAsAWhole) {
  const Geometry g = polygon({Part{ccwSquare(0, 0, 10)}, Part{ccwSquare(5, 5, 10)}});
  const std::vector<GeometryIssue> issues = checkGeometry(g, {});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, Kind::Invalid);
  EXPECT_EQ(issues[0].part, -1);
  // Repair merges them: 100 + 100 - 25 (the 5 × 5 overlap), one exterior of 8 corners, no hole.
  const Result<Geometry> repaired = repairGeometry(g, {});
  ASSERT_TRUE(repaired.ok());
  EXPECT_TRUE(checkGeometry(*repaired, {}).empty());
  ASSERT_EQ(repaired->parts().size(), 1u);
  ASSERT_EQ(repaired->parts()[0].size(), 1u);
  EXPECT_NEAR(std::abs(shoelace(repaired->parts()[0][0])), 175, 1e-9);
}

TEST(GeometryChecks, CheckGeometriesReportsByFeatureAndStopsWhenCancelled) {
  const std::vector<Geometry> features = {polygon({Part{ccwSquare(0, 0, 10)}}), bowTie(), line({Ring{{1, 1}}}),
                                          polygon({Part{ccwSquare(0, 0, 10)}})};
  const std::vector<FeatureIssue> found = checkGeometries(features, {});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].index, 1u);
  EXPECT_EQ(found[0].issue.kind, Kind::Invalid);
  EXPECT_EQ(found[1].index, 2u);
  EXPECT_EQ(found[1].issue.kind, Kind::TooFewPoints);

  std::atomic<bool> cancel{true};
  EXPECT_TRUE(checkGeometries(features, {}, &cancel).empty());
  cancel = false;
  EXPECT_EQ(checkGeometries(features, {}, &cancel).size(), 2u);
}

}  // namespace
}  // namespace xiuhua::gis
