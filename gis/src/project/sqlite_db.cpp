#include "sqlite_db.h"

#include "xiuhua/gis/file_access.h"

#include <QFileInfo>
#include <QUrl>

namespace xiuhua::gis::detail {

SqliteDb openSqlite(const QString& path, int flags, QString& error) {
  sqlite3* raw = nullptr;
  const QByteArray utf8 = path.toUtf8();
  const int rc = sqlite3_open_v2(utf8.constData(), &raw, flags, nullptr);
  SqliteDb db(raw);
  if (rc != SQLITE_OK) {
    error = QString::fromUtf8(raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
    return nullptr;
  }
  sqlite3_busy_timeout(db.get(), 5000);
  return db;
}

SqliteDb openSqliteReadOnly(const QString& path, QString& error) {
  // A protected file (no write bit, or installed under /usr/share) is not being written by anyone:
  // read it as immutable, so that not even a -shm is created beside it (root could create one in
  // /usr/share and leave it behind) — unless a -wal beside it holds data immutable would not see.
  const bool walHoldsData = QFileInfo(path + QStringLiteral("-wal")).size() > 0;
  if (!isProtectedFile(path) || walHoldsData) {
    SqliteDb db = openSqlite(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, error);
    // Opening reads nothing yet: a WAL file whose -shm cannot be created fails on the first read.
    if (db && execSql(db.get(), "SELECT COUNT(*) FROM sqlite_master;", error)) return db;
    // Immutable would read the file without what its -wal holds: an error rather than old data.
    if (walHoldsData) return nullptr;
  }
  QString immutableError;
  const QByteArray uri = QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded).toUtf8() + "?immutable=1";
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(uri.constData(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, nullptr);
  SqliteDb immutable(raw);
  if (rc != SQLITE_OK) immutableError = QString::fromUtf8(sqlite3_errstr(rc));
  if (rc != SQLITE_OK || !execSql(immutable.get(), "SELECT COUNT(*) FROM sqlite_master;", immutableError)) {
    if (error.isEmpty()) error = immutableError;
    return nullptr;
  }
  error.clear();
  return immutable;
}

bool onlyReads(sqlite3* db, const QByteArray& sql, QString& error) {
  const char* next = sql.constData();
  while (next != nullptr && *next != '\0') {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db, next, -1, &raw, &tail) != SQLITE_OK) {
      error = QString::fromUtf8(sqlite3_errmsg(db));
      return false;
    }
    const SqliteStmt st(raw);  // null for a stretch of only white space or comments
    if (st && sqlite3_stmt_readonly(st.get()) == 0) return false;
    next = tail;
  }
  return true;
}

bool execSql(sqlite3* db, const char* sql, QString& error) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    error = QString::fromUtf8(message != nullptr ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    return false;
  }
  return true;
}

SqliteStmt prepareSql(sqlite3* db, const char* sql, QString& error) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
    error = QString::fromUtf8(sqlite3_errmsg(db));
    return nullptr;
  }
  return SqliteStmt(st);
}

QString columnText(sqlite3_stmt* st, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
  return text != nullptr ? QString::fromUtf8(text) : QString();
}

void bindText(sqlite3_stmt* st, int index, const QString& text) {
  const QByteArray utf8 = text.toUtf8();
  sqlite3_bind_text(st, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

}  // namespace xiuhua::gis::detail
