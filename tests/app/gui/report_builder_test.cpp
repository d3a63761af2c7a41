// 指标 → 报告生成器 as the analyst uses it on the demo project: a few indicators, the 街镇 atlas,
// landscape; the preview, the PDF written in the background (and cancelled), the tables and the
// figures; the choice kept in the project for next time.
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <cmath>

#include "dialogs/report_builder_dialog.h"
#include "dialogs/report_preview.h"
#include "document/map_document.h"
#include "indicators/dashboard_model.h"
#include "indicators/indicator_dashboard.h"
#include "l10n/localization.h"
#include "main/main_window.h"
#include "report/report_options.h"
#include "support/demo_copy.h"
#include "xiuhua/gis/table_reader.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/indicators/value_store.h"

using namespace xiuhua::app;

namespace {

// pdfinfo's "Pages:" and "Page size:" (points), or zeros when it failed.
struct PdfFacts {
  int pages = 0;
  double width = 0, height = 0;
};

PdfFacts pdfFacts(const QString& path) {
  QProcess p;
  p.start(QStringLiteral("pdfinfo"), {path});
  if (!p.waitForFinished(60000) || p.exitCode() != 0) return {};
  const QString out = QString::fromUtf8(p.readAllStandardOutput());
  PdfFacts info;
  const auto pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(out);
  const auto size =
      QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts")).match(out);
  if (pages.hasMatch()) info.pages = pages.captured(1).toInt();
  if (size.hasMatch()) {
    info.width = size.captured(1).toDouble();
    info.height = size.captured(2).toDouble();
  }
  return info;
}

// The share of pixels that are not (nearly) white.
double inkShare(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
  qint64 ink = 0;
  for (int y = 0; y < rgb.height(); ++y) {
    const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
    for (int x = 0; x < rgb.width(); ++x)
      ink += qRed(line[x]) + qGreen(line[x]) + qBlue(line[x]) < 3 * 235 ? 1 : 0;
  }
  return rgb.isNull()
             ? 0
             : static_cast<double>(ink) / (static_cast<qint64>(rgb.width()) * rgb.height());
}

}  // namespace

class ReportBuilderTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(mDir.isValid());
    if (!qEnvironmentVariableIsEmpty("XIUHUA_TEST_LANG"))
      mL10n.apply(qEnvironmentVariable("XIUHUA_TEST_LANG"));
    mProject = xiuhua::test::copyDemoProject(mDir.path(), QStringLiteral("示范 项目"));
    QVERIFY(!mProject.isEmpty());
    // An entered indicator: 城镇污水处理率 for two years (the demo ships no values).
    {
      auto store = xiuhua::indicators::ValueStore::open(mProject);
      QVERIFY(store.ok());
      for (const auto& [year, value] : {std::pair{2022, 95.2}, std::pair{2024, 97.5}}) {
        xiuhua::indicators::IndicatorValue v;
        v.code = QStringLiteral("JD14-04");
        v.year = year;
        v.value = value;
        QVERIFY((*store)->addValue(v).ok());
      }
    }
    mWindow = new MainWindow(&mDoc);
    mWindow->resize(1400, 950);
    mWindow->show();
    QVERIFY(mDoc.openProject(mProject).ok());
    mWindow->showDashboard();
    IndicatorDashboard* dashboard = mWindow->dashboard();
    QTRY_VERIFY(dashboard->model()->indexOf(QStringLiteral("JD14-13")).isValid());
    dashboard->findChild<QSpinBox*>()->setValue(2024);
    for (const QString& code : mSpatial) {
      dashboard->selectIndicator(code);
      QVERIFY2(dashboard->computeSpatial(true), qPrintable(code));
    }
  }

  void theBuilderOpensOnTheDashboardsYearWithEveryIndicator() {
    QPointer<ReportBuilderDialog> dialog = mWindow->openReportBuilder();
    QVERIFY(dialog != nullptr);
    QVERIFY(dialog->isVisible());
    QCOMPARE(mWindow->openReportBuilder(), dialog.data());  // raised, not a second one
    const ReportOptions shown = dialog->options();
    QCOMPARE(shown.year, 2024);
    QVERIFY(shown.indicators.isEmpty());  // all of them
    QVERIFY(!shown.landscape);
    QVERIFY(shown.atlasLevel.isEmpty());
    // The atlas levels come from the bindings; the tree holds the catalog by category.
    auto* atlas = dialog->findChild<QComboBox*>(QStringLiteral("atlasLevel"));
    QVERIFY(atlas != nullptr);
    QVERIFY(atlas->findData(QStringLiteral("街镇")) > 0);
    QVERIFY(atlas->findData(QStringLiteral("网格")) > 0);
    auto* tree = dialog->findChild<QTreeWidget*>(QStringLiteral("indicators"));
    QVERIFY(tree != nullptr);
    int leaves = 0;
    for (int g = 0; g < tree->topLevelItemCount(); ++g)
      leaves += tree->topLevelItem(g)->childCount();
    QCOMPARE(leaves, 38);  // JD14-01 … JD14-38
    QVERIFY(tree->topLevelItemCount() > 1);
  }

  void noIndicatorChosenIsRefused() {
    ReportBuilderDialog* dialog = mWindow->openReportBuilder();
    ReportOptions none = dialog->options();
    none.indicators = {QStringLiteral("NO-SUCH")};
    dialog->setOptions(none);
    QVERIFY(!dialog->refreshPreview());
    QVERIFY(!dialog->isBusy());
    QVERIFY(!dialog->lastMessage().isEmpty());
  }

  void thePreviewShowsTheChosenReport() {
    ReportBuilderDialog* dialog = mWindow->openReportBuilder();
    dialog->setOptions(chosen());
    QCOMPARE(dialog->options(), chosen());
    auto* tree = dialog->findChild<QTreeWidget*>(QStringLiteral("indicators"));
    // Categories follow their indicators: 三个美丽 (JD14-01 … 03) has none chosen, 综合环境整治
    // some.
    const auto group = [tree](const QString& name) {
      const auto found = tree->findItems(name, Qt::MatchExactly);
      return found.isEmpty() ? Qt::CheckState(-1) : found.front()->checkState(0);
    };
    QCOMPARE(group(QStringLiteral("三个美丽")), Qt::Unchecked);
    QCOMPARE(group(QStringLiteral("综合环境整治")), Qt::PartiallyChecked);

    QSignalSpy finished(dialog, &ReportBuilderDialog::jobFinished);
    QVERIFY(dialog->refreshPreview());
    QVERIFY(dialog->isBusy());
    QVERIFY(!dialog->findChild<QSpinBox*>()->isEnabled());  // the inputs wait for the job
    QVERIFY(!dialog->refreshPreview());                     // one job at a time
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog->lastMessage()));
    QVERIFY(dialog->findChild<QSpinBox*>()->isEnabled());
    // Cover, contents, summary, sections and 12 atlas pages at least.
    QVERIFY2(dialog->previewPageCount() > 12,
             qPrintable(QString::number(dialog->previewPageCount())));
    ReportPreview* preview = dialog->preview();
    QTRY_VERIFY_WITH_TIMEOUT(!preview->image().isNull(), 30000);
    QVERIFY(preview->image().width() > preview->image().height());  // landscape
    QVERIFY(inkShare(preview->image()) > 0.002);
    // A page with a coverage map has far more ink than the cover.
    const double cover = inkShare(preview->image());
    double most = 0;
    int inkiest = 0;
    for (int page = 1; page < std::min(12, dialog->previewPageCount()); ++page) {
      QSignalSpy shown(preview, &ReportPreview::pageShown);
      preview->showPage(page);
      QCOMPARE(preview->currentPage(), page);
      QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toInt() == page, 30000);
      if (inkShare(preview->image()) > most) {
        most = inkShare(preview->image());
        inkiest = page;
      }
    }
    QVERIFY2(most > 3 * cover, qPrintable(QStringLiteral("%1 vs %2").arg(most).arg(cover)));
    if (inkiest != preview->currentPage()) {
      QSignalSpy shown(preview, &ReportPreview::pageShown);
      preview->showPage(inkiest);
      QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 30000);
    }
    screenshot(dialog, QStringLiteral("report-builder.png"));
    mPreviewPages = dialog->previewPageCount();
  }

  void thePdfIsWrittenInTheBackground() {
    ReportBuilderDialog* dialog = mWindow->openReportBuilder();
    const QString pdf = mDir.filePath(QStringLiteral("嘉定 指标报告 2024.pdf"));
    QSignalSpy finished(dialog, &ReportBuilderDialog::jobFinished);
    QVERIFY(dialog->exportPdf(pdf));
    QVERIFY(dialog->isBusy());
    // Kept in the project as the export starts.
    auto saved = ReportOptions::load(mProject);
    QVERIFY(saved.ok());
    QCOMPARE(*saved, chosen());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog->lastMessage()));
    QVERIFY(QFileInfo::exists(pdf));
    QVERIFY2(dialog->lastMessage().contains(QFileInfo(pdf).fileName()),
             qPrintable(dialog->lastMessage()));
    const PdfFacts info = pdfFacts(pdf);
    QCOMPARE(qRound(info.width), 842);  // A4 landscape
    QCOMPARE(qRound(info.height), 595);
    QCOMPARE(info.pages, mPreviewPages);
    screenshot(dialog, QStringLiteral("report-builder-written.png"));
  }

  void aCancelledExportLeavesNoFile() {
    ReportBuilderDialog* dialog = mWindow->openReportBuilder();
    const QString folder = mDir.filePath(QStringLiteral("cancelled"));
    QVERIFY(QDir().mkpath(folder));
    const QString pdf = folder + QStringLiteral("/报告.pdf");
    QSignalSpy finished(dialog, &ReportBuilderDialog::jobFinished);
    QVERIFY(dialog->exportPdf(pdf));
    dialog->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(!dialog->isBusy());
    QVERIFY(!QFileInfo::exists(pdf));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList());
    QVERIFY2(dialog->lastMessage().contains(QFileInfo(pdf).fileName()),
             qPrintable(dialog->lastMessage()));
  }

  void theTablesGoToAWorkbook() {
    ReportBuilderDialog* dialog = mWindow->openReportBuilder();
    QVERIFY(!dialog->exportTables(
        mDir.filePath(QStringLiteral("tables.txt"))));  // neither .xlsx nor .csv
    QVERIFY(dialog->lastMessage().contains(QStringLiteral("tables.txt")));
    const QString xlsx = mDir.filePath(QStringLiteral("报告表格.xlsx"));
    QSignalSpy finished(dialog, &ReportBuilderDialog::jobFinished);
    QVERIFY(dialog->exportTables(xlsx));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog->lastMessage()));
    // Read back through GDAL (the project's readers): a worksheet per table.
    auto sheets = xiuhua::gis::VectorReader::listLayers(xlsx);
    QVERIFY2(sheets.ok(), qPrintable(sheets.ok() ? QString() : sheets.error().message));
    QStringList names;
    for (const auto& sheet : *sheets) names << sheet.name;
    QVERIFY2(names.size() >= 5, qPrintable(names.join(QLatin1Char(','))));
    for (const QString& code : mSpatial)
      QVERIFY2(names.contains(code + QStringLiteral(" 街镇")),
               qPrintable(names.join(QLatin1Char(','))));
    // The summary: one row per chosen indicator, codes first.
    auto summary = xiuhua::gis::TableReader::read(xlsx, names.front());
    QVERIFY(summary.ok());
    QStringList codes;
    for (const QStringList& row : summary->rows) codes << row.front();
    QCOMPARE(codes, chosen().indicators);
  }

  void theMapsAndChartsGoToAFolder() {
    ReportBuilderDialog* dialog = mWindow->openReportBuilder();
    const QString folder = mDir.filePath(QStringLiteral("figures"));
    QSignalSpy finished(dialog, &ReportBuilderDialog::jobFinished);
    QVERIFY(dialog->exportFigures(folder));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog->lastMessage()));
    const QDir dir(folder);
    for (const QString& code : mSpatial) {
      for (const QString& suffix :
           {QStringLiteral("_map.png"), QStringLiteral("_map.svg"), QStringLiteral("_chart.png")}) {
        QVERIFY2(QFileInfo(dir.filePath(code + suffix)).size() > 0, qPrintable(code + suffix));
      }
    }
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("JD14-04_chart.svg"))));
    QVERIFY(
        !QFileInfo::exists(dir.filePath(QStringLiteral("JD14-04_map.png"))));  // entered: no map
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("JD14-01_chart.png"))));  // not chosen
    QVERIFY(QImage(dir.filePath(QStringLiteral("JD14-13_map.png"))).width() > 1000);
  }

  void theChoiceIsThereWhenTheBuilderOpensAgain() {
    QPointer<ReportBuilderDialog> dialog = mWindow->openReportBuilder();
    ReportOptions changed = chosen();
    changed.author = QStringLiteral("嘉定区城市管理精细化工作推进办公室");
    dialog->setOptions(changed);
    dialog->close();  // with a change: kept
    QTRY_VERIFY(dialog.isNull());
    auto saved = ReportOptions::load(mProject);
    QVERIFY(saved.ok());
    QCOMPARE(*saved, changed);
    dialog = mWindow->openReportBuilder();
    QCOMPARE(dialog->options(), changed);
    // Exported as it opens, the kept choice is the one used: landscape.
    const QString pdf = mDir.filePath(QStringLiteral("reopened.pdf"));
    QSignalSpy finished(dialog.data(), &ReportBuilderDialog::jobFinished);
    QVERIFY(dialog->exportPdf(pdf));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog->lastMessage()));
    const PdfFacts info = pdfFacts(pdf);
    QVERIFY(info.width > info.height);
  }

  void closingWhileAJobRunsCancelsIt() {
    QPointer<ReportBuilderDialog> dialog = mWindow->openReportBuilder();
    const QString folder = mDir.filePath(QStringLiteral("closed"));
    QVERIFY(QDir().mkpath(folder));
    QSignalSpy finished(dialog.data(), &ReportBuilderDialog::jobFinished);
    QVERIFY(dialog->exportPdf(folder + QStringLiteral("/报告.pdf")));
    dialog->close();
    QCOMPARE(finished.count(), 1);  // waited for the job
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList());
  }

  // A computed map layers file that cannot be read (last: it spoils the project's JD14-13 map):
  // the PDF is written, and the message under the buttons names the file after the outcome.
  void anUnreadableMapLayerIsNamedAfterTheExport() {
    const QFileInfo project(mProject);
    const QString layers = project.absoluteDir().filePath(
        project.completeBaseName() + QStringLiteral(".results/JD14-13_2024.gpkg"));
    QVERIFY2(QFileInfo::exists(layers), qPrintable(layers));
    {
      QFile garbage(layers);
      QVERIFY(garbage.open(QIODevice::WriteOnly | QIODevice::Truncate));
      QVERIFY(garbage.write(QByteArray(8192, 'x')) == 8192);
    }
    ReportBuilderDialog* dialog = mWindow->openReportBuilder();
    ReportOptions o = chosen();
    o.indicators = {QStringLiteral("JD14-13")};
    o.atlasLevel.clear();
    dialog->setOptions(o);
    const QString pdf = mDir.filePath(QStringLiteral("unreadable.pdf"));
    QSignalSpy finished(dialog, &ReportBuilderDialog::jobFinished);
    QVERIFY(dialog->exportPdf(pdf));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog->lastMessage()));
    QVERIFY(QFileInfo(pdf).size() > 0);
    // The outcome, then the file on a line of its own, once.
    const QStringList lines = dialog->lastMessage().split(QLatin1Char('\n'));
    QVERIFY2(lines.size() == 2, qPrintable(dialog->lastMessage()));
    QVERIFY2(lines.front().contains(QFileInfo(pdf).fileName()), qPrintable(dialog->lastMessage()));
    QVERIFY2(lines.at(1).contains(QStringLiteral("JD14-13_2024.gpkg")),
             qPrintable(dialog->lastMessage()));
    dialog->close();
  }

  void cleanupTestCase() { delete mWindow; }

 private:
  ReportOptions chosen() const {
    ReportOptions o;
    o.year = 2024;
    o.title = QStringLiteral("嘉定区城市管理精细化指标进展报告（试）");
    o.author = QStringLiteral("嘉定区城市管理精细化工作领导小组办公室");
    o.landscape = true;
    o.indicators = {QStringLiteral("JD14-04"), QStringLiteral("JD14-09"), QStringLiteral("JD14-10"),
                    QStringLiteral("JD14-13")};
    o.atlasLevel = QStringLiteral("街镇");
    return o;
  }

  void screenshot(QWidget* widget, const QString& name) {
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (shots.isEmpty()) return;
    QTest::qWait(500);
    widget->grab().save(shots + QLatin1Char('/') + name);
  }

  const QStringList mSpatial{QStringLiteral("JD14-09"), QStringLiteral("JD14-10"),
                             QStringLiteral("JD14-13")};
  Localization mL10n;
  QTemporaryDir mDir;
  QString mProject;
  MapDocument mDoc;
  MainWindow* mWindow = nullptr;
  int mPreviewPages = 0;
};

QTEST_MAIN(ReportBuilderTest)
#include "report_builder_test.moc"
