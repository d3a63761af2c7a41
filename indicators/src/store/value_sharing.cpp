#include "xiuhua/indicators/value_sharing.h"

#include "xiuhua/gis/database.h"
#include "xiuhua/gis/postgis/pg_store_database.h"
#include "xiuhua/indicators/value_store.h"

#include <QCoreApplication>
#include <QDateTime>

namespace xiuhua::indicators {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("ValueSharing", text); }

const char* kLocationTable =
    "CREATE TABLE IF NOT EXISTS xh_shared_values("
    "  id INTEGER PRIMARY KEY CHECK (id = 1), connection TEXT NOT NULL, schema TEXT NOT NULL, since TEXT NOT NULL)";

// The tables of the value store, in an order that copies them as they were written, and the
// columns copied (ids are the server's: the order they are inserted in keeps "latest = highest").
struct CopiedTable {
  const char* name;
  const char* columns;
  const char* order;
  int ShareReport::*count;
};
const CopiedTable kCopied[] = {
    {"xh_indicators", "code, plan, position, definition", "plan, position", &ShareReport::indicators},
    {"xh_values", "code, year, month, subunit, value, source, author, time, note, level", "id", &ShareReport::values},
    {"xh_assessments", "code, year, status, reason, author, time", "id", &ShareReport::assessments},
    {"xh_catalog_decisions", "code, kind, unit, basis, baseline_year, baseline_value, source, reason, author, time", "id",
     &ShareReport::decisions},
    {"xh_not_applicable", "code, level, subunit, scope", "code, level, subunit", nullptr},
};

gis::Result<int> countRows(gis::StoreDatabase& db, const char* table) {
  auto rows = db.query(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
  if (!rows.ok()) return rows.error();
  return rows->empty() ? 0 : rows->front()[0].toInt();
}

gis::Status copyTable(gis::StoreDatabase& from, gis::StoreDatabase& to, const CopiedTable& table, ShareReport& report) {
  const QString columns = QLatin1String(table.columns);
  auto rows = from.query(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(columns, QLatin1String(table.name), QLatin1String(table.order)));
  if (!rows.ok()) return rows.error();
  QStringList marks;
  for (qsizetype i = 0; i < columns.count(QLatin1Char(',')) + 1; ++i) marks << QStringLiteral("?");
  const QString insert = QStringLiteral("INSERT INTO %1(%2) VALUES(%3)").arg(QLatin1String(table.name), columns, marks.join(QStringLiteral(", ")));
  for (const auto& row : rows.value()) {
    if (auto r = to.query(insert, row); !r.ok()) return r.error();
  }
  if (table.count != nullptr) report.*table.count = static_cast<int>(rows->size());
  return {};
}

}  // namespace

gis::Result<std::optional<SharedValues>> sharedValuesOf(const QString& projectPath) {
  auto db = gis::Database::openReadOnly(projectPath);
  if (!db.ok()) return db.error();
  auto present = (*db)->query(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'xh_shared_values'"));
  if (!present.ok()) return present.error();
  if (present->empty() || present->front()[0].toInt() == 0) return std::optional<SharedValues>();
  auto rows = (*db)->query(QStringLiteral("SELECT connection, schema FROM xh_shared_values WHERE id = 1"));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<SharedValues>();
  auto info = gis::PgConnectionInfo::parse(rows->front()[0].toString());
  if (!info.ok()) {
    return gis::Error{gis::ErrorCode::ProjectInvalid,
                      tr("%1: the connection of the shared indicator values cannot be read: %2").arg(projectPath, info.error().message)};
  }
  return std::optional<SharedValues>(SharedValues{info.value(), rows->front()[1].toString()});
}

gis::Result<ShareReport> shareValues(const QString& projectPath, const SharedValues& where, ShareMode mode) {
  auto current = sharedValuesOf(projectPath);
  if (!current.ok()) return current.error();
  if (current->has_value()) {
    // Said from what the project names: no connection is opened for a refusal (the server may be away).
    const QString there = QStringLiteral("%1 @ %2").arg((*current)->schema, (*current)->connection.displayName());
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      tr("%1: the project's indicator values are shared already (%2); stop sharing them first.").arg(projectPath, there)};
  }
  auto file = gis::Database::open(projectPath);
  if (!file.ok()) return file.error();
  if (gis::Status s = (*file)->requireWritable(); !s) return s.error();  // before anything is written on the server
  auto local = ValueStore::open(projectPath);  // the file's tables exist (and have every column)
  if (!local.ok()) return local.error();

  QString there;
  {
    auto server = gis::PgStoreDatabase::open(where.connection, where.schema,
                                             mode == ShareMode::Copy ? gis::PgStoreDatabase::Schema::CreateIfMissing
                                                                     : gis::PgStoreDatabase::Schema::MustExist);
    if (!server.ok()) return server.error();
    there = (*server)->displayName();
    auto created = ValueStore::openIn(std::move(server).value(), projectPath);  // the tables, made where missing
    if (!created.ok()) return created.error();
  }
  auto pgDb = gis::PgStoreDatabase::open(where.connection, where.schema);
  if (!pgDb.ok()) return pgDb.error();
  gis::StoreDatabase& to = **pgDb;

  auto indicatorsThere = countRows(to, "xh_indicators");
  auto valuesThere = countRows(to, "xh_values");
  if (!indicatorsThere.ok()) return indicatorsThere.error();
  if (!valuesThere.ok()) return valuesThere.error();
  ShareReport report;
  if (mode == ShareMode::Copy) {
    if (*indicatorsThere > 0 || *valuesThere > 0) {
      return gis::Error{gis::ErrorCode::InvalidArgument,
                        tr("%1 holds %2 indicators and %3 values already: nothing was copied. Join it to use its values, or choose an "
                           "empty schema.")
                            .arg(there).arg(*indicatorsThere).arg(*valuesThere)};
    }
    if (gis::Status s = to.beginWrite(); !s) return s.error();
    for (const CopiedTable& table : kCopied) {
      if (gis::Status s = copyTable(**file, to, table, report); !s) {
        to.rollback();
        return s.error();
      }
    }
    if (gis::Status s = to.commit(); !s) return s.error();
  } else {
    if (*indicatorsThere == 0) {
      return gis::Error{gis::ErrorCode::InvalidArgument,
                        tr("%1 holds no indicator catalog: there is nothing to join. Copy a project's values there first.").arg(there)};
    }
    report.joined = true;
  }
  auto after = countRows(to, "xh_values");
  if (!after.ok()) return after.error();
  report.sharedValues = after.value();

  const QString since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
  if (gis::Status s = (*file)->exec(QString::fromLatin1(kLocationTable)); !s) return s.error();
  auto written = (*file)->query(QStringLiteral("INSERT INTO xh_shared_values(id, connection, schema, since) VALUES(1, ?, ?, ?) "
                                               "ON CONFLICT(id) DO UPDATE SET connection = excluded.connection, schema = excluded.schema, "
                                               "since = excluded.since"),
                                {where.connection.toString(), where.schema, since});
  if (!written.ok()) {
    return gis::Error{written.error().code,
                      tr("%1: the values are on the server (%2), but the project could not be set to use them: %3. Join the schema to "
                         "use them.")
                          .arg(projectPath, there, written.error().message)};
  }
  return report;
}

gis::Status stopSharingValues(const QString& projectPath) {
  auto file = gis::Database::open(projectPath);
  if (!file.ok()) return file.error();
  if (gis::Status s = (*file)->requireWritable(); !s) return s;
  if (gis::Status s = (*file)->exec(QString::fromLatin1(kLocationTable)); !s) return s;
  auto r = (*file)->query(QStringLiteral("DELETE FROM xh_shared_values"));
  if (!r.ok()) return r.error();
  return {};
}

}  // namespace xiuhua::indicators
