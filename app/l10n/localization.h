#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

namespace xiuhua::app {

// Installs the UI translation: Simplified Chinese ("zh_CN") or English ("en", the source text).
// The choice comes from the command line, else the saved setting, else the system locale.
class Localization : public QObject {
  Q_OBJECT

 public:
  explicit Localization(QObject* parent = nullptr);
  static QString preferredLanguage(const QString& commandLine);
  // Returns false if the translation for the language is missing.
  bool apply(const QString& language);
  const QString& language() const { return mLanguage; }

 private:
  QTranslator mApp;
  QTranslator mQt;
  QString mLanguage;
};

}  // namespace xiuhua::app
