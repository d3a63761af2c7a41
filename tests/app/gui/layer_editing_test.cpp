// A planner adds a park on the demo project's map, fills in its attributes, undoes and redoes,
// deletes one, saves, reopens — and the park coverage indicator reflects the new park.
#include "document/layer_editing.h"
#include "document/map_document.h"
#include "support/demo_copy.h"
#include "edit/editing_controller.h"
#include "edit/feature_form.h"
#include "indicators/dashboard_model.h"
#include "indicators/indicator_dashboard.h"
#include "l10n/localization.h"
#include "layers/layer_tree_model.h"
#include "main/main_window.h"
#include "map/map_canvas.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QDockWidget>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace xiuhua::app;

class LayerEditingTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(mDir.isValid());
    if (!qEnvironmentVariableIsEmpty("XIUHUA_TEST_LANG")) mL10n.apply(qEnvironmentVariable("XIUHUA_TEST_LANG"));
    mProject = xiuhua::test::copyDemoProject(mDir.path(), QStringLiteral("示范"));
    QVERIFY(!mProject.isEmpty());
    mWindow = new MainWindow(&mDoc);
    mWindow->resize(1400, 950);
    mWindow->show();
    QVERIFY(mDoc.openProject(mProject).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 30000);
    mWindow->showDashboard();
    QTRY_VERIFY(mWindow->dashboard()->model()->indexOf(QStringLiteral("JD14-13")).isValid());
  }

  void theFormRefusesAValueOfTheWrongType() {
    const LayerState* parks = mDoc.layer(QStringLiteral("parks"));
    FeatureForm form(parks->data->fields, {}, QStringLiteral("test"));
    const int year = parks->data->fieldIndex(QStringLiteral("open_year"));
    static_cast<QLineEdit*>(form.editor(year))->setText(QStringLiteral("明年"));
    QVERIFY(!form.values().has_value());
    QVERIFY(form.problem().contains(QStringLiteral("open_year")));
    static_cast<QLineEdit*>(form.editor(year))->setText(QStringLiteral("2024"));
    const auto values = form.values();
    QVERIFY(values.has_value());
    QCOMPARE((*values)[static_cast<std::size_t>(year)].toLongLong(), 2024);
  }

  void aPlannerAddsAParkUndoesRedoesSavesAndTheIndicatorSeesIt() {
    const double before = computeParks();
    EditingController* editing = mWindow->editing();
    mWindow->layerTreeView()->setCurrentIndex(mWindow->layerTree()->indexOfLayer(QStringLiteral("parks")));
    QVERIFY(editing->startEditing(QStringLiteral("parks")));
    QVERIFY(editing->addFeatureAction()->isEnabled());
    QVERIFY(editing->historyDock()->isVisible());
    const std::size_t parks = mDoc.layer(QStringLiteral("parks"))->data->featureCount();

    // Draw a 100 m × 80 m park in 菊园新区 (inside 嘉定新城, the area JD14-13's target is set for),
    // where coverage is poor, and fill in its form.
    MapCanvas* canvas = mWindow->canvas();
    canvas->zoomToRect(QRectF(QPointF(615078, 3472988), QPointF(616078, 3473988)));
    editing->startAdding();
    QVERIFY(canvas->mapTool() != nullptr);
    auto click = [&](double x, double y) { QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->viewport().toPixel(QPointF(x, y)).toPoint()); };
    click(615528, 3473438);
    click(615628, 3473438);
    click(615628, 3473518);
    click(615528, 3473518);
    bool filled = false;
    // The form opens (modal) when the polygon closes: fill it in as soon as it shows.
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
      FeatureForm* form = nullptr;
      for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* f = qobject_cast<FeatureForm*>(w); f != nullptr && f->isVisible()) form = f;
      }
      if (form == nullptr || filled) return;
      const auto& fields = mDoc.layer(QStringLiteral("parks"))->data->fields;
      for (std::size_t i = 0; i < fields.size(); ++i) {
        QWidget* editor = form->editor(static_cast<int>(i));
        if (fields[i].name == QLatin1String("open_year")) {
          // The default is this year (the project's constraint); the park opened in 2024.
          QCOMPARE(qobject_cast<QLineEdit*>(editor)->text(), QString::number(QDate::currentDate().year()));
          qobject_cast<QLineEdit*>(editor)->setText(QStringLiteral("2024"));
        }
        if (fields[i].name == QLatin1String("name")) qobject_cast<QLineEdit*>(editor)->setText(QStringLiteral("菊园新公园"));
        if (fields[i].name == QLatin1String("park_type")) {
          // A value list from the GeoPackage's data column constraints: a drop-down.
          auto* combo = qobject_cast<QComboBox*>(editor);
          QVERIFY(combo != nullptr);
          QVERIFY(combo->findData(QStringLiteral("口袋公园")) >= 0);
          combo->setCurrentIndex(combo->findData(QStringLiteral("社区公园")));
        }
      }
      filled = true;
      form->accept();
    });
    poll.start(50);
    QTest::keyClick(canvas, Qt::Key_Return);  // closes the polygon; the form opens
    poll.stop();
    QVERIFY(filled);
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(QStringLiteral("parks"))->data->featureCount(), parks + 1, 10000);
    QTest::keyClick(canvas, Qt::Key_Escape);  // done drawing
    QCOMPARE(mDoc.layer(QStringLiteral("parks"))->data->attributes.back()[0].toString(), QStringLiteral("菊园新公园"));
    QVERIFY(editing->saveAction()->isEnabled());
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) {
      QTest::qWait(1500);
      mWindow->grab().save(shots + QStringLiteral("/editing-new-park.png"));
    }

    // Undo takes it out, redo puts it back.
    editing->undoAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(QStringLiteral("parks"))->data->featureCount(), parks, 10000);
    editing->redoAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(QStringLiteral("parks"))->data->featureCount(), parks + 1, 10000);
    // Deleting a selected park is a step too.
    mDoc.setSelection(QStringLiteral("parks"), {0});
    editing->deleteSelected();
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(QStringLiteral("parks"))->data->featureCount(), parks, 10000);
    editing->undoAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(QStringLiteral("parks"))->data->featureCount(), parks + 1, 10000);

    // Saved, read back from the file; stopped editing; the indicator computed again sees the park.
    QVERIFY(editing->saveEdits(QStringLiteral("parks")));
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    QCOMPARE(mDoc.layer(QStringLiteral("parks"))->data->featureCount(), parks + 1);
    QVERIFY(!editing->saveAction()->isEnabled());
    QVERIFY(editing->stopEditing(QStringLiteral("parks"), false));
    MapDocument reopened;
    QVERIFY(reopened.openProject(mProject).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!reopened.isLoading(), 30000);
    const LayerState* saved = reopened.layer(QStringLiteral("parks"));
    QCOMPARE(saved->data->featureCount(), parks + 1);
    QCOMPARE(saved->data->attributes.back()[0].toString(), QStringLiteral("菊园新公园"));
    const double after = computeParks();
    QVERIFY2(after > before + 0.1, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
  }

  void cleanupTestCase() { delete mWindow; }

 private:
  // JD14-13 computed for 2024 from the layers as they are; its value (%).
  double computeParks() {
    IndicatorDashboard* dashboard = mWindow->dashboard();
    dashboard->findChild<QSpinBox*>()->setValue(2024);
    dashboard->selectIndicator(QStringLiteral("JD14-13"));
    if (!dashboard->computeSpatial(true)) return -1;
    return dashboard->model()->seriesOf(QStringLiteral("JD14-13")).at(2024);
  }

  Localization mL10n;
  QTemporaryDir mDir;
  QString mProject;
  MapDocument mDoc;
  MainWindow* mWindow = nullptr;
};

QTEST_MAIN(LayerEditingTest)
#include "layer_editing_test.moc"
