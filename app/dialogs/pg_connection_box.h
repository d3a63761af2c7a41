#pragma once

#include "xiuhua/gis/postgis/pg_connection.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace xiuhua::app {

// The connection to a PostgreSQL server, as the PostGIS dialogs ask for it: a service of
// pg_service.conf, or host, port, database, user and SSL mode. Connections are kept by name in the
// settings, never with a password: that comes from ~/.pgpass, the service file or the desktop
// keyring ("Remember it in the desktop keyring"), or, typed, is held in memory until Xiuhua
// closes. Without a keyring the form says so and offers to add the password to ~/.pgpass.
// "Test connection" runs off the UI thread and says what failed in the user's terms.
class PgConnectionBox : public QGroupBox {
  Q_OBJECT

 public:
  explicit PgConnectionBox(QWidget* parent = nullptr);

  // The connection as the fields give it (no password); an error when it cannot be read.
  gis::Result<gis::PgConnectionInfo> connectionInfo() const;
  void setConnection(const gis::PgConnectionInfo& info);

  // The line under the fields: what the last action found (green when it worked, red when not).
  void setStatus(const QString& text, bool ok);
  // While connecting: the buttons off and what is being done.
  void setBusy(bool busy, const QString& status = {});
  QString statusText() const;
  QLabel* statusLabel() const { return mStatus; }
  // Buttons a dialog adds beside "Test connection" (e.g. "List tables"), disabled while busy.
  void addButton(QPushButton* button);

 public slots:
  void testConnection();
  void saveConnection();

 signals:
  void checked(bool ok);

 private:
  void loadSaved(const QString& name);
  void probeKeyring();
  void addToPgpass();

  QComboBox* mSaved;
  QLineEdit* mName;
  QLineEdit* mService;
  QLineEdit* mHost;
  QLineEdit* mPort;
  QLineEdit* mDatabase;
  QLineEdit* mUser;
  QComboBox* mSslMode;
  QLineEdit* mPassword;
  QCheckBox* mRemember;
  QLabel* mKeyringNote;
  QPushButton* mPgpass;
  QPushButton* mTest;
  QList<QPushButton*> mButtons;
  QLabel* mStatus;
  QHBoxLayout* mButtonRow;
};

}  // namespace xiuhua::app
