// Database passwords in the desktop keyring, against the real test server (./test.sh starts it):
// with a keyring (a D-Bus session with GNOME Keyring, tests/support/with_keyring.sh) the connection
// form stores the password there — not in the settings — and a later start reads it back so that
// libpq and GDAL connect with it from memory; without one the form says so and offers ~/.pgpass,
// never overwriting another password there. ctest runs each case in its environment.
#include "dialogs/pg_connection_box.h"
#include "keyring/saved_connections.h"
#include "l10n/localization.h"
#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/gis/postgis/pg_passwords.h"
#include "xiuhua/gis/vector_reader.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace xiuhua;
using namespace xiuhua::app;

namespace {

QString env(const char* name) { return qEnvironmentVariable(name); }

gis::PgConnectionInfo connection() {
  auto info = gis::PgConnectionInfo::parse(QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 sslmode=disable")
                                               .arg(env("XIUHUA_PG_HOST"), env("XIUHUA_PG_PORT"), env("XIUHUA_PG_DBNAME"), env("XIUHUA_PG_USER")));
  return info.ok() ? info.value() : gis::PgConnectionInfo();
}

void screenshot(QWidget* w, const QString& name) {
  if (env("XIUHUA_TEST_SCREENSHOTS").isEmpty()) return;
  QTest::qWait(300);
  w->grab().save(QDir(env("XIUHUA_TEST_SCREENSHOTS")).filePath(name));
}

// What the keyring holds under Xiuhua's service and this key, as another program reads it.
QString secretToolLookup(const QString& key) {
  QProcess lookup;
  // QtKeychain's schema: the service as "server", the key as "user".
  lookup.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("xiuhua-postgis"),
                                               QStringLiteral("user"), key});
  lookup.waitForFinished(20000);
  return QString::fromUtf8(lookup.readAllStandardOutput());
}

// Every settings file Xiuhua wrote, as text.
QString settingsText() {
  QString all;
  QDirIterator it(env("XDG_CONFIG_HOME"), QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    QFile f(it.next());
    if (f.open(QIODevice::ReadOnly)) all += QString::fromUtf8(f.readAll());
  }
  return all;
}

}  // namespace

class PostgisKeyringTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    if (env("XIUHUA_PG_PORT").isEmpty()) {
      QFAIL("No PostgreSQL test server: run the tests through ./test.sh, which starts one (scripts/pg-cluster.sh). PostGIS tests never skip.");
    }
    QVERIFY(mDir.isValid());
    // No password from anywhere but what the case provides: not the test server's files.
    qputenv("PGPASSFILE", mDir.filePath(QStringLiteral("pgpass")).toUtf8());
    qunsetenv("PGSERVICEFILE");
    qunsetenv("PGPASSWORD");
    if (!env("XIUHUA_TEST_LANG").isEmpty()) mL10n.apply(env("XIUHUA_TEST_LANG"));
  }

  void passwordFromTheKeyringOpensTheTable() {
    if (env("DBUS_SESSION_BUS_ADDRESS").isEmpty()) {
      QFAIL("No D-Bus session: this case runs under tests/support/with_keyring.sh (ctest does it).");
    }
    const gis::PgConnectionInfo info = connection();
    const QString password = env("XIUHUA_PG_PASSWORD");
    auto without = gis::PgConnection::open(info);
    QVERIFY2(!without.ok(), "the test server let the user in without a password: the case proves nothing");

    PgConnectionBox box;
    box.resize(620, 520);
    box.show();
    auto* remember = box.findChild<QCheckBox*>(QStringLiteral("postgisRemember"));
    QVERIFY(remember != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(remember->isEnabled(), 10000);  // the keyring answered
    box.setConnection(info);
    box.findChild<QLineEdit*>(QStringLiteral("postgisPassword"))->setText(password);
    remember->setChecked(true);
    box.saveConnection();
    QVERIFY2(box.statusText().contains(QStringLiteral("keyring")) || box.statusText().contains(QStringLiteral("钥匙")), qPrintable(box.statusText()));
    screenshot(&box, QStringLiteral("postgis-keyring-saved.png"));

    // Saved under its default name, user@host:port/dbname — a '/' that QSettings would read as a
    // group, hiding the connection from the list.
    QVERIFY2(SavedConnections::names().contains(info.displayName()), qPrintable(SavedConnections::names().join(QLatin1Char(','))));
    // In the real keyring, as another program sees it; never in the settings.
    QCOMPARE(secretToolLookup(gis::PgPasswords::keyOf(info)), password);
    QVERIFY(!settingsText().isEmpty());
    QVERIFY2(!settingsText().contains(password), "the password is in the settings");

    // A new start: nothing in memory; the marked connection's password is read from the keyring.
    gis::PgPasswords::drop(info);
    QVERIFY(!gis::PgConnection::open(info).ok());
    const QStringList problems = SavedConnections::holdKeyringPasswords();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    auto user = gis::PgConnection::open(info);
    QVERIFY2(user.ok(), user.ok() ? "" : qPrintable(user.error().message));
    QVERIFY(user.value()->executeScript(QStringLiteral(
                                            "DROP SCHEMA IF EXISTS gui_keyring CASCADE; CREATE SCHEMA gui_keyring; "
                                            "CREATE TABLE gui_keyring.stops (id integer PRIMARY KEY, name text, geom geometry(Point, 4549)); "
                                            "INSERT INTO gui_keyring.stops VALUES (1, '嘉定北', ST_SetSRID(ST_MakePoint(610000, 3470000), 4549))"))
                .ok());
    // GDAL's driver connects with it too (an open option: the dataset's name holds no password).
    gis::ReadOptions options;
    options.layerName = QStringLiteral("gui_keyring.stops");
    auto layer = gis::VectorReader::read(QStringLiteral("PG:") + info.toString(), options);
    QVERIFY2(layer.ok(), layer.ok() ? "" : qPrintable(layer.error().message));
    QCOMPARE((*layer)->geometries.size(), std::size_t{1});
    QVERIFY(!(*layer)->path.contains(password));

    // Not remembered any more: out of the keyring.
    remember->setChecked(false);
    box.saveConnection();
    QVERIFY(secretToolLookup(gis::PgPasswords::keyOf(info)).isEmpty());
    QVERIFY(!SavedConnections::passwordInKeyring(info.displayName()));  // saved under that name (none typed)
    QVERIFY(user.value()->executeScript(QStringLiteral("DROP SCHEMA gui_keyring CASCADE")).ok());
  }

  void withoutAKeyringTheFormOffersPgpass() {
    if (!env("DBUS_SESSION_BUS_ADDRESS").isEmpty()) {
      QFAIL("A D-Bus session is here: this case checks the form without a keyring (ctest runs it without one).");
    }
    const gis::PgConnectionInfo info = connection();
    const QString password = env("XIUHUA_PG_PASSWORD");
    const QString pgpass = mDir.filePath(QStringLiteral("pgpass"));
    PgConnectionBox box;
    box.resize(620, 520);
    box.show();
    auto* note = box.findChild<QLabel*>(QStringLiteral("postgisKeyringNote"));
    auto* remember = box.findChild<QCheckBox*>(QStringLiteral("postgisRemember"));
    QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(pgpass), 10000);
    QVERIFY(!remember->isEnabled());
    box.setConnection(info);
    box.findChild<QLineEdit*>(QStringLiteral("postgisPassword"))->setText(password);
    box.findChild<QPushButton*>(QStringLiteral("postgisAddPgpass"))->click();
    QVERIFY2(box.statusText().contains(pgpass), qPrintable(box.statusText()));
    screenshot(&box, QStringLiteral("postgis-keyring-none.png"));
    QFile file(pgpass);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString written = QString::fromUtf8(file.readAll());
    file.close();
    QCOMPARE(written, QStringLiteral("%1:%2:%3:%4:%5\n").arg(env("XIUHUA_PG_HOST"), env("XIUHUA_PG_PORT"), env("XIUHUA_PG_DBNAME"),
                                                              env("XIUHUA_PG_USER"), password));
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    // libpq finds it there: nothing held in memory.
    gis::PgPasswords::drop(info);
    auto opened = gis::PgConnection::open(info);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    // Another password for the same connection is refused, naming the file and line.
    box.findChild<QLineEdit*>(QStringLiteral("postgisPassword"))->setText(QStringLiteral("another"));
    box.findChild<QPushButton*>(QStringLiteral("postgisAddPgpass"))->click();
    QVERIFY2(box.statusText().contains(pgpass) && box.statusText().contains(QStringLiteral("1")), qPrintable(box.statusText()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), written);
  }

 private:
  QTemporaryDir mDir;
  Localization mL10n;
};

QTEST_MAIN(PostgisKeyringTest)
#include "postgis_keyring_test.moc"
