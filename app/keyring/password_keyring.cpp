#include "keyring/password_keyring.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

namespace xiuhua::app {
namespace {

// Runs a job to its end and tells what came of it.
PasswordKeyring::Outcome finish(QKeychain::Job& job) {
  job.setAutoDelete(false);
  job.setInsecureFallback(false);  // never a password in a plain file
  QEventLoop loop;
  QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
  job.start();
  loop.exec();
  PasswordKeyring::Outcome outcome;
  switch (job.error()) {
    case QKeychain::NoError:
      outcome.ok = true;
      break;
    case QKeychain::EntryNotFound:
      outcome.notFound = true;
      break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
      outcome.noKeyring = true;
      break;
    default:
      // libsecret without a Secret Service on the session bus (or without a session bus) fails
      // here: the keyring is not there either.
      outcome.noKeyring = job.errorString().contains(QLatin1String("org.freedesktop"), Qt::CaseInsensitive) ||
                          job.errorString().contains(QLatin1String("D-Bus"), Qt::CaseInsensitive) ||
                          job.errorString().contains(QLatin1String("DBus"), Qt::CaseInsensitive);
      break;
  }
  if (!outcome.ok && !outcome.notFound) outcome.error = job.errorString();
  return outcome;
}

}  // namespace

PasswordKeyring::Outcome PasswordKeyring::read(const QString& key) {
  QKeychain::ReadPasswordJob job(serviceName());
  job.setKey(key);
  Outcome outcome = finish(job);
  if (outcome.ok) outcome.password = job.textData();
  return outcome;
}

PasswordKeyring::Outcome PasswordKeyring::write(const QString& key, const QString& password) {
  QKeychain::WritePasswordJob job(serviceName());
  job.setKey(key);
  job.setTextData(password);
  return finish(job);
}

PasswordKeyring::Outcome PasswordKeyring::remove(const QString& key) {
  QKeychain::DeletePasswordJob job(serviceName());
  job.setKey(key);
  Outcome outcome = finish(job);
  if (outcome.notFound) outcome.ok = true;  // nothing to remove is removed
  return outcome;
}

PasswordKeyring::Outcome PasswordKeyring::probe() {
  Outcome outcome = read(QStringLiteral("xiuhua-keyring-probe"));
  if (outcome.notFound) outcome.ok = true;
  return outcome;
}

}  // namespace xiuhua::app
