#include "xiuhua/gis/postgis/pg_change_listener.h"

#include "pg_connect.h"
#include "translate.h"
#include "xiuhua/gis/postgis/pg_connection.h"

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("PgChangeListener", text); }

}  // namespace

struct PgChangeListener::Impl {
  PGconn* conn = nullptr;
  QString name;
  ~Impl() {
    if (conn != nullptr) PQfinish(conn);
  }
};

PgChangeListener::PgChangeListener(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
PgChangeListener::~PgChangeListener() = default;

Result<std::unique_ptr<PgChangeListener>> PgChangeListener::open(const PgConnectionInfo& info) {
  auto impl = std::make_unique<Impl>();
  impl->name = info.displayName();
  impl->conn = detail::connectPg(info, {});
  if (impl->conn == nullptr || PQstatus(impl->conn) != CONNECTION_OK) {
    return Error{ErrorCode::ConnectionFailed, tr("%1: cannot listen for other users' changes: %2")
                                                  .arg(impl->name, impl->conn ? QString::fromUtf8(PQerrorMessage(impl->conn)).trimmed() : QString())};
  }
  PGresult* r = PQexec(impl->conn, "LISTEN xiuhua_changes");
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok) return Error{ErrorCode::DatabaseError, tr("%1: LISTEN was refused: %2").arg(impl->name, QString::fromUtf8(PQerrorMessage(impl->conn)).trimmed())};
  if (PQsetnonblocking(impl->conn, 1) != 0) return Error{ErrorCode::ConnectionFailed, tr("%1: cannot listen without blocking.").arg(impl->name)};
  return std::unique_ptr<PgChangeListener>(new PgChangeListener(std::move(impl)));
}

int PgChangeListener::socket() const { return PQstatus(d->conn) == CONNECTION_OK ? PQsocket(d->conn) : -1; }

Result<QStringList> PgChangeListener::changedTables() {
  if (PQconsumeInput(d->conn) == 0 || PQstatus(d->conn) != CONNECTION_OK) {
    return Error{ErrorCode::ConnectionFailed,
                 tr("%1: the connection that listens for other users' changes was lost: %2").arg(d->name, QString::fromUtf8(PQerrorMessage(d->conn)).trimmed())};
  }
  QStringList tables;
  while (PGnotify* n = PQnotifies(d->conn)) {
    const QString table = QString::fromUtf8(n->extra);
    if (!tables.contains(table)) tables << table;
    PQfreemem(n);
  }
  return tables;
}

Status pgInstallChangeTrigger(const PgConnection& c, const QString& schema, const QString& table) {
  const QString function = c.qualifiedName(schema, QStringLiteral("xiuhua_notify_change"));
  const QString script = QStringLiteral(
                             "BEGIN;"
                             "CREATE OR REPLACE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $xh$ BEGIN "
                             "PERFORM pg_notify('xiuhua_changes', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME); RETURN NULL; END $xh$;"
                             "DROP TRIGGER IF EXISTS xiuhua_notify_change ON %2;"
                             "CREATE TRIGGER xiuhua_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %2 "
                             "FOR EACH STATEMENT EXECUTE FUNCTION %1();"
                             "COMMIT;")
                             .arg(function, c.qualifiedName(schema, table));
  if (Status s = c.executeScript(script); !s) {
    (void)c.execute(QStringLiteral("ROLLBACK"));
    return Error{s.error().code, tr("%1.%2: the change trigger cannot be installed (it needs the table's owner): %3").arg(schema, table, s.error().message)};
  }
  return {};
}

Result<bool> pgHasChangeTrigger(const PgConnection& c, const QString& schema, const QString& table) {
  auto rows = c.query(QStringLiteral("SELECT 1 FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class r ON r.oid = t.tgrelid "
                                     "JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace "
                                     "WHERE n.nspname = $1 AND r.relname = $2 AND t.tgname = 'xiuhua_notify_change'"),
                      {schema, table});
  if (!rows.ok()) return rows.error();
  return rows->size() > 0;
}

Result<QString> pgChangeStamp(const PgConnection& c, const QString& schema, const QString& table) {
  auto rows = c.query(QStringLiteral("SELECT count(*), coalesce(max(xmin::text::bigint), 0) FROM %1").arg(c.qualifiedName(schema, table)));
  if (!rows.ok()) return rows.error();
  return rows->text(0, 0) + QLatin1Char('/') + rows->text(0, 1);
}

}  // namespace xiuhua::gis
