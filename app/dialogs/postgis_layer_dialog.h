#pragma once

#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/gis/postgis/pg_tables.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace xiuhua::app {

// Adds PostGIS tables and views as layers: a connection (a service of pg_service.conf, or host,
// port, database, user and SSL mode — never a password: those come from ~/.pgpass or the service
// file), "Test connection" with the failure in the user's terms, and a browser of the tables with
// a geometry column (type, SRID, estimated rows, key, why one opens read-only). Connections are
// kept by name in the settings, without password. Connecting and listing run off the UI thread.
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
  void setBusy(bool busy, const QString& status = {});
  void setStatus(const QString& text, bool ok);
  void loadSaved(const QString& name);
  void fillTables(const std::vector<gis::PgTableInfo>& tables);

  QComboBox* mSaved;
  QLineEdit* mName;
  QLineEdit* mService;
  QLineEdit* mHost;
  QLineEdit* mPort;
  QLineEdit* mDatabase;
  QLineEdit* mUser;
  QComboBox* mSslMode;
  QPushButton* mTest;
  QPushButton* mConnect;
  QPushButton* mAdd;
  QLabel* mStatus;
  QTreeWidget* mTables;
  gis::PgConnectionInfo mListed;  // the connection the tables were listed from
};

}  // namespace xiuhua::app
