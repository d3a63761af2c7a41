// The indicator dashboard as an official uses it: import the Jiading catalog, enter values,
// read progress and status, filter, look at the chart and save it.
#include "document/map_document.h"
#include "indicators/assessment_dialog.h"
#include "indicators/baseline_dialog.h"
#include "indicators/catalog_audit_dialog.h"
#include "indicators/doubt_confirm_dialog.h"
#include "indicators/dashboard_filter.h"
#include "indicators/dashboard_model.h"
#include "indicators/indicator_chart.h"
#include "indicators/import_preview_dialog.h"
#include "indicators/indicator_dashboard.h"
#include "indicators/target_dialog.h"
#include "indicators/value_entry_dialog.h"
#include "l10n/localization.h"
#include "main/main_window.h"
#include "xiuhua/indicators/value_exchange.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QPointer>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTreeView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QPointer>
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
    QCOMPARE(static_cast<int>(mDashboard->model()->catalog().indicators.size()), 38);
    QCOMPARE(indicatorsShown(mDashboard->model()), 38);
    QCOMPARE(cell(QStringLiteral("JD14-01"), DashboardModel::Status).data(DashboardModel::kStatusRole).toInt(),
             static_cast<int>(Status::NoData));
  }

  void rowsAreGroupedUnderTheirCategory() {
    DashboardModel* model = mDashboard->model();
    QStringList categories;
    for (const auto& ind : model->catalog().indicators) {
      if (!categories.contains(ind.category)) categories << ind.category;
    }
    QCOMPARE(model->rowCount(), categories.size());  // one heading per category, in plan order
    const QModelIndex first = model->index(0, 0);
    QVERIFY(first.data().toString().startsWith(categories.front()));
    QVERIFY(model->indicatorAt(first) == nullptr);
    QVERIFY(!(model->flags(first) & Qt::ItemIsSelectable));  // headings are not picked as indicators
    const QModelIndex child = model->index(0, DashboardModel::Name, first);
    QCOMPARE(model->indicatorAt(child)->category, categories.front());
    QCOMPARE(child.parent(), first);
    QCOMPARE(model->indexOf(QStringLiteral("JD14-01")).parent().row(), categories.indexOf(model->catalog().find(QStringLiteral("JD14-01"))->category));
    QVERIFY(mDashboard->table()->isFirstColumnSpanned(0, {}));
    QVERIFY(mDashboard->table()->isExpanded(mDashboard->filter()->index(0, 0)));
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
    const QModelIndex status = cell(QStringLiteral("JD14-01"), DashboardModel::Status);
    QCOMPARE(status.data(DashboardModel::kStatusRole).toInt(), static_cast<int>(Status::OnTrack));
    QCOMPARE(cell(QStringLiteral("JD14-01"), DashboardModel::Progress).data().toString(), QStringLiteral("60.0%"));
    QVERIFY(cell(QStringLiteral("JD14-01"), DashboardModel::Latest).data().toString().startsWith(QStringLiteral("9")));
    mDashboard->selectIndicator(QStringLiteral("JD14-01"));
    QCOMPARE(mDashboard->chart()->plot()->graphCount(), 3);  // target, expected path, values
    QCOMPARE(mDashboard->chart()->plot()->graph(2)->dataCount(), 3);
  }

  void enteringIsUndoable() {
    QUndoStack* undo = mDashboard->undoStack();
    QCOMPARE(undo->count(), 3);
    undo->undo();  // the 2023 value goes again
    QVERIFY(cell(QStringLiteral("JD14-01"), DashboardModel::Latest).data().toString().startsWith(QStringLiteral("6")));
    undo->redo();
    QVERIFY(cell(QStringLiteral("JD14-01"), DashboardModel::Latest).data().toString().startsWith(QStringLiteral("9")));
  }

  void editingATargetIsUndoable() {
    const xiuhua::indicators::Indicator blocks = *mDashboard->model()->catalog().find(QStringLiteral("JD14-01"));
    TargetDialog dialog(blocks);
    dialog.targetValueEdit()->setText(QStringLiteral("二十"));
    QVERIFY(!dialog.tryAccept());
    QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("二十")));
    dialog.targetValueEdit()->setText(QStringLiteral("20"));
    QVERIFY(dialog.tryAccept());
    QVERIFY(mDashboard->editTarget(dialog.indicator()));
    QCOMPARE(cell(QStringLiteral("JD14-01"), DashboardModel::Progress).data().toString(), QStringLiteral("45.0%"));  // 9 of 20
    mDashboard->undoStack()->undo();
    QCOMPARE(cell(QStringLiteral("JD14-01"), DashboardModel::Progress).data().toString(), QStringLiteral("60.0%"));
    mDashboard->undoStack()->redo();
    QCOMPARE(cell(QStringLiteral("JD14-01"), DashboardModel::Progress).data().toString(), QStringLiteral("45.0%"));
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
    QVERIFY(cell(QStringLiteral("JD14-01"), DashboardModel::Latest).data().toString().startsWith(QStringLiteral("10")));
    mDashboard->undoStack()->undo();  // the whole import, in one step
    QVERIFY(cell(QStringLiteral("JD14-01"), DashboardModel::Latest).data().toString().startsWith(QStringLiteral("9")));
    // A file with a bad row imports nothing.
    QFile bad(mDir.filePath(QStringLiteral("bad.csv")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("code,year,month,subunit,value,unit,author,note\nJD14-01,2023,,,11,,,\nJD14-01,2023,,,x,,,\n");
    bad.close();
    QVERIFY(!mDashboard->importValues(bad.fileName(), false));
    QVERIFY(cell(QStringLiteral("JD14-01"), DashboardModel::Latest).data().toString().startsWith(QStringLiteral("9")));
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
    QCOMPARE(dialog.rows()->topLevelItem(0)->text(6), ImportPreviewDialog::tr("unchanged"));
    QCOMPARE(dialog.rows()->topLevelItem(1)->text(6), ImportPreviewDialog::tr("new"));
  }

  void qualitativeTargetsAreAssessedWithAReason() {
    QString code;
    for (const auto& ind : mDashboard->model()->catalog().indicators) {
      if (ind.isQualitative()) code = ind.code;
    }
    QVERIFY(!code.isEmpty());
    const xiuhua::indicators::Indicator indicator = *mDashboard->model()->catalog().find(code);
    QCOMPARE(cell(code, DashboardModel::Status).data(DashboardModel::kStatusRole).toInt(),
             static_cast<int>(Status::Manual));
    AssessmentDialog dialog(indicator, 2023);
    QVERIFY(!dialog.tryAccept());  // no reason
    dialog.statusBox()->setCurrentIndex(0);  // 已达标
    dialog.reasonEdit()->setPlainText(QStringLiteral("市级考核：完成下达目标"));
    QVERIFY(dialog.tryAccept());
    QVERIFY(mDashboard->addAssessment(dialog.assessment()));
    QCOMPARE(cell(code, DashboardModel::Status).data(DashboardModel::kStatusRole).toInt(),
             static_cast<int>(Status::Achieved));
    QVERIFY(cell(code, DashboardModel::Status).data(Qt::ToolTipRole).toString().contains(QStringLiteral("完成下达目标")));
  }

  void entryDialogRefusesBadValues() {
    const xiuhua::indicators::Indicator* coverage = nullptr;
    for (const auto& ind : mDashboard->model()->catalog().indicators) {
      if (ind.unit == QLatin1String("%")) coverage = &ind;
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
    QVERIFY(!dialog.value().month);  // a yearly value unless a month is chosen
  }

  void subunitValuesAreEnteredAndChartedAsBars() {
    const xiuhua::indicators::Indicator park = *mDashboard->model()->catalog().find(QStringLiteral("JD14-09"));
    QCOMPARE(park.breakdown, QStringLiteral("街镇"));
    ValueEntryDialog dialog(park, 2023, {QStringLiteral("南翔镇"), QStringLiteral("安亭镇")});
    QCOMPARE(dialog.subunitBox()->count(), 3);  // the whole district, then the known names
    dialog.subunitBox()->setCurrentIndex(1);
    dialog.monthBox()->setValue(6);
    dialog.valueEdit()->setText(QStringLiteral("86.5"));
    QVERIFY(dialog.tryAccept());
    QCOMPARE(dialog.value().subunit, QStringLiteral("南翔镇"));
    QCOMPARE(dialog.value().month, std::optional<int>(6));
    QVERIFY(mDashboard->addValue(dialog.value()));
    for (const auto& [town, value] : {std::pair{QStringLiteral("南翔镇"), 87.3}, std::pair{QStringLiteral("安亭镇"), 71.0},
                                      std::pair{QStringLiteral("嘉定工业区"), 92.0}}) {
      xiuhua::indicators::IndicatorValue v;
      v.code = park.code;
      v.year = 2023;
      v.subunit = town;
      v.value = value;
      QVERIFY(mDashboard->addValue(v));
    }
    mDashboard->selectIndicator(park.code);
    QCPAxisRect* panel = mDashboard->chart()->subunitPanel();
    QVERIFY(panel != nullptr);
    int bars = 0;
    for (QCPAbstractPlottable* p : panel->plottables()) {
      if (auto* b = qobject_cast<QCPBars*>(p)) bars += b->dataCount();
    }
    QCOMPARE(bars, 3);  // the monthly reading is history, not a bar
    QVERIFY(mDashboard->findChild<QTreeWidget*>()->topLevelItem(0)->text(0).startsWith(QStringLiteral("2023-06")));
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) mWindow->grab().save(shots + QStringLiteral("/dashboard-subunits.png"));
    // Another indicator without sub-unit values has no bar panel.
    mDashboard->selectIndicator(QStringLiteral("JD14-01"));
    QVERIFY(mDashboard->chart()->subunitPanel() == nullptr);
  }

  void filtersBySearchStatusAndDepartment() {
    DashboardFilter* filter = mDashboard->filter();
    filter->setSearch(QStringLiteral("路网密度"));
    QCOMPARE(indicatorsShown(filter), 1);
    QCOMPARE(filter->rowCount(), 1);  // only the heading that holds it
    QVERIFY(mDashboard->table()->isFirstColumnSpanned(0, {}));
    filter->setSearch(QString());
    filter->setStatus(static_cast<int>(Status::OnTrack));
    QCOMPARE(indicatorsShown(filter), 1);
    filter->setStatus(-1);
    const QStringList responsible = mDashboard->model()->catalog().indicators.front().responsible;
    QVERIFY(!responsible.isEmpty());
    filter->setDepartment(responsible.front());
    QVERIFY(indicatorsShown(filter) >= 1 && indicatorsShown(filter) < 38);
    filter->setDepartment(QString());
    QCOMPARE(indicatorsShown(filter), 38);
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

  // JD14-09 has no baseline in the plan: its value and distance to the target, no expected path,
  // no 正常推进/滞后 — 无基期值, said in the chart too.
  void aTargetWithoutBaselineReadsNoBaseline() {
    xiuhua::indicators::IndicatorValue v;
    v.code = QStringLiteral("JD14-09");
    v.year = 2023;
    v.value = 55;
    QVERIFY(mDashboard->addValue(v));
    mDashboard->findChild<QSpinBox*>()->setValue(2023);
    QCOMPARE(cell(QStringLiteral("JD14-09"), DashboardModel::Status).data(DashboardModel::kStatusRole).toInt(),
             static_cast<int>(Status::NoBaseline));
    QVERIFY(cell(QStringLiteral("JD14-09"), DashboardModel::Progress).data().toString().startsWith(QStringLiteral("35")));
    QVERIFY(cell(QStringLiteral("JD14-09"), DashboardModel::Status).data(Qt::ToolTipRole).toString().contains(QStringLiteral("baseline")));
    mDashboard->selectIndicator(QStringLiteral("JD14-09"));
    QCustomPlot* plot = mDashboard->chart()->plot();
    for (int g = 0; g < plot->graphCount(); ++g) QVERIFY(plot->graph(g)->name() != IndicatorChart::tr("Expected path"));
    bool noted = false;
    for (int i = 0; i < plot->itemCount(); ++i) {
      if (auto* text = qobject_cast<QCPItemText*>(plot->item(i))) noted = noted || text->text().contains(IndicatorChart::tr("No baseline in the plan").left(8));
    }
    QVERIFY(noted);
  }

  // The catalog audit lists what the plans leave open; a baseline entered there with its source
  // gives the path, a doubt confirmed there lifts 待确认.
  void theCatalogAuditAddsABaselineAndConfirmsADoubt() {
    CatalogAuditDialog* audit = mDashboard->openCatalogAudit();
    QVERIFY(audit != nullptr);
    QVERIFY(audit->tree()->topLevelItemCount() >= 38);
    // JD14-10 架空线入地 30 公里 is a total over 2021–2025: its path starts at 0 at the end of 2020,
    // which the baseline column says (it said "none in the plan" next to a drawn path).
    QCOMPARE(cell(QStringLiteral("JD14-10"), DashboardModel::Baseline).data().toString(), DashboardModel::tr("0 at the start (end of %1)").arg(2020));
    audit->select(QStringLiteral("JD14-09"));
    QVERIFY(audit->tree()->currentItem()->text(0).startsWith(QStringLiteral("JD14-09")));
    const xiuhua::indicators::Indicator bus = *mDashboard->model()->catalog().find(QStringLiteral("JD14-09"));
    BaselineDialog baseline(bus, *mDashboard->valueStore());
    QVERIFY(!baseline.tryAccept());  // no source
    baseline.yearBox()->setValue(2020);
    baseline.valueBox()->setValue(40);
    baseline.sourceEdit()->setText(QStringLiteral("交通委 2020 年报"));
    QVERIFY(baseline.tryAccept());
    mDashboard->reload();
    QCOMPARE(cell(QStringLiteral("JD14-09"), DashboardModel::Status).data(DashboardModel::kStatusRole).toInt(),
             static_cast<int>(Status::SeverelyBehind));  // 30 % of the way where 60 % is expected
    // A target edited afterwards changes the definition's target only: the entered baseline stays a
    // decision the analyst can still correct (the edit wrote it into the plan's row).
    xiuhua::indicators::Indicator retargeted = *mDashboard->model()->catalog().find(QStringLiteral("JD14-09"));
    retargeted.targetValue = 92;
    QVERIFY(mDashboard->editTarget(retargeted));
    const xiuhua::indicators::Indicator raw = mDashboard->valueStore()->definition(QStringLiteral("JD14-09")).value();
    QCOMPARE(*raw.targetValue, 92.0);
    QVERIFY(!raw.baselineValue.has_value());
    QVERIFY(mDashboard->valueStore()->setBaseline(QStringLiteral("JD14-09"), 2020, 40, QStringLiteral("交通委 2020 年报"), {}).ok());
    retargeted.targetValue = 90;
    QVERIFY(mDashboard->editTarget(retargeted));
    mDashboard->reload();
    // Putuo's PT14-16 (75 平方米, doubtful): 待确认 until confirmed.
    QVERIFY(mDashboard->importCatalog(QStringLiteral(":/xiuhua/catalogs/putuo-14th-fyp.csv"), QStringLiteral("普陀")));
    xiuhua::indicators::IndicatorValue green;
    green.code = QStringLiteral("PT14-16");
    green.year = 2023;
    green.value = 80;
    QVERIFY(mDashboard->addValue(green));
    QCOMPARE(cell(QStringLiteral("PT14-16"), DashboardModel::Status).data(DashboardModel::kStatusRole).toInt(),
             static_cast<int>(Status::Unconfirmed));
    QVERIFY(cell(QStringLiteral("PT14-16"), DashboardModel::Status).data(Qt::ToolTipRole).toString().contains(QStringLiteral("166.9")));
    const xiuhua::indicators::Indicator doubtful = *mDashboard->model()->catalog().find(QStringLiteral("PT14-16"));
    DoubtConfirmDialog confirm(doubtful, *mDashboard->valueStore());
    QCOMPARE(confirm.unitBox()->count(), 2);  // 平方米 as printed, 万平方米 as the doubt suggests
    confirm.unitBox()->setCurrentIndex(1);
    QVERIFY(!confirm.tryAccept());  // no reason
    confirm.reasonEdit()->setPlainText(QStringLiteral("十三五已完成166.9万平方米"));
    QVERIFY(confirm.tryAccept());
    mDashboard->reload();
    QCOMPARE(mDashboard->model()->catalog().find(QStringLiteral("PT14-16"))->unit, QStringLiteral("万平方米"));
    QVERIFY(cell(QStringLiteral("PT14-16"), DashboardModel::Status).data(DashboardModel::kStatusRole).toInt() !=
            static_cast<int>(Status::Unconfirmed));
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) {
      audit->select(QStringLiteral("PT14-17"));
      audit->grab().save(shots + QStringLiteral("/catalog-audit.png"));
    }
    audit->close();
  }

  // Save as… under a new path replaces the dashboard's store: the audit window that refers to it
  // closes before the store goes (it stayed open on a freed store).
  void theCatalogAuditClosesWhenTheProjectIsSavedElsewhere() {
    QPointer<CatalogAuditDialog> audit = mDashboard->openCatalogAudit();
    QVERIFY(audit);
    QVERIFY(audit->isVisible());
    QVERIFY(mDoc.saveProject(mDir.filePath(QStringLiteral("另存 项目.xhp"))).ok());
    QVERIFY(audit.isNull() || !audit->isVisible());
    QTRY_VERIFY(audit.isNull());
    QVERIFY(mDashboard->valueStore() != nullptr);
  }

  void cleanupTestCase() { delete mWindow; }

 private:
  QModelIndex cell(const QString& code, int column) const { return mDashboard->model()->indexOf(code, column); }
  // Indicator rows (children of the category headings) a model shows.
  static int indicatorsShown(const QAbstractItemModel* model) {
    int n = 0;
    for (int r = 0; r < model->rowCount(); ++r) n += model->rowCount(model->index(r, 0));
    return n;
  }

  Localization mL10n;
  QTemporaryDir mDir;
  MapDocument mDoc;
  MainWindow* mWindow = nullptr;
  IndicatorDashboard* mDashboard = nullptr;
};

QTEST_MAIN(IndicatorDashboardTest)
#include "indicator_dashboard_test.moc"
