// The dashboard's Compute button as an official uses it on the demo project: the park coverage
// indicator is computed from the map layers in the background, shows up with its 街镇 bars, and
// the whole computation is one undoable step.
#include "document/map_document.h"
#include "support/demo_copy.h"
#include "document/coverage_map.h"
#include "indicators/dashboard_model.h"
#include "indicators/indicator_chart.h"
#include "indicators/indicator_dashboard.h"
#include "indicators/gap_finder_dialog.h"
#include "indicators/proposal_sketch.h"
#include "indicators/scenario_panel.h"
#include "map/sketch_tool.h"
#include "indicators/what_if_dialog.h"
#include "l10n/localization.h"
#include "main/main_window.h"
#include "map/map_canvas.h"
#include "map/subunit_hover_tip.h"
#include "xiuhua/indicators/metrics/computation_store.h"
#include "xiuhua/gis/vector_reader.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QLineEdit>
#include <QDoubleSpinBox>
#include <QComboBox>
#include <QDir>
#include <QGuiApplication>
#include <QScreen>
#include <QToolTip>
#include <QLabel>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>

#include <qcustomplot.h>

#include <algorithm>

using namespace xiuhua::app;

class SpatialComputeTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(mDir.isValid());
    if (!qEnvironmentVariableIsEmpty("XIUHUA_TEST_LANG")) mL10n.apply(qEnvironmentVariable("XIUHUA_TEST_LANG"));
    // A copy of the demo (the project names its data by relative paths), so the source stays as shipped.
    const QString project = xiuhua::test::copyDemoProject(mDir.path(), QStringLiteral("示范 项目"));
    QVERIFY(!project.isEmpty());
    mWindow = new MainWindow(&mDoc);
    mWindow->resize(1400, 950);
    mWindow->show();
    QVERIFY(mDoc.openProject(project).ok());
    mWindow->showDashboard();
    mDashboard = mWindow->dashboard();
    connect(mDashboard, &IndicatorDashboard::problem, this, [this](const QString& p) { mProblems << p; });
    QTRY_VERIFY(mDashboard->model()->indexOf(QStringLiteral("JD14-13")).isValid());  // the demo ships the catalog
  }

  void computesTheSelectedIndicatorWithItsSubdistrictBars() {
    mDashboard->findChild<QSpinBox*>()->setValue(2024);
    mDashboard->selectIndicator(QStringLiteral("JD14-13"));
    const int before = mDashboard->undoStack()->count();
    QVERIFY2(mDashboard->computeSpatial(true), qPrintable(mProblems.join(QLatin1Char('\n'))));
    QCOMPARE(mDashboard->undoStack()->count(), before + 1);
    const QModelIndex latest = mDashboard->model()->indexOf(QStringLiteral("JD14-13"), DashboardModel::Latest);
    QVERIFY2(latest.data().toString().contains(QStringLiteral("2024")), qPrintable(latest.data().toString()));
    const double value = mDashboard->model()->seriesOf(QStringLiteral("JD14-13")).at(2024);
    QVERIFY(value > 0 && value < 100);  // a share in %
    // The chart shows one bar per 街镇 (the indicator's breakdown), not the 355 网格: a bar for each
    // 街镇 in 嘉定新城 (the area the target is set for), the others named 不适用 without a bar.
    mDashboard->selectIndicator(QStringLiteral("JD14-13"));
    QCPAxisRect* panel = mDashboard->chart()->subunitPanel();
    QVERIFY(panel != nullptr);
    int bars = 0;
    for (QCPAbstractPlottable* p : panel->plottables()) {
      if (auto* b = qobject_cast<QCPBars*>(p)) bars += b->dataCount();
    }
    QCOMPARE(bars, 4);
    auto names = qSharedPointerDynamicCast<QCPAxisTickerText>(panel->axis(QCPAxis::atBottom)->ticker());
    QVERIFY(names);
    int notApplicable = 0;
    for (const QString& name : names->ticks()) notApplicable += name.contains(xiuhua::indicators::statusName(xiuhua::indicators::Status::NotApplicable)) ? 1 : 0;
    QCOMPARE(notApplicable, 8);
    // The history says where the value came from.
    QTreeWidget* history = mDashboard->findChild<QTreeWidget*>();
    QVERIFY(history->topLevelItemCount() > 12);
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) mWindow->grab().save(shots + QStringLiteral("/dashboard-computed.png"));
    // One step: undo takes every computed value away again.
    mDashboard->undoStack()->undo();
    QVERIFY(mDashboard->model()->seriesOf(QStringLiteral("JD14-13")).empty());
    mDashboard->undoStack()->redo();
    QCOMPARE(mDashboard->model()->seriesOf(QStringLiteral("JD14-13")).at(2024), value);
  }

  void computingAgainRecomputesOnlyWhatChanged() {
    mDashboard->findChild<QSpinBox*>()->setValue(2024);
    mDashboard->selectIndicator(QStringLiteral("JD14-13"));
    QUndoStack* undo = mDashboard->undoStack();
    const int before = undo->index();
    // Nothing changed since the computation above: not computed again, nothing new stored.
    QVERIFY2(mDashboard->computeSpatial(true), qPrintable(mProblems.join(QLatin1Char('\n'))));
    QCOMPARE(undo->index(), before);
    QVERIFY2(mDashboard->message()->text().contains(QStringLiteral("JD14-13")), qPrintable(mDashboard->message()->text()));
    // Forced, it is.
    QVERIFY(mDashboard->computeSpatial(true, true));
    QCOMPARE(undo->index(), before + 1);
    // A file whose time changed but not its contents (a copy, a backup put back) has not changed.
    const QString parks = mDoc.layer(QStringLiteral("parks"))->spec.source;
    QFile file(parks);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(5), QFileDevice::FileModificationTime));
    file.close();
    QVERIFY(mDashboard->computeSpatial(true));
    QVERIFY2(undo->index() == before + 1, qPrintable(mDashboard->message()->text()));
    // Its contents changed (a park renamed in the file): stale, computed again.
    {
      GDALAllRegister();
      GDALDatasetUniquePtr ds(GDALDataset::Open(parks.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
      QVERIFY(ds);
      OGRLayer* layer = ds->GetLayerByName("parks");
      QVERIFY(layer != nullptr);
      OGRFeatureUniquePtr park(layer->GetFeature(1));
      QVERIFY(park);
      park->SetField("name", "改名的公园");
      QCOMPARE(layer->SetFeature(park.get()), OGRERR_NONE);
    }
    QVERIFY(mDashboard->computeSpatial(true));
    QVERIFY2(undo->index() == before + 2, qPrintable(mDashboard->message()->text()));
    // Its computation undone: the latest computation holds for these files and gave the value the
    // project has again (a name changed, not a park's shape), so nothing is computed.
    undo->undo();
    QVERIFY(mDashboard->computeSpatial(true));
    QCOMPARE(undo->index(), before + 1);
    undo->undo();
  }

  void theCoverageMapShowsTheComputedLayersAgainstTheTarget() {
    // JD14-13 was computed for 2024 above: its map is a group of real layers from the stored file.
    mDashboard->findChild<QSpinBox*>()->setValue(2024);
    mDashboard->selectIndicator(QStringLiteral("JD14-13"));
    QVERIFY2(mDashboard->showCoverageMap(), qPrintable(mProblems.join(QLatin1Char('\n'))));
    QStringList names;
    QString group;
    for (const LayerState& l : mDoc.layers()) {
      if (!l.spec.group.contains(QStringLiteral("JD14-13"))) continue;
      group = l.spec.group;
      names << l.spec.sourceLayer;
    }
    QCOMPARE(names, (QStringList{QStringLiteral("features"), QStringLiteral("uncovered"), QStringLiteral("covered"),
                                 QStringLiteral("service_area"), QStringLiteral("per_subdistricts"), QStringLiteral("per_grids")}));
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    const LayerState* towns = nullptr;
    for (const LayerState& l : mDoc.layers()) {
      if (l.spec.group == group && l.spec.sourceLayer == QLatin1String("per_subdistricts")) towns = &l;
    }
    QVERIFY(towns != nullptr && towns->error.isEmpty() && towns->data != nullptr);
    QCOMPARE(towns->data->featureCount(), std::size_t{12});
    QVERIFY(towns->spec.visible);
    // The class that meets the target starts at the target (90 %), and every 街镇 falls in a class.
    const auto& classes = towns->spec.vectorStyle.classes;
    QVERIFY(!classes.empty());
    QCOMPARE(classes.front().lower, 90.0);
    const int value = towns->data->fieldIndex(QStringLiteral("indicator_value"));
    for (const auto& row : towns->data->attributes) {
      const double v = row[static_cast<std::size_t>(value)].toDouble();
      QVERIFY(std::any_of(classes.begin(), classes.end(), [v](const auto& c) { return v >= c.lower && v <= c.upper; }));
    }
    // Hovering over a 街镇 tells its name, value, and covered and total land.
    SubunitHoverTip* tip = mWindow->canvas()->findChild<SubunitHoverTip*>();
    QVERIFY(tip != nullptr);
    const QPointF inside = towns->projected->labelAnchors().front();
    const QString text = tip->textAt(inside);
    const QString firstName = towns->data->attributes.front()[static_cast<std::size_t>(towns->data->fieldIndex(QStringLiteral("name")))].toString();
    QVERIFY2(text.contains(firstName) && text.contains(towns->spec.name), qPrintable(text));
    QVERIFY(tip->textAt(QPointF(0, 0)).isEmpty());  // far from every sub-unit
    // They are real layers: the 街镇 figures export to a Shapefile and to GeoJSON and read back.
    for (const QString& name : {QStringLiteral("街镇覆盖.shp"), QStringLiteral("街镇覆盖.geojson")}) {
      const QString path = mDir.filePath(name);
      QVERIFY(mWindow->exportLayerTo(towns->spec.id, path));
      const auto back = xiuhua::gis::VectorReader::read(path);
      QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
      QCOMPARE((*back)->featureCount(), std::size_t{12});
      QCOMPARE((*back)->attributes.front().front().toString(), firstName);
    }
    // Showing it again replaces it rather than stacking a second copy.
    QVERIFY(mDashboard->showCoverageMap());
    int count = 0;
    for (const LayerState& l : mDoc.layers()) count += l.spec.group == group ? 1 : 0;
    QCOMPARE(count, 6);
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    // A year without a computation says so.
    mDashboard->findChild<QSpinBox*>()->setValue(2021);
    mDashboard->selectIndicator(QStringLiteral("JD14-13"));
    mProblems.clear();
    QVERIFY(!mDashboard->showCoverageMap());
    QVERIFY(!mProblems.isEmpty() && mProblems.back().contains(QStringLiteral("2021")));
    mProblems.clear();
    mDashboard->findChild<QSpinBox*>()->setValue(2024);
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) {
      QTest::qWait(1500);  // the canvas renders on its own thread
      mWindow->grab().save(shots + QStringLiteral("/coverage-map.png"));
      // The hover tip as it shows over the first 街镇 (the whole screen: the tip is a window of its own).
      QToolTip::showText(mWindow->canvas()->mapToGlobal(QPoint(700, 200)), tip->textAt(inside), mWindow->canvas());
      QTest::qWait(500);
      QGuiApplication::primaryScreen()->grabWindow(0).save(shots + QStringLiteral("/coverage-tip.png"));
    }
  }

  void aPlannerTriesProposedParksAndSeesTheChangeByTown() {
    // Three proposed parks in a layer of their own (one too small for a tier), added to the map.
    const QString proposed = mDir.filePath(QStringLiteral("规划公园.geojson"));
    QFile file(proposed);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[
      {"type":"Feature","properties":{"name":"菊园新公园"},"geometry":{"type":"Polygon","coordinates":[[[615060,3471990],[615160,3471990],[615160,3472070],[615060,3472070],[615060,3471990]]]}},
      {"type":"Feature","properties":{"name":"徐行口袋公园"},"geometry":{"type":"Polygon","coordinates":[[[623000,3478200],[623030,3478200],[623030,3478230],[623000,3478230],[623000,3478200]]]}},
      {"type":"Feature","properties":{"name":"新成路绿地"},"geometry":{"type":"Polygon","coordinates":[[[621364,3474540],[621444,3474540],[621444,3474610],[621364,3474610],[621364,3474540]]]}}]})");
    file.close();
    QVERIFY(mDoc.addLayersFromFile(proposed).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    mDashboard->findChild<QSpinBox*>()->setValue(2024);
    mDashboard->selectIndicator(QStringLiteral("JD14-13"));
    WhatIfDialog* dialog = mDashboard->openWhatIf();
    QVERIFY2(dialog != nullptr, qPrintable(mProblems.join(QLatin1Char('\n'))));
    const int index = dialog->proposedLayer()->findText(QStringLiteral("规划公园"), Qt::MatchStartsWith);
    QVERIFY(index > 0);
    dialog->proposedLayer()->setCurrentIndex(index);
    QVERIFY2(dialog->compute(), qPrintable(dialog->summary()->text()));
    const auto& r = *dialog->result();
    QCOMPARE(r.added, 2);  // 900 m² is below the 2000 m² tier
    QVERIFY(*r.scenario.value > *r.base.value);
    // The district first, then the 街镇 by the size of their change: those around the two parks gain,
    // inside 嘉定新城 (the area JD14-13 is set for) — 新成路街道 first, 菊园新区 among them.
    QCOMPARE(dialog->table()->rowCount(), 13);
    QCOMPARE(dialog->table()->item(1, 0)->text(), QStringLiteral("新成路街道"));
    bool juyuanGains = false;
    for (int row = 1; row < dialog->table()->rowCount(); ++row) {
      juyuanGains = juyuanGains || (dialog->table()->item(row, 0)->text() == QStringLiteral("菊园新区") &&
                                    dialog->table()->item(row, 3)->text().startsWith(QLatin1Char('+')));
    }
    QVERIFY(juyuanGains);
    QVERIFY(dialog->table()->item(1, 3)->text().startsWith(QLatin1Char('+')));
    QCOMPARE(dialog->table()->item(12, 3)->text(), QStringLiteral("0"));  // far from the parks: unchanged
    // By 网格: the same district change, the affected grid cells first.
    const QString districtChange = dialog->table()->item(0, 3)->text();
    dialog->level()->setCurrentIndex(1);
    QVERIFY2(dialog->compute(), qPrintable(dialog->summary()->text()));
    QCOMPARE(dialog->table()->rowCount(), 356);
    QCOMPARE(dialog->table()->item(0, 3)->text(), districtChange);
    QVERIFY(dialog->table()->item(1, 3)->text().startsWith(QLatin1Char('+')));
    QCOMPARE(dialog->table()->item(355, 3)->text(), QStringLiteral("0"));
    dialog->level()->setCurrentIndex(0);
    QVERIFY(dialog->compute());
    // On the map: the land the parks newly cover, and the parks themselves.
    QVERIFY2(dialog->showOnMap(), qPrintable(dialog->summary()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    const QString group = WhatIfDialog::groupName(*mDashboard->model()->catalog().find(QStringLiteral("JD14-13")), 2024);
    const LayerState* gained = nullptr;
    for (const LayerState& l : mDoc.layers()) {
      if (l.spec.group == group && l.spec.sourceLayer == QLatin1String("newly_covered")) gained = &l;
    }
    QVERIFY(gained != nullptr && gained->data != nullptr && gained->error.isEmpty());
    QVERIFY(gained->data->featureCount() > 0);
    double area = 0;
    const int areaField = gained->data->fieldIndex(QStringLiteral("area_m2"));
    for (const auto& row : gained->data->attributes) area += row[static_cast<std::size_t>(areaField)].toDouble();
    // The newly covered land is the district's change: (scenario − base) × the target land.
    QVERIFY(std::abs(area - (*r.scenario.value - *r.base.value) * r.base.denominator) < 1e-6 * r.base.denominator);
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) {
      QTest::qWait(300);
      dialog->grab().save(shots + QStringLiteral("/what-if.png"));
      for (const LayerState& l : mDoc.layers()) {  // only the scenario over the base layers
        if (l.spec.group.contains(QStringLiteral("JD14-13")) && l.spec.group != group) mDoc.setLayerVisible(l.spec.id, false);
      }
      mWindow->canvas()->zoomToRect(QRectF(QPointF(620604, 3473775), QPointF(622204, 3475375)));  // around 新成路绿地
      QTest::qWait(1500);
      mWindow->grab().save(shots + QStringLiteral("/what-if-map.png"));
    }
    // Closing one of the existing parks instead: selected on the map, taken away.
    const LayerState* parks = nullptr;
    for (const LayerState& l : mDoc.layers()) {
      if (l.spec.id == QLatin1String("parks")) parks = &l;
    }
    QVERIFY(parks != nullptr && parks->data != nullptr);
    mDoc.setSelection(parks->spec.id, {0, 1, 2});
    dialog->proposedLayer()->setCurrentIndex(0);
    dialog->takeAwaySelected()->setChecked(true);
    QVERIFY2(dialog->compute(), qPrintable(dialog->summary()->text()));
    QVERIFY(dialog->result()->removed > 0);
    QVERIFY(*dialog->result()->scenario.value <= *dialog->result()->base.value);
    dialog->close();
    mDoc.clearSelections();
  }

  void theGapFinderProposesSitesThatAScenarioConfirms() {
    mDashboard->findChild<QSpinBox*>()->setValue(2024);
    mDashboard->selectIndicator(QStringLiteral("JD14-13"));
    GapFinderDialog* dialog = mDashboard->openGapFinder();
    QVERIFY2(dialog != nullptr, qPrintable(mProblems.join(QLatin1Char('\n'))));
    QCOMPARE(dialog->facilityArea()->value(), 5000.0);  // the largest tier of the indicator: a 500 m radius
    dialog->count()->setValue(3);
    dialog->spacing()->setValue(300);
    QVERIFY2(dialog->find(), qPrintable(dialog->summary()->text()));
    QCOMPARE(dialog->table()->rowCount(), 3);
    const auto& sites = dialog->result()->sites;
    double sum = 0;
    for (const auto& site : sites) {
      QVERIFY(site.gainPoints > 0);
      QVERIFY(!site.zone.isEmpty());
      sum += site.gainPoints;
    }
    QVERIFY(sites[0].gainPoints >= sites[1].gainPoints && sites[1].gainPoints >= sites[2].gainPoints);
    QVERIFY(dialog->table()->item(0, 2)->text().startsWith(QLatin1Char('+')));
    // One step to a scenario: the what-if with the three sites shows the sum of their gains.
    WhatIfDialog* whatIf = dialog->tryAsScenario();
    QVERIFY(whatIf != nullptr);
    QVERIFY2(whatIf->result().has_value(), qPrintable(whatIf->summary()->text()));
    QCOMPARE(whatIf->result()->added, 3);
    QVERIFY(std::abs((*whatIf->result()->scenario.value - *whatIf->result()->base.value) * 100 - sum) < 1e-9);
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    const QString group = GapFinderDialog::groupName(*mDashboard->model()->catalog().find(QStringLiteral("JD14-13")), 2024);
    int shown = 0;
    for (const LayerState& l : mDoc.layers()) shown += l.spec.group == group && l.error.isEmpty() && l.data ? 1 : 0;
    QCOMPARE(shown, 2);  // the sites and their service areas
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) {
      QTest::qWait(300);
      dialog->grab().save(shots + QStringLiteral("/gap-finder.png"));
      whatIf->grab().save(shots + QStringLiteral("/gap-finder-scenario.png"));
      for (const LayerState& l : mDoc.layers()) {  // the sites over the coverage map's 街镇
        if (l.spec.group.contains(QStringLiteral("JD14-13")) && l.spec.group != group && !l.spec.name.contains(QStringLiteral("街镇"))) {
          mDoc.setLayerVisible(l.spec.id, false);
        }
      }
      mWindow->canvas()->zoomToRect(QRectF(QPointF(604000, 3457000), QPointF(632000, 3487500)));
      QTest::qWait(1500);
      mWindow->grab().save(shots + QStringLiteral("/gap-finder-map.png"));
    }
    whatIf->close();
    dialog->close();
  }

  void aPlannerSavesScenariosComparesThemAndMakesOneReal() {
    mDashboard->findChild<QSpinBox*>()->setValue(2024);
    mDashboard->selectIndicator(QStringLiteral("JD14-13"));
    const LayerState* parks = mDoc.layer(QStringLiteral("parks"));
    QVERIFY(parks != nullptr && parks->data != nullptr);
    const std::size_t parkCount = parks->data->featureCount();
    const QString parksFile = parks->spec.source;
    auto hash = [](const QString& path) {
      QFile f(path);
      return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
    };
    const QByteArray parksBefore = hash(parksFile);

    WhatIfDialog* dialog = mDashboard->openWhatIf();
    QVERIFY(dialog != nullptr);
    ScenarioPanel* panel = dialog->scenarios();
    const int proposed = dialog->proposedLayer()->findText(QStringLiteral("规划公园"), Qt::MatchStartsWith);
    QVERIFY(proposed > 0);
    dialog->proposedLayer()->setCurrentIndex(proposed);
    QVERIFY2(dialog->compute(), qPrintable(dialog->summary()->text()));
    const double all = *dialog->result()->scenario.value;
    panel->nameEdit()->setText(QStringLiteral("两处规划公园"));
    QVERIFY2(panel->saveCurrent(), qPrintable(dialog->summary()->text()));
    // A second scenario: only 菊园新公园 (selected on the map).
    const QString plannedId = dialog->proposedLayer()->itemData(proposed).toString();
    mDoc.setSelection(plannedId, {0});
    dialog->onlySelected()->setChecked(true);
    QVERIFY2(dialog->compute(), qPrintable(dialog->summary()->text()));
    const double one = *dialog->result()->scenario.value;
    QVERIFY(one < all);
    panel->nameEdit()->setText(QStringLiteral("菊园新公园"));
    QVERIFY(panel->saveCurrent());
    panel->nameEdit()->setText(QStringLiteral("菊园新公园"));
    QVERIFY(!panel->saveCurrent());  // the name is taken
    QVERIFY(dialog->summary()->text().contains(QStringLiteral("菊园新公园")));
    mDoc.clearSelections();
    dialog->onlySelected()->setChecked(false);
    QCOMPARE(hash(parksFile), parksBefore);  // saving scenarios never touches the base layers
    dialog->close();

    // Reopened, the dialog lists both side by side with their values.
    dialog = mDashboard->openWhatIf();
    panel = dialog->scenarios();
    QCOMPARE(panel->table()->rowCount(), 2);
    QCOMPARE(panel->table()->item(0, 0)->text(), QStringLiteral("两处规划公园"));
    QCOMPARE(panel->table()->item(1, 1)->text(), QStringLiteral("1"));
    QVERIFY(panel->table()->item(0, 5)->text().startsWith(QLatin1Char('+')));
    QVERIFY(std::abs(*panel->scenarios()[1].scenarioValue() - one) < 1e-12);
    // Recomputed from the project alone (the proposed parks are its own copy), the same value.
    QVERIFY2(dialog->computeSaved(panel->scenarios()[0]), qPrintable(dialog->summary()->text()));
    QVERIFY(std::abs(*dialog->result()->scenario.value - all) < 1e-9);
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) {
      QTest::qWait(300);
      dialog->grab().save(shots + QStringLiteral("/scenarios.png"));
    }

    // Made real: the park is in the park layer, counted from 2024 on, and the indicator computed
    // from the layers now equals the scenario; Undo takes the park out again.
    const int undoBefore = mDashboard->undoStack()->index();
    QVERIFY2(panel->promote(panel->scenarios()[1].id), qPrintable(dialog->summary()->text()));
    QCOMPARE(mDashboard->undoStack()->index(), undoBefore + 1);
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    parks = mDoc.layer(QStringLiteral("parks"));
    QCOMPARE(parks->data->featureCount(), parkCount + 1);
    QVERIFY(panel->table()->item(1, 7)->text() != panel->table()->item(0, 7)->text());  // made real / proposal
    QVERIFY(!panel->promote(panel->scenarios()[1].id));  // not twice
    QVERIFY2(mDashboard->computeSpatial(true), qPrintable(mProblems.join(QLatin1Char('\n'))));
    QVERIFY(std::abs(mDashboard->model()->seriesOf(QStringLiteral("JD14-13")).at(2024) - one * 100) < 1e-7);
    mDashboard->undoStack()->undo();  // the computation
    mDashboard->undoStack()->undo();  // the promotion
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    parks = mDoc.layer(QStringLiteral("parks"));
    QCOMPARE(parks->data->featureCount(), parkCount);
    QVERIFY(!panel->scenarios()[1].promoted.isValid());
    // Redo puts it back once (not twice), undo takes it out again.
    mDashboard->undoStack()->redo();  // the promotion
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    QCOMPARE(mDoc.layer(QStringLiteral("parks"))->data->featureCount(), parkCount + 1);
    QVERIFY(panel->scenarios()[1].promoted.isValid());
    mDashboard->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    QCOMPARE(mDoc.layer(QStringLiteral("parks"))->data->featureCount(), parkCount);

    // Discarded: gone from the list and the project.
    QVERIFY(panel->discard(panel->scenarios()[0].id));
    QCOMPARE(panel->table()->rowCount(), 1);
    dialog->close();
  }

  void aPlannerDrawsAProposedParkOnTheMap() {
    mDashboard->findChild<QSpinBox*>()->setValue(2024);
    mDashboard->selectIndicator(QStringLiteral("JD14-13"));
    MapCanvas* canvas = mWindow->canvas();
    canvas->zoomToRect(QRectF(QPointF(615078, 3472988), QPointF(616078, 3473988)));  // 菊园新区 in 嘉定新城, poorly covered
    WhatIfDialog* dialog = mDashboard->openWhatIf();
    QVERIFY(dialog != nullptr);
    ProposalSketch* sketch = dialog->sketch();
    sketch->start();
    QVERIFY(canvas->mapTool() != nullptr);
    auto clickAt = [&](double x, double y) {
      QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->viewport().toPixel(QPointF(x, y)).toPoint());
    };
    // A bow tie is refused with GEOS's reason and stays open; Backspace takes the corners back.
    for (const QPointF& p : {QPointF(615528, 3473438), QPointF(615628, 3473518), QPointF(615628, 3473438), QPointF(615528, 3473518)}) {
      clickAt(p.x(), p.y());
    }
    QTest::keyClick(canvas, Qt::Key_Return);
    QCOMPARE(sketch->count(), 0);
    QVERIFY2(dialog->summary()->text().contains(QStringLiteral("Self-intersection")), qPrintable(dialog->summary()->text()));
    for (int i = 0; i < 4; ++i) QTest::keyClick(canvas, Qt::Key_Backspace);
    QVERIFY(qobject_cast<SketchTool*>(canvas->mapTool())->vertices().empty());
    // A 100 m × 80 m park: three clicks and a double click on the fourth corner.
    clickAt(615528, 3473438);
    clickAt(615628, 3473438);
    clickAt(615628, 3473518);
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, canvas->viewport().toPixel(QPointF(615528, 3473518)).toPoint());
    QCOMPARE(sketch->count(), 1);
    QTest::keyClick(canvas, Qt::Key_Escape);  // done drawing
    QVERIFY(canvas->mapTool() == nullptr);
    QCOMPARE(dialog->proposedLayer()->currentData().toString(), QStringLiteral("__sketch__"));
    QVERIFY2(dialog->compute(), qPrintable(dialog->summary()->text()));
    QCOMPARE(dialog->result()->added, 1);  // 8,000 m²: a 500 m park
    QVERIFY(*dialog->result()->scenario.value > *dialog->result()->base.value);
    QVERIFY(dialog->showOnMap());
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) {
      for (const LayerState& l : mDoc.layers()) {
        if (l.spec.group.contains(QStringLiteral("JD14-13")) && !l.spec.group.contains(QStringLiteral("2024"))) continue;
        if (l.spec.group.contains(QStringLiteral("JD14-13"))) {
          mDoc.setLayerVisible(l.spec.id, l.spec.group == WhatIfDialog::groupName(*mDashboard->model()->catalog().find(QStringLiteral("JD14-13")), 2024) ||
                                               l.spec.sourceLayer == QLatin1String("proposed"));
        }
      }
      canvas->zoomToRect(QRectF(QPointF(614578, 3472888), QPointF(616578, 3474088)));
      QTest::qWait(1500);
      mWindow->grab().save(shots + QStringLiteral("/what-if-drawn.png"));
    }
    dialog->close();
  }

  void theMapShowsWalkingAndStraightLineServiceAreasSideBySide() {
    // The park indicator bound with walking distance along the demo roads (for this test only).
    auto store = xiuhua::indicators::ComputationStore::open(mDoc.projectPath()).value();
    auto bindings = store->bindings().value();
    auto parks = std::find_if(bindings.begin(), bindings.end(), [](const auto& b) { return b.code == QLatin1String("JD14-13"); });
    QVERIFY(parks != bindings.end());
    const xiuhua::indicators::MetricBinding original = *parks;
    parks->parameters.insert(QStringLiteral("network"), QStringLiteral("roads"));
    parks->parameters.insert(QStringLiteral("network_width_m"), 100);
    QVERIFY(store->setBinding(*parks).ok());
    mDashboard->findChild<QSpinBox*>()->setValue(2024);
    mDashboard->selectIndicator(QStringLiteral("JD14-13"));
    QVERIFY2(mDashboard->computeSpatial(true), qPrintable(mProblems.join(QLatin1Char('\n'))));
    QVERIFY2(mDashboard->showCoverageMap(), qPrintable(mProblems.join(QLatin1Char('\n'))));
    QStringList names;
    for (const LayerState& l : mDoc.layers()) {
      if (l.spec.group == CoverageMap::groupName(*mDashboard->model()->catalog().find(QStringLiteral("JD14-13")), 2024)) {
        names << l.spec.sourceLayer;
      }
    }
    QVERIFY2(names.contains(QStringLiteral("walked")) && names.contains(QStringLiteral("euclidean_service_area")) &&
                 names.contains(QStringLiteral("service_area")),
             qPrintable(names.join(QLatin1Char(','))));
    // The message compares the two: walking against straight-line, in points.
    QVERIFY2(mDashboard->message()->text().count(QLatin1Char('%')) >= 2, qPrintable(mDashboard->message()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) {
      for (const LayerState& l : mDoc.layers()) {  // only this map over the base layers
        const bool base = l.spec.group == mDoc.layer(QStringLiteral("district"))->spec.group;
        if (!l.spec.group.isEmpty() && !base && l.spec.group != CoverageMap::groupName(*mDashboard->model()->catalog().find(QStringLiteral("JD14-13")), 2024)) {
          mDoc.setLayerVisible(l.spec.id, false);
        }
      }
      mWindow->canvas()->zoomToRect(QRectF(QPointF(612000, 3466000), QPointF(622000, 3474000)));
      QTest::qWait(1500);
      mWindow->grab().save(shots + QStringLiteral("/network-coverage.png"));
    }
    mDashboard->undoStack()->undo();  // the computation
    QVERIFY(store->setBinding(original).ok());
  }

  void withoutASelectionEveryBoundIndicatorIsComputed() {
    mDashboard->table()->setCurrentIndex({});
    QVERIFY2(mDashboard->computeSpatial(true), qPrintable(mProblems.join(QLatin1Char('\n'))));
    QVERIFY(mProblems.isEmpty());
    for (const char* code : {"JD14-01", "JD14-08", "JD14-09", "JD14-10", "JD14-16", "JD14-29", "JD14-32", "JD14-34"}) {
      QVERIFY2(mDashboard->model()->seriesOf(QString::fromLatin1(code)).count(2024) == 1, code);
    }
    QVERIFY(mDashboard->message()->text().contains(QStringLiteral("9")));
  }

  void cleanupTestCase() { delete mWindow; }

 private:
  Localization mL10n;
  QTemporaryDir mDir;
  MapDocument mDoc;
  MainWindow* mWindow = nullptr;
  IndicatorDashboard* mDashboard = nullptr;
  QStringList mProblems;  // what the dashboard reported
};

QTEST_MAIN(SpatialComputeTest)
#include "spatial_compute_test.moc"
