#include "xiuhua/gis/edit/geometry_edits.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace xiuhua::gis {
namespace {

using Ring = Geometry::Ring;

Geometry polygon(Ring ring) {
  return Geometry(Geometry::Type::Polygon, {Geometry::Part{std::move(ring)}});
}
Geometry line(Ring ring) {
  return Geometry(Geometry::Type::Line, {Geometry::Part{std::move(ring)}});
}

// The closed square (0,0)-(10,10), counter-clockwise, as GDAL reads it.
Geometry square10() { return polygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}); }

const Ring& ringOf(const Geometry& g, std::size_t part = 0, std::size_t ring = 0) {
  return g.parts().at(part).at(ring);
}

double lengthOf(const Ring& r) {
  double sum = 0;
  for (std::size_t i = 1; i < r.size(); ++i)
    sum += std::hypot(r[i].x() - r[i - 1].x(), r[i].y() - r[i - 1].y());
  return sum;
}

// Shoelace area of a ring (closed or open), absolute.
double ringArea(const Ring& r) {
  double twice = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    const QPointF& a = r[i];
    const QPointF& b = r[(i + 1) % r.size()];
    twice += a.x() * b.y() - b.x() * a.y();
  }
  return std::abs(twice) / 2;
}

TEST(GeometryEdits, NearestVertexReportsClosedRingStartAsVertexZero) {
  const Geometry g = square10();
  auto hit = nearestVertex(g, {10.5, -0.2}, 1.0);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->ref, (VertexRef{0, 0, 1}));
  EXPECT_EQ(hit->point, QPointF(10, 0));
  EXPECT_DOUBLE_EQ(hit->distance, std::hypot(0.5, 0.2));

  hit = nearestVertex(g, {0.1, 0.1}, 1.0);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->ref.vertex, 0);  // not 4, the repeated closing vertex

  EXPECT_FALSE(nearestVertex(g, {5, 5}, 1.0));
  EXPECT_FALSE(nearestVertex(Geometry(), {0, 0}, 1.0));
}

TEST(GeometryEdits, NearestSegmentGivesTheFootOfThePerpendicular) {
  const Geometry g = square10();
  auto hit = nearestSegment(g, {5, 0.25}, 1.0);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->ref, (VertexRef{0, 0, 0}));
  EXPECT_EQ(hit->point, QPointF(5, 0));
  EXPECT_DOUBLE_EQ(hit->distance, 0.25);

  // An open ring still has its closing segment (last vertex → first).
  const Geometry open = polygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
  hit = nearestSegment(open, {-0.5, 4}, 1.0);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->ref.vertex, 3);
  EXPECT_EQ(hit->point, QPointF(0, 4));

  EXPECT_FALSE(nearestSegment(g, {5, 5}, 1.0));
  EXPECT_FALSE(nearestSegment(Geometry::point({0, 0}), {0, 0}, 1.0));  // a point has no segment
}

TEST(GeometryEdits, MovingTheFirstVertexOfAClosedRingMovesTheLastToo) {
  auto moved = moveVertex(square10(), {0, 0, 0}, {-1, -2});
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(ringOf(*moved), (Ring{{-1, -2}, {10, 0}, {10, 10}, {0, 10}, {-1, -2}}));

  moved = moveVertex(square10(), {0, 0, 4}, {-1, -2});  // the closing copy names the same vertex
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(ringOf(*moved), (Ring{{-1, -2}, {10, 0}, {10, 10}, {0, 10}, {-1, -2}}));

  moved = moveVertex(square10(), {0, 0, 2}, {11, 12});
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(ringOf(*moved), (Ring{{0, 0}, {10, 0}, {11, 12}, {0, 10}, {0, 0}}));

  // A line whose ends meet is not a ring: its start moves alone.
  moved = moveVertex(line({{0, 0}, {5, 0}, {5, 5}, {0, 0}}), {0, 0, 0}, {1, 1});
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(ringOf(*moved), (Ring{{1, 1}, {5, 0}, {5, 5}, {0, 0}}));

  moved = moveVertex(Geometry::point({3, 4}), {0, 0, 0}, {5, 6});
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(ringOf(*moved), (Ring{{5, 6}}));

  for (const VertexRef bad :
       {VertexRef{}, VertexRef{1, 0, 0}, VertexRef{0, 1, 0}, VertexRef{0, 0, 5}}) {
    const auto refused = moveVertex(square10(), bad, {0, 0});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
  }
}

TEST(GeometryEdits, InsertVertexGoesAfterTheSegmentStart) {
  auto inserted = insertVertex(line({{0, 0}, {10, 0}, {10, 10}}), {0, 0, 0}, {5, 0});
  ASSERT_TRUE(inserted.ok());
  EXPECT_EQ(ringOf(*inserted), (Ring{{0, 0}, {5, 0}, {10, 0}, {10, 10}}));

  // The last segment of a closed ring: the new vertex comes before the closing copy.
  inserted = insertVertex(square10(), {0, 0, 3}, {0, 5});
  ASSERT_TRUE(inserted.ok());
  EXPECT_EQ(ringOf(*inserted), (Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 5}, {0, 0}}));

  // The closing segment of an open ring: appended.
  inserted = insertVertex(polygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}}), {0, 0, 3}, {0, 5});
  ASSERT_TRUE(inserted.ok());
  EXPECT_EQ(ringOf(*inserted), (Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 5}}));

  EXPECT_FALSE(
      insertVertex(line({{0, 0}, {10, 0}, {10, 10}}), {0, 0, 2}, {5, 0}).ok());  // no segment 2
  EXPECT_FALSE(insertVertex(square10(), {0, 0, 4}, {5, 0}).ok());
  const auto point = insertVertex(Geometry::point({0, 0}), {0, 0, 0}, {1, 1});
  ASSERT_FALSE(point.ok());
  EXPECT_FALSE(point.error().message.isEmpty());
}

TEST(GeometryEdits, DeleteVertexKeepsLinesAndRingsValid) {
  auto deleted = deleteVertex(line({{0, 0}, {10, 0}, {10, 10}}), {0, 0, 1});
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(ringOf(*deleted), (Ring{{0, 0}, {10, 10}}));

  const auto lineRefused = deleteVertex(line({{0, 0}, {10, 10}}), {0, 0, 0});
  ASSERT_FALSE(lineRefused.ok());
  EXPECT_EQ(lineRefused.error().code, ErrorCode::InvalidArgument);
  EXPECT_FALSE(lineRefused.error().message.isEmpty());

  // Deleting the start of a closed ring: the next vertex becomes start and end.
  deleted = deleteVertex(square10(), {0, 0, 0});
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(ringOf(*deleted), (Ring{{10, 0}, {10, 10}, {0, 10}, {10, 0}}));
  deleted = deleteVertex(square10(), {0, 0, 2});
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(ringOf(*deleted), (Ring{{0, 0}, {10, 0}, {0, 10}, {0, 0}}));

  // A triangle keeps its 3 distinct vertices, closed or open.
  EXPECT_FALSE(deleteVertex(polygon({{0, 0}, {10, 0}, {0, 10}, {0, 0}}), {0, 0, 1}).ok());
  EXPECT_FALSE(deleteVertex(polygon({{0, 0}, {10, 0}, {0, 10}}), {0, 0, 1}).ok());
  deleted = deleteVertex(polygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}}), {0, 0, 3});
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(ringOf(*deleted), (Ring{{0, 0}, {10, 0}, {10, 10}}));

  EXPECT_FALSE(deleteVertex(Geometry::point({1, 2}), {0, 0, 0}).ok());
  EXPECT_FALSE(deleteVertex(square10(), {0, 0, 7}).ok());
}

TEST(GeometryEdits, TranslateAndRotateASquare) {
  const Geometry square = polygon({{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}});
  EXPECT_EQ(ringOf(translated(square, {3, -1})), (Ring{{3, -1}, {5, -1}, {5, 1}, {3, 1}, {3, -1}}));

  // 90° counter-clockwise about the centre (1, 1): each corner takes the place of the previous one.
  EXPECT_EQ(ringOf(rotated(square, {1, 1}, 90)), (Ring{{2, 0}, {2, 2}, {0, 2}, {0, 0}, {2, 0}}));
  EXPECT_EQ(ringOf(rotated(square, {1, 1}, -90)), (Ring{{0, 2}, {0, 0}, {2, 0}, {2, 2}, {0, 2}}));
  EXPECT_EQ(ringOf(rotated(square, {1, 1}, 450)), ringOf(rotated(square, {1, 1}, 90)));
  EXPECT_EQ(ringOf(rotated(square, {0, 0}, 180)),
            (Ring{{0, 0}, {-2, 0}, {-2, -2}, {0, -2}, {0, 0}}));

  const QPointF p = ringOf(rotated(Geometry::point({2, 0}), {0, 0}, 45)).front();
  EXPECT_NEAR(p.x(), std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(p.y(), std::sqrt(2.0), 1e-12);
}

TEST(GeometryEdits, CentreIsTheGeosCentroid) {
  EXPECT_EQ(centreOf(polygon({{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}})), QPointF(1, 1));
  EXPECT_EQ(centreOf(line({{0, 0}, {10, 0}})), QPointF(5, 0));
  // An L-shaped line: the centroid weighs each segment by its length.
  const auto l = centreOf(line({{0, 0}, {4, 0}, {4, 2}}));
  ASSERT_TRUE(l);
  EXPECT_NEAR(l->x(), (4 * 2 + 2 * 4) / 6.0, 1e-12);
  EXPECT_NEAR(l->y(), (4 * 0 + 2 * 1) / 6.0, 1e-12);
  EXPECT_FALSE(centreOf(Geometry()));
}

TEST(GeometryEdits, SplitOnTheMiddleSegment) {
  const Geometry g = line({{0, 0}, {10, 0}, {10, 10}, {20, 10}});
  const auto split = splitLineAt(g, {10.5, 5}, 1.0);
  ASSERT_TRUE(split.ok()) << split.error().message.toStdString();
  ASSERT_EQ(split->size(), 2U);
  EXPECT_EQ((*split)[0].type(), Geometry::Type::Line);
  EXPECT_EQ((*split)[1].type(), Geometry::Type::Line);
  EXPECT_EQ(ringOf((*split)[0]), (Ring{{0, 0}, {10, 0}, {10, 5}}));
  EXPECT_EQ(ringOf((*split)[1]), (Ring{{10, 5}, {10, 10}, {20, 10}}));
  EXPECT_EQ(lengthOf(ringOf((*split)[0])) + lengthOf(ringOf((*split)[1])), 30.0);
}

TEST(GeometryEdits, SplitKeepsVerticesExactAndLengthsAddUp) {
  const Ring original{{0.1, 0.3}, {3.7, 1.9}, {7.3, 8.1}, {9.9, 2.2}};
  const QPointF at(5.9, 5.6);  // near the middle segment, off it
  const auto split = splitLineAt(line(original), at, 1.0);
  ASSERT_TRUE(split.ok());
  const Ring& a = ringOf((*split)[0]);
  const Ring& b = ringOf((*split)[1]);
  ASSERT_EQ(a.size(), 3U);
  ASSERT_EQ(b.size(), 3U);
  EXPECT_EQ(a[0], original[0]);
  EXPECT_EQ(a[1], original[1]);
  EXPECT_EQ(a[2], b[0]);
  EXPECT_EQ(b[1], original[2]);
  EXPECT_EQ(b[2], original[3]);
  // The split point lies on the middle segment, at the foot of the perpendicular from `at`.
  const QPointF d = original[2] - original[1];
  const QPointF s = a[2];
  EXPECT_NEAR(QPointF::dotProduct(at - s, d), 0.0, 1e-9);
  EXPECT_NEAR((s.x() - original[1].x()) * d.y() - (s.y() - original[1].y()) * d.x(), 0.0, 1e-9);
  EXPECT_NEAR(lengthOf(a) + lengthOf(b), lengthOf(original), 1e-12);
}

TEST(GeometryEdits, SplitAtAVertexSharesIt) {
  const auto split = splitLineAt(line({{0, 0}, {10, 0}, {10, 10}, {20, 10}}), {10.3, -0.4}, 1.0);
  ASSERT_TRUE(split.ok());
  EXPECT_EQ(ringOf((*split)[0]), (Ring{{0, 0}, {10, 0}}));
  EXPECT_EQ(ringOf((*split)[1]), (Ring{{10, 0}, {10, 10}, {20, 10}}));
}

TEST(GeometryEdits, SplitAMultiLineKeepsTheOtherParts) {
  const Geometry g(Geometry::Type::Line, {Geometry::Part{Ring{{0, 100}, {50, 100}}},
                                          Geometry::Part{Ring{{0, 0}, {10, 0}, {20, 0}}},
                                          Geometry::Part{Ring{{0, 200}, {50, 200}}}});
  const auto split = splitLineAt(g, {15, 0.5}, 1.0);
  ASSERT_TRUE(split.ok());
  const Geometry& head = (*split)[0];
  ASSERT_EQ(head.parts().size(), 3U);
  EXPECT_EQ(ringOf(head, 0), (Ring{{0, 100}, {50, 100}}));
  EXPECT_EQ(ringOf(head, 1), (Ring{{0, 0}, {10, 0}, {15, 0}}));
  EXPECT_EQ(ringOf(head, 2), (Ring{{0, 200}, {50, 200}}));
  ASSERT_EQ((*split)[1].parts().size(), 1U);
  EXPECT_EQ(ringOf((*split)[1]), (Ring{{15, 0}, {20, 0}}));
}

TEST(GeometryEdits, SplitRefusals) {
  const Geometry g = line({{0, 0}, {10, 0}, {10, 10}, {20, 10}});
  for (const QPointF at :
       {QPointF(5, 3), QPointF(0.5, 0.2), QPointF(-0.5, 0), QPointF(19.6, 10.1)}) {
    const auto refused = splitLineAt(g, at, 1.0);
    ASSERT_FALSE(refused.ok()) << at.x() << "," << at.y();
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(refused.error().message.isEmpty());
  }
  EXPECT_FALSE(splitLineAt(square10(), {5, 0}, 1.0).ok());
  EXPECT_FALSE(splitLineAt(Geometry::point({5, 0}), {5, 0}, 1.0).ok());
  EXPECT_FALSE(splitLineAt(Geometry(), {5, 0}, 1.0).ok());
}

TEST(GeometryEdits, MergeTouchingSquaresDissolves) {
  const Geometry a = polygon({{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}});
  const Geometry b = polygon({{1, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 0}});
  const auto merged = mergeGeometries({a, b}, Geometry::Type::Polygon);
  ASSERT_TRUE(merged.ok()) << merged.error().message.toStdString();
  EXPECT_EQ(merged->type(), Geometry::Type::Polygon);
  ASSERT_EQ(merged->parts().size(), 1U);
  ASSERT_EQ(merged->parts()[0].size(), 1U);  // no hole
  EXPECT_DOUBLE_EQ(ringArea(ringOf(*merged)), 2.0);
  EXPECT_EQ(merged->boundingBox(), QRectF(0, 0, 2, 1));

  // Overlapping squares: 4 + 4 - 1; apart: two parts.
  const auto overlap = mergeGeometries(
      {polygon({{0, 0}, {2, 0}, {2, 2}, {0, 2}}), polygon({{1, 1}, {3, 1}, {3, 3}, {1, 3}})},
      Geometry::Type::Polygon);
  ASSERT_TRUE(overlap.ok());
  ASSERT_EQ(overlap->parts().size(), 1U);
  EXPECT_DOUBLE_EQ(ringArea(ringOf(*overlap)), 7.0);
  const auto apart = mergeGeometries({a, translated(b, {5, 0})}, Geometry::Type::Polygon);
  ASSERT_TRUE(apart.ok());
  EXPECT_EQ(apart->parts().size(), 2U);
}

TEST(GeometryEdits, MergeLinesEndToEndGivesOnePart) {
  const auto merged = mergeGeometries({line({{0, 0}, {1, 0}}), line({{1, 0}, {2, 1}, {4, 1}})},
                                      Geometry::Type::Line);
  ASSERT_TRUE(merged.ok()) << merged.error().message.toStdString();
  EXPECT_EQ(merged->type(), Geometry::Type::Line);
  ASSERT_EQ(merged->parts().size(), 1U);
  Ring r = ringOf(*merged);
  if (r.front() != QPointF(0, 0)) std::reverse(r.begin(), r.end());  // GEOS may orient either way
  EXPECT_EQ(r, (Ring{{0, 0}, {1, 0}, {2, 1}, {4, 1}}));

  // A line drawn the other way round still joins.
  const auto reversed = mergeGeometries({line({{0, 0}, {1, 0}}), line({{4, 1}, {2, 1}, {1, 0}})},
                                        Geometry::Type::Line);
  ASSERT_TRUE(reversed.ok());
  EXPECT_EQ(reversed->parts().size(), 1U);
}

TEST(GeometryEdits, MergePointsCollects) {
  const auto merged =
      mergeGeometries({Geometry::point({0, 0}), Geometry::point({1, 2})}, Geometry::Type::Point);
  ASSERT_TRUE(merged.ok());
  ASSERT_EQ(merged->parts().size(), 2U);
  EXPECT_EQ(ringOf(*merged, 1), (Ring{{1, 2}}));
}

TEST(GeometryEdits, MergeRefusals) {
  const Geometry a = polygon({{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}});
  const auto one = mergeGeometries({a}, Geometry::Type::Polygon);
  ASSERT_FALSE(one.ok());
  EXPECT_FALSE(one.error().message.isEmpty());
  const auto mixed = mergeGeometries({a, line({{0, 0}, {1, 0}})}, Geometry::Type::Polygon);
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.error().code, ErrorCode::InvalidArgument);
  EXPECT_FALSE(mergeGeometries({a, a}, Geometry::Type::Line).ok());
  EXPECT_FALSE(mergeGeometries({a, Geometry()}, Geometry::Type::Polygon).ok());
  EXPECT_FALSE(mergeGeometries({Geometry(), Geometry()}, Geometry::Type::Empty).ok());
}

}  // namespace
}  // namespace xiuhua::gis
