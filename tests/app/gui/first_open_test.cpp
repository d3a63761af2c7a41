// The first minutes of a new user: the start page, the demo project with its history (the
// dashboard, its charts, the coverage map show real content at once, and the SYNTHETIC values say
// so), a window that keeps its size whatever the texts in it, the layer tree keeping its row, and
// a layer whose text encoding is uncertain read both ways side by side.
#include "dialogs/encoding_dialog.h"
#include "document/map_document.h"
#include "indicators/dashboard_model.h"
#include "indicators/indicator_chart.h"
#include "indicators/indicator_dashboard.h"
#include "l10n/localization.h"
#include "layers/layer_tree_model.h"
#include "main/main_window.h"
#include "main/start_page.h"
#include "map/message_bar.h"
#include "support/dbf_fixture.h"
#include "support/demo_copy.h"
#include "xiuhua/gis/vector_reader.h"

#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoCommand>
#include <QUndoStack>

using namespace xiuhua::app;

namespace {


// A step with a long name, as "Compute 7 spatial indicators (2025)" is in Chinese and longer.
class LongStep : public QUndoCommand {
 public:
  LongStep() : QUndoCommand(QStringLiteral("计算 7 项空间指标（2025 年）并更新嘉定区全部 12 个街镇与 355 个网格的覆盖地图图层组")) {}
  void undo() override {}
  void redo() override {}
};

}  // namespace

class FirstOpenTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(mDir.isValid());
    if (!qEnvironmentVariableIsEmpty("XIUHUA_TEST_LANG")) mL10n.apply(qEnvironmentVariable("XIUHUA_TEST_LANG"));
    QSettings().remove(QStringLiteral("recentProjects"));
    mWindow = new MainWindow(&mDoc);
    mWindow->resize(1280, 820);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
  }

  // Nothing open: the start page, with the recent projects and the demo.
  void theStartPageListsRecentProjectsAndOpensThem() {
    const QString project = xiuhua::test::copyBuiltDemo(mDir.filePath(QStringLiteral("recent")));
    QVERIFY(!project.isEmpty());
    QSettings().setValue(QStringLiteral("recentProjects"), QStringList{project, mDir.filePath(QStringLiteral("gone/old.xhp"))});
    MapDocument doc;
    MainWindow window(&doc);
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isShowingStartPage());
    QListWidget* recent = window.startPage()->recentList();
    QCOMPARE(recent->count(), 2);
    QVERIFY(recent->item(0)->text().contains(QStringLiteral("jiading-demo")));
    QVERIFY((recent->item(1)->flags() & Qt::ItemIsEnabled) == 0);  // the missing one cannot be opened
    saveScreenshot(&window, QStringLiteral("start-page.png"));
    emit recent->itemActivated(recent->item(0));
    QCOMPARE(doc.projectPath(), project);
    QVERIFY(!window.isShowingStartPage());
    QTRY_VERIFY_WITH_TIMEOUT(!doc.isLoading(), 60000);
  }

  // The demo as shipped opens with its dashboard full: every non-qualitative indicator has a value
  // for 2025, the invented ones say SYNTHETIC, the chart shows the first indicator, nothing is stale
  // in a copy, and the coverage map of a computed indicator is there.
  void theBuiltDemoShowsItsHistoryAtOnce() {
    mProject = xiuhua::test::copyBuiltDemo(mDir.filePath(QStringLiteral("demo")));
    QVERIFY(!mProject.isEmpty());
    QVERIFY(mWindow->openProject(mProject));
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 60000);
    IndicatorDashboard* dashboard = mWindow->dashboard();
    QVERIFY(dashboard->isVisible());
    const DashboardModel* model = dashboard->model();
    QCOMPARE(static_cast<int>(model->catalog().indicators.size()), 38);
    for (const auto& ind : model->catalog().indicators) {
      const std::map<int, double>& series = model->seriesOf(ind.code);
      QVERIFY2(series.count(2025) == 1, qPrintable(ind.code));
      QVERIFY2(series.count(2020) == 1, qPrintable(ind.code));
    }
    // Invented values are marked; the plan's baseline (森林覆盖率 16.05 % in 2020) is not.
    QVERIFY(model->syntheticYearsOf(QStringLiteral("JD14-02")).count(2025) == 1);
    QVERIFY(model->syntheticYearsOf(QStringLiteral("JD14-25")).count(2020) == 0);
    QCOMPARE(model->seriesOf(QStringLiteral("JD14-25")).at(2020), 16.05);
    QVERIFY(model->syntheticYearsOf(QStringLiteral("JD14-13")).empty());  // computed from the map
    const QModelIndex latest = model->indexOf(QStringLiteral("JD14-02"), DashboardModel::Latest);
    QVERIFY2(model->data(latest).toString().endsWith(DashboardModel::tr("%1 · synthetic").arg(QString())), qPrintable(model->data(latest).toString()));
    QVERIFY(!model->data(latest, Qt::ToolTipRole).toString().isEmpty());
    // A chart, not an empty frame: the first indicator is selected.
    QVERIFY(!dashboard->chart()->isShowingHint());
    // Copied to another folder, the shipped computations still hold (relative paths, SHA-256).
    dashboard->refreshStale();
    QVERIFY2(model->stale().empty(), qPrintable(model->stale().empty() ? QString() : model->stale().begin()->second));
    // The coverage map of the park indicator for 2025, from the shipped computation.
    dashboard->selectIndicator(QStringLiteral("JD14-13"));
    const std::size_t before = mDoc.layers().size();
    dashboard->showCoverageMap();
    QTRY_VERIFY_WITH_TIMEOUT(mDoc.layers().size() > before, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 60000);
    saveScreenshot(mWindow, QStringLiteral("demo-first-open.png"));
  }

  // The window never widens itself: not for a long undo step, not for a long message.
  void longTextsDoNotWidenTheWindow() {
    const int width = mWindow->width();
    mWindow->dashboard()->undoStack()->push(new LongStep);
    QTest::qWait(100);
    QCOMPARE(mWindow->width(), width);
    mWindow->messageBar()->showMessage(QStringLiteral("/home/planner/Documents/嘉定区/城市管理精细化/十四五/图层/") + QString(300, QLatin1Char('x')) +
                                       QStringLiteral(".shp: 这是一条很长的消息"));
    QTest::qWait(100);
    QCOMPARE(mWindow->width(), width);
    mWindow->dashboard()->undoStack()->undo();
  }

  // No indicator selected: a line that says what to do, not empty axes.
  void theChartSaysWhatToDoWithoutAnIndicator() {
    IndicatorChart chart;
    chart.resize(500, 300);
    chart.setVisible(true);
    QVERIFY(chart.isShowingHint());
    QVERIFY(chart.findChild<QLabel*>(QStringLiteral("chartHint"))->isVisible());
  }

  // The layer tree keeps the user's row when the tree is rebuilt (a layer reloaded, renamed …).
  void theLayerTreeKeepsItsCurrentRowAcrossAReload() {
    QTreeView* tree = mWindow->layerTreeView();
    LayerTreeModel* model = mWindow->layerTree();
    QString roads;
    for (const LayerState& s : mDoc.layers()) {
      if (s.spec.source.endsWith(QLatin1String("roads.shp"))) roads = s.spec.id;
    }
    QVERIFY(!roads.isEmpty());
    tree->setCurrentIndex(model->indexOfLayer(roads));
    QCOMPARE(model->layerId(tree->currentIndex()), roads);
    mDoc.renameLayer(roads, QStringLiteral("道路（重命名）"));
    QCOMPARE(model->layerId(tree->currentIndex()), roads);
    mDoc.reloadSource(mDoc.layer(roads)->spec.source);
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 60000);
    QCOMPARE(model->layerId(tree->currentIndex()), roads);
  }

  // A DBF whose encoding nothing declares and little text shows: the message bar says so and
  // offers to choose; the dialog shows the text both ways side by side, and the choice is kept.
  void anUncertainEncodingIsChosenBySeeingBothReadings() {
    xiuhua::test::TempDir dir;
    const QString shp = xiuhua::test::writeRawShapefile(dir, QStringLiteral("站点"), {xiuhua::test::iconvEncode(QStringLiteral("서울"), "EUC-KR")});
    auto data = xiuhua::gis::VectorReader::read(shp);
    QVERIFY(data.ok());
    QVERIFY2(data.value()->encoding.isWeak(), qPrintable(QString::number(data.value()->encoding.confidence)));
    mWindow->messageBar()->clear();
    mWindow->addLayers({shp});
    QTRY_VERIFY_WITH_TIMEOUT(mWindow->messageBar()->currentText().contains(shp), 20000);
    QPushButton* choose = nullptr;
    for (QPushButton* b : mWindow->messageBar()->findChildren<QPushButton*>()) {
      if (b->isVisible() && b->text() == MainWindow::tr("Choose encoding…")) choose = b;
    }
    QVERIFY(choose != nullptr);
    EncodingDialog dialog(data.value());
    const QString asRead = data.value()->encoding.name;
    dialog.setReadings(asRead, QStringLiteral("EUC-KR"));
    QCOMPARE(dialog.previewText(1, 1), QStringLiteral("서울"));                      // the right reading, beside
    QVERIFY(dialog.previewText(1, 0) != QStringLiteral("서울") || asRead == QLatin1String("EUC-KR"));  // the one read
    dialog.findChild<QPushButton*>(QStringLiteral("useRight"))->click();
    QCOMPARE(dialog.chosen(), QStringLiteral("EUC-KR"));
    QString id;
    for (const LayerState& s : mDoc.layers()) {
      if (s.spec.source == shp) id = s.spec.id;
    }
    QVERIFY(!id.isEmpty());
    mDoc.setLayerEncoding(id, dialog.chosen());
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    const LayerState* s = mDoc.layer(id);
    QCOMPARE(s->data->attributes.front().front().toString(), QStringLiteral("서울"));
  }

  void cleanupTestCase() { delete mWindow; }

 private:
  void saveScreenshot(QWidget* window, const QString& name) const {
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (shots.isEmpty()) return;
    QTest::qWait(500);
    window->grab().save(shots + QLatin1Char('/') + name);
  }

  QTemporaryDir mDir;
  Localization mL10n;
  MapDocument mDoc;
  MainWindow* mWindow = nullptr;
  QString mProject;
};

QTEST_MAIN(FirstOpenTest)
#include "first_open_test.moc"
