#pragma once

#include "xiuhua/gis/postgis/pg_connection_info.h"

#include <QString>
#include <QStringList>

namespace xiuhua::app {

// The PostgreSQL connections kept by name in the settings — host, port, database, user, SSL mode or
// a service, never a password — and, for those whose password the user chose to remember, the
// mark that the desktop keyring holds it.
class SavedConnections {
 public:
  static QStringList names();
  static gis::Result<gis::PgConnectionInfo> connection(const QString& name);
  static void save(const QString& name, const gis::PgConnectionInfo& info);
  static bool passwordInKeyring(const QString& name);
  // Writes the password to the keyring (or takes it out), and marks the connection. Fails saying
  // why, the settings unchanged.
  static gis::Status rememberPassword(const QString& name, const gis::PgConnectionInfo& info, const QString& password);
  static gis::Status forgetPassword(const QString& name, const gis::PgConnectionInfo& info);
  // The connection's password read from the keyring into memory (gis::PgPasswords); fails naming
  // the connection and why.
  static gis::Status holdKeyringPassword(const QString& name, const gis::PgConnectionInfo& info);
  // At start: the passwords of the marked connections read from the keyring into memory
  // (gis::PgPasswords), so that a project's PostGIS layers open without asking. Returns what
  // could not be read, one line per connection.
  static QStringList holdKeyringPasswords();

  // Where libpq looks for passwords: $PGPASSFILE, else ~/.pgpass.
  static QString pgpassPath();
  // Appends "host:port:database:user:password" for the connection (fields it lacks as *) to the
  // password file, created readable by its owner only. An entry for the same connection with
  // another password is never overwritten: that fails naming the file and the line.
  static gis::Status addToPgpass(const gis::PgConnectionInfo& info, const QString& password);
};

}  // namespace xiuhua::app
