#pragma once

#include "xiuhua/gis/result.h"

#include <QString>
#include <QVariant>

#include <vector>

namespace xiuhua::gis {

// The database a store keeps its tables in: the project file (SQLite, gis::Database) or a schema
// on a PostgreSQL server shared by several workstations (gis::PgStoreDatabase). Stores write SQL
// both understand: `?` placeholders, INSERT … RETURNING, ON CONFLICT … DO UPDATE, COALESCE; where
// the two differ (column types, locks) they ask dialect(). One connection, one thread at a time.
class StoreDatabase {
 public:
  enum class Dialect { Sqlite, Postgres };
  using Row = std::vector<QVariant>;

  virtual ~StoreDatabase() = default;

  virtual Dialect dialect() const = 0;
  // As messages name it: the project file's path, or "schema S on service xh".
  virtual QString displayName() const = 0;
  virtual bool isReadOnly() const = 0;
  // The database user writes are recorded under (PostgreSQL's current_user); empty for a file.
  virtual QString user() const = 0;

  // Runs Xiuhua's own fixed statements (no parameters, no results).
  virtual Status exec(const QString& sql) = 0;
  // Creates missing tables and indexes (CREATE … IF NOT EXISTS statements).
  virtual Status ensureSchema(const QString& sql) = 0;
  // One statement with positional parameters (`?`); returns its rows. Null QVariants bind NULL.
  // Values come back as the database gives them: read them with toInt(), toDouble(), toString().
  virtual Result<std::vector<Row>> query(const QString& sql, const std::vector<QVariant>& params = {}) = 0;
  // A write transaction: writers that may meet queue instead of failing.
  virtual Status beginWrite() = 0;
  virtual Status commit() = 0;
  virtual void rollback() = 0;

 protected:
  StoreDatabase() = default;
  StoreDatabase(const StoreDatabase&) = delete;
  StoreDatabase& operator=(const StoreDatabase&) = delete;
};

}  // namespace xiuhua::gis
