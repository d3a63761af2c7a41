#include "document/map_document.h"
#include "support/temp_dir.h"
#include "xiuhua/gis/database.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QEventLoop>
#include <QTimer>

namespace xiuhua::app {
namespace {

const QString kProject = QStringLiteral(DEMO_DATA_DIR "/jiading-demo.xhp");

// Runs the event loop until the document has no load in flight (or two minutes pass).
bool waitLoaded(MapDocument& doc) {
  QEventLoop loop;
  QTimer poll;
  QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
    if (!doc.isLoading()) loop.quit();
  });
  poll.start(20);
  QTimer::singleShot(120000, &loop, &QEventLoop::quit);
  loop.exec();
  return !doc.isLoading();
}

const LayerState* byName(const MapDocument& doc, const QString& name) {
  for (const LayerState& s : doc.layers()) {
    if (s.spec.name == name) return &s;
  }
  return nullptr;
}

TEST(MapDocument, OpensTheDemoProjectAndLoadsEveryLayer) {
  MapDocument doc;
  ASSERT_TRUE(doc.openProject(kProject).ok());
  ASSERT_TRUE(waitLoaded(doc));
  EXPECT_GE(doc.layerCount(), 10);
  for (const LayerState& s : doc.layers()) {
    EXPECT_TRUE(s.error.isEmpty()) << s.spec.name.toStdString() << ": " << s.error.toStdString();
    EXPECT_TRUE(s.isLoaded()) << s.spec.name.toStdString();
  }
  const QRectF full = doc.fullExtent();
  EXPECT_TRUE(full.contains(QPointF(619000, 3470000)));  // Jiading in EPSG:4549
}

TEST(MapDocument, DeclaringGcj02MovesALayerOntoTheTruePosition) {
  MapDocument doc;
  ASSERT_TRUE(doc.openProject(kProject).ok());
  ASSERT_TRUE(waitLoaded(doc));
  const LayerState* boundary = byName(doc, QStringLiteral("区界"));
  ASSERT_NE(boundary, nullptr);
  const QRectF truth = boundary->projected->extent();
  const gis::LayerSpec spec = [&] {
    gis::LayerSpec s;
    s.name = QStringLiteral("嘉定 GCJ-02");
    s.source = QStringLiteral(DEMO_SOURCES_DIR "/jiading_310114_detailed_gcj02.geojson");
    return s;
  }();
  doc.addLayer(spec);
  ASSERT_TRUE(waitLoaded(doc));
  const LayerState* gcj = byName(doc, spec.name);
  ASSERT_NE(gcj, nullptr);
  const QPointF offset = gcj->projected->extent().center() - truth.center();
  EXPECT_GT(std::hypot(offset.x(), offset.y()), 300);  // as GeoJSON claims WGS84: misplaced
  ASSERT_TRUE(doc.declareLayerCrs(gcj->spec.id, QStringLiteral("GCJ02")).ok());
  ASSERT_TRUE(waitLoaded(doc));
  gcj = byName(doc, spec.name);
  const QPointF fixed = gcj->projected->extent().center() - truth.center();
  EXPECT_LT(std::hypot(fixed.x(), fixed.y()), 5);
}

TEST(MapDocument, ChangingTheMapCrsReprojectsEveryLayer) {
  MapDocument doc;
  ASSERT_TRUE(doc.openProject(kProject).ok());
  ASSERT_TRUE(waitLoaded(doc));
  doc.setMapCrs(gis::Crs::fromEpsg(4326));
  ASSERT_TRUE(waitLoaded(doc));
  for (const LayerState& s : doc.layers()) {
    EXPECT_TRUE(s.error.isEmpty()) << s.error.toStdString();
    EXPECT_TRUE(doc.isCurrent(s)) << s.spec.name.toStdString();
  }
  EXPECT_TRUE(doc.fullExtent().contains(QPointF(121.25, 31.35)));
  const LayerState* boundary = byName(doc, QStringLiteral("区界"));
  ASSERT_NE(boundary, nullptr);
  const QRectF e = boundary->projected->extent();
  EXPECT_GT(e.left(), 121.0);
  EXPECT_LT(e.right(), 121.5);
  const LayerState* population = byName(doc, QStringLiteral("人口栅格 (100 m)"));
  ASSERT_NE(population, nullptr);
  ASSERT_TRUE(population->raster);
  EXPECT_TRUE(population->raster->extent.intersects(e));
}

TEST(MapDocument, ReReadingALayerClearsItsSelection) {
  MapDocument doc;
  auto ids = doc.addLayersFromFile(QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp"));
  ASSERT_TRUE(ids.ok());
  ASSERT_TRUE(waitLoaded(doc));
  const QString id = ids->front();
  doc.setSelection(id, {0, 5, 290});
  ASSERT_EQ(doc.layer(id)->selection->size(), 3U);
  doc.setLayerEncoding(id, QStringLiteral("ISO-8859-1"));  // new data: old feature numbers mean nothing
  ASSERT_TRUE(waitLoaded(doc));
  EXPECT_TRUE(!doc.layer(id)->selection || doc.layer(id)->selection->empty());
}

TEST(MapDocument, AddingInTheBackgroundAddsEveryLayerOrSaysWhy) {
  MapDocument doc;
  QStringList problems;
  QObject::connect(&doc, &MapDocument::problem, [&](const QString& m) { problems << m; });
  doc.addLayersFromFileInBackground(QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg"));
  EXPECT_TRUE(doc.isLoading());  // the file is being opened on a worker
  ASSERT_TRUE(waitLoaded(doc));
  EXPECT_EQ(doc.layerCount(), 8);
  test::TempDir dir;
  const QString bad = dir.write(QStringLiteral("坏.geojson"), "{\"type\": \"Featu");
  doc.addLayersFromFileInBackground(bad);
  ASSERT_TRUE(waitLoaded(doc));
  EXPECT_EQ(doc.layerCount(), 8);
  EXPECT_TRUE(problems.join(QLatin1Char('\n')).contains(bad));
}

TEST(MapDocument, AFailedOpenKeepsWhatWasOpen) {
  MapDocument doc;
  ASSERT_TRUE(doc.openProject(kProject).ok());
  ASSERT_TRUE(waitLoaded(doc));
  const int before = doc.layerCount();
  test::TempDir dir;
  EXPECT_FALSE(doc.openProject(dir.write(QStringLiteral("坏.xhp"), "broken")).ok());
  EXPECT_EQ(doc.layerCount(), before);
  auto added = doc.addLayersFromFile(dir.write(QStringLiteral("坏.shp"), "nonsense"));
  ASSERT_FALSE(added.ok());
  EXPECT_TRUE(added.error().message.contains(QStringLiteral("坏.shp")));
  EXPECT_EQ(doc.layerCount(), before);
}

TEST(MapDocument, LayerWithoutCrsIsFlagged) {
  MapDocument doc;
  test::TempDir dir;
  const QString shp = dir.copy(QStringLiteral(DEMO_DATA_DIR "/roads/roads.shp"));
  QFile::remove(dir.path(QStringLiteral("roads.prj")));
  auto ids = doc.addLayersFromFile(shp);
  ASSERT_TRUE(ids.ok());
  ASSERT_TRUE(waitLoaded(doc));
  const LayerState* s = doc.layer(ids->front());
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->lacksCrs());
  ASSERT_TRUE(doc.declareLayerCrs(s->spec.id, QStringLiteral("EPSG:4549")).ok());
  ASSERT_TRUE(waitLoaded(doc));
  EXPECT_FALSE(doc.layer(ids->front())->lacksCrs());
}

TEST(MapDocument, InvalidGeometriesAreFoundInTheBackgroundAndRepaired) {
  MapDocument doc;
  test::TempDir dir;
  const QString path = dir.write(QStringLiteral("自相交.geojson"),
      "{\"type\":\"FeatureCollection\",\"features\":["
      "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}},"
      "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2,2],[3,2],[3,3],[2,2]]]}}]}");
  QStringList problems;
  QObject::connect(&doc, &MapDocument::problem, [&](const QString& m) { problems << m; });
  auto ids = doc.addLayersFromFile(path);
  ASSERT_TRUE(ids.ok());
  QEventLoop loop;
  QObject::connect(&doc, &MapDocument::validityChecked, &loop, &QEventLoop::quit);
  QTimer::singleShot(60000, &loop, &QEventLoop::quit);
  loop.exec();
  const LayerState* s = doc.layer(ids->front());
  ASSERT_TRUE(s->invalidGeometries);
  EXPECT_EQ(*s->invalidGeometries, std::vector<int>{0});
  EXPECT_TRUE(problems.join(QLatin1Char('\n')).contains(QStringLiteral("自相交.geojson")));
  EXPECT_EQ(doc.repairGeometries(ids->front()), 1);
  ASSERT_TRUE(waitLoaded(doc));
  // The repaired data is checked again in the background.
  if (!doc.layer(ids->front())->invalidGeometries) {
    QEventLoop again;
    QObject::connect(&doc, &MapDocument::validityChecked, &again, &QEventLoop::quit);
    QTimer::singleShot(60000, &again, &QEventLoop::quit);
    again.exec();
  }
  s = doc.layer(ids->front());
  ASSERT_TRUE(s->invalidGeometries);
  EXPECT_TRUE(s->invalidGeometries->empty());
  EXPECT_EQ(s->data->geometries[0].parts().size(), 2U);  // two triangles now
}

TEST(MapDocument, SaveAndReopenKeepsOrderGroupsAndStyle) {
  MapDocument doc;
  ASSERT_TRUE(doc.openProject(kProject).ok());
  ASSERT_TRUE(waitLoaded(doc));
  std::vector<std::pair<QString, QString>> order;
  for (auto it = doc.layers().rbegin(); it != doc.layers().rend(); ++it) order.emplace_back(it->spec.id, QStringLiteral("全部"));
  doc.arrangeLayers(order);
  const QString firstId = doc.layers().front().spec.id;
  gis::VectorStyle style;
  style.opacity = 0.25;
  doc.setVectorStyle(firstId, style);
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("副本.xhp"));
  ASSERT_TRUE(doc.saveProject(path).ok());
  MapDocument again;
  ASSERT_TRUE(again.openProject(path).ok());
  ASSERT_EQ(again.layerCount(), doc.layerCount());
  EXPECT_EQ(again.layers().front().spec.id, firstId);
  EXPECT_EQ(again.layers().front().spec.group, QStringLiteral("全部"));
  EXPECT_DOUBLE_EQ(again.layers().front().spec.vectorStyle.opacity, 0.25);
  ASSERT_TRUE(waitLoaded(again));
}

TEST(MapDocument, SavingUnderAnotherNameKeepsTheProjectsData) {
  test::TempDir dir;
  const QString original = dir.copy(kProject, QStringLiteral("原项目"));
  MapDocument doc;
  ASSERT_TRUE(doc.openProject(original).ok());
  ASSERT_TRUE(waitLoaded(doc));
  auto rows = [](const QString& path) {
    auto db = gis::Database::open(path);
    EXPECT_TRUE(db.ok());
    auto r = (*db)->query(QStringLiteral("SELECT count(*) FROM xh_indicators"));
    return r.ok() && !r->empty() ? r->front()[0].toLongLong() : -1;
  };
  const qint64 indicators = rows(original);
  ASSERT_GT(indicators, 0);  // the demo ships its catalog in the project
  const QString copy = dir.path(QStringLiteral("另存为.xhp"));
  ASSERT_TRUE(doc.saveProject(copy).ok());
  EXPECT_EQ(rows(copy), indicators);  // the catalog (and values, computations, scenarios) came along
  EXPECT_EQ(doc.projectPath(), QFileInfo(copy).absoluteFilePath());
  MapDocument reopened;
  ASSERT_TRUE(reopened.openProject(copy).ok());
  EXPECT_EQ(reopened.layerCount(), doc.layerCount());
  ASSERT_TRUE(waitLoaded(reopened));
}

}  // namespace
}  // namespace xiuhua::app
