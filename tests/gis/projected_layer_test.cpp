#include "xiuhua/gis/projected_layer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace xiuhua::gis {
namespace {

TEST(ProjectedLayer, ReprojectsAndFindsFeatures) {
  auto data = std::make_shared<VectorData>();
  data->geometries.push_back(Geometry(Geometry::Type::Polygon,
      {{{QPointF(121.2, 31.3), QPointF(121.3, 31.3), QPointF(121.3, 31.4), QPointF(121.2, 31.4)}}}));
  data->attributes.push_back({});
  data->fids = {7};
  auto layer = ProjectedLayer::build(data, Crs::fromEpsg(4326), Crs::fromEpsg(4549));
  ASSERT_TRUE(layer.ok());
  const QRectF e = (*layer)->extent();
  EXPECT_GT(e.left(), 610000);  // 121.2°E is ~114 km east of the 120°E central meridian
  EXPECT_LT(e.right(), 630000);
  EXPECT_GT(e.top(), 3460000);
  EXPECT_EQ((*layer)->featuresAt(e.center(), 1.0), std::vector<int>{0});
  EXPECT_TRUE((*layer)->featuresAt(e.topLeft() - QPointF(100, 100), 1.0).empty());
  EXPECT_TRUE(e.contains((*layer)->labelAnchors().front()));
}

TEST(ProjectedLayer, FeaturesWithoutGeometryAreKeptButNotIndexed) {
  auto data = std::make_shared<VectorData>();
  data->geometries = {Geometry(), Geometry::point(QPointF(0, 0))};  // a point at the origin counts
  data->attributes = {{}, {}};
  data->fids = {1, 2};
  auto layer = ProjectedLayer::build(data, Crs::fromEpsg(4549), Crs::fromEpsg(4549));
  ASSERT_TRUE(layer.ok());
  EXPECT_TRUE(std::isnan((*layer)->boxes()[0].left()));
  EXPECT_EQ((*layer)->candidates(QRectF(-1, -1, 2, 2)), std::vector<int>{1});
  EXPECT_EQ((*layer)->featuresAt(QPointF(0, 0), 0.5), std::vector<int>{1});
}

TEST(ProjectedLayer, UntransformableVerticesAreCountedAndDropped) {
  auto data = std::make_shared<VectorData>();
  // Latitude 95° does not exist: PROJ cannot transform the second vertex.
  data->geometries = {Geometry(Geometry::Type::Line, {{{QPointF(121.2, 31.3), QPointF(121.2, 95.0), QPointF(121.3, 31.4)}}})};
  data->attributes = {{}};
  data->fids = {1};
  auto layer = ProjectedLayer::build(data, Crs::fromEpsg(4326), Crs::fromEpsg(4549));
  ASSERT_TRUE(layer.ok());
  EXPECT_EQ((*layer)->failedVertexCount(), 1);
  EXPECT_EQ((*layer)->geometries()[0].parts()[0][0].size(), 2U);
  EXPECT_TRUE(std::isfinite((*layer)->extent().width()));
}

}  // namespace
}  // namespace xiuhua::gis
