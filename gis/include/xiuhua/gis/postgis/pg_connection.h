#pragma once

#include "xiuhua/gis/postgis/pg_connection_info.h"
#include "xiuhua/gis/result.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace xiuhua::gis {

// The rows of a query, as text (NULL as nullopt).
struct PgRows {
  QStringList columns;
  std::vector<std::vector<std::optional<QString>>> rows;

  std::size_t size() const { return rows.size(); }
  QString text(std::size_t row, int column) const { return rows[row][static_cast<std::size_t>(column)].value_or(QString()); }
};

// A failed statement: the server's SQLSTATE (e.g. 42501 insufficient privilege) beside the message.
struct PgError {
  Error error;
  QString sqlState;
};

// One libpq connection, used by one thread at a time. Statements are sent with their values bound
// as parameters ($1, $2 …), never spliced into the text; identifiers go through quoteIdentifier.
class PgConnection {
 public:
  // Connects (application_name xiuhua, a 10 s connect timeout unless the info sets one). The
  // password, when given, is handed to libpq for this connection only; otherwise libpq looks in
  // the service file and ~/.pgpass (PGPASSFILE). Fails with a message naming the connection.
  static Result<std::shared_ptr<PgConnection>> open(const PgConnectionInfo& info, const QString& password = {});
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  const PgConnectionInfo& info() const { return mInfo; }
  // Runs one statement with its parameters bound; the error carries the server's SQLSTATE.
  std::variant<PgRows, PgError> run(const QString& sql, const QStringList& params = {}) const;
  // The same, the error as an Error naming the connection.
  Result<PgRows> query(const QString& sql, const QStringList& params = {}) const;
  Status execute(const QString& sql, const QStringList& params = {}) const;
  // Runs several statements with no parameters (Xiuhua's own fixed SQL: a trigger it installs, a
  // test's setup), never text that holds a user's value.
  Status executeScript(const QString& sql) const;

  // "name" with quotes doubled, as the server reads an identifier (libpq's PQescapeIdentifier).
  QString quoteIdentifier(const QString& name) const;
  // "schema"."table".
  QString qualifiedName(const QString& schema, const QString& table) const;

  QString user() const;
  QString database() const;
  int serverVersion() const;  // e.g. 150018
  bool usesSsl() const;
  bool isOk() const;  // false once the connection is lost

  struct Impl;

 private:
  friend struct PgConnectionAccess;  // gis's own code reaches the handle (binary results, cursors)
  explicit PgConnection(PgConnectionInfo info);
  PgConnectionInfo mInfo;
  std::unique_ptr<Impl> d;
};

// What "Test connection" found. problem is None when the server answered, the login worked and
// the database has PostGIS.
struct PgConnectionCheck {
  enum class Problem {
    None,
    Unreachable,       // nothing answers at the host and port (or the socket)
    PasswordRefused,   // the server refused the password
    PasswordMissing,   // the server asks for a password, and none was found
    DatabaseMissing,   // no database of that name
    SslRequired,       // the server refuses connections without SSL for this user
    SslUnavailable,    // SSL was required, and the server offers none
    CertificateRejected,  // the server's certificate did not verify (sslmode=verify-ca/verify-full)
    PostgisMissing,    // connected, but the database has no PostGIS extension
    Other,             // anything else: the server's or libpq's own words
  };
  Problem problem = Problem::Other;
  QString message;  // the user-facing explanation, naming the connection
  QString serverVersion;
  QString postgisVersion;
  QString user;
  bool ssl = false;

  bool ok() const { return problem == Problem::None; }
  // A stable code for the JSON output ("unreachable", "password_refused" …).
  QString code() const;
};

PgConnectionCheck checkPgConnection(const PgConnectionInfo& info, const QString& password = {});

}  // namespace xiuhua::gis
