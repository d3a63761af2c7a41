#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/gis/store_database.h"

#include <QString>
#include <QVariant>

#include <memory>
#include <vector>

namespace xiuhua::gis {

// A SQLite database (the project file) opened for reading and writing by several processes at
// once: WAL journal and a busy timeout, so a second writer waits instead of failing or
// corrupting the file. A project this process may not change is opened read-only instead: its
// reads work and every write fails with a message saying so. One connection per thread; not
// copyable.
class Database : public StoreDatabase {
 public:
  using Row = StoreDatabase::Row;

  // Opens an existing file read-write (WAL), or read-only when isWritable() says no; errors name
  // the file.
  static Result<std::unique_ptr<Database>> open(const QString& path);
  // Opens an existing file read-only whether or not it could be written (a source to copy from).
  static Result<std::unique_ptr<Database>> openReadOnly(const QString& path);
  // Whether a project at path can be changed: the file and its folder (WAL writes its -wal and
  // -shm beside it) are writable by this process, and the file is not protected
  // (gis::isProtectedFile: no write bit, or installed under /usr/share — read-only even for root).
  static bool isWritable(const QString& path);
  // The message every write to a read-only project fails with.
  static QString readOnlyMessage(const QString& path);
  ~Database() override;

  Dialect dialect() const override { return Dialect::Sqlite; }
  QString displayName() const override { return mPath; }
  QString user() const override { return {}; }
  bool isReadOnly() const override { return mReadOnly; }
  // Fails with readOnlyMessage() on a read-only project: for writers that write files beside the
  // project before the database, to refuse before anything is written.
  Status requireWritable() const;

  // Runs statements without parameters or results (schema, BEGIN/COMMIT …).
  Status exec(const QString& sql) override;
  // Creates the tables and indexes of a schema (CREATE … IF NOT EXISTS statements). Read-only, a
  // table the file lacks is made empty in memory (TEMP), so reading it finds no rows instead of
  // failing; indexes are left out.
  Status ensureSchema(const QString& sql) override;
  // Runs CREATE TEMP … statements: objects of this connection, in memory, allowed read-only too
  // (e.g. a view that shows an old project's table with a column it lacks). Anything else is refused.
  Status createTemporary(const QString& sql);
  // Runs one statement with positional parameters (?1, ?2 … or ?); returns its rows.
  // Null QVariants bind NULL; integers, doubles and strings bind as such.
  Result<std::vector<Row>> query(const QString& sql, const std::vector<QVariant>& params = {}) override;
  // BEGIN IMMEDIATE … COMMIT: the write lock is taken up front so two writers queue cleanly.
  Status beginWrite() override;
  Status commit() override;
  void rollback() override;
  qint64 lastInsertId() const;
  // A consistent copy of the whole database (WAL content included) at path, written beside it and
  // renamed over it (SQLite VACUUM INTO): e.g. a project saved under another name keeps its data.
  // Refused, with nothing written, where path is protected (gis::isProtectedFile).
  Status copyTo(const QString& path);
  const QString& path() const { return mPath; }

 private:
  struct Impl;
  Database(std::unique_ptr<Impl> impl, QString path, bool readOnly);
  Error failure(const QString& sqliteMessage) const;
  std::unique_ptr<Impl> mImpl;
  QString mPath;
  bool mReadOnly = false;
};

}  // namespace xiuhua::gis
