// PostGIS from the GUI, against the real test server (./test.sh starts it): the connection dialog
// tests a connection and names a failure, lists the tables with a geometry column, and adds them to
// the map; a table without key opens read-only with its reason; a save that meets another user's
// change shows mine and theirs side by side and writes mine when the user takes it.
#include "dialogs/postgis_layer_dialog.h"
#include "document/layer_editing.h"
#include "document/map_document.h"
#include "document/shared_layer_watcher.h"
#include "keyring/saved_connections.h"
#include "edit/conflict_dialog.h"
#include "edit/editing_controller.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "main/main_window.h"
#include "map/map_tool.h"
#include "xiuhua/gis/postgis/pg_change_listener.h"
#include "xiuhua/gis/postgis/pg_connection.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTimer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace xiuhua::app;
using namespace xiuhua::gis;

namespace {

QString env(const char* name) { return qEnvironmentVariable(name); }

const char* kSchema = "gui_postgis_dialog";

}  // namespace

class PostgisGuiTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    if (env("XIUHUA_PG_PORT").isEmpty()) {
      QFAIL("No PostgreSQL test server: run the tests through ./test.sh, which starts one (scripts/pg-cluster.sh). PostGIS tests never skip.");
    }
    qputenv("PGPASSFILE", env("XIUHUA_PG_PASSFILE").toUtf8());
    qputenv("PGSERVICEFILE", env("XIUHUA_PG_SERVICEFILE").toUtf8());
    auto info = PgConnectionInfo::parse(connection(env("XIUHUA_PG_DBNAME")));
    QVERIFY(info.ok());
    auto c = PgConnection::open(info.value());
    QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
    mConnection = c.value();
    const QString schema = QString::fromLatin1(kSchema);
    QVERIFY(mConnection->executeScript(QStringLiteral(
        "DROP SCHEMA IF EXISTS %1 CASCADE; CREATE SCHEMA %1;"
        "CREATE TABLE %1.街镇 (id integer PRIMARY KEY, 名称 text, geom geometry(Polygon, 4549));"
        "INSERT INTO %1.街镇 VALUES"
        " (1, '新成路街道', ST_GeomFromText('POLYGON((500000 3470000, 501000 3470000, 501000 3471000, 500000 3471000, 500000 3470000))', 4549)),"
        " (2, '真新街道', ST_GeomFromText('POLYGON((501000 3470000, 503000 3470000, 503000 3471000, 501000 3471000, 501000 3470000))', 4549));"
        "CREATE TABLE %1.无主键 (名称 text, geom geometry(Point, 4549));"
        "ANALYZE %1.街镇;").arg(schema)).ok());
  }

  void cleanupTestCase() {
    if (mConnection) (void)mConnection->executeScript(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(QLatin1String(kSchema)));
  }

  void aConnectionIsTestedAndAFailureNamed() {
    PostgisLayerDialog dialog;
    dialog.show();
    auto good = PgConnectionInfo::parse(connection(env("XIUHUA_PG_DBNAME")));
    QVERIFY(good.ok());
    dialog.setConnection(good.value());
    QSignalSpy checked(&dialog, &PostgisLayerDialog::checked);
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
    QCOMPARE(checked.at(0).at(0).toBool(), true);
    QVERIFY2(dialog.statusText().contains(QLatin1String("PostGIS")), qPrintable(dialog.statusText()));

    auto missing = PgConnectionInfo::parse(connection(QStringLiteral("no_such_database")));
    QVERIFY(missing.ok());
    dialog.setConnection(missing.value());
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 20000);
    QCOMPARE(checked.at(1).at(0).toBool(), false);
    QVERIFY2(dialog.statusText().contains(QLatin1String("no_such_database")), qPrintable(dialog.statusText()));
  }

  void aSavedConnectionKeepsNoPassword() {
    PostgisLayerDialog dialog;
    auto good = PgConnectionInfo::parse(connection(env("XIUHUA_PG_DBNAME")));
    QVERIFY(good.ok());
    dialog.setConnection(good.value());
    dialog.saveConnection();
    // Listed under its name, read back without a password, and no setting holds one.
    QVERIFY(SavedConnections::names().contains(good->displayName()));
    auto back = SavedConnections::connection(good->displayName());
    QVERIFY(back.ok());
    QCOMPARE(back->value(QStringLiteral("dbname")), QStringLiteral("xiuhua_test"));
    QSettings settings;
    settings.beginGroup(QStringLiteral("postgis"));
    for (const QString& key : settings.allKeys()) {
      const QString saved = settings.value(key).toString();
      QVERIFY2(!saved.contains(QLatin1String("password")) && !saved.contains(env("XIUHUA_PG_PASSWORD")), qPrintable(key));
    }
  }

  void aTableIsListedAddedDrawnAndEditedWithConflictsSettled() {
    MapDocument document;
    MainWindow window(&document);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    PostgisLayerDialog dialog(&window);
    dialog.show();
    auto good = PgConnectionInfo::parse(connection(env("XIUHUA_PG_DBNAME")));
    QVERIFY(good.ok());
    dialog.setConnection(good.value());
    QSignalSpy listed(&dialog, &PostgisLayerDialog::listed);
    dialog.listTables();
    QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 1, 20000);
    QVERIFY2(listed.at(0).at(0).toInt() >= 2, qPrintable(dialog.statusText()));
    const QString layer = QStringLiteral("%1.街镇").arg(QLatin1String(kSchema));
    const QString noKey = QStringLiteral("%1.无主键").arg(QLatin1String(kSchema));
    dialog.selectTable(layer);
    dialog.selectTable(noKey);
    const QStringList sources = dialog.selectedSources();
    QCOMPARE(sources.size(), 2);
    QVERIFY2(sources.front().startsWith(QLatin1String("PG:")) && sources.front().contains(QLatin1String("|layername=") + QLatin1String(kSchema)),
             qPrintable(sources.front()));
    if (!env("XIUHUA_TEST_SCREENSHOTS").isEmpty()) {
      dialog.grab().save(QDir(env("XIUHUA_TEST_SCREENSHOTS")).filePath(QStringLiteral("postgis-dialog.png")));
    }
    dialog.close();

    window.addLayers(sources);
    QTRY_VERIFY_WITH_TIMEOUT(document.layers().size() == 2 && document.layers()[0].data != nullptr && document.layers()[1].data != nullptr,
                             30000);
    const LayerState* streets = nullptr;
    const LayerState* points = nullptr;
    for (const LayerState& s : document.layers()) {
      QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
      (s.spec.sourceLayer == layer ? streets : points) = &s;
    }
    QVERIFY(streets != nullptr && points != nullptr);
    QCOMPARE(streets->spec.name, QStringLiteral("街镇"));
    QCOMPARE(static_cast<int>(streets->data->featureCount()), 2);
    QVERIFY2(streets->data->readOnlyReason.isEmpty(), qPrintable(streets->data->readOnlyReason));
    QVERIFY2(points->data->readOnlyReason.contains(QLatin1String("primary key")), qPrintable(points->data->readOnlyReason));
    const QString streetsId = streets->spec.id;
    // The table without a key: refused with the reason.
    QSignalSpy problems(window.editing(), &EditingController::problem);
    QVERIFY(!window.editing()->startEditing(points->spec.id));
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.at(0).at(0).toString().contains(QLatin1String("primary key")), qPrintable(problems.at(0).at(0).toString()));

    // Edit two features; meanwhile another user changes one of them.
    QVERIFY(window.editing()->startEditing(streetsId));
    LayerEditing* editing = window.editing()->editing();
    EditBuffer* buffer = editing->buffer(streetsId);
    QVERIFY(buffer != nullptr);
    const int name = buffer->base().fieldIndex(QStringLiteral("名称"));
    editing->push(streetsId, FeatureEditCommand::changeAttribute(buffer, 1, name, QStringLiteral("新成路街道（我改）"), QStringLiteral("edit")));
    editing->push(streetsId, FeatureEditCommand::changeAttribute(buffer, 2, name, QStringLiteral("真新街道（我改）"), QStringLiteral("edit")));
    QVERIFY(mConnection->executeScript(QStringLiteral("UPDATE %1.街镇 SET 名称 = '新成路街道（他改）' WHERE id = 1").arg(QLatin1String(kSchema))).ok());
    if (!env("XIUHUA_TEST_SCREENSHOTS").isEmpty()) {
      QTest::qWait(500);
      window.grab().save(QDir(env("XIUHUA_TEST_SCREENSHOTS")).filePath(QStringLiteral("postgis-layer.png")));
    }

    // Saving meets the conflict: the dialog shows mine and theirs; the user takes mine.
    bool shown = false;
    QTimer::singleShot(0, this, [&] {
      auto* conflicts = qobject_cast<ConflictDialog*>(QApplication::activeModalWidget());
      if (conflicts == nullptr) return;
      QTRY_VERIFY(conflicts->isVisible());
      shown = conflicts->remaining() == 1 && conflicts->cell(name, 1) == QStringLiteral("新成路街道（我改）") &&
              conflicts->cell(name, 2) == QStringLiteral("新成路街道（他改）");
      if (!env("XIUHUA_TEST_SCREENSHOTS").isEmpty()) {
        conflicts->grab().save(QDir(env("XIUHUA_TEST_SCREENSHOTS")).filePath(QStringLiteral("postgis-conflict.png")));
      }
      conflicts->takeMine();
      conflicts->accept();
    });
    QVERIFY(window.editing()->saveEdits(streetsId));
    QVERIFY(shown);
    auto rows = mConnection->query(QStringLiteral("SELECT id, 名称 FROM %1.街镇 ORDER BY id").arg(QLatin1String(kSchema)));
    QVERIFY(rows.ok());
    QCOMPARE(rows->text(0, 1), QStringLiteral("新成路街道（我改）"));
    QCOMPARE(rows->text(1, 1), QStringLiteral("真新街道（我改）"));
    QVERIFY(!editing->isModified(streetsId));
  }

  void otherUsersChangesAppearWithoutReopeningAndKeepMyEdits() {
    const QString schema = QStringLiteral("gui_postgis_live");
    QVERIFY(mConnection->executeScript(QStringLiteral(
        "DROP SCHEMA IF EXISTS %1 CASCADE; CREATE SCHEMA %1;"
        "CREATE TABLE %1.announced (id integer PRIMARY KEY, name text, geom geometry(Point, 4549));"
        "CREATE TABLE %1.polled (id integer PRIMARY KEY, name text, geom geometry(Point, 4549));"
        "INSERT INTO %1.announced SELECT i, 'n' || i, ST_SetSRID(ST_MakePoint(500000 + i * 10, 3470000), 4549) FROM generate_series(1, 3) i;"
        "INSERT INTO %1.polled SELECT i, 'n' || i, ST_SetSRID(ST_MakePoint(500000 + i * 10, 3470100), 4549) FROM generate_series(1, 3) i;")
                                               .arg(schema)).ok());
    QVERIFY(pgInstallChangeTrigger(*mConnection, schema, QStringLiteral("announced")).ok());

    MapDocument document;
    MainWindow window(&document);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString source = QStringLiteral("PG:") + connection(env("XIUHUA_PG_DBNAME"));
    window.addLayers({source + QStringLiteral("|layername=%1.announced").arg(schema), source + QStringLiteral("|layername=%1.polled").arg(schema)});
    QTRY_VERIFY_WITH_TIMEOUT(document.layers().size() == 2 && document.layers()[0].data && document.layers()[1].data, 30000);
    QString announced;
    QString polled;
    for (const LayerState& s : document.layers()) (s.spec.sourceLayer.endsWith(QLatin1String("announced")) ? announced : polled) = s.spec.id;
    auto* watcher = document.findChild<SharedLayerWatcher*>();
    QVERIFY(watcher != nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(watcher->mode(announced), QStringLiteral("notify"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(watcher->mode(polled), QStringLiteral("poll"), 20000);

    // My unsaved edit of feature 2 of each layer.
    LayerEditing* editing = window.editing()->editing();
    for (const QString& id : {announced, polled}) {
      QVERIFY(window.editing()->startEditing(id));
      EditBuffer* buffer = editing->buffer(id);
      editing->push(id, FeatureEditCommand::changeAttribute(buffer, 2, buffer->base().fieldIndex(QStringLiteral("name")), QStringLiteral("mine"),
                                                             QStringLiteral("edit")));
    }
    auto nameShown = [&](const QString& id, qint64 fid) {
      const LayerState* s = document.layer(id);
      if (s == nullptr || !s->data) return QString();
      for (std::size_t i = 0; i < s->data->fids.size(); ++i) {
        if (s->data->fids[i] == fid) return s->data->attributes[i][static_cast<std::size_t>(s->data->fieldIndex(QStringLiteral("name")))].toString();
      }
      return QString();
    };
    for (const QString& id : {announced, polled}) {
      const QString table = id == announced ? QStringLiteral("announced") : QStringLiteral("polled");
      QElapsedTimer clock;
      clock.start();
      QVERIFY(mConnection->executeScript(QStringLiteral("UPDATE %1.%2 SET name = 'theirs' WHERE id = 1").arg(schema, table)).ok());
      // Shown without reopening: announced at once, polled each second (the goal, 2 s, is the design's;
      // the wait here is generous, the machines being shared: the time is printed, not judged).
      QTRY_COMPARE_WITH_TIMEOUT(nameShown(id, 1), QStringLiteral("theirs"), 15000);
      qInfo("%s: another user's change shown after %lld ms", qPrintable(table), clock.elapsed());
      QTRY_COMPARE_WITH_TIMEOUT(nameShown(id, 2), QStringLiteral("mine"), 5000);  // my edit, still shown over it
      QVERIFY(editing->isModified(id));
      QCOMPARE(editing->buffer(id)->feature(2)->attributes[static_cast<std::size_t>(editing->buffer(id)->base().fieldIndex(QStringLiteral("name")))].toString(),
               QStringLiteral("mine"));
    }
    for (const QString& id : {announced, polled}) QVERIFY(window.editing()->stopEditing(id, false));
    (void)mConnection->executeScript(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema));
  }

 private:
  static QString connection(const QString& dbname) {
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 sslmode=disable")
        .arg(env("XIUHUA_PG_HOST"), env("XIUHUA_PG_PORT"), dbname, env("XIUHUA_PG_USER"));
  }

  std::shared_ptr<PgConnection> mConnection;
};

QTEST_MAIN(PostgisGuiTest)
#include "postgis_gui_test.moc"
