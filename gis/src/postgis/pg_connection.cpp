#include "xiuhua/gis/postgis/pg_connection.h"

#include "pg_connect.h"
#include "xiuhua/gis/postgis/pg_passwords.h"
#include "translate.h"

#include <libpq-fe.h>

#include <vector>

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("PgConnection", text); }

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

QString errorField(const PGresult* r, int field) {
  const char* v = PQresultErrorField(r, field);
  return v != nullptr ? QString::fromUtf8(v) : QString();
}

}  // namespace

PgConnection::PgConnection(PgConnectionInfo info) : mInfo(std::move(info)), d(std::make_unique<Impl>()) {}
PgConnection::~PgConnection() = default;

namespace detail {

PGconn* connectPg(const PgConnectionInfo& info, const QString& password) {
  std::vector<QByteArray> keys;
  std::vector<QByteArray> values;
  bool timeout = false;
  bool application = false;
  for (const auto& [k, v] : info.options()) {
    keys.push_back(k.toUtf8());
    values.push_back(v.toUtf8());
    timeout = timeout || k == QLatin1String("connect_timeout");
    application = application || k == QLatin1String("application_name");
  }
  if (!timeout) keys.emplace_back("connect_timeout"), values.emplace_back("10");
  if (!application) keys.emplace_back("application_name"), values.emplace_back("xiuhua");
  // The password given, else the one held in memory for this connection (keyring or typed), else
  // none: libpq reads ~/.pgpass and the service file.
  const QString secret = password.isEmpty() ? PgPasswords::heldFor(info) : password;
  if (!secret.isEmpty()) keys.emplace_back("password"), values.push_back(secret.toUtf8());
  keys.emplace_back("client_encoding"), values.emplace_back("UTF8");
  std::vector<const char*> k;
  std::vector<const char*> v;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    k.push_back(keys[i].constData());
    v.push_back(values[i].constData());
  }
  k.push_back(nullptr);
  v.push_back(nullptr);
  PGconn* conn = PQconnectdbParams(k.data(), v.data(), 0);
  // The server's notices (NOTICE: … does not exist, skipping) are not the user's concern; libpq
  // would print them on stderr.
  if (conn != nullptr) PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  return conn;
}

CPLStringList pgOpenOptions(const PgConnectionInfo& info) {
  CPLStringList options;
  if (const QString password = PgPasswords::heldFor(info); !password.isEmpty()) options.SetNameValue("PASSWORD", password.toUtf8().constData());
  return options;
}

}  // namespace detail

Result<std::shared_ptr<PgConnection>> PgConnection::open(const PgConnectionInfo& info, const QString& password) {
  std::shared_ptr<PgConnection> c(new PgConnection(info));
  c->d->conn = detail::connectPg(info, password);
  if (c->d->conn == nullptr) return Error{ErrorCode::ConnectionFailed, tr("%1: out of memory while connecting.").arg(info.displayName())};
  if (PQstatus(c->d->conn) != CONNECTION_OK) {
    return Error{ErrorCode::ConnectionFailed,
                 tr("%1: cannot connect: %2").arg(info.displayName(), QString::fromUtf8(PQerrorMessage(c->d->conn)).trimmed())};
  }
  return c;
}

std::variant<PgRows, PgError> PgConnection::run(const QString& sql, const QStringList& params) const {
  std::vector<QByteArray> bytes;
  bytes.reserve(static_cast<std::size_t>(params.size()));
  std::vector<const char*> values;
  for (const QString& p : params) {
    bytes.push_back(p.toUtf8());
    values.push_back(p.isNull() ? nullptr : bytes.back().constData());
  }
  const QByteArray text = sql.toUtf8();
  ResultPtr r(PQexecParams(d->conn, text.constData(), static_cast<int>(values.size()), nullptr, values.empty() ? nullptr : values.data(),
                           nullptr, nullptr, 0));
  const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    const QString message = r ? errorField(r.get(), PG_DIAG_MESSAGE_PRIMARY) : QString();
    const QString why = message.isEmpty() ? QString::fromUtf8(PQerrorMessage(d->conn)).trimmed() : message;
    const bool lost = PQstatus(d->conn) != CONNECTION_OK;
    return PgError{Error{lost ? ErrorCode::ConnectionFailed : ErrorCode::DatabaseError,
                         lost ? tr("%1: the connection to the server was lost: %2").arg(mInfo.displayName(), why)
                              : tr("%1: the server refused the statement: %2").arg(mInfo.displayName(), why)},
                   r ? errorField(r.get(), PG_DIAG_SQLSTATE) : QString()};
  }
  PgRows rows;
  const int nc = PQnfields(r.get());
  for (int c = 0; c < nc; ++c) rows.columns << QString::fromUtf8(PQfname(r.get(), c));
  const int nr = PQntuples(r.get());
  rows.rows.reserve(static_cast<std::size_t>(nr));
  for (int i = 0; i < nr; ++i) {
    std::vector<std::optional<QString>> row;
    row.reserve(static_cast<std::size_t>(nc));
    for (int c = 0; c < nc; ++c) {
      if (PQgetisnull(r.get(), i, c)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(QString::fromUtf8(PQgetvalue(r.get(), i, c), PQgetlength(r.get(), i, c)));
      }
    }
    rows.rows.push_back(std::move(row));
  }
  return rows;
}

Result<PgRows> PgConnection::query(const QString& sql, const QStringList& params) const {
  auto r = run(sql, params);
  if (auto* e = std::get_if<PgError>(&r)) return e->error;
  return std::get<PgRows>(std::move(r));
}

Status PgConnection::execute(const QString& sql, const QStringList& params) const {
  auto r = run(sql, params);
  if (auto* e = std::get_if<PgError>(&r)) return e->error;
  return {};
}

Status PgConnection::executeScript(const QString& sql) const {
  ResultPtr r(PQexec(d->conn, sql.toUtf8().constData()));
  const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) return {};
  const QString why = QString::fromUtf8(PQerrorMessage(d->conn)).trimmed();
  return Error{PQstatus(d->conn) != CONNECTION_OK ? ErrorCode::ConnectionFailed : ErrorCode::DatabaseError,
               tr("%1: the server refused the statement: %2").arg(mInfo.displayName(), why)};
}

QString PgConnection::quoteIdentifier(const QString& name) const {
  const QByteArray utf8 = name.toUtf8();
  char* q = PQescapeIdentifier(d->conn, utf8.constData(), static_cast<size_t>(utf8.size()));
  if (q == nullptr) {  // only when out of memory or the text is not valid in the client encoding
    QString fallback = name;
    return QLatin1Char('"') + fallback.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
  }
  QString out = QString::fromUtf8(q);
  PQfreemem(q);
  return out;
}

QString PgConnection::qualifiedName(const QString& schema, const QString& table) const {
  return quoteIdentifier(schema) + QLatin1Char('.') + quoteIdentifier(table);
}

QString PgConnection::user() const { return QString::fromUtf8(PQuser(d->conn)); }
QString PgConnection::database() const { return QString::fromUtf8(PQdb(d->conn)); }
int PgConnection::serverVersion() const { return PQserverVersion(d->conn); }
bool PgConnection::usesSsl() const { return PQsslInUse(d->conn) == 1; }
bool PgConnection::isOk() const { return PQstatus(d->conn) == CONNECTION_OK; }

}  // namespace xiuhua::gis
