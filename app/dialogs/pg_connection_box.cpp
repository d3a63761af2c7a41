#include "dialogs/pg_connection_box.h"

#include "keyring/password_keyring.h"
#include "keyring/saved_connections.h"
#include "xiuhua/gis/postgis/pg_passwords.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace xiuhua::app {

PgConnectionBox::PgConnectionBox(QWidget* parent)
    : QGroupBox(tr("Connection"), parent),
      mSaved(new QComboBox(this)),
      mName(new QLineEdit(this)),
      mService(new QLineEdit(this)),
      mHost(new QLineEdit(this)),
      mPort(new QLineEdit(this)),
      mDatabase(new QLineEdit(this)),
      mUser(new QLineEdit(this)),
      mSslMode(new QComboBox(this)),
      mPassword(new QLineEdit(this)),
      mRemember(new QCheckBox(tr("Remember it in the desktop &keyring"), this)),
      mKeyringNote(new QLabel(this)),
      mPgpass(new QPushButton(tr("Add to ~/.&pgpass"), this)),
      mTest(new QPushButton(tr("&Test connection"), this)),
      mStatus(new QLabel(this)),
      mButtonRow(new QHBoxLayout) {
  mSaved->addItem(tr("(new connection)"));
  mSaved->addItems(SavedConnections::names());
  mPassword->setEchoMode(QLineEdit::Password);
  mPassword->setObjectName(QStringLiteral("postgisPassword"));
  mPassword->setPlaceholderText(tr("empty: from ~/.pgpass, the service file or the keyring"));
  mRemember->setObjectName(QStringLiteral("postgisRemember"));
  mKeyringNote->setWordWrap(true);
  mKeyringNote->setObjectName(QStringLiteral("postgisKeyringNote"));
  mPgpass->setObjectName(QStringLiteral("postgisAddPgpass"));
  mPgpass->setToolTip(tr("Append host:port:database:user:password to the password file libpq reads (readable by you only)"));
  mService->setPlaceholderText(tr("a service of pg_service.conf; or fill in the fields below"));
  mHost->setPlaceholderText(QStringLiteral("localhost"));
  mPort->setPlaceholderText(QStringLiteral("5432"));
  mSslMode->addItems({QStringLiteral("prefer"), QStringLiteral("disable"), QStringLiteral("require"), QStringLiteral("verify-ca"),
                      QStringLiteral("verify-full")});
  mSslMode->setToolTip(tr("verify-full checks the server's certificate and name: what a district's IT department usually asks for"));

  auto* form = new QFormLayout;
  form->addRow(tr("Saved connection:"), mSaved);
  form->addRow(tr("Service:"), mService);
  form->addRow(tr("Host:"), mHost);
  form->addRow(tr("Port:"), mPort);
  form->addRow(tr("Database:"), mDatabase);
  form->addRow(tr("User:"), mUser);
  form->addRow(tr("SSL mode:"), mSslMode);
  auto* saveRow = new QHBoxLayout;
  auto* save = new QPushButton(tr("&Save connection"), this);
  saveRow->addWidget(mName, 1);
  saveRow->addWidget(save);
  mName->setPlaceholderText(tr("a name for this connection"));
  form->addRow(tr("Name:"), saveRow);
  form->addRow(tr("Password:"), mPassword);
  auto* keyringRow = new QHBoxLayout;
  keyringRow->addWidget(mRemember, 1);
  keyringRow->addWidget(mPgpass);
  form->addRow(keyringRow);
  mKeyringNote->setText(tr("Neither the project nor the settings keep a password: it comes from ~/.pgpass, the service file "
                           "(pg_service.conf) or the desktop keyring, or is kept in memory until Xiuhua closes."));
  mKeyringNote->setStyleSheet(QStringLiteral("color: palette(mid);"));
  form->addRow(mKeyringNote);

  mButtonRow->addWidget(mTest);
  mButtonRow->addStretch();
  mStatus->setWordWrap(true);
  mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
  mStatus->setObjectName(QStringLiteral("postgisStatus"));

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addLayout(mButtonRow);
  layout->addWidget(mStatus);

  connect(mSaved, &QComboBox::currentTextChanged, this, [this](const QString& name) {
    if (mSaved->currentIndex() > 0) loadSaved(name);
  });
  connect(mTest, &QPushButton::clicked, this, &PgConnectionBox::testConnection);
  connect(save, &QPushButton::clicked, this, &PgConnectionBox::saveConnection);
  connect(mPgpass, &QPushButton::clicked, this, &PgConnectionBox::addToPgpass);
  // Whether a keyring answers, once the form shows (the keyring is asked over D-Bus).
  QTimer::singleShot(0, this, &PgConnectionBox::probeKeyring);
}

void PgConnectionBox::probeKeyring() {
  const PasswordKeyring::Outcome probe = PasswordKeyring::probe();
  mRemember->setEnabled(probe.ok);
  if (!probe.ok) {
    mRemember->setChecked(false);
    mKeyringNote->setText(tr("No desktop keyring answers here (%1), so Xiuhua cannot remember the password. Keep it in the "
                             "password file libpq reads, %2: type it above and click \"Add to ~/.pgpass\"; or Xiuhua keeps it in "
                             "memory until it closes.")
                              .arg(probe.error.isEmpty() ? tr("no Secret Service") : probe.error, SavedConnections::pgpassPath()));
    mKeyringNote->setStyleSheet(QStringLiteral("color: #8a5a00;"));
  }
}

void PgConnectionBox::addToPgpass() {
  auto info = connectionInfo();
  if (!info.ok()) {
    setStatus(info.error().message, false);
    return;
  }
  if (mPassword->text().isEmpty()) {
    setStatus(tr("Type the password first."), false);
    return;
  }
  if (gis::Status s = SavedConnections::addToPgpass(info.value(), mPassword->text()); !s) {
    setStatus(s.error().message, false);
    return;
  }
  setStatus(tr("The password for %1 is in %2.").arg(info->displayName(), SavedConnections::pgpassPath()), true);
}

void PgConnectionBox::addButton(QPushButton* button) {
  mButtons << button;
  mButtonRow->insertWidget(mButtonRow->count() - 1, button);
}

gis::Result<gis::PgConnectionInfo> PgConnectionBox::connectionInfo() const {
  gis::PgConnectionInfo info;
  info.set(QStringLiteral("service"), mService->text().trimmed());
  info.set(QStringLiteral("host"), mHost->text().trimmed());
  info.set(QStringLiteral("port"), mPort->text().trimmed());
  info.set(QStringLiteral("dbname"), mDatabase->text().trimmed());
  info.set(QStringLiteral("user"), mUser->text().trimmed());
  if (mSslMode->currentText() != QLatin1String("prefer")) info.set(QStringLiteral("sslmode"), mSslMode->currentText());
  if (info.isEmpty()) {
    return gis::Error{gis::ErrorCode::InvalidArgument, tr("Give a service name, or at least the database and the user.")};
  }
  auto parsed = gis::PgConnectionInfo::parse(info.toString());  // libpq's own reading, and no password
  // A typed password is held in memory for this connection until Xiuhua closes: every connection
  // the dialogs (and the layers they add) make takes it from there.
  if (parsed.ok() && !mPassword->text().isEmpty()) gis::PgPasswords::hold(parsed.value(), mPassword->text());
  return parsed;
}

void PgConnectionBox::setConnection(const gis::PgConnectionInfo& info) {
  mService->setText(info.value(QStringLiteral("service")));
  mHost->setText(info.value(QStringLiteral("host")));
  mPort->setText(info.value(QStringLiteral("port")));
  mDatabase->setText(info.value(QStringLiteral("dbname")));
  mUser->setText(info.value(QStringLiteral("user")));
  const QString ssl = info.value(QStringLiteral("sslmode"));
  mSslMode->setCurrentText(ssl.isEmpty() ? QStringLiteral("prefer") : ssl);
}

void PgConnectionBox::loadSaved(const QString& name) {
  auto info = SavedConnections::connection(name);
  if (!info.ok()) {
    setStatus(info.error().message, false);
    return;
  }
  setConnection(info.value());
  mName->setText(name);
  mPassword->clear();
  const bool inKeyring = SavedConnections::passwordInKeyring(name);
  mRemember->setChecked(inKeyring);
  if (!inKeyring) return;
  if (gis::Status s = SavedConnections::holdKeyringPassword(name, info.value()); !s) {
    setStatus(s.error().message, false);
    return;
  }
  mPassword->setPlaceholderText(tr("from the desktop keyring"));
}

void PgConnectionBox::saveConnection() {
  auto info = connectionInfo();
  if (!info.ok()) {
    setStatus(info.error().message, false);
    return;
  }
  const QString name = mName->text().trimmed().isEmpty() ? info->displayName() : mName->text().trimmed();
  SavedConnections::save(name, info.value());  // parse() refused any password: none is written
  if (mSaved->findText(name) < 0) mSaved->addItem(name);
  {
    const QSignalBlocker quiet(mSaved);  // the fields are what was just saved: not read back
    mSaved->setCurrentText(name);
  }
  const QString password = mPassword->text().isEmpty() ? gis::PgPasswords::heldFor(info.value()) : mPassword->text();
  if (mRemember->isChecked() && !password.isEmpty()) {
    if (gis::Status s = SavedConnections::rememberPassword(name, info.value(), password); !s) {
      setStatus(tr("The connection \"%1\" is saved, its password is not: %2").arg(name, s.error().message), false);
      return;
    }
    setStatus(tr("The connection \"%1\" is saved; its password is in the desktop keyring.").arg(name), true);
    return;
  }
  if (!mRemember->isChecked() && SavedConnections::passwordInKeyring(name)) {
    if (gis::Status s = SavedConnections::forgetPassword(name, info.value()); !s) {
      setStatus(s.error().message, false);
      return;
    }
  }
  setStatus(tr("The connection \"%1\" is saved (without password).").arg(name), true);
}

void PgConnectionBox::setBusy(bool busy, const QString& status) {
  mTest->setEnabled(!busy);
  for (QPushButton* b : mButtons) b->setEnabled(!busy);
  if (busy) {
    mStatus->setStyleSheet({});
    mStatus->setText(status);
  }
}

void PgConnectionBox::setStatus(const QString& text, bool ok) {
  mStatus->setStyleSheet(ok ? QStringLiteral("color: #1b7a2f;") : QStringLiteral("color: #b3261e;"));
  mStatus->setText(text);
}

QString PgConnectionBox::statusText() const { return mStatus->text(); }

void PgConnectionBox::testConnection() {
  auto info = connectionInfo();
  if (!info.ok()) {
    setStatus(info.error().message, false);
    emit checked(false);
    return;
  }
  setBusy(true, tr("Connecting to %1…").arg(info->displayName()));
  auto* watcher = new QFutureWatcher<gis::PgConnectionCheck>(this);
  connect(watcher, &QFutureWatcher<gis::PgConnectionCheck>::finished, this, [this, watcher] {
    watcher->deleteLater();
    const gis::PgConnectionCheck c = watcher->result();
    setBusy(false);
    setStatus(c.message, c.ok());
    emit checked(c.ok());
  });
  const gis::PgConnectionInfo connection = info.value();
  watcher->setFuture(QtConcurrent::run([connection] { return gis::checkPgConnection(connection); }));
}

}  // namespace xiuhua::app
