#pragma once

#include "xiuhua/gis/result.h"

#include <QString>
#include <QVariant>

#include <memory>
#include <vector>

namespace xiuhua::gis {

// A SQLite database (the project file) opened for reading and writing by several processes at
// once: WAL journal and a busy timeout, so a second writer waits instead of failing or
// corrupting the file. One connection per thread; not copyable.
class Database {
 public:
  using Row = std::vector<QVariant>;

  // Opens an existing file read-write (WAL); errors name the file.
  static Result<std::unique_ptr<Database>> open(const QString& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs statements without parameters or results (schema, BEGIN/COMMIT …).
  Status exec(const QString& sql);
  // Runs one statement with positional parameters (?1, ?2 … or ?); returns its rows.
  // Null QVariants bind NULL; integers, doubles and strings bind as such.
  Result<std::vector<Row>> query(const QString& sql, const std::vector<QVariant>& params = {});
  // BEGIN IMMEDIATE … COMMIT: the write lock is taken up front so two writers queue cleanly.
  Status beginWrite();
  Status commit();
  void rollback();
  qint64 lastInsertId() const;
  // A consistent copy of the whole database (WAL content included) at path, written beside it and
  // renamed over it (SQLite VACUUM INTO): e.g. a project saved under another name keeps its data.
  Status copyTo(const QString& path);
  const QString& path() const { return mPath; }

 private:
  struct Impl;
  Database(std::unique_ptr<Impl> impl, QString path);
  std::unique_ptr<Impl> mImpl;
  QString mPath;
};

}  // namespace xiuhua::gis
