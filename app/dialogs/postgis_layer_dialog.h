#pragma once

#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/gis/postgis/pg_tables.h"

#include <QDialog>

#include <vector>

class QPushButton;
class QTreeWidget;

namespace xiuhua::app {

class PgConnectionBox;

// Adds PostGIS tables and views as layers: a connection (PgConnectionBox) and a browser of the
// tables with a geometry column (type, SRID, estimated rows, key, why one opens read-only).
// Listing runs off the UI thread.
class PostgisLayerDialog : public QDialog {
  Q_OBJECT

 public:
  explicit PostgisLayerDialog(QWidget* parent = nullptr);

  // The connection as the fields give it (no password); an error when it cannot be read.
  gis::Result<gis::PgConnectionInfo> connectionInfo() const;
  void setConnection(const gis::PgConnectionInfo& info);
  // "PG:…|layername=schema.table" of each table chosen.
  QStringList selectedSources() const;

  // What the dialog shows, for tests.
  QString statusText() const;
  int tableCount() const;
  void selectTable(const QString& layerName);

 public slots:
  void testConnection();
  void listTables();
  void saveConnection();

 signals:
  void checked(bool ok);
  void listed(int tables);

 private:
  void fillTables(const std::vector<gis::PgTableInfo>& tables);

  PgConnectionBox* mConnection;
  QPushButton* mConnect;
  QPushButton* mAdd;
  QTreeWidget* mTables;
  gis::PgConnectionInfo mListed;  // the connection the tables were listed from
};

}  // namespace xiuhua::app
