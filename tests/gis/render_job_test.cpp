#include "xiuhua/gis/render_job.h"

#include <gtest/gtest.h>

#include <QDateTime>

namespace xiuhua::gis {
namespace {

std::shared_ptr<const ProjectedLayer> squareLayer() {
  auto data = std::make_shared<VectorData>();
  data->fields = {{QStringLiteral("name"), Field::Type::String}};
  data->geometries.push_back(Geometry(Geometry::Type::Polygon,
      {{{QPointF(100, 100), QPointF(200, 100), QPointF(200, 200), QPointF(100, 200)}}}));
  data->attributes.push_back({QStringLiteral("南翔镇")});
  data->geometries.push_back(Geometry::point(QPointF(300, 300)));
  data->attributes.push_back({QStringLiteral("站点")});
  data->fids = {1, 2};
  data->crs = Crs::fromEpsg(4549);
  return ProjectedLayer::build(data, data->crs, data->crs).value();
}

RenderSnapshot snapshotOf(std::shared_ptr<const ProjectedLayer> layer, QColor fill) {
  RenderSnapshot s;
  s.viewport = MapViewport(QPointF(200, 200), 1.0, QSize(400, 400));  // map (0..400) -> pixels
  RenderLayer l;
  l.vector = std::move(layer);
  l.vectorStyle.symbol.fill = fill;
  l.vectorStyle.symbol.stroke = fill;
  s.layers.push_back(l);
  return s;
}

TEST(RenderJob, DrawsAPolygonWhereItIs) {
  const std::atomic<bool> cancel(false);
  RenderStats stats;
  const QImage image = renderMap(snapshotOf(squareLayer(), Qt::red), cancel, &stats);
  ASSERT_EQ(image.size(), QSize(400, 400));
  // Map (150, 150) is pixel (150, 250): y flips.
  EXPECT_EQ(image.pixelColor(150, 250), QColor(Qt::red));
  EXPECT_EQ(image.pixelColor(150, 150), QColor(Qt::white));
  EXPECT_EQ(image.pixelColor(300, 100), QColor(Qt::red));  // the point at map (300, 300)
  EXPECT_EQ(stats.featuresDrawn, 2);
}

TEST(RenderJob, OnlyVisibleFeaturesAreConsidered) {
  auto snapshot = snapshotOf(squareLayer(), Qt::red);
  snapshot.viewport = MapViewport(QPointF(150, 150), 0.1, QSize(100, 100));  // inside the square
  const std::atomic<bool> cancel(false);
  RenderStats stats;
  const QImage image = renderMap(snapshot, cancel, &stats);
  EXPECT_EQ(stats.featuresConsidered, 1);
  EXPECT_EQ(image.pixelColor(50, 50), QColor(Qt::red));
}

TEST(RenderJob, CancelledRenderStopsAndSaysSo) {
  const std::atomic<bool> cancel(true);
  RenderStats stats;
  renderMap(snapshotOf(squareLayer(), Qt::red), cancel, &stats);
  EXPECT_TRUE(stats.cancelled);
  EXPECT_EQ(stats.featuresDrawn, 0);
}

TEST(RenderJob, SelectionIsHighlighted) {
  auto snapshot = snapshotOf(squareLayer(), Qt::red);
  snapshot.layers[0].selection = std::make_shared<const std::vector<int>>(std::vector<int>{0});
  const std::atomic<bool> cancel(false);
  const QImage image = renderMap(snapshot, cancel);
  // The translucent yellow highlight over the red fill: (255, 230·a + 0·(1−a), 0) with a = 200/255.
  const QColor c = image.pixelColor(150, 250);
  EXPECT_EQ(c.red(), 255);
  EXPECT_NEAR(c.green(), 180, 3);
  EXPECT_LE(c.blue(), 2);
}

TEST(RenderJob, CategorizedColoursComeFromTheField) {
  auto snapshot = snapshotOf(squareLayer(), Qt::red);
  VectorStyle& style = snapshot.layers[0].vectorStyle;
  style.kind = VectorStyle::Kind::Categorized;
  style.field = QStringLiteral("name");
  Symbol blue;
  blue.fill = blue.stroke = Qt::blue;
  style.classes.push_back({QStringLiteral("南翔镇"), 0, 0, QStringLiteral("南翔镇"), blue});
  const std::atomic<bool> cancel(false);
  const QImage image = renderMap(snapshot, cancel);
  EXPECT_EQ(image.pixelColor(150, 250), QColor(Qt::blue));
  EXPECT_EQ(image.pixelColor(300, 100), QColor(Qt::red));  // no class: the layer symbol
}

TEST(RenderJob, LabelsAreDrawn) {
  auto snapshot = snapshotOf(squareLayer(), QColor(240, 240, 240));
  snapshot.layers[0].vectorStyle.labelField = QStringLiteral("name");
  snapshot.layers[0].vectorStyle.labelColor = Qt::black;
  const std::atomic<bool> cancel(false);
  const QImage image = renderMap(snapshot, cancel);
  int dark = 0;
  for (int y = 230; y < 270; ++y) {
    for (int x = 110; x < 190; ++x) dark += image.pixelColor(x, y).lightness() < 100 ? 1 : 0;
  }
  EXPECT_GT(dark, 20);
}

TEST(RenderJob, RasterUsesTheRamp) {
  auto grid = std::make_shared<RasterGrid>();
  grid->width = 2;
  grid->height = 1;
  grid->extent = QRectF(0, 0, 400, 400);
  grid->values = {0.0F, 10.0F};
  RenderSnapshot s;
  s.viewport = MapViewport(QPointF(200, 200), 1.0, QSize(400, 400));
  RenderLayer l;
  l.raster = grid;
  l.rasterStyle.rampName = QStringLiteral("Greys");
  l.rasterStyle.minimum = 0;
  l.rasterStyle.maximum = 10;
  l.rasterStyle.opacity = 1.0;
  s.layers.push_back(l);
  const std::atomic<bool> cancel(false);
  const QImage image = renderMap(s, cancel);
  EXPECT_GT(image.pixelColor(100, 200).lightness(), 200);  // low value: light
  EXPECT_LT(image.pixelColor(300, 200).lightness(), 60);   // high value: dark
}

}  // namespace
}  // namespace xiuhua::gis
