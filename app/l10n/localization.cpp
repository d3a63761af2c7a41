#include "l10n/localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace xiuhua::app {

Localization::Localization(QObject* parent) : QObject(parent) {}

QString Localization::preferredLanguage(const QString& commandLine) {
  if (!commandLine.isEmpty()) return commandLine;
  const QString saved = QSettings().value(QStringLiteral("language")).toString();
  if (!saved.isEmpty()) return saved;
  return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool Localization::apply(const QString& language) {
  QCoreApplication::removeTranslator(&mApp);
  QCoreApplication::removeTranslator(&mQt);
  mLanguage = language;
  if (!language.startsWith(QLatin1String("zh"))) {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    return true;
  }
  QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
  const bool ok = mApp.load(QStringLiteral(":/i18n/xiuhua_zh_CN.qm"));
  if (ok) QCoreApplication::installTranslator(&mApp);
  if (mQt.load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(&mQt);
  }
  return ok;
}

}  // namespace xiuhua::app
