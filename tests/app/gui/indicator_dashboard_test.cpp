// The indicator dashboard as an official uses it: import the Jiading catalog, enter values,
// read progress and status, filter, look at the chart and save it.
#include "document/map_document.h"
#include "indicators/assessment_dialog.h"
#include "indicators/dashboard_filter.h"
#include "indicators/dashboard_model.h"
#include "indicators/indicator_chart.h"
#include "indicators/import_preview_dialog.h"
#include "indicators/indicator_dashboard.h"
#include "indicators/target_dialog.h"
#include "indicators/value_entry_dialog.h"
#include "main/localization.h"
#include "main/main_window.h"
#include "xiuhua/indicators/value_exchange.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QTest>

#include <qcustomplot.h>

using namespace xiuhua::app;
using xiuhua::indicators::Status;

class IndicatorDashboardTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(mDir.isValid());
    // XIUHUA_TEST_LANG=zh_CN shows the dashboard in Chinese (for a person looking at screenshots).
    if (!qEnvironmentVariableIsEmpty("XIUHUA_TEST_LANG")) mL10n.apply(qEnvironmentVariable("XIUHUA_TEST_LANG"));
    mWindow = new MainWindow(&mDoc);
    mWindow->resize(1300, 900);
    mWindow->show();
    QVERIFY(mDoc.saveProject(mDir.filePath(QStringLiteral("指标 项目.xhp"))).ok());
    mWindow->showDashboard();
    mDashboard = mWindow->dashboard();
  }

  void importsTheJiadingCatalog() {
    QAbstractItemModelTester tester(mDashboard->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(mDashboard->importCatalog(QStringLiteral(":/xiuhua/catalogs/jiading-14th-fyp.csv"), QStringLiteral("嘉定")));
    QCOMPARE(mDashboard->model()->rowCount(), 38);
    QCOMPARE(mDashboard->model()->index(0, DashboardModel::Status).data(DashboardModel::kStatusRole).toInt(),
             static_cast<int>(Status::NoData));
  }

  void valuesGiveProgressAndStatus() {
    for (const auto& [year, value] : {std::pair{2021, 3.0}, std::pair{2022, 6.0}, std::pair{2023, 9.0}}) {
      xiuhua::indicators::IndicatorValue v;
      v.code = QStringLiteral("JD14-01");
      v.year = year;
      v.value = value;
      v.author = QStringLiteral("测试");
      QVERIFY(mDashboard->addValue(v));
    }
    mDashboard->findChild<QSpinBox*>()->setValue(2023);
    const QModelIndex status = mDashboard->model()->index(0, DashboardModel::Status);
    QCOMPARE(status.data(DashboardModel::kStatusRole).toInt(), static_cast<int>(Status::OnTrack));
    QCOMPARE(mDashboard->model()->index(0, DashboardModel::Progress).data().toString(), QStringLiteral("60.0%"));
    QVERIFY(mDashboard->model()->index(0, DashboardModel::Latest).data().toString().startsWith(QStringLiteral("9")));
    mDashboard->selectIndicator(QStringLiteral("JD14-01"));
    QCOMPARE(mDashboard->chart()->plot()->graphCount(), 3);  // target, expected path, values
    QCOMPARE(mDashboard->chart()->plot()->graph(2)->dataCount(), 3);
  }

  void enteringIsUndoable() {
    QUndoStack* undo = mDashboard->undoStack();
    QCOMPARE(undo->count(), 3);
    undo->undo();  // the 2023 value goes again
    QVERIFY(mDashboard->model()->index(0, DashboardModel::Latest).data().toString().startsWith(QStringLiteral("6")));
    undo->redo();
    QVERIFY(mDashboard->model()->index(0, DashboardModel::Latest).data().toString().startsWith(QStringLiteral("9")));
  }

  void editingATargetIsUndoable() {
    const xiuhua::indicators::Indicator blocks = *mDashboard->model()->indicatorAt(0);
    TargetDialog dialog(blocks);
    dialog.targetValueEdit()->setText(QStringLiteral("二十"));
    QVERIFY(!dialog.tryAccept());
    QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("二十")));
    dialog.targetValueEdit()->setText(QStringLiteral("20"));
    QVERIFY(dialog.tryAccept());
    QVERIFY(mDashboard->editTarget(dialog.indicator()));
    QCOMPARE(mDashboard->model()->index(0, DashboardModel::Progress).data().toString(), QStringLiteral("45.0%"));  // 9 of 20
    mDashboard->undoStack()->undo();
    QCOMPARE(mDashboard->model()->index(0, DashboardModel::Progress).data().toString(), QStringLiteral("60.0%"));
    mDashboard->undoStack()->redo();
    QCOMPARE(mDashboard->model()->index(0, DashboardModel::Progress).data().toString(), QStringLiteral("45.0%"));
    mDashboard->undoStack()->undo();
  }

  void importIsPreviewedAndUndoable() {
    QFile csv(mDir.filePath(QStringLiteral("数值.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("code,year,month,subunit,value,unit,author,note\nJD14-01,2023,,,10,个,,更正\nJD14-08,2023,,,2.95,,,\n");
    csv.close();
    const int before = mDashboard->undoStack()->index();
    QVERIFY(mDashboard->importValues(csv.fileName(), false));
    QCOMPARE(mDashboard->undoStack()->index(), before + 1);
    QVERIFY(mDashboard->model()->index(0, DashboardModel::Latest).data().toString().startsWith(QStringLiteral("10")));
    mDashboard->undoStack()->undo();  // the whole import, in one step
    QVERIFY(mDashboard->model()->index(0, DashboardModel::Latest).data().toString().startsWith(QStringLiteral("9")));
    // A file with a bad row imports nothing.
    QFile bad(mDir.filePath(QStringLiteral("bad.csv")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("code,year,month,subunit,value,unit,author,note\nJD14-01,2023,,,11,,,\nJD14-01,2023,,,x,,,\n");
    bad.close();
    QVERIFY(!mDashboard->importValues(bad.fileName(), false));
    QVERIFY(mDashboard->model()->index(0, DashboardModel::Latest).data().toString().startsWith(QStringLiteral("9")));
  }

  void previewDialogListsTheChanges() {
    QFile csv(mDir.filePath(QStringLiteral("预览.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("code,year,month,subunit,value,unit,author,note\nJD14-01,2023,,,9,,,\nJD14-01,2024,,,12,,,\n");
    csv.close();
    auto store = xiuhua::indicators::ValueStore::open(mDoc.projectPath()).value();
    const auto catalog = store->catalog().value();
    auto plan = xiuhua::indicators::planValueImport(csv.fileName(), catalog, *store);
    QVERIFY(plan.ok());
    ImportPreviewDialog dialog(plan.value(), catalog);
    QCOMPARE(dialog.rows()->topLevelItemCount(), 2);
    QCOMPARE(dialog.rows()->topLevelItem(0)->text(6), QStringLiteral("unchanged"));
    QCOMPARE(dialog.rows()->topLevelItem(1)->text(6), QStringLiteral("new"));
  }

  void qualitativeTargetsAreAssessedWithAReason() {
    int row = -1;
    for (int r = 0; r < mDashboard->model()->rowCount(); ++r) {
      if (mDashboard->model()->indicatorAt(r)->isQualitative()) row = r;
    }
    QVERIFY(row >= 0);
    const xiuhua::indicators::Indicator indicator = *mDashboard->model()->indicatorAt(row);
    QCOMPARE(mDashboard->model()->index(row, DashboardModel::Status).data(DashboardModel::kStatusRole).toInt(),
             static_cast<int>(Status::Manual));
    AssessmentDialog dialog(indicator, 2023);
    QVERIFY(!dialog.tryAccept());  // no reason
    dialog.statusBox()->setCurrentIndex(0);  // 已达标
    dialog.reasonEdit()->setPlainText(QStringLiteral("市级考核：完成下达目标"));
    QVERIFY(dialog.tryAccept());
    QVERIFY(mDashboard->addAssessment(dialog.assessment()));
    QCOMPARE(mDashboard->model()->index(row, DashboardModel::Status).data(DashboardModel::kStatusRole).toInt(),
             static_cast<int>(Status::Achieved));
    QVERIFY(mDashboard->model()->index(row, DashboardModel::Status).data(Qt::ToolTipRole).toString().contains(QStringLiteral("完成下达目标")));
  }

  void entryDialogRefusesBadValues() {
    const xiuhua::indicators::Indicator* coverage = nullptr;
    for (int r = 0; r < mDashboard->model()->rowCount(); ++r) {
      if (mDashboard->model()->indicatorAt(r)->unit == QLatin1String("%")) coverage = mDashboard->model()->indicatorAt(r);
    }
    QVERIFY(coverage != nullptr);
    ValueEntryDialog dialog(*coverage, 2023);
    dialog.valueEdit()->setText(QStringLiteral("九十"));
    QVERIFY(!dialog.tryAccept());
    QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("九十")));
    dialog.valueEdit()->setText(QStringLiteral("130"));
    QVERIFY(!dialog.tryAccept());
    dialog.valueEdit()->setText(QStringLiteral("91.5"));
    QVERIFY(dialog.tryAccept());
    QCOMPARE(dialog.value().value, 91.5);
    QCOMPARE(dialog.value().code, coverage->code);
  }

  void filtersBySearchStatusAndDepartment() {
    DashboardFilter* filter = mDashboard->filter();
    filter->setSearch(QStringLiteral("路网密度"));
    QCOMPARE(filter->rowCount(), 1);
    filter->setSearch(QString());
    filter->setStatus(static_cast<int>(Status::OnTrack));
    QCOMPARE(filter->rowCount(), 1);
    filter->setStatus(-1);
    const QStringList responsible = mDashboard->model()->indicatorAt(0)->responsible;
    QVERIFY(!responsible.isEmpty());
    filter->setDepartment(responsible.front());
    QVERIFY(filter->rowCount() >= 1 && filter->rowCount() < 38);
    filter->setDepartment(QString());
    QCOMPARE(filter->rowCount(), 38);
  }

  void chartSavesAsPngAndSvg() {
    mDashboard->selectIndicator(QStringLiteral("JD14-01"));
    const QString png = mDir.filePath(QStringLiteral("图表.png"));
    const QString svg = mDir.filePath(QStringLiteral("图表.svg"));
    QVERIFY(mDashboard->chart()->save(png));
    QVERIFY(mDashboard->chart()->save(svg));
    QVERIFY(!QImage(png).isNull());
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("<svg"));
    QApplication::clipboard()->clear();
    mDashboard->chart()->copyToClipboard();
    QVERIFY(!QApplication::clipboard()->pixmap().isNull());
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) mWindow->grab().save(shots + QStringLiteral("/dashboard.png"));
  }

  void cleanupTestCase() { delete mWindow; }

 private:
  Localization mL10n;
  QTemporaryDir mDir;
  MapDocument mDoc;
  MainWindow* mWindow = nullptr;
  IndicatorDashboard* mDashboard = nullptr;
};

QTEST_MAIN(IndicatorDashboardTest)
#include "indicator_dashboard_test.moc"
