// The UI language: Simplified Chinese from the shipped translation, English as the source text.
#include "l10n/localization.h"

#include <QApplication>
#include <QSettings>
#include <QTest>

using xiuhua::app::Localization;

class LocalizationTest : public QObject {
  Q_OBJECT

 private slots:
  void chineseTranslationIsShippedAndUsed() {
    Localization l10n;
    QVERIFY(l10n.apply(QStringLiteral("zh_CN")));
    QCOMPARE(QCoreApplication::translate("xiuhua::app::MainWindow", "Layers"), QStringLiteral("图层"));
    QCOMPARE(QCoreApplication::translate("xiuhua::app::MainWindow", "Identify results"), QStringLiteral("识别结果"));
    QVERIFY(QCoreApplication::translate("VectorReader", "%1: the file does not exist.").contains(QStringLiteral("不存在")));
    QCOMPARE(QLocale().language(), QLocale::Chinese);
  }

  void englishIsTheSourceText() {
    Localization l10n;
    QVERIFY(l10n.apply(QStringLiteral("zh_CN")));
    QVERIFY(l10n.apply(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("xiuhua::app::MainWindow", "Layers"), QStringLiteral("Layers"));
  }

  void chineseLocaleDefaultsToChinese() {
    QCoreApplication::setOrganizationName(QStringLiteral("XiuhuaTest"));
    QSettings().remove(QStringLiteral("language"));
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(Localization::preferredLanguage(QString()), QStringLiteral("zh_CN"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(Localization::preferredLanguage(QString()), QStringLiteral("en"));
  }

  void commandLineWinsOverTheSavedSetting() {
    QCoreApplication::setOrganizationName(QStringLiteral("XiuhuaTest"));
    QSettings().setValue(QStringLiteral("language"), QStringLiteral("zh_CN"));
    QCOMPARE(Localization::preferredLanguage(QString()), QStringLiteral("zh_CN"));  // the saved choice
    QCOMPARE(Localization::preferredLanguage(QStringLiteral("en")), QStringLiteral("en"));
    QSettings().remove(QStringLiteral("language"));
  }
};

QTEST_MAIN(LocalizationTest)
#include "localization_test.moc"
