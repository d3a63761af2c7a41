#pragma once

#include "xiuhua/gis/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace xiuhua::gis {

class PgConnection;

// A table or view with a geometry column, as the browser lists it.
struct PgTableInfo {
  QString schema;
  QString table;
  QString geometryColumn;
  QString geometryType;  // as PostGIS declares it: POLYGON, MULTILINESTRING, GEOMETRY (any) …
  int srid = 0;          // 0: none declared
  bool isView = false;
  std::optional<qint64> estimatedRows;  // the planner's estimate; none before the table was analysed
  QStringList primaryKey;               // the primary key's columns, empty when there is none
  bool canSelect = false;
  bool canEdit = false;  // UPDATE, INSERT and DELETE granted
  QString comment;

  QString layerName() const { return schema + QLatin1Char('.') + table; }
  // Why the layer opens read-only, empty when it can be edited (a view, no primary key, SELECT only).
  QString readOnlyReason() const;
};

// What a table holds, computed in the server: {"table": "schema.table", "rows": N, "md5": digest of
// the digests of every row's text, sorted} — any change of a value, a geometry or the rows changes
// it, and the client receives one row. A full scan of the table.
Result<QJsonObject> pgTableFingerprint(const PgConnection& connection, const QString& schema, const QString& table);

// The tables and views with a geometry column that the connected user may read, by schema and name.
Result<std::vector<PgTableInfo>> pgGeometryTables(const PgConnection& connection);
// One of them; nullopt when there is no such table with a geometry column the user may read.
Result<std::optional<PgTableInfo>> pgGeometryTable(const PgConnection& connection, const QString& schema, const QString& table);

// A PostGIS layer's filter runs in the server as SQL: one condition, never a second statement. Fails,
// naming the source, on a ';' outside quotes.
Status pgCheckFilter(const QString& source, const QString& where);

// Each row's version, by its key (one integer column): the row's xmin, which changes with every
// update of the row. The versions a save checks against.
Result<std::map<qint64, qint64>> pgRowVersions(const PgConnection& connection, const PgTableInfo& table);

}  // namespace xiuhua::gis
