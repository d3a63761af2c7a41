#pragma once

#include "xiuhua/gis/postgis/pg_connection_info.h"
#include "xiuhua/gis/result.h"
#include "xiuhua/gis/store_database.h"

#include <memory>

namespace xiuhua::gis {

class PgConnection;

// A schema on a PostgreSQL server as a store's database (see StoreDatabase): the stores' tables
// live in that schema (search_path), statements run with their values bound, and a connection
// lost between transactions is opened again and the statement sent once more (one lost inside a
// transaction fails it: nothing of it was kept). Every message names the schema and the connection.
class PgStoreDatabase : public StoreDatabase {
 public:
  enum class Schema { MustExist, CreateIfMissing };
  static Result<std::unique_ptr<PgStoreDatabase>> open(const PgConnectionInfo& info, const QString& schema,
                                                       Schema mode = Schema::MustExist);
  ~PgStoreDatabase() override;

  Dialect dialect() const override { return Dialect::Postgres; }
  QString displayName() const override;
  bool isReadOnly() const override { return false; }
  QString user() const override;

  Status exec(const QString& sql) override;
  // Serialised between clients (an advisory lock): two workstations opening a new schema at once
  // do not trip over each other's CREATE TABLE.
  Status ensureSchema(const QString& sql) override;
  Result<std::vector<Row>> query(const QString& sql, const std::vector<QVariant>& params = {}) override;
  Status beginWrite() override;
  Status commit() override;
  void rollback() override;

  const QString& schema() const { return mSchema; }
  // Whether a table of that name is in the schema.
  Result<bool> hasTable(const QString& table);

  // `?` placeholders numbered as PostgreSQL reads them ($1, $2 …); a `?` inside quotes stays.
  static QString numberPlaceholders(const QString& sql);

 private:
  PgStoreDatabase(std::shared_ptr<PgConnection> connection, PgConnectionInfo info, QString schema);
  Status connect();
  Status reconnectIfLost();
  bool reopenAfterLoss(const Error& error);
  Error named(const Error& error) const;
  std::shared_ptr<PgConnection> mConnection;
  PgConnectionInfo mInfo;
  QString mSchema;
  bool mInTransaction = false;
};

}  // namespace xiuhua::gis
