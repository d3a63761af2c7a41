// Shared indicator values from the GUI, against the real test server (./test.sh starts it): the
// dialog copies the project's values into a schema and the dashboard reads them from there (and
// says so); a value another unit entered meanwhile is not overwritten — the dashboard reports it
// and stores mine as a revision when asked; other units' entries appear without reopening.
#include "dialogs/pg_connection_box.h"
#include "document/map_document.h"
#include "indicators/dashboard_model.h"
#include "indicators/indicator_dashboard.h"
#include "indicators/shared_values_dialog.h"
#include "l10n/localization.h"
#include "main/main_window.h"
#include "support/demo_copy.h"
#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/indicators/value_sharing.h"
#include "xiuhua/indicators/value_store.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace xiuhua;
using namespace xiuhua::app;

namespace {

QString env(const char* name) { return qEnvironmentVariable(name); }

const char* kSchema = "gui_shared_values";

gis::PgConnectionInfo connection(const QString& user) {
  auto info = gis::PgConnectionInfo::parse(QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 sslmode=disable")
                                               .arg(env("XIUHUA_PG_HOST"), env("XIUHUA_PG_PORT"), env("XIUHUA_PG_DBNAME"), user));
  return info.ok() ? info.value() : gis::PgConnectionInfo();
}

void screenshot(QWidget* w, const QString& name) {
  if (env("XIUHUA_TEST_SCREENSHOTS").isEmpty()) return;
  QTest::qWait(300);
  w->grab().save(QDir(env("XIUHUA_TEST_SCREENSHOTS")).filePath(name));
}

}  // namespace

class SharedValuesPostgisTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    if (env("XIUHUA_PG_PORT").isEmpty()) {
      QFAIL("No PostgreSQL test server: run the tests through ./test.sh, which starts one (scripts/pg-cluster.sh). PostGIS tests never skip.");
    }
    qputenv("PGPASSFILE", env("XIUHUA_PG_PASSFILE").toUtf8());
    qputenv("PGSERVICEFILE", env("XIUHUA_PG_SERVICEFILE").toUtf8());
    if (!env("XIUHUA_TEST_LANG").isEmpty()) mL10n.apply(env("XIUHUA_TEST_LANG"));
    auto admin = gis::PgConnection::open(connection(env("XIUHUA_PG_ADMIN_USER")));
    QVERIFY2(admin.ok(), admin.ok() ? "" : qPrintable(admin.error().message));
    mAdmin = admin.value();
    QVERIFY(mAdmin->executeScript(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(QLatin1String(kSchema))).ok());
    QVERIFY(mDir.isValid());
    mProjectA = test::copyBuiltDemo(mDir.filePath(QStringLiteral("unit-a")));
    mProjectB = test::copyBuiltDemo(mDir.filePath(QStringLiteral("unit-b")));
    QVERIFY(!mProjectA.isEmpty() && !mProjectB.isEmpty());
    mWindow = new MainWindow(&mDocument);
    mWindow->resize(1400, 950);
    mWindow->show();
    QVERIFY(mDocument.openProject(mProjectA).ok());
    mWindow->showDashboard();
  }

  void cleanupTestCase() {
    delete mWindow;
    if (mAdmin) (void)mAdmin->executeScript(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(QLatin1String(kSchema)));
  }

  void theDialogCopiesTheValuesAndTheDashboardReadsThemThere() {
    IndicatorDashboard* dashboard = mWindow->dashboard();
    QVERIFY(!dashboard->valueStore()->isShared());
    QVERIFY(dashboard->location()->isHidden());
    SharedValuesDialog dialog(mProjectA, mWindow);
    connect(&dialog, &SharedValuesDialog::valuesMoved, dashboard, &IndicatorDashboard::reopen);
    QVERIFY(dialog.whereText().contains(mProjectA));
    dialog.connection()->setConnection(connection(env("XIUHUA_PG_USER")));
    dialog.setSchema(QString::fromLatin1(kSchema));
    dialog.show();
    QVERIFY2(dialog.share(), qPrintable(dialog.statusText()));
    QVERIFY(dialog.whereText().contains(QString::fromLatin1(kSchema)));
    screenshot(&dialog, QStringLiteral("shared-values-dialog.png"));
    // A second share is refused (the values are shared already), naming where they are.
    QVERIFY(!dialog.share());
    QVERIFY2(dialog.statusText().contains(QString::fromLatin1(kSchema)), qPrintable(dialog.statusText()));
    dialog.close();
    QVERIFY(dashboard->valueStore()->isShared());
    QVERIFY(dashboard->location()->isVisible());
    QVERIFY(dashboard->location()->text().contains(QString::fromLatin1(kSchema)));
    // Unit B joins as its own database user.
    auto joined = indicators::shareValues(mProjectB, {connection(env("XIUHUA_PG_ADMIN_USER")), QString::fromLatin1(kSchema)},
                                          indicators::ShareMode::Join);
    QVERIFY2(joined.ok(), joined.ok() ? "" : qPrintable(joined.error().message));
  }

  void aValueAnotherUnitEnteredMeanwhileIsNotOverwritten() {
    IndicatorDashboard* dashboard = mWindow->dashboard();
    dashboard->selectIndicator(QStringLiteral("JD14-02"));
    const qint64 seen = dashboard->seenValueId(QStringLiteral("JD14-02"), 2025, {});
    QVERIFY(seen > 0);
    // B enters a value for the same indicator and year, having seen the same one.
    auto storeB = indicators::ValueStore::open(mProjectB);
    QVERIFY(storeB.ok());
    indicators::IndicatorValue theirs;
    theirs.code = QStringLiteral("JD14-02");
    theirs.year = 2025;
    theirs.value = 99;
    theirs.author = QStringLiteral("李四（建管委）");
    theirs.replaces = seen;
    QVERIFY((*storeB)->addValue(theirs).ok());
    // A enters hers on what the dashboard showed: not stored, and told who entered what.
    indicators::IndicatorValue mine = theirs;
    mine.value = 98;
    mine.author = QStringLiteral("张三（房管局）");
    mine.replaces = dashboard->seenValueId(QStringLiteral("JD14-02"), 2025, {});
    QVERIFY(!dashboard->addValue(mine));
    QVERIFY2(dashboard->lastConflict().contains(QStringLiteral("李四（建管委）")), qPrintable(dashboard->lastConflict()));
    auto current = dashboard->valueStore()->currentValue(QStringLiteral("JD14-02"), 2025, std::nullopt, {});
    QVERIFY(current.ok() && current->has_value());
    QCOMPARE((*current)->value, 99.0);
    // She stores hers as a revision of theirs: both stay in the history.
    QVERIFY(dashboard->addValueAsRevision(mine));
    auto history = dashboard->valueStore()->history(QStringLiteral("JD14-02"));
    QVERIFY(history.ok());
    QCOMPARE(history->back().value, 98.0);
    QCOMPARE(history->back().dbUser, env("XIUHUA_PG_USER"));
    QCOMPARE((history->end() - 2)->value, 99.0);
    QCOMPARE((history->end() - 2)->dbUser, env("XIUHUA_PG_ADMIN_USER"));
    // Undo removes hers only.
    dashboard->undoStack()->undo();
    auto undone = dashboard->valueStore()->currentValue(QStringLiteral("JD14-02"), 2025, std::nullopt, {});
    QVERIFY(undone.ok() && undone->has_value());
    QCOMPARE((*undone)->value, 99.0);
    dashboard->undoStack()->redo();
  }

  void otherUnitsEntriesAppearWithoutReopening() {
    IndicatorDashboard* dashboard = mWindow->dashboard();
    QVERIFY(!dashboard->refreshShared());  // nothing new
    auto storeB = indicators::ValueStore::open(mProjectB);
    QVERIFY(storeB.ok());
    indicators::IndicatorValue v;
    v.code = QStringLiteral("JD14-02");
    v.year = 2024;
    v.value = 85.5;
    v.author = QStringLiteral("李四（建管委）");
    QVERIFY((*storeB)->addValue(v).ok());
    // The dashboard checks every few seconds; the check itself:
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->model()->seriesOf(QStringLiteral("JD14-02")).count(2024) == 1 &&
                                 dashboard->model()->seriesOf(QStringLiteral("JD14-02")).at(2024) == 85.5,
                             10000);
    dashboard->selectIndicator(QStringLiteral("JD14-02"));
    screenshot(mWindow, QStringLiteral("shared-values-dashboard.png"));
  }

 private:
  QTemporaryDir mDir;
  QString mProjectA;
  QString mProjectB;
  MapDocument mDocument;
  MainWindow* mWindow = nullptr;
  std::shared_ptr<gis::PgConnection> mAdmin;
  Localization mL10n;
};

QTEST_MAIN(SharedValuesPostgisTest)
#include "shared_values_postgis_test.moc"
