// Shared indicator values: a project's catalog, values and audit in a schema on the server, read by
// progress exactly as from the project file; two units entering a value for the same indicator and
// year at once (two real processes) — one is stored, the other is told and re-enters it as a
// revision, nothing overwritten; the audit keeps the database user; a server that is down is named.
#include "support/demo_copy.h"
#include "support/pg_test_server.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/indicators/status_table.h"
#include "xiuhua/indicators/value_exchange.h"
#include "xiuhua/indicators/value_sharing.h"
#include "xiuhua/indicators/value_store.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace xiuhua;
using xiuhua::test::PgTestSchema;
using xiuhua::test::PgTestServer;

namespace {

// Everything progress says of every indicator in a year, as text to compare.
QString statusesOf(const QString& project, int year) {
  auto store = indicators::ValueStore::open(project);
  EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message.toStdString());
  if (!store.ok()) return {};
  auto statuses = indicators::indicatorStatuses(**store, year);
  EXPECT_TRUE(statuses.ok());
  if (!statuses.ok()) return {};
  QStringList lines;
  auto number = [](const std::optional<double>& v) { return v ? QString::number(*v, 'g', 17) : QStringLiteral("-"); };
  for (const indicators::IndicatorStatus& s : statuses.value()) {
    QStringList series;
    for (const auto& [y, v] : s.series) series << QStringLiteral("%1:%2").arg(y).arg(v, 0, 'g', 17);
    lines << QStringList{s.indicator.code, QString::number(static_cast<int>(s.progress.status)), number(s.progress.percent),
                         number(s.progress.expectedValue), number(s.progress.remaining), series.join(QLatin1Char(',')),
                         QString::number(static_cast<int>(s.syntheticYears.size()))}
                 .join(QLatin1Char('|'));
  }
  return lines.join(QLatin1Char('\n'));
}

struct Projects {
  QTemporaryDir dir;
  QString a;  // unit A's workstation
  QString b;  // unit B's
};

// The demo with its history, copied for two units; A's values copied into the schema, B joins.
bool shareDemo(Projects& p, const PgTestSchema& schema) {
  p.a = test::copyBuiltDemo(p.dir.filePath(QStringLiteral("a")));
  p.b = test::copyBuiltDemo(p.dir.filePath(QStringLiteral("b")));
  if (p.a.isEmpty() || p.b.isEmpty()) return false;
  auto copied = indicators::shareValues(p.a, {PgTestServer::info(), schema.name()}, indicators::ShareMode::Copy);
  EXPECT_TRUE(copied.ok()) << (copied.ok() ? "" : copied.error().message.toStdString());
  // B connects as another database user (a unit has its own login).
  auto joined = indicators::shareValues(p.b, {PgTestServer::info(PgTestServer::env("XIUHUA_PG_ADMIN_USER")), schema.name()},
                                        indicators::ShareMode::Join);
  EXPECT_TRUE(joined.ok()) << (joined.ok() ? "" : joined.error().message.toStdString());
  return copied.ok() && joined.ok();
}

struct Entry {
  int exitCode = -1;
  QString out;
  QString err;
};

std::unique_ptr<QProcess> startSet(const QString& project, const QString& value, const QString& author, qint64 replaces) {
  auto process = std::make_unique<QProcess>();
  process->start(QStringLiteral(XIUHUA_CLI),
                 {QStringLiteral("indicators"), QStringLiteral("set"), QStringLiteral("--project"), project, QStringLiteral("--code"),
                  QStringLiteral("JD14-02"), QStringLiteral("--year"), QStringLiteral("2025"), QStringLiteral("--value"), value,
                  QStringLiteral("--author"), author, QStringLiteral("--replaces"),
                  replaces == 0 ? QStringLiteral("none") : QString::number(replaces)});
  return process;
}

Entry finish(QProcess& process) {
  EXPECT_TRUE(process.waitForFinished(60000));
  return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

}  // namespace

TEST(SharedValues, ProgressReadsTheSharedValuesExactlyAsTheProjectFile) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  QTemporaryDir dir;
  const QString project = test::copyBuiltDemo(dir.filePath(QStringLiteral("demo")));
  ASSERT_FALSE(project.isEmpty());
  const QString local = statusesOf(project, 2025);
  ASSERT_GT(local.count(QLatin1Char('\n')), 30);
  auto copied = indicators::shareValues(project, {PgTestServer::info(), schema.name()}, indicators::ShareMode::Copy);
  ASSERT_TRUE(copied.ok()) << copied.error().message.toStdString();
  EXPECT_EQ(copied->indicators, 38);
  EXPECT_GT(copied->values, 100);
  EXPECT_EQ(copied->sharedValues, copied->values);
  auto store = indicators::ValueStore::open(project);
  ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
  EXPECT_TRUE((*store)->isShared());
  EXPECT_TRUE((*store)->location().contains(schema.name()));
  EXPECT_EQ(statusesOf(project, 2025), local);
  EXPECT_EQ(statusesOf(project, 2023), [&] {
    // The file's own values are untouched: stop sharing, and the file answers the same.
    EXPECT_TRUE(indicators::stopSharingValues(project).ok());
    const QString fromFile = statusesOf(project, 2023);
    EXPECT_TRUE(indicators::shareValues(project, {PgTestServer::info(), schema.name()}, indicators::ShareMode::Join).ok());
    return fromFile;
  }());
}

TEST(SharedValues, TwoUnitsEnteringTheSameValueAtOnceOneIsStoredTheOtherToldAndNoneOverwritten) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  Projects p;
  ASSERT_TRUE(shareDemo(p, schema));
  // Both units see the same current value of JD14-02 for 2025 …
  auto store = indicators::ValueStore::open(p.a);
  ASSERT_TRUE(store.ok());
  auto seen = (*store)->currentValue(QStringLiteral("JD14-02"), 2025, std::nullopt, {});
  ASSERT_TRUE(seen.ok() && seen->has_value());
  const qint64 seenId = (*seen)->id;
  // … and enter theirs at the same moment, from two processes.
  auto a = startSet(p.a, QStringLiteral("98"), QStringLiteral("张三（房管局）"), seenId);
  auto b = startSet(p.b, QStringLiteral("99"), QStringLiteral("李四（建管委）"), seenId);
  const Entry ea = finish(*a);
  const Entry eb = finish(*b);
  // Exactly one is stored; the other exits 3 and names who entered what.
  ASSERT_EQ((ea.exitCode == 0) + (eb.exitCode == 0), 1) << ea.err.toStdString() << eb.err.toStdString();
  const bool aWon = ea.exitCode == 0;
  const Entry& lost = aWon ? eb : ea;
  EXPECT_EQ(lost.exitCode, 3) << lost.err.toStdString();
  EXPECT_TRUE(lost.err.contains(aWon ? QStringLiteral("张三（房管局）") : QStringLiteral("李四（建管委）"))) << lost.err.toStdString();
  EXPECT_TRUE(lost.err.contains(QStringLiteral("not stored"))) << lost.err.toStdString();
  auto history = (*store)->history(QStringLiteral("JD14-02"));
  ASSERT_TRUE(history.ok());
  auto winner = (*store)->currentValue(QStringLiteral("JD14-02"), 2025, std::nullopt, {});
  ASSERT_TRUE(winner.ok() && winner->has_value());
  EXPECT_DOUBLE_EQ((*winner)->value, aWon ? 98 : 99);
  // The one who was told enters it again, now as a revision of the winner's: stored, both kept.
  auto again = startSet(aWon ? p.b : p.a, aWon ? QStringLiteral("99") : QStringLiteral("98"),
                        aWon ? QStringLiteral("李四（建管委）") : QStringLiteral("张三（房管局）"), (*winner)->id);
  const Entry ok = finish(*again);
  EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
  auto after = (*store)->history(QStringLiteral("JD14-02"));
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), history->size() + 1);
  QStringList entered;
  for (const auto& v : after.value()) {
    if (v.year == 2025 && v.id > seenId) entered << QStringLiteral("%1=%2@%3").arg(v.author).arg(v.value).arg(v.dbUser);
  }
  const QString userA = PgTestServer::env("XIUHUA_PG_USER");
  const QString userB = PgTestServer::env("XIUHUA_PG_ADMIN_USER");
  const QStringList expected = aWon ? QStringList{QStringLiteral("张三（房管局）=98@") + userA, QStringLiteral("李四（建管委）=99@") + userB}
                                    : QStringList{QStringLiteral("李四（建管委）=99@") + userB, QStringLiteral("张三（房管局）=98@") + userA};
  EXPECT_EQ(entered, expected);
}

TEST(SharedValues, TheAuditRecordsTheDatabaseUserOfEachEntry) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  Projects p;
  ASSERT_TRUE(shareDemo(p, schema));
  auto storeB = indicators::ValueStore::open(p.b);
  ASSERT_TRUE(storeB.ok());
  indicators::IndicatorValue v;
  v.code = QStringLiteral("JD14-02");
  v.year = 2024;
  v.value = 81;
  v.author = QStringLiteral("王五");  // what a person types; the database user is the server's word
  ASSERT_TRUE((*storeB)->addValue(v).ok());
  ASSERT_TRUE((*storeB)->setBaseline(QStringLiteral("JD14-09"), 2020, 40, QStringLiteral("交通委 2020 年报"), QStringLiteral("王五")).ok());
  auto storeA = indicators::ValueStore::open(p.a);
  ASSERT_TRUE(storeA.ok());
  auto current = (*storeA)->currentValue(QStringLiteral("JD14-02"), 2024, std::nullopt, {});
  ASSERT_TRUE(current.ok() && current->has_value());
  EXPECT_EQ((*current)->author, QStringLiteral("王五"));
  EXPECT_EQ((*current)->dbUser, PgTestServer::env("XIUHUA_PG_ADMIN_USER"));
  // A sees B's baseline decision at once (one catalog for the district).
  auto catalog = (*storeA)->catalog();
  ASSERT_TRUE(catalog.ok());
  const indicators::Indicator* jd09 = catalog->find(QStringLiteral("JD14-09"));
  ASSERT_NE(jd09, nullptr);
  ASSERT_TRUE(jd09->baselineValue.has_value());
  EXPECT_DOUBLE_EQ(*jd09->baselineValue, 40);
  auto rows = PgTestServer::admin()->query(QStringLiteral("SELECT db_user FROM %1.xh_catalog_decisions").arg(schema.name()));
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->text(0, 0), PgTestServer::env("XIUHUA_PG_ADMIN_USER"));
}

TEST(SharedValues, CopyRefusesASchemaThatHoldsValuesAndJoinRefusesAnEmptyOne) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  Projects p;
  ASSERT_TRUE(shareDemo(p, schema));
  QTemporaryDir dir;
  const QString third = test::copyBuiltDemo(dir.filePath(QStringLiteral("c")));
  auto copy = indicators::shareValues(third, {PgTestServer::info(), schema.name()}, indicators::ShareMode::Copy);
  ASSERT_FALSE(copy.ok());
  EXPECT_TRUE(copy.error().message.contains(schema.name())) << copy.error().message.toStdString();
  EXPECT_TRUE(copy.error().message.contains(QStringLiteral("nothing was copied"))) << copy.error().message.toStdString();
  PgTestSchema empty;
  auto join = indicators::shareValues(third, {PgTestServer::info(), empty.name()}, indicators::ShareMode::Join);
  ASSERT_FALSE(join.ok());
  EXPECT_TRUE(join.error().message.contains(QStringLiteral("nothing to join"))) << join.error().message.toStdString();
  auto where = indicators::sharedValuesOf(third);
  ASSERT_TRUE(where.ok());
  EXPECT_FALSE(where->has_value());  // refused: the project still reads its own file
}

TEST(SharedValues, AServerThatIsDownIsNamedAndTheFileIsNotReadInstead) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  QTemporaryDir dir;
  const QString project = test::copyBuiltDemo(dir.filePath(QStringLiteral("demo")));
  ASSERT_TRUE(indicators::shareValues(project, {PgTestServer::info(), schema.name()}, indicators::ShareMode::Copy).ok());
  // The schema gone (renamed by its owner): named, not replaced by the file's values.
  ASSERT_TRUE(PgTestServer::admin()->execute(QStringLiteral("ALTER SCHEMA %1 RENAME TO %1_away").arg(schema.name())).ok());
  auto missing = indicators::ValueStore::open(project);
  ASSERT_TRUE(PgTestServer::admin()->execute(QStringLiteral("ALTER SCHEMA %1_away RENAME TO %1").arg(schema.name())).ok());
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.error().message.contains(schema.name())) << missing.error().message.toStdString();
  EXPECT_TRUE(missing.error().message.contains(QStringLiteral("does not exist"))) << missing.error().message.toStdString();
  // The server down (nothing listens where the project says): named, no values shown in its place.
  {
    auto file = gis::Database::open(project);
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE((*file)->query(QStringLiteral("UPDATE xh_shared_values SET connection = ?"),
                               {QStringLiteral("host=127.0.0.1 port=1 dbname=xiuhua_test user=xh_user sslmode=disable connect_timeout=5")})
                    .ok());
  }
  auto down = indicators::ValueStore::open(project);
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(down.error().code, gis::ErrorCode::ConnectionFailed);
  EXPECT_TRUE(down.error().message.contains(QStringLiteral("127.0.0.1:1"))) << down.error().message.toStdString();
  EXPECT_TRUE(down.error().message.contains(schema.name())) << down.error().message.toStdString();
  // Stopping the sharing works with the server away: the file's values are read again.
  ASSERT_TRUE(indicators::stopSharingValues(project).ok());
  auto file = indicators::ValueStore::open(project);
  ASSERT_TRUE(file.ok()) << file.error().message.toStdString();
  EXPECT_FALSE((*file)->isShared());
  auto history = (*file)->history(QStringLiteral("JD14-02"));
  ASSERT_TRUE(history.ok());
  EXPECT_FALSE(history->empty());
}

TEST(SharedValues, AConnectionTheServerDroppedIsOpenedAgainAndNothingIsLost) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  QTemporaryDir dir;
  const QString project = test::copyBuiltDemo(dir.filePath(QStringLiteral("demo")));
  // A connection of its own name, so that only it is dropped (other tests run beside this one).
  gis::PgConnectionInfo info = PgTestServer::info();
  info.set(QStringLiteral("application_name"), QStringLiteral("xh_dropped"));
  ASSERT_TRUE(indicators::shareValues(project, {info, schema.name()}, indicators::ShareMode::Copy).ok());
  auto store = indicators::ValueStore::open(project);
  ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
  auto before = (*store)->history(QStringLiteral("JD14-02"));
  ASSERT_TRUE(before.ok());
  auto dropped = PgTestServer::admin()->query(
      QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'xh_dropped'"));
  ASSERT_TRUE(dropped.ok());
  ASSERT_EQ(dropped->text(0, 0), QStringLiteral("1"));
  // The next entry finds the connection gone, opens it again and is stored once.
  indicators::IndicatorValue v;
  v.code = QStringLiteral("JD14-02");
  v.year = 2024;
  v.value = 82;
  v.author = QStringLiteral("张三");
  auto id = (*store)->addValue(v);
  ASSERT_TRUE(id.ok()) << id.error().message.toStdString();
  auto after = (*store)->history(QStringLiteral("JD14-02"));
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->size(), before->size() + 1);
}

TEST(SharedValues, AUnitThatMayOnlyReadAndAppendEntersValues) {
  if (!PgTestServer::available()) return;
  PgTestSchema schema;
  QTemporaryDir dir;
  const QString owner = test::copyBuiltDemo(dir.filePath(QStringLiteral("owner")));
  const QString unit = test::copyBuiltDemo(dir.filePath(QStringLiteral("unit")));
  ASSERT_TRUE(indicators::shareValues(owner, {PgTestServer::info(), schema.name()}, indicators::ShareMode::Copy).ok());
  // The grants docs/postgis-city.md gives a 责任单位: no CREATE on the schema.
  const QString reader = PgTestServer::env("XIUHUA_PG_READER_USER");
  schema.sql(QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2; GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA %1 TO %2; "
                            "GRANT DELETE ON xh_values TO %2")
                 .arg(schema.name(), reader));
  auto joined = indicators::shareValues(unit, {PgTestServer::info(reader), schema.name()}, indicators::ShareMode::Join);
  ASSERT_TRUE(joined.ok()) << joined.error().message.toStdString();
  auto store = indicators::ValueStore::open(unit);
  ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
  indicators::IndicatorValue v;
  v.code = QStringLiteral("JD14-02");
  v.year = 2024;
  v.value = 83;
  v.author = QStringLiteral("赵六（街道）");
  auto id = (*store)->addValue(v);
  ASSERT_TRUE(id.ok()) << id.error().message.toStdString();
  auto current = (*store)->currentValue(QStringLiteral("JD14-02"), 2024, std::nullopt, {});
  ASSERT_TRUE(current.ok() && current->has_value());
  EXPECT_EQ((*current)->dbUser, reader);
  // What it may not do is refused by the server, named: changing the catalog.
  auto catalog = (*store)->catalog();
  ASSERT_TRUE(catalog.ok());
  const gis::Status refused = (*store)->updateIndicator(catalog->indicators.front());
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(QStringLiteral("permission denied"))) << refused.error().message.toStdString();
}
