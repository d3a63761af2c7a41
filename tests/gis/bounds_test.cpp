#include "xiuhua/gis/bounds.h"

#include <gtest/gtest.h>

#include <limits>

namespace xiuhua::gis {
namespace {

TEST(Bounds, EmptyUntilSomethingIsAdded) {
  Bounds b;
  EXPECT_TRUE(b.isEmpty());
  EXPECT_TRUE(b.rect().isNull());
  b.add(QRectF());  // an empty rect adds nothing
  EXPECT_TRUE(b.isEmpty());
}

TEST(Bounds, ASinglePointHasAnExtent) {
  Bounds b;
  b.add(QPointF(619000, 3470000));
  EXPECT_FALSE(b.isEmpty());
  EXPECT_EQ(b.rect().topLeft(), QPointF(619000, 3470000));
  EXPECT_EQ(b.rect().size(), QSizeF(0, 0));
  // QRectF::united would drop the zero-size rect; Bounds keeps it.
  b.add(QRectF(QPointF(10, 10), QSizeF(0, 0)));
  EXPECT_EQ(b.rect(), QRectF(QPointF(10, 10), QPointF(619000, 3470000)));
}

TEST(Bounds, SkipsNonFiniteCoordinates) {
  Bounds b;
  b.add(QPointF(std::numeric_limits<double>::quiet_NaN(), 1));
  b.add(QPointF(1, std::numeric_limits<double>::infinity()));
  EXPECT_TRUE(b.isEmpty());
  b.add(QPointF(-1, -2));
  b.add(QPointF(3, 4));
  EXPECT_EQ(b.rect(), QRectF(QPointF(-1, -2), QPointF(3, 4)));
}

}  // namespace
}  // namespace xiuhua::gis
