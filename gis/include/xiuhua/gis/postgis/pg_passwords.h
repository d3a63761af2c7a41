#pragma once

#include "xiuhua/gis/postgis/pg_connection_info.h"

#include <QString>

namespace xiuhua::gis {

// Passwords held in this process's memory only — never written anywhere — for connections whose
// password is in no ~/.pgpass or service file: the app fills them in from the desktop keyring or
// from what the user typed. Every connection Xiuhua makes (libpq directly, and GDAL's PostgreSQL
// driver, as its PASSWORD open option, so that the password never appears in a dataset's name)
// takes the one held for its connection. Keyed by the connection as displayName() names it
// (user@host:port/dbname, or the service). Thread-safe.
class PgPasswords {
 public:
  static void hold(const PgConnectionInfo& connection, const QString& password);
  static void drop(const PgConnectionInfo& connection);
  // The password held for the connection; empty when none is (libpq then looks in ~/.pgpass and
  // the service file, as always).
  static QString heldFor(const PgConnectionInfo& connection);
  static QString keyOf(const PgConnectionInfo& connection) { return connection.displayName(); }
};

}  // namespace xiuhua::gis
