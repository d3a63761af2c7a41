#include "xiuhua/gis/postgis/pg_tables.h"

#include "translate.h"
#include "xiuhua/gis/postgis/pg_connection.h"

#include <QCoreApplication>

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("PgTableInfo", text); }

// geometry_columns lists only what the user may read; the rest comes from the system catalogs.
constexpr const char* kTablesSql = R"sql(
SELECT g.f_table_schema, g.f_table_name, g.f_geometry_column, g.type, g.srid,
       c.relkind IN ('v', 'm') AS is_view,
       CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint END AS estimated_rows,
       (SELECT string_agg(a.attname, E'\x1f' ORDER BY array_position(i.indkey, a.attnum))
          FROM pg_catalog.pg_index i
          JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
         WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key,
       has_table_privilege(c.oid, 'SELECT') AS can_select,
       has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'INSERT')
         AND has_table_privilege(c.oid, 'DELETE') AS can_edit,
       obj_description(c.oid, 'pg_class') AS comment
  FROM public.geometry_columns g
  JOIN pg_catalog.pg_namespace n ON n.nspname = g.f_table_schema
  JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = g.f_table_name
 WHERE $1::text IS NULL OR (g.f_table_schema = $1 AND g.f_table_name = $2)
 ORDER BY 1, 2, 3
)sql";

Result<std::vector<PgTableInfo>> tablesWhere(const PgConnection& connection, const QString& schema, const QString& table) {
  auto rows = connection.query(QString::fromLatin1(kTablesSql), {schema, table});
  if (!rows.ok()) return rows.error();  // a database without PostGIS has no geometry_columns
  std::vector<PgTableInfo> tables;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    PgTableInfo t;
    t.schema = rows->text(i, 0);
    t.table = rows->text(i, 1);
    t.geometryColumn = rows->text(i, 2);
    t.geometryType = rows->text(i, 3);
    t.srid = rows->text(i, 4).toInt();
    t.isView = rows->text(i, 5) == QLatin1String("t");
    if (rows->rows[i][6]) t.estimatedRows = rows->text(i, 6).toLongLong();
    if (rows->rows[i][7]) t.primaryKey = rows->text(i, 7).split(QChar(0x1f));
    t.canSelect = rows->text(i, 8) == QLatin1String("t");
    t.canEdit = rows->text(i, 9) == QLatin1String("t");
    t.comment = rows->text(i, 10);
    tables.push_back(std::move(t));
  }
  return tables;
}

}  // namespace

QString PgTableInfo::readOnlyReason() const {
  if (isView) return tr("%1 is a view: its rows are read, not edited.").arg(layerName());
  if (primaryKey.isEmpty()) return tr("%1 has no primary key, so an edited row could not be found again: it opens read-only.").arg(layerName());
  if (!canEdit) return tr("your database user may read %1 but not change it (UPDATE, INSERT and DELETE are not all granted).").arg(layerName());
  return {};
}

Result<QJsonObject> pgTableFingerprint(const PgConnection& connection, const QString& schema, const QString& table) {
  const QString sql = QStringLiteral("SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '') "
                                     "FROM (SELECT md5(t::text) AS h FROM %1 AS t) AS rows")
                          .arg(connection.qualifiedName(schema, table));
  auto rows = connection.query(sql);
  if (!rows.ok()) return rows.error();
  return QJsonObject{{QStringLiteral("table"), schema + QLatin1Char('.') + table},
                     {QStringLiteral("rows"), rows->text(0, 0).toLongLong()},
                     {QStringLiteral("md5"), rows->text(0, 1)}};
}

Result<std::vector<PgTableInfo>> pgGeometryTables(const PgConnection& connection) { return tablesWhere(connection, QString(), QString()); }

Result<std::optional<PgTableInfo>> pgGeometryTable(const PgConnection& connection, const QString& schema, const QString& table) {
  auto tables = tablesWhere(connection, schema, table);
  if (!tables.ok()) return tables.error();
  if (tables->empty()) return std::optional<PgTableInfo>();
  return std::optional<PgTableInfo>(tables->front());
}

Result<std::map<qint64, qint64>> pgRowVersions(const PgConnection& connection, const PgTableInfo& table) {
  if (table.primaryKey.size() != 1) return Error{ErrorCode::InvalidArgument, table.readOnlyReason()};
  auto rows = connection.query(QStringLiteral("SELECT %1, xmin::text FROM %2")
                                   .arg(connection.quoteIdentifier(table.primaryKey.front()), connection.qualifiedName(table.schema, table.table)));
  if (!rows.ok()) return rows.error();
  std::map<qint64, qint64> versions;
  for (std::size_t i = 0; i < rows->size(); ++i) versions[rows->text(i, 0).toLongLong()] = rows->text(i, 1).toLongLong();
  return versions;
}

Status pgCheckFilter(const QString& source, const QString& where) {
  QChar quote;
  for (const QChar c : where) {
    if (!quote.isNull()) {
      if (c == quote) quote = QChar();
    } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
      quote = c;
    } else if (c == QLatin1Char(';')) {
      return Error{ErrorCode::InvalidArgument,
                   QCoreApplication::translate("VectorReader", "%1: the filter \"%2\" holds a ';' outside quotes: a filter is one condition, "
                                                               "not a statement.")
                       .arg(source, where)};
    }
  }
  return {};
}

}  // namespace xiuhua::gis
