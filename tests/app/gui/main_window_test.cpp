// The main window on the demo project, driven the way a user drives it: offscreen, real widgets.
#include "document/map_document.h"
#include "layers/layer_tree_model.h"
#include "main/main_window.h"
#include "map/identify_panel.h"
#include "map/map_canvas.h"
#include "map/message_bar.h"
#include "table/attribute_table_widget.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QMimeData>
#include <QHeaderView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QWheelEvent>

using namespace xiuhua::app;

namespace {

const QString kProject = QStringLiteral(DEMO_DATA_DIR "/jiading-demo.xhp");

const LayerState* layerNamed(const MapDocument& doc, const QString& name) {
  for (const LayerState& s : doc.layers()) {
    if (s.spec.name == name) return &s;
  }
  return nullptr;
}

int colourDistance(const QColor& a, const QColor& b) {
  return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void opensTheDemoProject();
  void drawsAParkWhereItIs();
  void pansAndZooms();
  void identifiesTheParkUnderTheCursor();
  void hidingALayerInTheTreeRemovesItFromTheMap();
  void attributeTableSelectsOnTheMap();
  void draggingInTheTreeReordersAndRegroups();
  void aLayerWithoutCrsShowsAWarningBar();
  void renamingAGroupKeepsItsLayersVisibility();
  void cleanupTestCase();

 private:
  void waitForRender();
  // With XIUHUA_TEST_SCREENSHOTS=DIR, saves the window there for a person to look at.
  void saveScreenshot(const QString& name) const;
  QPoint parkPixel() const;

  MapDocument* mDoc = nullptr;
  MainWindow* mWindow = nullptr;
  QString mParksId;
  QPointF mParkAnchor;
  QString mParkName;
};

void MainWindowTest::initTestCase() {
  mDoc = new MapDocument;
  mWindow = new MainWindow(mDoc);
  mWindow->resize(1200, 800);
  mWindow->show();
  QVERIFY(QTest::qWaitForWindowExposed(mWindow));
  mWindow->openProject(kProject);
}

void MainWindowTest::waitForRender() {
  QTRY_VERIFY_WITH_TIMEOUT(!mDoc->isLoading() && mWindow->canvas()->isRenderComplete(), 120000);
}

void MainWindowTest::opensTheDemoProject() {
  waitForRender();
  QVERIFY(mDoc->layerCount() >= 10);
  for (const LayerState& s : mDoc->layers()) QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
  QVERIFY(mWindow->canvas()->viewport().extent().contains(QPointF(619000, 3470000)));
  QVERIFY(mWindow->windowTitle().contains(QStringLiteral("嘉定")));
  // Opening it put it at the top of the recent projects.
  const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
  QVERIFY(!recent.isEmpty());
  QCOMPARE(recent.front(), QFileInfo(kProject).absoluteFilePath());
}

void MainWindowTest::saveScreenshot(const QString& name) const {
  const QString dir = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
  if (!dir.isEmpty()) mWindow->grab().save(dir + QLatin1Char('/') + name);
}

QPoint MainWindowTest::parkPixel() const {
  return mWindow->canvas()->viewport().toPixel(mParkAnchor).toPoint();
}

void MainWindowTest::drawsAParkWhereItIs() {
  const LayerState* parks = layerNamed(*mDoc, QStringLiteral("公园绿地"));
  QVERIFY(parks != nullptr && parks->projected);
  mParksId = parks->spec.id;
  // The largest park, so that its inside is many pixels wide.
  std::size_t largest = 0;
  for (std::size_t i = 0; i < parks->projected->boxes().size(); ++i) {
    const QRectF& b = parks->projected->boxes()[i];
    const QRectF& best = parks->projected->boxes()[largest];
    if (b.width() * b.height() > best.width() * best.height()) largest = i;
  }
  mParkAnchor = parks->projected->labelAnchors()[largest];
  mParkName = parks->data->attributes[largest][static_cast<std::size_t>(parks->data->fieldIndex(QStringLiteral("name")))].toString();
  for (const LayerState& s : mDoc->layers()) mDoc->setLayerVisible(s.spec.id, s.spec.id == mParksId);
  mWindow->canvas()->zoomToRect(parks->projected->boxes()[largest]);
  waitForRender();
  const QColor expected = mDoc->layer(mParksId)->spec.vectorStyle.symbolFor({}).fill;
  const QColor actual = mWindow->canvas()->renderedImage().pixelColor(parkPixel());
  QVERIFY2(colourDistance(actual, expected) < 40,
           qPrintable(QStringLiteral("park pixel %1, expected %2").arg(actual.name(), expected.name())));
  QCOMPARE(mWindow->canvas()->renderedImage().pixelColor(2, 2), QColor(Qt::white));
}

void MainWindowTest::pansAndZooms() {
  MapCanvas* canvas = mWindow->canvas();
  const auto before = canvas->viewport();
  QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, QPoint(300, 300));
  QTest::mouseMove(canvas, QPoint(350, 320));
  QTest::mouseMove(canvas, QPoint(400, 340));
  QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, QPoint(400, 340));
  const auto after = canvas->viewport();
  QVERIFY(std::abs((before.center().x() - after.center().x()) - 100 * before.unitsPerPixel()) < 1e-6);
  QVERIFY(std::abs((after.center().y() - before.center().y()) - 40 * before.unitsPerPixel()) < 1e-6);

  const QPointF anchor(200, 150);
  const QPointF mapUnderCursor = canvas->viewport().toMap(anchor);
  QWheelEvent wheel(anchor, canvas->mapToGlobal(anchor), QPoint(), QPoint(0, 120), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(canvas, &wheel);
  QVERIFY(std::abs(canvas->viewport().unitsPerPixel() - after.unitsPerPixel() / 1.25) < 1e-9);
  const QPointF stillThere = canvas->viewport().toMap(anchor);
  QVERIFY(std::hypot(stillThere.x() - mapUnderCursor.x(), stillThere.y() - mapUnderCursor.y()) < 1e-6);

  canvas->setScaleDenominator(10000);
  QVERIFY(std::abs(canvas->scaleDenominator() - 10000) < 1);
  canvas->zoomToFullExtent();
  QVERIFY(canvas->viewport().extent().contains(mDoc->fullExtent().center()));
  waitForRender();
}

void MainWindowTest::identifiesTheParkUnderTheCursor() {
  MapCanvas* canvas = mWindow->canvas();
  const LayerState* parks = mDoc->layer(mParksId);
  canvas->zoomToRect(QRectF(mParkAnchor - QPointF(300, 300), QSizeF(600, 600)));
  waitForRender();
  canvas->setTool(MapCanvas::Tool::Identify);
  QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, parkPixel());
  IdentifyPanel* panel = mWindow->identifyPanel();
  QVERIFY(panel->topLevelItemCount() >= 1);
  const auto found = panel->findItems(mParkName, Qt::MatchExactly | Qt::MatchRecursive, 1);
  QVERIFY2(!found.isEmpty(), qPrintable(mParkName));
  QVERIFY(parks->selection && !parks->selection->empty());
  saveScreenshot(QStringLiteral("identify.png"));
  canvas->setTool(MapCanvas::Tool::Pan);
  mDoc->clearSelections();
  waitForRender();
}

void MainWindowTest::hidingALayerInTheTreeRemovesItFromTheMap() {
  LayerTreeModel* model = mWindow->layerTree();
  QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
  const QModelIndex index = model->indexOfLayer(mParksId);
  QVERIFY(index.isValid());
  QVERIFY(model->setData(index, Qt::Unchecked, Qt::CheckStateRole));
  QTRY_VERIFY(!mDoc->layer(mParksId)->spec.visible);
  waitForRender();
  QCOMPARE(mWindow->canvas()->renderedImage().pixelColor(parkPixel()), QColor(Qt::white));
  QVERIFY(model->setData(model->indexOfLayer(mParksId), Qt::Checked, Qt::CheckStateRole));
  QTRY_VERIFY(mDoc->layer(mParksId)->spec.visible);
  waitForRender();
  QVERIFY(mWindow->canvas()->renderedImage().pixelColor(parkPixel()) != QColor(Qt::white));
}

void MainWindowTest::attributeTableSelectsOnTheMap() {
  mWindow->openAttributeTable(mParksId);
  AttributeTableWidget* table = mWindow->attributeTable();
  QAbstractItemModelTester tester(table->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
  QVERIFY(table->proxy()->rowCount() > 100);
  table->view()->selectRow(0);
  const LayerState* parks = mDoc->layer(mParksId);
  QVERIFY(parks->selection && parks->selection->size() == 1);
  const int selectedRow = parks->selection->front();
  // Selection on the map comes back to the table.
  mDoc->setSelection(mParksId, {selectedRow, selectedRow + 1});
  QCOMPARE(table->view()->selectionModel()->selectedRows().size(), 2);
  // Sorting by area (on a worker) puts the smallest park first and keeps the selection.
  QSignalSpy sorted(table, &AttributeTableWidget::sorted);
  const int areaColumn = parks->data->fieldIndex(QStringLiteral("area_m2"));
  table->view()->horizontalHeader()->sectionClicked(areaColumn);
  QVERIFY(sorted.wait(30000));
  double smallest = 1e18;
  for (const auto& row : parks->data->attributes) smallest = std::min(smallest, row[static_cast<std::size_t>(areaColumn)].toDouble());
  QCOMPARE(table->proxy()->index(0, areaColumn).data().toDouble(), smallest);
  QCOMPARE(table->view()->selectionModel()->selectedRows().size(), 2);
  waitForRender();
  saveScreenshot(QStringLiteral("attribute-table.png"));
}

void MainWindowTest::draggingInTheTreeReordersAndRegroups() {
  LayerTreeModel* model = mWindow->layerTree();
  const LayerState* residential = layerNamed(*mDoc, QStringLiteral("居住用地"));
  QVERIFY(residential != nullptr);
  const QString id = residential->spec.id;
  QVERIFY(residential->spec.group == QStringLiteral("设施"));
  // Drag 居住用地 out of its group to the very top of the tree.
  std::unique_ptr<QMimeData> mime(model->mimeData({model->indexOfLayer(id)}));
  model->dropMimeData(mime.get(), Qt::MoveAction, 0, 0, QModelIndex());
  QTRY_COMPARE(mDoc->layers().front().spec.id, id);
  QCOMPARE(mDoc->layers().front().spec.group, QString());
  QVERIFY(!model->isGroup(model->index(0, 0)));
  QCOMPARE(model->layerId(model->index(0, 0)), id);
  // And into the 底图 group, at its end: it now draws below everything else in the list but the group.
  QModelIndex base;
  for (int r = 0; r < model->rowCount(); ++r) {
    if (model->index(r, 0).data().toString() == QStringLiteral("底图")) base = model->index(r, 0);
  }
  QVERIFY(base.isValid());
  mime.reset(model->mimeData({model->indexOfLayer(id)}));
  model->dropMimeData(mime.get(), Qt::MoveAction, -1, 0, base);
  QTRY_COMPARE(mDoc->layers().back().spec.id, id);
  QCOMPARE(mDoc->layers().back().spec.group, QStringLiteral("底图"));
  // Dropping a layer onto another layer is refused.
  mime.reset(model->mimeData({model->indexOfLayer(id)}));
  QVERIFY(!model->dropMimeData(mime.get(), Qt::MoveAction, 0, 0, model->indexOfLayer(mParksId)));
  QCOMPARE(mDoc->layers().back().spec.id, id);
}

void MainWindowTest::aLayerWithoutCrsShowsAWarningBar() {
  QTemporaryDir dir;
  for (const char* suffix : {"shp", "shx", "dbf", "cpg"}) {
    QFile::copy(QStringLiteral(DEMO_DATA_DIR "/roads/roads.") + QLatin1String(suffix),
                dir.filePath(QStringLiteral("无坐标 道路.") + QLatin1String(suffix)));
  }
  mWindow->addLayers({dir.filePath(QStringLiteral("无坐标 道路.shp"))});
  QTRY_VERIFY_WITH_TIMEOUT(!mDoc->isLoading(), 60000);
  QTRY_VERIFY(mWindow->messageBar()->isVisible());
  bool found = mWindow->messageBar()->currentText().contains(QStringLiteral("无坐标 道路"));
  // Other messages may be queued before it; step through them.
  for (int i = 0; i < 10 && !found && mWindow->messageBar()->isVisible(); ++i) {
    QPushButton* next = mWindow->messageBar()->findChildren<QPushButton*>().back();
    next->click();
    found = mWindow->messageBar()->currentText().contains(QStringLiteral("无坐标 道路"));
  }
  QVERIFY2(found, qPrintable(mWindow->messageBar()->currentText()));
}

void MainWindowTest::renamingAGroupKeepsItsLayersVisibility() {
  LayerTreeModel* model = mWindow->layerTree();
  QModelIndex group;
  for (int r = 0; r < model->rowCount(); ++r) {
    if (model->index(r, 0).data().toString() == QStringLiteral("边界")) group = model->index(r, 0);
  }
  QVERIFY(group.isValid());
  QStringList members;  // collected first: each visibility change rebuilds the model
  for (int r = 0; r < model->rowCount(group); ++r) members << model->layerId(model->index(r, 0, group));
  for (const QString& id : members) mDoc->setLayerVisible(id, true);
  for (int r = 0; r < model->rowCount(); ++r) {
    if (model->index(r, 0).data().toString() == QStringLiteral("边界")) group = model->index(r, 0);
  }
  const QString hiddenId = model->layerId(model->index(0, 0, group));
  mDoc->setLayerVisible(hiddenId, false);
  for (int r = 0; r < model->rowCount(); ++r) {
    if (model->index(r, 0).data().toString() == QStringLiteral("边界")) group = model->index(r, 0);
  }
  QVERIFY(model->setData(group, QStringLiteral("行政边界"), Qt::EditRole));
  QTRY_VERIFY(mDoc->layer(hiddenId)->spec.group == QStringLiteral("行政边界"));
  QVERIFY(!mDoc->layer(hiddenId)->spec.visible);  // the rename did not switch it back on
  QModelIndex renamed;
  for (int r = 0; r < model->rowCount(); ++r) {
    if (model->index(r, 0).data().toString() == QStringLiteral("行政边界")) renamed = model->index(r, 0);
  }
  QVERIFY(renamed.isValid());
  QCOMPARE(renamed.data(Qt::CheckStateRole).toInt(), static_cast<int>(Qt::PartiallyChecked));
  // Ticking the group shows all of its layers.
  QVERIFY(model->setData(renamed, Qt::Checked, Qt::CheckStateRole));
  QTRY_VERIFY(mDoc->layer(hiddenId)->spec.visible);
}

void MainWindowTest::cleanupTestCase() {
  delete mWindow;
  delete mDoc;
}

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
