#include "xiuhua/gis/edit/snapper.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>

namespace xiuhua::gis {
namespace {

using Ring = Geometry::Ring;
using Kind = SnapResult::Kind;

Geometry line(Ring ring) {
  return Geometry(Geometry::Type::Line, {Geometry::Part{std::move(ring)}});
}
Geometry polygon(Ring ring) {
  return Geometry(Geometry::Type::Polygon, {Geometry::Part{std::move(ring)}});
}

TEST(Snapper, VertexWinsOverANearerSegmentPoint) {
  Snapper snapper;
  EXPECT_EQ(snapper.addSource({line({{0, 0}, {10, 0}})}), 0);
  // The segment point (9.5, 0) is 0.1 away, the vertex (10, 0) about 0.51: the vertex wins.
  const auto hit = snapper.snap({9.5, 0.1}, 1.0);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->kind, Kind::Vertex);
  EXPECT_EQ(hit->point, QPointF(10, 0));
  EXPECT_DOUBLE_EQ(hit->distance, std::hypot(0.5, 0.1));
  EXPECT_EQ(hit->source, 0);
  EXPECT_EQ(hit->feature, 0U);
  EXPECT_EQ(hit->ref, (VertexRef{0, 0, 1}));

  // With a smaller tolerance the vertex is out of reach and the segment point is taken.
  const auto segment = snapper.snap({9.5, 0.1}, 0.3);
  ASSERT_TRUE(segment);
  EXPECT_EQ(segment->kind, Kind::Segment);
  EXPECT_EQ(segment->point, QPointF(9.5, 0));
}

TEST(Snapper, SegmentPointIsTheExactProjection) {
  Snapper snapper;
  snapper.addSource({line({{0, 0}, {40, 20}})});
  // (18, 14) - (20, 10) = (-2, 4) is perpendicular to (40, 20): the foot is (20, 10), √20 away.
  const auto hit = snapper.snap({18, 14}, 5.0);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->kind, Kind::Segment);
  EXPECT_EQ(hit->point, QPointF(20, 10));
  EXPECT_DOUBLE_EQ(hit->distance, std::sqrt(20.0));
  EXPECT_EQ(hit->ref, (VertexRef{0, 0, 0}));
  EXPECT_FALSE(snapper.snap({18, 14}, 4.0));  // √20 ≈ 4.47
}

TEST(Snapper, NothingBeyondTolerance) {
  Snapper snapper;
  EXPECT_FALSE(snapper.snap({0, 0}, 10));  // no source at all
  snapper.addSource({polygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}), Geometry(),
                     Geometry::point({50, 50})});
  EXPECT_FALSE(snapper.snap({5, 5}, 4.9));     // inside the square, 5 from every edge
  EXPECT_FALSE(snapper.snap({53, 54}, 4.99));  // 5 from the point
  EXPECT_TRUE(snapper.snap({53, 54}, 5.0));    // exactly at the tolerance counts
  EXPECT_FALSE(snapper.snap({0, 0}, -1));
  const auto inside = snapper.snap({5, 5}, 5.0);
  ASSERT_TRUE(inside);
  EXPECT_EQ(inside->kind, Kind::Segment);
  EXPECT_DOUBLE_EQ(inside->distance, 5.0);
}

TEST(Snapper, SkipLeavesFeaturesOut) {
  Snapper snapper;
  snapper.addSource({Geometry::point({0, 0}), Geometry::point({1, 0})});
  const auto nearest = snapper.snap({0.2, 0}, 2.0);
  ASSERT_TRUE(nearest);
  EXPECT_EQ(nearest->feature, 0U);
  const auto skipped = snapper.snap(
      {0.2, 0}, 2.0, [](int source, std::size_t feature) { return source == 0 && feature == 0; });
  ASSERT_TRUE(skipped);
  EXPECT_EQ(skipped->feature, 1U);
  EXPECT_EQ(skipped->point, QPointF(1, 0));
  EXPECT_FALSE(snapper.snap({0.2, 0}, 2.0, [](int, std::size_t) { return true; }));
}

TEST(Snapper, SeveralSourcesReportTheirIndex) {
  Snapper snapper;
  EXPECT_EQ(snapper.addSource({line({{0, 0}, {100, 0}})}), 0);
  EXPECT_EQ(snapper.addSource({Geometry::point({-50, -50}), Geometry::point({30, 0.8})}), 1);
  EXPECT_EQ(snapper.addSource({line({{0, 5}, {100, 5}})}, /*vertices=*/false, /*segments=*/true),
            2);
  EXPECT_EQ(snapper.addSource({line({{0, 9}, {100, 9}})}, /*vertices=*/true, /*segments=*/false),
            3);
  EXPECT_EQ(snapper.sourceCount(), 4);

  // A vertex of another source beats the nearer segment of source 0.
  auto hit = snapper.snap({30, 0.1}, 1.0);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->kind, Kind::Vertex);
  EXPECT_EQ(hit->source, 1);
  EXPECT_EQ(hit->feature, 1U);
  EXPECT_EQ(hit->point, QPointF(30, 0.8));

  // Source 2 offers only its segments: near its end vertex, the segment point is taken.
  hit = snapper.snap({0.3, 5.2}, 1.0);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->source, 2);
  EXPECT_EQ(hit->kind, Kind::Segment);
  EXPECT_EQ(hit->point, QPointF(0.3, 5));

  // Source 3 offers only its vertices: the middle of its segment snaps to nothing.
  EXPECT_FALSE(snapper.snap({50, 9.1}, 1.0));
  hit = snapper.snap({99.5, 9.1}, 1.0);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->source, 3);
  EXPECT_EQ(hit->kind, Kind::Vertex);
  EXPECT_EQ(hit->point, QPointF(100, 9));
}

// What snap() must answer, by looking at every vertex and every edge of every square.
struct Expected {
  bool found = false;
  Kind kind = Kind::Vertex;
  double distance = 0;
};

Expected bruteForce(const std::vector<Geometry>& squares, QPointF p, double tolerance) {
  double bestVertex = std::numeric_limits<double>::infinity();
  double bestSegment = std::numeric_limits<double>::infinity();
  for (const Geometry& g : squares) {
    const Ring& r = g.parts()[0][0];
    // A square's outline is at least as far as its box; a plain bound keeps the debug build quick.
    const double minX = r[0].x();
    const double minY = r[0].y();
    const double maxX = r[2].x();
    const double maxY = r[2].y();
    if (p.x() < minX - tolerance || p.x() > maxX + tolerance || p.y() < minY - tolerance ||
        p.y() > maxY + tolerance) {
      continue;
    }
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
      const QPointF a = r[i];
      const QPointF b = r[i + 1];
      bestVertex = std::min(bestVertex, std::hypot(p.x() - a.x(), p.y() - a.y()));
      const QPointF ab = b - a;
      const double t =
          std::clamp(QPointF::dotProduct(p - a, ab) / QPointF::dotProduct(ab, ab), 0.0, 1.0);
      const QPointF foot = a + t * ab;
      bestSegment = std::min(bestSegment, std::hypot(p.x() - foot.x(), p.y() - foot.y()));
    }
  }
  if (bestVertex <= tolerance) return {true, Kind::Vertex, bestVertex};
  if (bestSegment <= tolerance) return {true, Kind::Segment, bestSegment};
  return {};
}

TEST(Snapper, HundredThousandSquaresAgreeWithBruteForce) {
  std::mt19937 rng(20240611);
  std::uniform_real_distribution<double> position(0, 1000);
  std::uniform_real_distribution<double> side(0.2, 1.5);
  std::vector<Geometry> squares;
  squares.reserve(100000);
  for (int i = 0; i < 100000; ++i) {
    const double x = position(rng);
    const double y = position(rng);
    const double s = side(rng);
    squares.push_back(polygon({{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}));
  }
  Snapper snapper;
  snapper.addSource(squares);

  const double tolerance = 0.6;
  std::uniform_real_distribution<double> query(-5, 1005);
  int vertices = 0;
  int segments = 0;
  int misses = 0;
  std::chrono::nanoseconds snapTime{0};
  for (int q = 0; q < 300; ++q) {
    const QPointF p(query(rng), query(rng));
    const auto start = std::chrono::steady_clock::now();
    const auto hit = snapper.snap(p, tolerance);
    snapTime += std::chrono::steady_clock::now() - start;
    const Expected expected = bruteForce(squares, p, tolerance);
    ASSERT_EQ(hit.has_value(), expected.found) << "query " << q;
    if (!hit) {
      ++misses;
      continue;
    }
    EXPECT_EQ(hit->kind, expected.kind) << "query " << q;
    EXPECT_NEAR(hit->distance, expected.distance, 1e-9) << "query " << q;
    // The reported point is where the distance was measured, on the reported feature's outline.
    EXPECT_NEAR(std::hypot(hit->point.x() - p.x(), hit->point.y() - p.y()), hit->distance, 1e-9);
    ASSERT_LT(hit->feature, squares.size());
    EXPECT_TRUE(squares[hit->feature]
                    .boundingBox()
                    .adjusted(-1e-9, -1e-9, 1e-9, 1e-9)
                    .contains(hit->point));
    (hit->kind == Kind::Vertex ? vertices : segments) += 1;
  }
  const double seconds = std::chrono::duration<double>(snapTime).count() / 300;
  RecordProperty("microseconds_per_query", static_cast<int>(std::lround(seconds * 1e6)));
  // The random queries must exercise every answer, or the comparison proves little.
  EXPECT_GE(vertices, 5);
  EXPECT_GE(segments, 5);
  EXPECT_GE(misses, 5);
  // The time per query is recorded, not judged (speed belongs to the benchmarks, never to a test).
}

}  // namespace
}  // namespace xiuhua::gis
