#include "support/pg_test_server.h"

#include <gtest/gtest.h>

#include <QRegularExpression>

namespace xiuhua::test {

QString PgTestServer::env(const char* name) { return qEnvironmentVariable(name); }

bool PgTestServer::available() {
  if (env("XIUHUA_PG_PORT").isEmpty() || env("XIUHUA_PG_PASSFILE").isEmpty()) {
    ADD_FAILURE() << "No PostgreSQL test server: run the tests through ./test.sh, which starts one (scripts/pg-cluster.sh), or "
                     "`source scripts/pg-cluster.sh && xh_pg_start` before ctest. PostGIS tests never skip.";
    return false;
  }
  qputenv("PGPASSFILE", env("XIUHUA_PG_PASSFILE").toUtf8());
  qputenv("PGSERVICEFILE", env("XIUHUA_PG_SERVICEFILE").toUtf8());
  qputenv("PGGSSENCMODE", "disable");
  return true;
}

QString PgTestServer::connectionString(const QString& user, const QString& dbname) {
  return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 sslmode=disable")
      .arg(env("XIUHUA_PG_HOST"), env("XIUHUA_PG_PORT"), dbname.isEmpty() ? env("XIUHUA_PG_DBNAME") : dbname,
           user.isEmpty() ? env("XIUHUA_PG_USER") : user);
}

gis::PgConnectionInfo PgTestServer::info(const QString& user, const QString& dbname) {
  auto info = gis::PgConnectionInfo::parse(connectionString(user, dbname));
  EXPECT_TRUE(info.ok()) << (info.ok() ? "" : info.error().message.toStdString());
  return info.ok() ? info.value() : gis::PgConnectionInfo();
}

std::shared_ptr<gis::PgConnection> PgTestServer::admin(const QString& dbname) {
  auto c = gis::PgConnection::open(info(env("XIUHUA_PG_ADMIN_USER"), dbname));
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message.toStdString());
  return c.ok() ? c.value() : nullptr;
}

std::shared_ptr<gis::PgConnection> PgTestServer::user() {
  auto c = gis::PgConnection::open(info());
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message.toStdString());
  return c.ok() ? c.value() : nullptr;
}

PgTestSchema::PgTestSchema() {
  if (!PgTestServer::available()) return;
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  mName = QStringLiteral("t_%1_%2").arg(QString::fromUtf8(test->test_suite_name()), QString::fromUtf8(test->name())).toLower();
  mName.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
  mName = mName.left(60);
  mConnection = PgTestServer::user();
  if (!mConnection) return;
  sql(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(mName));
  sql(QStringLiteral("CREATE SCHEMA %1").arg(mName));
  sql(QStringLiteral("GRANT USAGE ON SCHEMA %1 TO xh_reader").arg(mName));
}

PgTestSchema::~PgTestSchema() {
  if (!mConnection) return;
  const QString drop = QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(mName);
  // A test that restarted the server left this connection dead: a new one drops it.
  if (!mConnection->execute(drop).ok()) {
    if (auto again = gis::PgConnection::open(PgTestServer::info())) (void)again.value()->execute(drop);
  }
}

void PgTestSchema::sql(const QString& statement) const {
  ASSERT_TRUE(mConnection) << "no connection to the test server";
  const gis::Status s = mConnection->executeScript(QStringLiteral("SET search_path = %1, public; ").arg(mName) + statement);
  ASSERT_TRUE(s.ok()) << s.error().message.toStdString() << "\n" << statement.toStdString();
}

void PgTestSchema::createStreets() const {
  sql(QStringLiteral(R"sql(
CREATE TABLE 街道 (id integer PRIMARY KEY, 名称 text, 人口 integer, geom geometry(Polygon, 4549));
INSERT INTO 街道 VALUES
  (1, '新成路街道', 98000, ST_GeomFromText('POLYGON((500000 3470000, 501000 3470000, 501000 3471000, 500000 3471000, 500000 3470000))', 4549)),
  (2, '真新街道', 120500, ST_GeomFromText('POLYGON((501000 3470000, 503000 3470000, 503000 3471000, 501000 3471000, 501000 3470000))', 4549)),
  (3, '嘉定镇街道', NULL, ST_GeomFromText('POLYGON((500000 3471000, 500500 3471000, 500500 3471500, 500000 3471000))', 4549));
CREATE SEQUENCE 街道_id START 100 OWNED BY 街道.id;
ALTER TABLE 街道 ALTER COLUMN id SET DEFAULT nextval('街道_id');
)sql"));
}

QString PgTestSchema::source() const { return QStringLiteral("PG:") + PgTestServer::connectionString(); }

}  // namespace xiuhua::test
