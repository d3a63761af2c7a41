#pragma once

#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/gis/postgis/pg_connection_info.h"

#include <cpl_string.h>
#include <libpq-fe.h>

namespace xiuhua::gis {

struct PgConnection::Impl {
  PGconn* conn = nullptr;
  ~Impl() {
    if (conn != nullptr) PQfinish(conn);
  }
};

// The libpq handle of a connection, for gis's own code that needs what PgConnection does not offer
// (binary results through a cursor). Same rule: one thread at a time.
struct PgConnectionAccess {
  static PGconn* handle(const PgConnection& c) { return c.d->conn; }
};

}  // namespace xiuhua::gis

namespace xiuhua::gis::detail {

// Opens a libpq connection from the info's options plus the password (when not empty), with a
// 10 s connect timeout and application_name xiuhua unless the info sets them, in UTF-8. The caller
// owns the handle, also when the connection failed (PQstatus tells); PQfinish frees it.
PGconn* connectPg(const PgConnectionInfo& info, const QString& password);

// GDAL's PostgreSQL driver opens the connection: the password held in memory for it
// (PgPasswords), if any, as its PASSWORD open option — never in the dataset's name.
CPLStringList pgOpenOptions(const PgConnectionInfo& info);

}  // namespace xiuhua::gis::detail
