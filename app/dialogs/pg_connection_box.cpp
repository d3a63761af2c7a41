#include "dialogs/pg_connection_box.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace xiuhua::app {
namespace {

const QString kConnections = QStringLiteral("postgis/connections");

QStringList savedNames() {
  QSettings settings;
  settings.beginGroup(kConnections);
  return settings.childKeys();
}

}  // namespace

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
      mTest(new QPushButton(tr("&Test connection"), this)),
      mStatus(new QLabel(this)),
      mButtonRow(new QHBoxLayout) {
  mSaved->addItem(tr("(new connection)"));
  mSaved->addItems(savedNames());
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
  auto* password = new QLabel(tr("Xiuhua keeps no password. The password comes from ~/.pgpass or the service file "
                                 "(pg_service.conf); the keyring is not supported yet."),
                              this);
  password->setWordWrap(true);
  password->setStyleSheet(QStringLiteral("color: palette(mid);"));
  form->addRow(password);

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
  return gis::PgConnectionInfo::parse(info.toString());  // libpq's own reading, and no password
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
  QSettings settings;
  settings.beginGroup(kConnections);
  auto info = gis::PgConnectionInfo::parse(settings.value(name).toString());
  if (!info.ok()) {
    setStatus(info.error().message, false);
    return;
  }
  setConnection(info.value());
  mName->setText(name);
}

void PgConnectionBox::saveConnection() {
  auto info = connectionInfo();
  if (!info.ok()) {
    setStatus(info.error().message, false);
    return;
  }
  const QString name = mName->text().trimmed().isEmpty() ? info->displayName() : mName->text().trimmed();
  QSettings settings;
  settings.beginGroup(kConnections);
  settings.setValue(name, info->toString());  // parse() refused any password: none is written
  if (mSaved->findText(name) < 0) mSaved->addItem(name);
  mSaved->setCurrentText(name);
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
