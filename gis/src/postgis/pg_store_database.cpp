#include "xiuhua/gis/postgis/pg_store_database.h"

#include "translate.h"
#include "xiuhua/gis/postgis/pg_connection.h"

#include <QRegularExpression>
#include <QStringList>

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("PgStoreDatabase", text); }

QString parameterText(const QVariant& v) {
  if (!v.isValid() || v.isNull()) return {};  // a null QString binds NULL
  switch (v.typeId()) {
    case QMetaType::Double: return QString::number(v.toDouble(), 'g', 17);
    case QMetaType::Float: return QString::number(v.toDouble(), 'g', 9);
    case QMetaType::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default: {
      const QString text = v.toString();
      return text.isNull() ? QStringLiteral("") : text;  // an empty string is '', not NULL
    }
  }
}

// Any number, a key for pg_advisory_xact_lock: "xiuhua store schema".
constexpr const char* kSchemaLock = "SELECT pg_advisory_xact_lock(hashtext('xiuhua.store.schema'))";

}  // namespace

PgStoreDatabase::PgStoreDatabase(std::shared_ptr<PgConnection> connection, PgConnectionInfo info, QString schema)
    : mConnection(std::move(connection)), mInfo(std::move(info)), mSchema(std::move(schema)) {}
PgStoreDatabase::~PgStoreDatabase() = default;

QString PgStoreDatabase::displayName() const {
  return detail::substitute(tr("schema %1 on %2"), {mSchema, mInfo.displayName()});
}

QString PgStoreDatabase::user() const { return mConnection ? mConnection->user() : QString(); }

Error PgStoreDatabase::named(const Error& error) const {
  return Error{error.code, detail::substitute(tr("%1 (schema %2)"), {error.message, mSchema})};
}

Result<std::unique_ptr<PgStoreDatabase>> PgStoreDatabase::open(const PgConnectionInfo& info, const QString& schema, Schema mode) {
  if (schema.trimmed().isEmpty()) {
    return Error{ErrorCode::InvalidArgument, detail::substitute(tr("%1: no schema given for the shared values."), {info.displayName()})};
  }
  std::unique_ptr<PgStoreDatabase> db(new PgStoreDatabase(nullptr, info, schema));
  if (Status s = db->connect(); !s) return s.error();
  auto present = db->mConnection->query(QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = $1"), {schema});
  if (!present.ok()) return db->named(present.error());
  if (present->text(0, 0) == QLatin1String("0")) {
    if (mode == Schema::MustExist) {
      return Error{ErrorCode::DatabaseError,
                   detail::substitute(tr("%1: the schema does not exist (share the project's values there first, or check its name)."),
                                      {db->displayName()})};
    }
    if (Status s = db->mConnection->execute(QStringLiteral("CREATE SCHEMA IF NOT EXISTS ") + db->mConnection->quoteIdentifier(schema)); !s) {
      return db->named(s.error());
    }
  }
  return db;
}

Status PgStoreDatabase::connect() {
  auto connection = PgConnection::open(mInfo);
  if (!connection.ok()) return named(connection.error());
  mConnection = std::move(connection).value();
  // The stores' tables are found in the schema (and nowhere else: not in public).
  if (Status s = mConnection->execute(QStringLiteral("SELECT set_config('search_path', $1, false)"), {mConnection->quoteIdentifier(mSchema)}); !s) {
    return named(s.error());
  }
  return {};
}

Status PgStoreDatabase::reconnectIfLost() {
  if (mConnection && mConnection->isOk()) return {};
  if (mInTransaction) {
    return Error{ErrorCode::ConnectionFailed,
                 detail::substitute(tr("%1: the connection to the server was lost in the middle of a write; nothing of it was kept."),
                                    {displayName()})};
  }
  return connect();
}

Status PgStoreDatabase::exec(const QString& sql) {
  if (Status s = reconnectIfLost(); !s) return s;
  Status done = mConnection->executeScript(sql);
  if (!done && reopenAfterLoss(done.error())) done = mConnection->executeScript(sql);
  if (!done) return named(done.error());
  return {};
}

bool PgStoreDatabase::reopenAfterLoss(const Error& error) {
  // A connection the server dropped (restarted, idle timeout, a terminated backend) is found out by
  // the next statement: outside a transaction nothing was lost, so it is opened again and the
  // statement sent once more.
  if (error.code != ErrorCode::ConnectionFailed || mInTransaction) return false;
  return connect().ok();
}

Status PgStoreDatabase::ensureSchema(const QString& sql) {
  if (Status s = reconnectIfLost(); !s) return s;
  // A 责任单位 may only read and append (no CREATE on the schema): where every table is there,
  // nothing is created — CREATE … IF NOT EXISTS would be refused for want of the privilege.
  static const QRegularExpression table(QStringLiteral(R"(CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS\s+(\w+))"), QRegularExpression::CaseInsensitiveOption);
  QStringList wanted;
  for (auto it = table.globalMatch(sql); it.hasNext();) wanted << it.next().captured(1);
  if (!wanted.isEmpty()) {
    auto present = mConnection->query(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename = ANY(string_to_array($2, ','))"),
                                      {mSchema, wanted.join(QLatin1Char(','))});
    if (!present.ok()) return named(present.error());
    if (present->text(0, 0).toInt() == wanted.size()) return {};
  }
  const QString script = QStringLiteral("BEGIN; %1; %2; COMMIT;").arg(QLatin1String(kSchemaLock), sql);
  if (Status s = mConnection->executeScript(script); !s) {
    (void)mConnection->executeScript(QStringLiteral("ROLLBACK"));
    return named(s.error());
  }
  return {};
}

QString PgStoreDatabase::numberPlaceholders(const QString& sql) {
  QString out;
  out.reserve(sql.size() + 16);
  int n = 0;
  QChar quote;
  for (const QChar c : sql) {
    if (!quote.isNull()) {
      if (c == quote) quote = QChar();
      out += c;
    } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
      quote = c;
      out += c;
    } else if (c == QLatin1Char('?')) {
      out += QLatin1Char('$') + QString::number(++n);
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::vector<StoreDatabase::Row>> PgStoreDatabase::query(const QString& sql, const std::vector<QVariant>& params) {
  if (Status s = reconnectIfLost(); !s) return s.error();
  QStringList texts;
  for (const QVariant& v : params) texts << parameterText(v);
  auto rows = mConnection->query(numberPlaceholders(sql), texts);
  if (!rows.ok() && reopenAfterLoss(rows.error())) rows = mConnection->query(numberPlaceholders(sql), texts);
  if (!rows.ok()) return named(rows.error());
  std::vector<Row> out;
  out.reserve(rows->size());
  for (const auto& r : rows->rows) {
    Row row;
    row.reserve(r.size());
    for (const auto& cell : r) row.push_back(cell ? QVariant(*cell) : QVariant());
    out.push_back(std::move(row));
  }
  return out;
}

Status PgStoreDatabase::beginWrite() {
  if (Status s = reconnectIfLost(); !s) return s;
  Status begun = mConnection->execute(QStringLiteral("BEGIN"));
  if (!begun && reopenAfterLoss(begun.error())) begun = mConnection->execute(QStringLiteral("BEGIN"));
  if (!begun) return named(begun.error());
  mInTransaction = true;
  return {};
}

Status PgStoreDatabase::commit() {
  mInTransaction = false;
  if (Status s = mConnection->execute(QStringLiteral("COMMIT")); !s) return named(s.error());
  return {};
}

void PgStoreDatabase::rollback() {
  mInTransaction = false;
  if (mConnection && mConnection->isOk()) (void)mConnection->execute(QStringLiteral("ROLLBACK"));
}

Result<bool> PgStoreDatabase::hasTable(const QString& table) {
  auto rows = query(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = ? AND tablename = ?"), {mSchema, table});
  if (!rows.ok()) return rows.error();
  return !rows->empty() && rows->front()[0].toInt() > 0;
}

}  // namespace xiuhua::gis
