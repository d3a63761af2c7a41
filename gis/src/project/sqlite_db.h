#pragma once

// Internal RAII wrappers for SQLite. Never in public headers.
#include <sqlite3.h>

#include <QString>

#include <memory>

namespace xiuhua::gis::detail {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct SqliteFinalizer {
  void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;
using SqliteStmt = std::unique_ptr<sqlite3_stmt, SqliteFinalizer>;

// Opens a database; on failure returns null and sets error to SQLite's message.
SqliteDb openSqlite(const QString& path, int flags, QString& error);
// Opens a database for reading only. A protected file (gis::isProtectedFile), or a WAL database in
// a folder it may not write (no -shm to create), is opened as immutable: SQLite then creates
// nothing beside it.
// On failure returns null and sets error to SQLite's message.
SqliteDb openSqliteReadOnly(const QString& path, QString& error);
// Whether every statement of sql only reads (sqlite3_stmt_readonly; BEGIN/COMMIT count as reads).
// False with error set when a statement does not compile, false with error empty when one writes.
bool onlyReads(sqlite3* db, const QByteArray& sql, QString& error);
// Runs SQL without results; returns false and sets error on failure.
bool execSql(sqlite3* db, const char* sql, QString& error);
SqliteStmt prepareSql(sqlite3* db, const char* sql, QString& error);
QString columnText(sqlite3_stmt* st, int column);
void bindText(sqlite3_stmt* st, int index, const QString& text);

}  // namespace xiuhua::gis::detail
