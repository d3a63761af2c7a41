#pragma once

#include "xiuhua/gis/postgis/pg_connection_info.h"
#include "xiuhua/gis/result.h"

#include <QString>

#include <optional>

namespace xiuhua::indicators {

// Where a project's indicator values live when they are shared: a schema on a PostgreSQL server
// (connection by service or host/port/dbname/user, never a password). The project file keeps
// only this; every 责任单位's project that names the same schema reads and writes the same values.
struct SharedValues {
  gis::PgConnectionInfo connection;
  QString schema;
};

// The shared location the project names, or nullopt: the values are in the project file.
gis::Result<std::optional<SharedValues>> sharedValuesOf(const QString& projectPath);

struct ShareReport {
  bool joined = false;  // the schema held values already: the project now uses them
  int indicators = 0;   // copied from the project file (0 when joined)
  int values = 0;
  int assessments = 0;
  int decisions = 0;
  int sharedValues = 0;  // values in the schema afterwards
};

enum class ShareMode {
  Copy,  // the schema has no values yet: the project's catalog, values and audit are copied there
  Join,  // the schema holds a district's values: the project uses them (its own stay in the file)
};

// Makes the project use the shared schema. Copy: in one transaction on the server, in the order
// they were written; refused when the schema holds values already (join it instead), or when the
// project's values are shared elsewhere. Join: refused when the schema has no values. The project
// file's own tables are left as they were either way: stopping the sharing finds them again.
gis::Result<ShareReport> shareValues(const QString& projectPath, const SharedValues& where, ShareMode mode);

// The project's values are read from its file again (those the file had when sharing began).
gis::Status stopSharingValues(const QString& projectPath);

}  // namespace xiuhua::indicators
