#pragma once

#include <QString>

namespace xiuhua::app {

// Database passwords in the desktop keyring (the Secret Service of GNOME Keyring or KWallet, through
// QtKeychain), under the service "xiuhua-postgis" and a key per connection (PgPasswords::keyOf).
// Never a plain-text fallback: without a keyring service the calls fail and say so, and the
// connection form offers ~/.pgpass instead. Each call waits for the keyring (it runs a local event
// loop); call it on the GUI thread.
class PasswordKeyring {
 public:
  struct Outcome {
    bool ok = false;
    bool notFound = false;      // the keyring works and holds no password under the key
    bool noKeyring = false;     // no keyring service answered
    QString password;           // read: what the keyring holds
    QString error;              // why it failed, in the keyring's words
  };

  static Outcome read(const QString& key);
  static Outcome write(const QString& key, const QString& password);
  static Outcome remove(const QString& key);
  // Whether a keyring service answers (a read of a key that is never written): the form says
  // what it found when it does not.
  static Outcome probe();

  static QString serviceName() { return QStringLiteral("xiuhua-postgis"); }
};

}  // namespace xiuhua::app
