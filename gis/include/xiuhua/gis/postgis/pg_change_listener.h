#pragma once

#include "xiuhua/gis/postgis/pg_connection_info.h"
#include "xiuhua/gis/result.h"

#include <QStringList>

#include <memory>

namespace xiuhua::gis {

class PgConnection;
struct PgTableInfo;

// Other users' committed changes of PostGIS tables, as Xiuhua's change trigger announces them
// (LISTEN xiuhua_changes; the trigger sends the table's "schema.table" after each statement that
// changed it). One connection, used from one thread; socket() is watched for reading.
class PgChangeListener {
 public:
  static constexpr const char* kChannel = "xiuhua_changes";

  static Result<std::unique_ptr<PgChangeListener>> open(const PgConnectionInfo& info);
  ~PgChangeListener();
  PgChangeListener(const PgChangeListener&) = delete;
  PgChangeListener& operator=(const PgChangeListener&) = delete;

  int socket() const;  // -1 when the connection is gone
  // The tables announced since the last call (each once), reading what arrived without waiting.
  // Fails when the connection is lost.
  Result<QStringList> changedTables();

 private:
  struct Impl;
  explicit PgChangeListener(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> d;
};

// Installs (or replaces) Xiuhua's change trigger on a table: after each INSERT, UPDATE, DELETE or
// TRUNCATE statement it notifies the listeners. Needs the table's owner; fails with the server's
// reason otherwise.
Status pgInstallChangeTrigger(const PgConnection& connection, const QString& schema, const QString& table);
// Whether the table has it.
Result<bool> pgHasChangeTrigger(const PgConnection& connection, const QString& schema, const QString& table);
// A stamp that changes when the table's rows change (their count and newest row version): what a
// client polls when the table has no change trigger. A scan of the table's versions.
Result<QString> pgChangeStamp(const PgConnection& connection, const QString& schema, const QString& table);

}  // namespace xiuhua::gis
