#include "support/temp_dir.h"
#include "xiuhua/gis/raster_grid.h"

#include <gtest/gtest.h>

#include <QFile>

#include <cmath>

namespace xiuhua::gis {
namespace {

const QString kPopulation = QStringLiteral(DEMO_DATA_DIR "/population_100m.tif");

TEST(RasterReader, ReadsTheGridInItsOwnCrs) {
  ASSERT_TRUE(RasterReader::isRaster(kPopulation));
  auto grid = RasterReader::read(kPopulation, Crs::fromEpsg(4549));
  ASSERT_TRUE(grid.ok()) << grid.error().message.toStdString();
  const RasterGrid& g = *grid.value();
  EXPECT_EQ(g.sourceCrs.definition(), QStringLiteral("EPSG:4549"));
  EXPECT_EQ(g.width, g.sourceWidth);  // no warp needed
  EXPECT_DOUBLE_EQ(g.sourceCellSize, 100.0);
  EXPECT_NEAR(g.sum, 1834000.0, 1000.0);  // Jiading's 2020 census total, as generated
  EXPECT_GE(g.minimum, 0.0);
  EXPECT_TRUE(std::isnan(g.valueAt(g.extent.topLeft() + QPointF(1, 1))));  // nodata outside the district
  EXPECT_FALSE(std::isnan(g.valueAt(QPointF(619000, 3470000))));        // the district centre
}

TEST(RasterReader, WarpsIntoAnotherMapCrs) {
  auto grid = RasterReader::read(kPopulation, Crs::fromEpsg(4326));
  ASSERT_TRUE(grid.ok()) << grid.error().message.toStdString();
  const QRectF e = grid.value()->extent;
  EXPECT_GT(e.left(), 121.0);
  EXPECT_LT(e.right(), 121.5);
  EXPECT_GT(e.top(), 31.1);
  EXPECT_LT(e.bottom(), 31.6);
  EXPECT_FALSE(std::isnan(grid.value()->valueAt(QPointF(121.25, 31.35))));
}

TEST(RasterReader, VectorFilesAreNotRasters) {
  EXPECT_FALSE(RasterReader::isRaster(QStringLiteral(DEMO_DATA_DIR "/roads/roads.shp")));
  EXPECT_FALSE(RasterReader::isRaster(QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg")));
}

TEST(RasterReader, TruncatedTiffIsRefusedWithItsName) {
  test::TempDir dir;
  QFile in(kPopulation);
  ASSERT_TRUE(in.open(QIODevice::ReadOnly));
  const QString path = dir.write(QStringLiteral("人口 截断.tif"), in.read(2000));
  auto grid = RasterReader::read(path, Crs::fromEpsg(4549));
  ASSERT_FALSE(grid.ok());
  EXPECT_TRUE(grid.error().message.contains(path)) << grid.error().message.toStdString();
}

}  // namespace
}  // namespace xiuhua::gis
