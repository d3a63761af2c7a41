#pragma once

#include "xiuhua/gis/postgis/pg_connection.h"

#include <QString>

#include <memory>

namespace xiuhua::test {

// The throwaway PostgreSQL + PostGIS cluster that ./test.sh starts (scripts/pg-cluster.sh) and
// describes in XIUHUA_PG_* variables. A test that needs it fails, never skips, when it is missing.
// Each test works in a schema of its own, made for it and dropped after it.
class PgTestServer {
 public:
  // Reads the variables and points libpq at the run's password and service files (PGPASSFILE,
  // PGSERVICEFILE). Fails the calling test (ADD_FAILURE) and returns false when they are missing.
  static bool available();

  static QString env(const char* name);
  // host=127.0.0.1 port=… dbname=xiuhua_test user=… (no password: the run's password file has it).
  static QString connectionString(const QString& user = {}, const QString& dbname = {});
  static gis::PgConnectionInfo info(const QString& user = {}, const QString& dbname = {});
  // A connection as the cluster's superuser (for setting up what the test needs).
  static std::shared_ptr<gis::PgConnection> admin(const QString& dbname = {});
  // A connection as the ordinary test user.
  static std::shared_ptr<gis::PgConnection> user();
};

// A schema named after the current test, owned by the test user; dropped with all it holds when
// the test ends.
class PgTestSchema {
 public:
  PgTestSchema();
  ~PgTestSchema();
  const QString& name() const { return mName; }
  // Runs SQL as the test user with search_path set to the schema; fails the test on an error.
  void sql(const QString& statement) const;
  // A table 街道 (id key with a default, 名称, 人口, a polygon in EPSG:4549): 新成路街道 (id 1,
  // 98000), 真新街道 (2, 120500), 嘉定镇街道 (3, no population).
  void createStreets() const;
  // The layer source of a table in the schema: "PG:host=… user=…" and "schema.table".
  QString source() const;
  QString layer(const QString& table) const { return mName + QLatin1Char('.') + table; }

 private:
  QString mName;
  std::shared_ptr<gis::PgConnection> mConnection;
};

}  // namespace xiuhua::test
