#include "support/temp_dir.h"
#include "xiuhua/gis/project.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>


namespace xiuhua::gis {
namespace {

Project sampleProject(const test::TempDir& dir) {
  Project p;
  p.title = QStringLiteral("嘉定区 城市管理精细化");
  p.mapCrs = Crs::fromEpsg(4549);
  p.extent = QRectF(QPointF(300000, 3460000), QPointF(330000, 3490000));
  LayerSpec roads;
  roads.id = QStringLiteral("roads");
  roads.name = QStringLiteral("道路");
  roads.source = dir.path(QStringLiteral("layers/道路.shp"));
  roads.encoding = QStringLiteral("GB18030");
  roads.group = QStringLiteral("设施");
  roads.vectorStyle.kind = VectorStyle::Kind::Categorized;
  roads.vectorStyle.field = QStringLiteral("grade");
  roads.vectorStyle.classes.push_back({QStringLiteral("主干路"), 0, 0, QStringLiteral("主干路"), Symbol{}});
  LayerSpec stops;
  stops.id = QStringLiteral("stops");
  stops.name = QStringLiteral("公交站点");
  stops.source = dir.path(QStringLiteral("stops.geojson"));
  stops.declaredCrs = QStringLiteral("GCJ02");
  stops.visible = false;
  stops.streaming = LayerSpec::Streaming::Always;
  LayerSpec pop;
  pop.id = QStringLiteral("pop");
  pop.kind = LayerSpec::Kind::Raster;
  pop.source = dir.path(QStringLiteral("pop.tif"));
  pop.rasterStyle.maximum = 900;
  p.layers = {roads, stops, pop};
  return p;
}

TEST(ProjectFile, RoundTripsLayersStylesAndView) {
  test::TempDir dir;
  const Project original = sampleProject(dir);
  const QString path = dir.path(QStringLiteral("项目.xhp"));
  ASSERT_TRUE(ProjectFile::save(original, path).ok());
  auto loaded = ProjectFile::load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
  EXPECT_EQ(loaded->title, original.title);
  EXPECT_EQ(loaded->mapCrs, original.mapCrs);
  EXPECT_EQ(loaded->extent, original.extent);
  ASSERT_EQ(loaded->layers.size(), 3U);
  EXPECT_EQ(loaded->layers[0].name, QStringLiteral("道路"));
  EXPECT_EQ(loaded->layers[0].source, original.layers[0].source);
  EXPECT_EQ(loaded->layers[0].encoding, QStringLiteral("GB18030"));
  EXPECT_EQ(loaded->layers[0].group, QStringLiteral("设施"));
  EXPECT_EQ(loaded->layers[0].vectorStyle.kind, VectorStyle::Kind::Categorized);
  EXPECT_EQ(loaded->layers[0].vectorStyle.classes.size(), 1U);
  EXPECT_EQ(loaded->layers[1].declaredCrs, QStringLiteral("GCJ02"));
  EXPECT_FALSE(loaded->layers[1].visible);
  EXPECT_EQ(loaded->layers[0].streaming, LayerSpec::Streaming::Auto);
  EXPECT_EQ(loaded->layers[1].streaming, LayerSpec::Streaming::Always);
  EXPECT_EQ(loaded->layers[2].kind, LayerSpec::Kind::Raster);
  EXPECT_EQ(loaded->layers[2].rasterStyle.maximum, 900);
}

TEST(ProjectFile, StoresRelativePathsSoAMovedFolderStillWorks) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("项目.xhp"));
  ASSERT_TRUE(ProjectFile::save(sampleProject(dir), path).ok());
  QDir().mkpath(dir.path(QStringLiteral("moved")));
  const QString moved = dir.path(QStringLiteral("moved/项目.xhp"));
  ASSERT_TRUE(QFile::rename(path, moved));
  auto loaded = ProjectFile::load(moved);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->layers[0].source, dir.path(QStringLiteral("moved/layers/道路.shp")));
}

TEST(ProjectFile, IsAGeoPackageOtherToolsCanOpen) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("p.xhp"));
  ASSERT_TRUE(ProjectFile::save(sampleProject(dir), path).ok());
  GDALAllRegister();
  const char* drivers[] = {"GPKG", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR, drivers));
  EXPECT_TRUE(ds);
}

TEST(ProjectFile, FailedRenameLeavesNoTempFileAndTheTargetIntact) {
  test::TempDir dir;
  // The target exists as a folder (with content) that the new file cannot replace.
  const QString target = dir.path(QStringLiteral("p.xhp"));
  QDir().mkpath(target);
  dir.write(QStringLiteral("p.xhp/keep.txt"), "keep");
  const Status status = ProjectFile::save(sampleProject(dir), target);
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(status.error().message.contains(target));
  EXPECT_TRUE(QFileInfo::exists(dir.path(QStringLiteral("p.xhp/keep.txt"))));
  const QStringList left = QDir(dir.path(QString())).entryList(QDir::Files | QDir::Hidden);
  EXPECT_TRUE(left.isEmpty()) << left.join(QLatin1Char(' ')).toStdString();
}

TEST(ProjectFile, SaveToMissingFolderFailsCleanly) {
  test::TempDir dir;
  const Status status = ProjectFile::save(sampleProject(dir), dir.path(QStringLiteral("no/such/folder/p.xhp")));
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(status.error().message.contains(QStringLiteral("p.xhp")));
}

TEST(ProjectFile, RefusesFilesThatAreNotProjects) {
  test::TempDir dir;
  const QString notSqlite = dir.write(QStringLiteral("x.xhp"), "hello, not a database");
  auto a = ProjectFile::load(notSqlite);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, ErrorCode::ProjectInvalid);
  EXPECT_TRUE(a.error().message.contains(notSqlite));
  auto b = ProjectFile::load(QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg"));  // a GeoPackage, not a project
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, ErrorCode::ProjectInvalid);
}

TEST(ProjectFile, LoadingDoesNotModifyTheFile) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("p.xhp"));
  ASSERT_TRUE(ProjectFile::save(sampleProject(dir), path).ok());
  const QDateTime before = QFileInfo(path).lastModified();
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  const QByteArray bytes = f.readAll();
  f.close();
  ASSERT_TRUE(ProjectFile::load(path).ok());
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  EXPECT_EQ(f.readAll(), bytes);
  EXPECT_EQ(QFileInfo(path).lastModified(), before);
}

}  // namespace
}  // namespace xiuhua::gis
