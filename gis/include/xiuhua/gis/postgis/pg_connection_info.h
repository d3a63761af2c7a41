#pragma once

#include "xiuhua/gis/result.h"

#include <QString>

#include <utility>
#include <vector>

namespace xiuhua::gis {

// Where a PostgreSQL database is, as libpq names it: a service of pg_service.conf (`service=NAME`),
// or host, port, dbname, user and sslmode. Never a password: passwords come from ~/.pgpass, the
// service file or the desktop keyring, so that nothing a project or the settings keep holds one.
class PgConnectionInfo {
 public:
  // Reads a libpq connection string ("service=xh" or "host=… port=… dbname=… user=…", values quoted
  // as libpq quotes them), parsed by libpq itself. Fails on what libpq cannot parse and on a
  // password in the string, saying where passwords belong.
  static Result<PgConnectionInfo> parse(const QString& connectionString);

  // The connection string, each value quoted for libpq (no password).
  QString toString() const;
  // As messages name the connection: "service xh" or "xh_user@host:port/dbname".
  QString displayName() const;

  QString value(const QString& key) const;
  void set(const QString& key, const QString& value);  // an empty value removes the key
  const std::vector<std::pair<QString, QString>>& options() const { return mOptions; }
  bool isEmpty() const { return mOptions.empty(); }

  bool operator==(const PgConnectionInfo& other) const { return mOptions == other.mOptions; }

 private:
  std::vector<std::pair<QString, QString>> mOptions;  // in the order written
};

// A PostGIS table or view as a layer source: "PG:<connection string>" with the layer
// "schema.table" (the table's name as the database spells it; a name without a schema is in
// `public`). The schema is what comes before the first dot; the table's name may hold any character.
struct PgLayerSource {
  PgConnectionInfo connection;
  QString schema;
  QString table;

  // True for a path written "PG:…" (any case), the form GDAL's PostgreSQL driver reads.
  static bool isPgPath(const QString& path);
  // Reads "PG:<connection string>" and "schema.table"; fails naming what is wrong (a password in
  // the string, an empty table name).
  static Result<PgLayerSource> parse(const QString& path, const QString& layer);
  QString path() const { return QStringLiteral("PG:") + connection.toString(); }
  QString layer() const { return schema + QLatin1Char('.') + table; }
};

}  // namespace xiuhua::gis
