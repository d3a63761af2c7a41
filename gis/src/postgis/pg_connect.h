#pragma once

#include "xiuhua/gis/postgis/pg_connection_info.h"

#include <libpq-fe.h>

namespace xiuhua::gis::detail {

// Opens a libpq connection from the info's options plus the password (when not empty), with a
// 10 s connect timeout and application_name xiuhua unless the info sets them, in UTF-8. The caller
// owns the handle, also when the connection failed (PQstatus tells); PQfinish frees it.
PGconn* connectPg(const PgConnectionInfo& info, const QString& password);

}  // namespace xiuhua::gis::detail
