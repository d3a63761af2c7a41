#include "xiuhua/gis/postgis/pg_passwords.h"

#include <QHash>

#include <mutex>

namespace xiuhua::gis {
namespace {

std::mutex& lock() {
  static std::mutex m;
  return m;
}

QHash<QString, QString>& held() {
  static QHash<QString, QString> passwords;
  return passwords;
}

}  // namespace

void PgPasswords::hold(const PgConnectionInfo& connection, const QString& password) {
  const std::lock_guard<std::mutex> guard(lock());
  if (password.isEmpty()) {
    held().remove(keyOf(connection));
  } else {
    held().insert(keyOf(connection), password);
  }
}

void PgPasswords::drop(const PgConnectionInfo& connection) {
  const std::lock_guard<std::mutex> guard(lock());
  held().remove(keyOf(connection));
}

QString PgPasswords::heldFor(const PgConnectionInfo& connection) {
  const std::lock_guard<std::mutex> guard(lock());
  return held().value(keyOf(connection));
}

}  // namespace xiuhua::gis
