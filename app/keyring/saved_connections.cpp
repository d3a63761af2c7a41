#include "keyring/saved_connections.h"

#include "keyring/password_keyring.h"
#include "xiuhua/gis/postgis/pg_passwords.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QUrl>

namespace xiuhua::app {
namespace {

const QString kConnections = QStringLiteral("postgis/connections");
const QString kKeyring = QStringLiteral("postgis/keyring");

QString tr(const char* text) { return QCoreApplication::translate("SavedConnections", text); }

// A connection's name as a settings key: QSettings reads '/' as a group and '\\' specially, and
// the default names (user@host:port/dbname) have a '/': percent-encoded.
QString settingsKey(const QString& name) { return QString::fromLatin1(QUrl::toPercentEncoding(name, " @:.-_()")); }
QString nameOfKey(const QString& key) { return QUrl::fromPercentEncoding(key.toLatin1()); }

// A .pgpass field: ':' and '\' escaped; an empty one matches any value.
QString pgpassField(const QString& value) {
  if (value.isEmpty()) return QStringLiteral("*");
  QString out = value;
  out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
  out.replace(QLatin1Char(':'), QStringLiteral("\\:"));
  return out;
}

}  // namespace

QStringList SavedConnections::names() {
  QSettings settings;
  settings.beginGroup(kConnections);
  QStringList out;
  for (const QString& key : settings.childKeys()) out << nameOfKey(key);
  return out;
}

gis::Result<gis::PgConnectionInfo> SavedConnections::connection(const QString& name) {
  QSettings settings;
  settings.beginGroup(kConnections);
  return gis::PgConnectionInfo::parse(settings.value(settingsKey(name)).toString());
}

void SavedConnections::save(const QString& name, const gis::PgConnectionInfo& info) {
  QSettings settings;
  settings.beginGroup(kConnections);
  settings.setValue(settingsKey(name), info.toString());  // PgConnectionInfo holds no password: none is written
}

bool SavedConnections::passwordInKeyring(const QString& name) {
  QSettings settings;
  settings.beginGroup(kKeyring);
  return settings.value(settingsKey(name), false).toBool();
}

gis::Status SavedConnections::rememberPassword(const QString& name, const gis::PgConnectionInfo& info, const QString& password) {
  const PasswordKeyring::Outcome written = PasswordKeyring::write(gis::PgPasswords::keyOf(info), password);
  if (!written.ok) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      written.noKeyring ? tr("No desktop keyring answered (%1): the password was not stored. Keep it in %2 instead.")
                                              .arg(written.error, pgpassPath())
                                        : tr("The keyring did not store the password: %1").arg(written.error)};
  }
  QSettings settings;
  settings.beginGroup(kKeyring);
  settings.setValue(settingsKey(name), true);
  gis::PgPasswords::hold(info, password);
  return {};
}

gis::Status SavedConnections::forgetPassword(const QString& name, const gis::PgConnectionInfo& info) {
  const PasswordKeyring::Outcome removed = PasswordKeyring::remove(gis::PgPasswords::keyOf(info));
  if (!removed.ok) return gis::Error{gis::ErrorCode::InvalidArgument, tr("The keyring did not remove the password: %1").arg(removed.error)};
  QSettings settings;
  settings.beginGroup(kKeyring);
  settings.remove(settingsKey(name));
  gis::PgPasswords::drop(info);
  return {};
}

gis::Status SavedConnections::holdKeyringPassword(const QString& name, const gis::PgConnectionInfo& info) {
  const PasswordKeyring::Outcome read = PasswordKeyring::read(gis::PgPasswords::keyOf(info));
  if (!read.ok) {
    return gis::Error{gis::ErrorCode::InvalidArgument, tr("%1: the password could not be read from the keyring (%2).")
                                                           .arg(name, read.notFound ? tr("it holds none for this connection") : read.error)};
  }
  gis::PgPasswords::hold(info, read.password);
  return {};
}

QStringList SavedConnections::holdKeyringPasswords() {
  QStringList problems;
  for (const QString& name : names()) {
    if (!passwordInKeyring(name)) continue;
    auto info = connection(name);
    if (!info.ok()) continue;
    if (gis::Status s = holdKeyringPassword(name, info.value()); !s) problems << s.error().message;
  }
  return problems;
}

QString SavedConnections::pgpassPath() {
  const QString fromEnvironment = qEnvironmentVariable("PGPASSFILE");
  return fromEnvironment.isEmpty() ? QDir::home().filePath(QStringLiteral(".pgpass")) : fromEnvironment;
}

gis::Status SavedConnections::addToPgpass(const gis::PgConnectionInfo& info, const QString& password) {
  const QString path = pgpassPath();
  const QString prefix = QStringList{pgpassField(info.value(QStringLiteral("host"))), pgpassField(info.value(QStringLiteral("port"))),
                                     pgpassField(info.value(QStringLiteral("dbname"))), pgpassField(info.value(QStringLiteral("user")))}
                             .join(QLatin1Char(':')) +
                         QLatin1Char(':');
  const QString line = prefix + pgpassField(password);
  QFile file(path);
  if (file.exists()) {
    if (!file.open(QIODevice::ReadOnly)) {
      return gis::Error{gis::ErrorCode::FileNotFound, tr("%1: cannot read it: %2").arg(path, file.errorString())};
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    file.close();
    for (int i = 0; i < lines.size(); ++i) {
      if (lines[i] == line) return {};  // there already
      if (lines[i].startsWith(prefix)) {
        return gis::Error{gis::ErrorCode::InvalidArgument,
                          tr("%1, line %2, holds another password for this connection; nothing was changed. Edit that line yourself.")
                              .arg(path)
                              .arg(i + 1)};
      }
    }
  }
  if (!file.open(QIODevice::Append | QIODevice::Text)) {
    return gis::Error{gis::ErrorCode::InvalidArgument, tr("%1: cannot write it: %2").arg(path, file.errorString())};
  }
  // libpq ignores a password file that others may read.
  file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
  if (file.size() > 0) {
    QFile check(path);
    if (check.open(QIODevice::ReadOnly) && check.size() > 0 && check.seek(check.size() - 1) && check.read(1) != "\n") file.write("\n");
  }
  file.write(line.toUtf8() + '\n');
  if (!file.flush()) return gis::Error{gis::ErrorCode::InvalidArgument, tr("%1: cannot write it: %2").arg(path, file.errorString())};
  return {};
}

}  // namespace xiuhua::app
