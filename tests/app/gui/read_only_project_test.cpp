// A project that cannot be changed — the demo as installed under /usr/share — opened, shown and
// reported from without writing a byte; saved under another name it is a project like any other.
// And the user's own copy of the demo, made on demand.
#include "document/map_document.h"
#include "edit/editing_controller.h"
#include "indicators/dashboard_model.h"
#include "indicators/indicator_dashboard.h"
#include "indicators/result_layer_group.h"
#include "l10n/localization.h"
#include "main/main_window.h"
#include "map/map_tool.h"
#include "map/message_bar.h"
#include "support/demo_copy.h"
#include "support/folder_snapshot.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/gis/source_ref.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace xiuhua::app;
using xiuhua::test::snapshotOf;

namespace {

const LayerState* layerNamed(const MapDocument& doc, const QString& name) {
  for (const LayerState& s : doc.layers()) {
    if (s.spec.name == name) return &s;
  }
  return nullptr;
}

}  // namespace

class ReadOnlyProjectTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(mDir.isValid());
    if (!qEnvironmentVariableIsEmpty("XIUHUA_TEST_LANG")) mL10n.apply(qEnvironmentVariable("XIUHUA_TEST_LANG"));
    // The demo as the package installs it: in a system data folder (which /usr/share is), files
    // rw-r--r-- — read-only there even for root, who runs this in CI.
    mInstalled = xiuhua::test::copyDemoProject(mDir.path(), QStringLiteral("usr/share/xiuhua/demo"));
    QVERIFY(!mInstalled.isEmpty());
    qputenv("XDG_DATA_DIRS", QDir(mDir.path()).filePath(QStringLiteral("usr/share")).toUtf8());
    mBefore = snapshotOf(QFileInfo(mInstalled).absolutePath());
    mWindow = new MainWindow(&mDoc);
    mWindow->resize(1300, 850);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
  }

  void theInstalledDemoOpensReadOnlyWithEveryLayer() {
    QVERIFY(mWindow->openProject(mInstalled));
    QVERIFY(mDoc.isReadOnly());
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 60000);
    QCOMPARE(static_cast<int>(mDoc.layers().size()), 13);
    for (const LayerState& s : mDoc.layers()) QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(mWindow->windowTitle(), MainWindow::tr("%1 (read-only) — Xiuhua 绣花").arg(mDoc.title()));
    // The bar says so and offers the way out.
    QVERIFY2(mWindow->messageBar()->currentText().contains(QDir::toNativeSeparators(mInstalled)),
             qPrintable(mWindow->messageBar()->currentText()));
    QPushButton* action = nullptr;
    for (QPushButton* b : mWindow->messageBar()->findChildren<QPushButton*>()) {
      if (b->isVisible() && b->text() == MainWindow::tr("Save as…")) action = b;
    }
    QVERIFY(action != nullptr);
    saveScreenshot(QStringLiteral("read-only-demo.png"));
  }

  void computingAndEditingAreRefusedWithoutWritingAnything() {
    IndicatorDashboard* dashboard = mWindow->dashboard();
    mWindow->showDashboard();
    QTRY_VERIFY(dashboard->model()->indexOf(QStringLiteral("JD14-13")).isValid());  // read from the read-only file
    QSignalSpy problems(dashboard, &IndicatorDashboard::problem);
    QVERIFY(!dashboard->computeSpatial(true));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.front().front().toString(), xiuhua::gis::Database::readOnlyMessage(mInstalled));

    QSignalSpy editProblems(mWindow->editing(), &EditingController::problem);
    const LayerState* parks = layerNamed(mDoc, QStringLiteral("公园绿地"));
    QVERIFY(parks != nullptr);
    QVERIFY(!mWindow->editing()->startEditing(parks->spec.id));
    QCOMPARE(editProblems.size(), 1);
    QVERIFY2(editProblems.front().front().toString().contains(QStringLiteral("jiading.gpkg")),
             qPrintable(editProblems.front().front().toString()));
    // Exploration layers (what-if, gap finder) go to the user's cache instead of beside it.
    const QString exploration = explorationFileFor(&mDoc, QStringLiteral("JD14-13_whatif"), 2024);
    QVERIFY2(exploration.startsWith(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)), qPrintable(exploration));
    QVERIFY(showResultLayerGroup(&mDoc, exploration, {}, QStringLiteral("what-if"), {}).ok());
    QVERIFY(QFileInfo::exists(exploration));
    QCOMPARE(snapshotOf(QFileInfo(mInstalled).absolutePath()), mBefore);  // not a byte, not a side file
  }

  void savedUnderAnotherNameItIsAnOrdinaryProject() {
    const QString copy = QDir(mDir.path()).filePath(QStringLiteral("我的项目/嘉定.xhp"));
    QVERIFY(QDir().mkpath(QFileInfo(copy).absolutePath()));
    QVERIFY(mDoc.saveProject(copy).ok());
    QVERIFY(!mDoc.isReadOnly());
    QCOMPARE(mWindow->windowTitle(), MainWindow::tr("%1 — Xiuhua 绣花").arg(mDoc.title()));
    // The read-only notice is taken back; the refusals of the last test stay until dismissed.
    QStringList shown;
    for (int i = 0; i < 10 && !mWindow->messageBar()->currentText().isEmpty(); ++i) {
      shown << mWindow->messageBar()->currentText();
      for (QPushButton* b : mWindow->messageBar()->findChildren<QPushButton*>()) {
        if (b->isVisible() && (b->text() == MessageBar::tr("Dismiss") || b->text().startsWith(MessageBar::tr("Next (%1)").left(4)))) {
          QTest::mouseClick(b, Qt::LeftButton);
          break;
        }
      }
    }
    QCOMPARE(shown.size(), 2);
    QCOMPARE(shown.front(), xiuhua::gis::Database::readOnlyMessage(mInstalled));  // the refused computation
    QVERIFY2(shown.back().contains(QStringLiteral("jiading.gpkg")), qPrintable(shown.back()));  // the refused editing
    QVERIFY(xiuhua::gis::Database::isWritable(copy));
    auto project = xiuhua::gis::ProjectFile::load(copy);
    QVERIFY(project.ok());
    QCOMPARE(static_cast<int>(project->layers.size()), 13);
    for (const xiuhua::gis::LayerSpec& layer : project->layers) {
      QVERIFY2(QFileInfo::exists(xiuhua::gis::SourceRef::parse(layer.source).path), qPrintable(layer.source));
    }
    QCOMPARE(snapshotOf(QFileInfo(mInstalled).absolutePath()), mBefore);
  }

  void theDemoProjectIsTheUsersOwnCopy() {
    qputenv("XIUHUA_DEMO_DIR", QFileInfo(mInstalled).absolutePath().toUtf8());
    mHome = qgetenv("HOME");
    qputenv("HOME", QDir(mDir.path()).filePath(QStringLiteral("home")).toUtf8());
    QSettings settings;
    mRecent = settings.value(QStringLiteral("recentProjects"));  // put back in cleanupTestCase
    settings.remove(QStringLiteral("recentProjects"));
    // A first start: the bar offers the demo.
    mDoc.newProject();
    mWindow->suggestDemoProject();
    QPushButton* open = nullptr;
    for (QPushButton* b : mWindow->messageBar()->findChildren<QPushButton*>()) {
      if (b->isVisible() && b->text() == MainWindow::tr("Open the demo project")) open = b;
    }
    QVERIFY(open != nullptr);
    QTest::mouseClick(open, Qt::LeftButton);
    const QString expected = QDir(mDir.path()).filePath(QStringLiteral("home/Documents/Xiuhua/jiading-demo/jiading-demo.xhp"));
    QCOMPARE(mDoc.projectPath(), expected);
    QVERIFY(!mDoc.isReadOnly());
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 60000);
    for (const LayerState& s : mDoc.layers()) {
      QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
      QVERIFY2(s.spec.source.startsWith(QFileInfo(expected).absolutePath()), qPrintable(s.spec.source));  // its own data
    }
    // It can be computed: an indicator's value goes into the copy.
    IndicatorDashboard* dashboard = mWindow->dashboard();
    QTRY_VERIFY(dashboard->model()->indexOf(QStringLiteral("JD14-08")).isValid());
    dashboard->selectIndicator(QStringLiteral("JD14-08"));
    QVERIFY(dashboard->computeSpatial(true));
    saveScreenshot(QStringLiteral("demo-copy-computed.png"));
    // Opened again: the same copy with its value, not a fresh one.
    QVERIFY(mWindow->openDemoProject());
    QCOMPARE(mDoc.projectPath(), expected);
    auto computations = xiuhua::gis::Database::open(expected);
    QVERIFY(computations.ok());
    auto rows = (*computations)->query(QStringLiteral("SELECT COUNT(*) FROM xh_computations WHERE code = 'JD14-08'"));
    QVERIFY(rows.ok());
    QCOMPARE(rows->front().front().toInt(), 1);
    QCOMPARE(snapshotOf(QFileInfo(mInstalled).absolutePath()), mBefore);
  }

  void cleanupTestCase() {
    delete mWindow;
    if (mRecent.isValid()) QSettings().setValue(QStringLiteral("recentProjects"), mRecent);
    qunsetenv("XDG_DATA_DIRS");
    qunsetenv("XIUHUA_DEMO_DIR");
    if (mHome.isNull()) {
      qunsetenv("HOME");
    } else {
      qputenv("HOME", mHome);
    }
  }

 private:
  void saveScreenshot(const QString& name) const {
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (shots.isEmpty()) return;
    QTest::qWait(500);
    mWindow->grab().save(shots + QLatin1Char('/') + name);
  }

  QTemporaryDir mDir;
  Localization mL10n;
  MapDocument mDoc;
  MainWindow* mWindow = nullptr;
  QString mInstalled;
  QMap<QString, QByteArray> mBefore;
  QVariant mRecent;
  QByteArray mHome;
};

QTEST_MAIN(ReadOnlyProjectTest)
#include "read_only_project_test.moc"
