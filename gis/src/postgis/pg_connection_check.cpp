#include "pg_connect.h"
#include "translate.h"
#include "xiuhua/gis/postgis/pg_connection.h"

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("PgConnectionCheck", text); }

using Problem = PgConnectionCheck::Problem;

// The failure of a connection that did not open, from libpq's state and the server's words. The
// server's words are matched in English (the test cluster and most servers send lc_messages C or
// en_US); anything not recognised is Other, with the words themselves.
Problem classify(PGconn* conn, const QString& words, PGPing ping) {
  if (ping == PQPING_NO_RESPONSE || ping == PQPING_NO_ATTEMPT) {
    if (words.contains(QLatin1String("server does not support SSL"))) return Problem::SslUnavailable;
    return Problem::Unreachable;
  }
  if (words.contains(QLatin1String("no encryption")) || words.contains(QLatin1String("SSL off"))) return Problem::SslRequired;
  if (words.contains(QLatin1String("server does not support SSL"))) return Problem::SslUnavailable;
  if (words.contains(QLatin1String("certificate verify failed")) || words.contains(QLatin1String("server certificate")) ||
      words.contains(QLatin1String("root certificate file"))) {
    return Problem::CertificateRejected;
  }
  if (PQconnectionNeedsPassword(conn) != 0 || words.contains(QLatin1String("no password supplied"))) return Problem::PasswordMissing;
  if (words.contains(QLatin1String("password authentication failed"))) return Problem::PasswordRefused;
  if (words.contains(QLatin1String("does not exist")) && words.contains(QLatin1String("database"))) return Problem::DatabaseMissing;
  return Problem::Other;
}

QString explain(Problem problem, const PgConnectionInfo& info, const QString& user, const QString& words) {
  const QString name = info.displayName();
  const QString db = info.value(QStringLiteral("dbname"));
  switch (problem) {
    case Problem::Unreachable:
      return tr("%1: the server cannot be reached: nothing answers at that host and port. Is the server running, is the address "
                "right, does a firewall let the port through? (%2)")
          .arg(name, words);
    case Problem::PasswordRefused:
      return tr("%1: the server refused the password of user %2. Correct it in ~/.pgpass or the service file.")
          .arg(name, user);
    case Problem::PasswordMissing:
      return tr("%1: the server asks for the password of user %2, and none was found in ~/.pgpass or the service file "
                "(pg_service.conf).")
          .arg(name, user);
    case Problem::DatabaseMissing:
      return tr("%1: the server has no database named \"%2\".").arg(name, db.isEmpty() ? user : db);
    case Problem::SslRequired:
      return tr("%1: the server accepts user %2 only over SSL; set the SSL mode to require (or verify-full with the server's "
                "certificate).")
          .arg(name, user);
    case Problem::SslUnavailable:
      return tr("%1: SSL was required, but the server offers no SSL. Ask its administrator, or lower the SSL mode.").arg(name);
    case Problem::CertificateRejected:
      return tr("%1: the server's certificate did not verify against the root certificate given (sslrootcert): %2").arg(name, words);
    case Problem::PostgisMissing:
      return tr("%1: connected, but the database has no PostGIS extension; its administrator can add it with CREATE EXTENSION "
                "postgis.")
          .arg(name);
    case Problem::Other: return tr("%1: cannot connect: %2").arg(name, words);
    case Problem::None: break;
  }
  return {};
}

QString firstLine(PGconn* conn, const QString& sql) {
  PGresult* r = PQexec(conn, sql.toUtf8().constData());
  QString out;
  if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0)) out = QString::fromUtf8(PQgetvalue(r, 0, 0));
  PQclear(r);
  return out;
}

}  // namespace

QString PgConnectionCheck::code() const {
  switch (problem) {
    case Problem::None: return QStringLiteral("ok");
    case Problem::Unreachable: return QStringLiteral("unreachable");
    case Problem::PasswordRefused: return QStringLiteral("password_refused");
    case Problem::PasswordMissing: return QStringLiteral("password_missing");
    case Problem::DatabaseMissing: return QStringLiteral("database_missing");
    case Problem::SslRequired: return QStringLiteral("ssl_required");
    case Problem::SslUnavailable: return QStringLiteral("ssl_unavailable");
    case Problem::CertificateRejected: return QStringLiteral("certificate_rejected");
    case Problem::PostgisMissing: return QStringLiteral("postgis_missing");
    case Problem::Other: break;
  }
  return QStringLiteral("other");
}

PgConnectionCheck checkPgConnection(const PgConnectionInfo& info, const QString& password) {
  PgConnectionCheck check;
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(detail::connectPg(info, password), &PQfinish);
  if (!conn) {
    check.message = tr("%1: out of memory while connecting.").arg(info.displayName());
    return check;
  }
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    const QString words = QString::fromUtf8(PQerrorMessage(conn.get())).simplified();
    // PQping asks the same server whether it accepts connections at all, without logging in.
    PgConnectionInfo pingInfo = info;
    pingInfo.set(QStringLiteral("sslmode"), QStringLiteral("prefer"));
    pingInfo.set(QStringLiteral("connect_timeout"), info.value(QStringLiteral("connect_timeout")).isEmpty()
                                                       ? QStringLiteral("5")
                                                       : info.value(QStringLiteral("connect_timeout")));
    const PGPing ping = PQping(pingInfo.toString().toUtf8().constData());
    const QString user = QString::fromUtf8(PQuser(conn.get()));
    check.problem = classify(conn.get(), words, ping);
    check.user = user;
    check.message = explain(check.problem, info, user, words);
    return check;
  }
  check.user = QString::fromUtf8(PQuser(conn.get()));
  check.ssl = PQsslInUse(conn.get()) == 1;
  check.serverVersion = firstLine(conn.get(), QStringLiteral("SHOW server_version"));
  check.postgisVersion = firstLine(conn.get(), QStringLiteral("SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'postgis'"));
  if (check.postgisVersion.isEmpty()) {
    check.problem = Problem::PostgisMissing;
    check.message = explain(check.problem, info, check.user, {});
    return check;
  }
  check.problem = Problem::None;
  check.message = tr("%1: connected as %2 to PostgreSQL %3 with PostGIS %4%5.")
                      .arg(info.displayName(), check.user, check.serverVersion, check.postgisVersion,
                           check.ssl ? tr(", over SSL") : QString());
  return check;
}

}  // namespace xiuhua::gis
