// The editing tools as a planner uses them on the demo project: bury a section of an overhead line
// (split it twice, change the middle piece's status in the attribute table, saved into the GBK
// shapefile) and see 架空线入地 computed again; snap, drag a vertex, add and delete vertices, move,
// rotate, merge, copy and paste, the field calculator, constraints refusing values, and the
// geometry check before saving with repair.
#include "dialogs/report_builder_dialog.h"
#include "document/layer_editing.h"
#include "document/map_document.h"
#include "edit/edit_checks.h"
#include "edit/editing_controller.h"
#include "edit/feature_form.h"
#include "edit/feature_operations.h"
#include "edit/field_calculator_dialog.h"
#include "edit/geometry_check_dialog.h"
#include "edit/snapping.h"
#include "edit/vertex_tool.h"
#include "indicators/dashboard_model.h"
#include "indicators/indicator_dashboard.h"
#include "l10n/localization.h"
#include "main/main_window.h"
#include "map/map_canvas.h"
#include "support/demo_copy.h"
#include "table/attribute_table_model.h"
#include "table/attribute_table_widget.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "xiuhua/gis/geometry_validity.h"
#include "xiuhua/gis/vector_reader.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QLineF>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <functional>

using namespace xiuhua::app;
namespace gis = xiuhua::gis;

namespace {

double lineLength(const gis::Geometry& g) {
  double length = 0;
  for (const auto& part : g.parts()) {
    for (std::size_t i = 1; i < part.front().size(); ++i) {
      length += std::hypot(part.front()[i].x() - part.front()[i - 1].x(), part.front()[i].y() - part.front()[i - 1].y());
    }
  }
  return length;
}

// Shoelace about the first vertex (projected coordinates are large: products of them lose digits).
double ringArea(const gis::Geometry::Ring& r) {
  double a = 0;
  for (std::size_t i = 0; i + 1 < r.size(); ++i) {
    const QPointF p = r[i] - r.front();
    const QPointF q = r[i + 1] - r.front();
    a += p.x() * q.y() - q.x() * p.y();
  }
  return std::abs(a) / 2;
}

}  // namespace

class EditingToolsTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(mDir.isValid());
    if (!qEnvironmentVariableIsEmpty("XIUHUA_TEST_LANG")) mL10n.apply(qEnvironmentVariable("XIUHUA_TEST_LANG"));
    mProject = xiuhua::test::copyDemoProject(mDir.path(), QStringLiteral("工具"));
    QVERIFY(!mProject.isEmpty());
    mWindow = new MainWindow(&mDoc);
    mWindow->resize(1400, 950);
    mWindow->show();
    QVERIFY(mDoc.openProject(mProject).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 30000);
    mWindow->showDashboard();
    QTRY_VERIFY(mWindow->dashboard()->model()->indexOf(QStringLiteral("JD14-10")).isValid());
    QVERIFY(mDoc.mapCrs() == mDoc.layer(QStringLiteral("overhead_lines"))->effectiveCrs());  // map units = layer units here
    connect(mWindow->editing(), &EditingController::problem, this, [](const QString& m) { qInfo() << "problem:" << m; });
  }

  void aPlannerBuriesASectionOfAnOverheadLine() {
    EditingController* editing = mWindow->editing();
    const QString id = QStringLiteral("overhead_lines");
    const double before = compute(QStringLiteral("JD14-10"), 2025);
    QVERIFY(before > 0);
    QVERIFY(!mWindow->dashboard()->model()->stale().count(QStringLiteral("JD14-10")));

    // An overhead line 985 m long, straight, in 安亭.
    const LayerState* lines = mDoc.layer(id);
    const int nameField = lines->data->fieldIndex(QStringLiteral("线路名称"));
    const int statusField = lines->data->fieldIndex(QStringLiteral("状态"));
    const int yearField = lines->data->fieldIndex(QStringLiteral("入地年份"));
    QVERIFY(nameField >= 0 && statusField >= 0 && yearField >= 0);
    std::size_t row = 0;
    while (row < lines->data->featureCount() && lines->data->attributes[row][static_cast<std::size_t>(nameField)] != QStringLiteral("0.4kV安亭支路12-1号线")) ++row;
    QVERIFY(row < lines->data->featureCount());
    const qint64 original = lines->data->fids[row];
    const gis::Geometry line = lines->data->geometries[row];
    const double length = lineLength(line);
    const QPointF a = line.parts().front().front().front();
    const QPointF b = line.parts().front().front().back();
    const QPointF p1 = a + (b - a) / 3.0;
    const QPointF p2 = a + 2.0 * (b - a) / 3.0;
    const std::size_t count = lines->data->featureCount();

    QSignalSpy problems(editing, &EditingController::problem);
    QVERIFY(editing->startEditing(id));
    // The shapefile's limits are explained when editing starts.
    bool warned = false;
    for (const auto& args : problems) warned = warned || args.at(0).toString().contains(QStringLiteral("GeoPackage"));
    QVERIFY2(warned, "no Shapefile limit warning");

    // Split at a third and at two thirds: clicks a few pixels beside the line snap onto it.
    MapCanvas* canvas = mWindow->canvas();
    canvas->zoomToRect(QRectF(a, b).normalized().adjusted(-100, -100, 100, 100));
    QVERIFY(editing->snapping()->settings().enabled);
    editing->activate(EditingController::ToolKind::Split);
    QVERIFY(canvas->mapTool() != nullptr);
    const QPoint beside(3, 0);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->viewport().toPixel(p1).toPoint() + beside);
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(id)->data->featureCount(), count + 1, 10000);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->viewport().toPixel(p2).toPoint() + beside);
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(id)->data->featureCount(), count + 2, 10000);
    gis::EditBuffer* buffer = editing->editing()->buffer(id);
    const auto first = buffer->feature(original);
    const auto middle = buffer->feature(-1);
    const auto last = buffer->feature(-2);
    QVERIFY(first && middle && last);
    QVERIFY(std::abs(lineLength(first->geometry) + lineLength(middle->geometry) + lineLength(last->geometry) - length) < 1e-6);
    // The cuts lie on the line (snapped onto it), within a pixel of where they were clicked.
    for (const QPointF& cut : {middle->geometry.parts().front().front().front(), middle->geometry.parts().front().front().back()}) {
      const QPointF ab = b - a;
      const double offLine = std::abs(ab.x() * (cut.y() - a.y()) - ab.y() * (cut.x() - a.x())) / std::hypot(ab.x(), ab.y());
      QVERIFY2(offLine < 1e-6, qPrintable(QString::number(offLine)));
    }
    QVERIFY(std::abs(lineLength(middle->geometry) - length / 3) < 2 * canvas->viewport().unitsPerPixel());
    QCOMPARE(middle->attributes[static_cast<std::size_t>(nameField)], first->attributes[static_cast<std::size_t>(nameField)]);
    const double buried = lineLength(middle->geometry);

    // Undo both splits and redo them.
    editing->undoAction()->trigger();
    editing->undoAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(id)->data->featureCount(), count, 10000);
    QVERIFY(std::abs(lineLength(buffer->feature(original)->geometry) - length) < 1e-9);
    editing->redoAction()->trigger();
    editing->redoAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(id)->data->featureCount(), count + 2, 10000);

    // The middle piece is buried this year: typed into the attribute table; a status outside
    // the list is refused, naming the field.
    mWindow->openAttributeTable(id);
    AttributeTableWidget* table = mWindow->attributeTable();
    QTRY_VERIFY(table->model()->isEditable());
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto cell = [&](qint64 fid, int field) {
      const auto& fids = mDoc.layer(id)->data->fids;
      const int feature = static_cast<int>(std::find(fids.begin(), fids.end(), fid) - fids.begin());
      return table->model()->index(table->model()->rowOfFeature(feature), field);
    };
    QSignalSpy refused(table, &AttributeTableWidget::editRefused);
    QVERIFY(!table->model()->setData(cell(-1, statusField), QStringLiteral("地下")));
    QCOMPARE(refused.count(), 1);
    QVERIFY2(refused.at(0).at(0).toString().contains(QStringLiteral("状态")), qPrintable(refused.at(0).at(0).toString()));
    QVERIFY(!table->model()->setData(cell(-1, yearField), QStringLiteral("3000")));  // above the project's range
    QVERIFY(table->model()->setData(cell(-1, statusField), QStringLiteral("入地")));
    QTRY_COMPARE_WITH_TIMEOUT(buffer->feature(-1)->attributes[static_cast<std::size_t>(statusField)].toString(), QStringLiteral("入地"), 5000);
    // The year through the field calculator, for the selected piece.
    mDoc.setSelection(id, {editing->editing()->rowOf(id, -1)});
    FieldCalculatorDialog calculator(&mDoc, editing->editing(), editing->checks(), id, mWindow);
    calculator.fieldBox()->setCurrentIndex(yearField);
    calculator.expressionEdit()->setPlainText(QStringLiteral("2024 + 1"));
    calculator.selectedOnly()->setChecked(true);
    QVERIFY2(calculator.apply(), qPrintable(calculator.problem()));
    QCOMPARE(calculator.updatedCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(buffer->feature(-1)->attributes[static_cast<std::size_t>(yearField)].toLongLong(), 2025LL, 5000);
    // A bad expression is refused with SQLite's words.
    calculator.expressionEdit()->setPlainText(QStringLiteral("no_such_field + 1"));
    QVERIFY(!calculator.apply());
    QVERIFY(calculator.problem().contains(QStringLiteral("no_such_field")));

    // A new line digitized from the end of this one: the click beside its end vertex snaps onto it.
    editing->activate(EditingController::ToolKind::Add);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->viewport().toPixel(b).toPoint() + QPoint(2, 3));
    QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->viewport().toPixel(b + QPointF(60, 40)).toPoint());
    answerForm([&](FeatureForm* form) {
      form->findChild<QLineEdit*>(QStringLiteral("线路名称"))->setText(QStringLiteral("0.4kV安亭支路12-2号线"));
      auto* status = form->findChild<QComboBox*>(QStringLiteral("状态"));
      status->setCurrentIndex(status->findData(QStringLiteral("架空")));
      auto* owner = form->findChild<QComboBox*>(QStringLiteral("权属单位"));
      owner->setCurrentIndex(owner->findData(QStringLiteral("国网嘉定供电公司")));
      form->findChild<QLineEdit*>(QStringLiteral("入地年份"))->setText(QStringLiteral("0"));
    });
    QTest::keyClick(canvas, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(id)->data->featureCount(), count + 3, 10000);
    editing->activate(EditingController::ToolKind::Add);  // done drawing
    const auto drawnLine = buffer->feature(-3);
    QVERIFY(drawnLine.has_value());
    QCOMPARE(drawnLine->geometry.parts().front().front().front(), b);  // snapped exactly onto the end vertex
    editing->undoAction()->trigger();  // not this one after all
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(id)->data->featureCount(), count + 2, 10000);

    // The indicators computed from this layer are now stale.
    QTRY_VERIFY(mWindow->dashboard()->model()->stale().count(QStringLiteral("JD14-10")) == 1);
    screenshot(QStringLiteral("editing-buried-section.png"));

    // Saved into the GBK shapefile (swapped in), read back; computed again it has the section.
    QVERIFY(editing->saveEdits(id));
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    QCOMPARE(mDoc.layer(id)->data->featureCount(), count + 2);
    QVERIFY(editing->stopEditing(id, false));
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    const LayerState* saved = mDoc.layer(id);
    QVERIFY2(saved->data->encoding.name == QLatin1String("CP936") || saved->data->encoding.name == QLatin1String("GB18030"), qPrintable(saved->data->encoding.name));
    QVERIFY(!QFile::exists(QFileInfo(saved->spec.source).path() + QStringLiteral("/overhead_lines.cpg")));  // still undeclared GBK
    int buriedPieces = 0;
    for (const auto& attributes : saved->data->attributes) {
      if (attributes[static_cast<std::size_t>(nameField)] == QStringLiteral("0.4kV安亭支路12-1号线") &&
          attributes[static_cast<std::size_t>(statusField)] == QStringLiteral("入地")) {
        ++buriedPieces;
        QCOMPARE(attributes[static_cast<std::size_t>(yearField)].toLongLong(), 2025LL);
      }
    }
    QCOMPARE(buriedPieces, 1);
    const double after = compute(QStringLiteral("JD14-10"), 2025);
    QVERIFY2(std::abs(after - before - buried / 1000) < 1e-3, qPrintable(QStringLiteral("%1 → %2, buried %3 m").arg(before).arg(after).arg(buried)));
    QVERIFY(!mWindow->dashboard()->model()->stale().count(QStringLiteral("JD14-10")));
  }

  void aPolygonIsDrawnWithSnappingAndItsVerticesEdited() {
    EditingController* editing = mWindow->editing();
    const QString id = QStringLiteral("parks");
    QVERIFY(editing->startEditing(id));
    gis::EditBuffer* buffer = editing->editing()->buffer(id);
    const LayerState* parks = mDoc.layer(id);
    const qint64 neighbour = parks->data->fids[0];
    const QPointF corner = parks->data->geometries[0].parts().front().front().front();
    const std::size_t count = parks->data->featureCount();
    MapCanvas* canvas = mWindow->canvas();
    canvas->zoomToRect(QRectF(corner - QPointF(150, 150), corner + QPointF(150, 150)));

    // The first corner clicked 3 px off an existing park's corner lands exactly on it.
    editing->activate(EditingController::ToolKind::Add);
    auto px = [&](QPointF map) { return canvas->viewport().toPixel(map).toPoint(); };
    const double unit = canvas->viewport().unitsPerPixel();
    QTest::mouseClick(canvas, Qt::LeftButton, {}, px(corner) + QPoint(3, -2));
    QTest::mouseClick(canvas, Qt::LeftButton, {}, px(corner + QPointF(-80, 0)));
    QTest::mouseClick(canvas, Qt::LeftButton, {}, px(corner + QPointF(-80, 70)));
    // The last corner typed in (the dialog opens modal: answered as soon as it shows).
    const QPointF typed = corner + QPointF(0.25, 70.125);
    bool typedIn = false;
    QTimer typing;
    connect(&typing, &QTimer::timeout, this, [&] {
      for (QWidget* w : QApplication::topLevelWidgets()) {
        auto* x = w->findChild<QDoubleSpinBox*>(QStringLiteral("coordinateX"));
        auto* dialog = qobject_cast<QDialog*>(w);
        if (x == nullptr || dialog == nullptr || !dialog->isVisible() || typedIn) continue;
        x->setValue(typed.x());
        w->findChild<QDoubleSpinBox*>(QStringLiteral("coordinateY"))->setValue(typed.y());
        typedIn = true;
        dialog->accept();
      }
    });
    typing.start(50);
    QVERIFY(editing->toolAction(EditingController::ToolKind::Add)->isChecked());
    editing->typeCoordinates();
    typing.stop();
    QVERIFY(typedIn);
    answerForm([](FeatureForm* form) {
      for (QLineEdit* edit : form->findChildren<QLineEdit*>()) {
        if (edit->objectName() == QLatin1String("name")) edit->setText(QStringLiteral("吸附测试绿地"));
      }
      auto* type = form->findChild<QComboBox*>(QStringLiteral("park_type"));
      type->setCurrentIndex(type->findData(QStringLiteral("口袋公园")));
    });
    QTest::keyClick(canvas, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(id)->data->featureCount(), count + 1, 10000);
    editing->activate(EditingController::ToolKind::Add);  // done drawing
    const qint64 fid = -1;
    gis::Geometry drawn = buffer->feature(fid)->geometry;
    QCOMPARE(drawn.parts().front().front().front(), corner);  // snapped exactly
    QVERIFY(QLineF(drawn.parts().front().front()[3], typed).length() < 1e-6);  // typed (to the spin box's 1 mm)
    QCOMPARE(buffer->feature(fid)->attributes[static_cast<std::size_t>(parks->data->fieldIndex(QStringLiteral("open_year")))].toLongLong(),
             static_cast<qlonglong>(QDate::currentDate().year()));

    // Vertex tool: drag the second corner 20 m west (one undo step), add a vertex on a segment by
    // double-click, delete it again. (Snapping off: the drags land where the mouse lets go.)
    editing->snapAction()->setChecked(false);
    editing->activate(EditingController::ToolKind::Vertex);
    const QPointF second = drawn.parts().front().front()[1];
    canvas->mapTool()->click({second, second, unit, {}, std::nullopt});  // shows the feature's vertices
    const int steps = editing->editing()->undoStack(id)->count();
    QTest::mousePress(canvas, Qt::LeftButton, {}, px(second));
    QTest::mouseMove(canvas, px(second + QPointF(-10, 0)));
    QTest::mouseMove(canvas, px(second + QPointF(-20, 0)));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, px(second + QPointF(-20, 0)));
    QTRY_COMPARE(editing->editing()->undoStack(id)->count(), steps + 1);
    const QPointF moved = buffer->feature(fid)->geometry.parts().front().front()[1];
    QVERIFY2(QLineF(moved, canvas->viewport().toMap(px(second + QPointF(-20, 0)))).length() < 1e-9,
             qPrintable(QStringLiteral("%1 %2").arg(moved.x()).arg(moved.y())));
    const std::size_t vertices = buffer->feature(fid)->geometry.parts().front().front().size();
    const QPointF mid = (buffer->feature(fid)->geometry.parts().front().front()[2] + buffer->feature(fid)->geometry.parts().front().front()[3]) / 2;
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, px(mid));
    QTRY_COMPARE(buffer->feature(fid)->geometry.parts().front().front().size(), vertices + 1);
    auto* vertexTool = qobject_cast<VertexTool*>(canvas->mapTool());
    QVERIFY(vertexTool->selectedVertex().has_value());
    QTest::keyClick(canvas, Qt::Key_Delete);
    QTRY_COMPARE(buffer->feature(fid)->geometry.parts().front().front().size(), vertices);
    editing->undoAction()->trigger();  // the delete
    editing->undoAction()->trigger();  // the insert
    editing->undoAction()->trigger();  // the drag
    QTRY_COMPARE(buffer->feature(fid)->geometry.parts().front().front()[1], second);
    screenshot(QStringLiteral("editing-vertices.png"));

    // Move by dragging: every vertex shifts by the drag.
    editing->activate(EditingController::ToolKind::Move);
    const gis::Geometry beforeMove = buffer->feature(fid)->geometry;
    const QPointF inside = corner + QPointF(-40, 35);
    const QPoint from = px(inside);
    const QPoint to = px(inside + QPointF(30, 10));
    QTest::mousePress(canvas, Qt::LeftButton, {}, from);
    QTest::mouseMove(canvas, to);
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
    QTRY_VERIFY(!(buffer->feature(fid)->geometry.parts().front().front().front() == beforeMove.parts().front().front().front()));
    const QPointF delta = canvas->viewport().toMap(to) - canvas->viewport().toMap(from);
    const gis::Geometry::Ring movedRing = buffer->feature(fid)->geometry.parts().front().front();
    for (std::size_t i = 0; i < movedRing.size(); ++i) {
      QVERIFY(QLineF(movedRing[i], beforeMove.parts().front().front()[i] + delta).length() < 1e-6);
    }
    // Rotate a quarter turn with Shift (15° steps): same area, same centre.
    editing->activate(EditingController::ToolKind::Rotate);
    const double area = ringArea(movedRing);
    const QPointF centre = inside + delta;
    QTest::mousePress(canvas, Qt::LeftButton, {}, px(centre + QPointF(30, 0)));
    QTest::mouseMove(canvas, px(centre + QPointF(0, 30)), -1);
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ShiftModifier, px(centre + QPointF(0, 30)));
    QTRY_VERIFY(!(buffer->feature(fid)->geometry.parts().front().front().front() == movedRing.front()));
    const gis::Geometry::Ring rotated = buffer->feature(fid)->geometry.parts().front().front();
    QVERIFY2(std::abs(ringArea(rotated) - area) < 1e-6,
             qPrintable(QStringLiteral("%1 vs %2; %3 vs %4 vertices").arg(ringArea(rotated)).arg(area).arg(rotated.size()).arg(movedRing.size())));

    // Merge the new park with the park it touches: one feature, the neighbour's attributes.
    mDoc.setSelection(id, {editing->editing()->rowOf(id, neighbour), editing->editing()->rowOf(id, fid)});
    QVERIFY(editing->operations()->mergeSelected(id, neighbour));
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(id)->data->featureCount(), count, 10000);
    QVERIFY(!buffer->feature(fid).has_value());
    QVERIFY(!gis::findValidityProblem(buffer->feature(neighbour)->geometry));
    editing->undoAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(id)->data->featureCount(), count + 1, 10000);

    // Copy the neighbour park and paste it into 美丽街区 (polygons too; fields matched by name).
    const QString blocks = QStringLiteral("beautiful_blocks");
    QVERIFY(editing->startEditing(blocks));
    const std::size_t blockCount = mDoc.layer(blocks)->data->featureCount();
    mDoc.setSelection(id, {editing->editing()->rowOf(id, neighbour)});
    QVERIFY(editing->operations()->copySelected(id));
    QCOMPARE(editing->operations()->paste(blocks), 1);
    QTRY_COMPARE_WITH_TIMEOUT(mDoc.layer(blocks)->data->featureCount(), blockCount + 1, 10000);
    const auto pasted = editing->editing()->buffer(blocks)->feature(-1);
    QCOMPARE(pasted->geometry.parts().front().front(), buffer->feature(neighbour)->geometry.parts().front().front());
    const int blockName = mDoc.layer(blocks)->data->fieldIndex(QStringLiteral("name"));
    QCOMPARE(pasted->attributes[static_cast<std::size_t>(blockName)], buffer->feature(neighbour)->attributes[0]);
    // Points cannot be pasted into a polygon layer.
    mDoc.setSelection(QStringLiteral("bus_stops"), {0});
    QVERIFY(editing->operations()->copySelected(QStringLiteral("bus_stops")));
    QCOMPARE(editing->operations()->paste(blocks), 0);
    QVERIFY(editing->stopEditing(blocks, false));
  }

  void anInvalidGeometryIsShownAndRepairedBeforeSaving() {
    EditingController* editing = mWindow->editing();
    const QString id = QStringLiteral("parks");
    QVERIFY(editing->editing()->isEditing(id));
    gis::EditBuffer* buffer = editing->editing()->buffer(id);
    // The new park becomes a bow tie (its edges cross).
    auto feature = buffer->feature(-1);
    QVERIFY(feature.has_value());
    const QRectF box = feature->geometry.boundingBox();
    const gis::Geometry::Ring bowTie{box.topLeft(), box.bottomRight(), box.topRight(), box.bottomLeft(), box.topLeft()};
    editing->editing()->push(id, gis::FeatureEditCommand::changeGeometry(buffer, -1, gis::Geometry(gis::Geometry::Type::Polygon, {{bowTie}}),
                                                                        QStringLiteral("bow tie")));
    QVERIFY(gis::findValidityProblem(buffer->feature(-1)->geometry).has_value());
    const double bowTieArea = box.width() * box.height() / 2;

    bool shown = false;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
      for (QWidget* w : QApplication::topLevelWidgets()) {
        auto* dialog = qobject_cast<GeometryCheckDialog*>(w);
        if (dialog == nullptr || !dialog->isVisible() || shown) continue;
        shown = true;
        bool invalid = false;
        for (int r = 0; r < dialog->table()->rowCount(); ++r) {
          invalid = invalid || dialog->table()->item(r, 1)->text() == GeometryCheckDialog::kindName(gis::GeometryIssue::Kind::Invalid);
        }
        QVERIFY(invalid);
        QVERIFY(!mWindow->canvas()->markers().empty());  // where, on the map
        screenshot(QStringLiteral("editing-geometry-check.png"));
        dialog->findChild<QPushButton*>(QStringLiteral("repairButton"))->click();
      }
    });
    poll.start(50);
    QVERIFY(editing->saveEdits(id));
    poll.stop();
    QVERIFY(shown);
    QVERIFY(mWindow->canvas()->markers().empty());
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    QVERIFY(editing->stopEditing(id, false));
    QTRY_VERIFY_WITH_TIMEOUT(!mDoc.isLoading(), 20000);
    // Saved repaired: the last park is valid, two triangles of the bow tie's area.
    gis::ReadOptions options;
    options.layerName = QStringLiteral("parks");
    auto read = gis::VectorReader::read(mDoc.layer(id)->spec.source, options);
    QVERIFY(read.ok());
    const gis::Geometry& saved = read.value()->geometries.back();
    QVERIFY(!gis::findValidityProblem(saved).has_value());
    double area = 0;
    for (const auto& part : saved.parts()) area += ringArea(part.front());
    QVERIFY2(std::abs(area - bowTieArea) < 1e-3, qPrintable(QStringLiteral("%1 vs %2").arg(area).arg(bowTieArea)));
  }

  // 指标 → 报告生成器 → PDF: the report for 2025 has the buried line's indicator as computed.
  void theIndicatorReportIsExportedFromTheBuilder() {
    QPointer<ReportBuilderDialog> builder = mWindow->openReportBuilder();
    QVERIFY(builder != nullptr);
    ReportOptions options = builder->options();
    options.year = 2025;
    builder->setOptions(options);
    const QString pdf = mDir.path() + QStringLiteral("/指标报告.pdf");
    QSignalSpy finished(builder.data(), &ReportBuilderDialog::jobFinished);
    QVERIFY2(builder->exportPdf(pdf), qPrintable(builder->lastMessage()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(builder->lastMessage()));
    builder->close();
    QTRY_VERIFY(builder.isNull());
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(60000));
    const QString content = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY(content.contains(QStringLiteral("架空线入地")));
    // The computed length as the report prints kilometres from 1 to 100: two decimals.
    const double buried = mWindow->dashboard()->model()->seriesOf(QStringLiteral("JD14-10")).at(2025);
    QVERIFY2(buried >= 1 && buried < 100, qPrintable(QString::number(buried)));
    QVERIFY2(content.contains(QString::number(buried, 'f', 2) + QStringLiteral(" 公里")), qPrintable(QString::number(buried, 'f', 2)));
  }

  void cleanupTestCase() { delete mWindow; }

 private:
  double compute(const QString& code, int year) {
    IndicatorDashboard* dashboard = mWindow->dashboard();
    dashboard->findChild<QSpinBox*>()->setValue(year);
    dashboard->selectIndicator(code);
    if (!dashboard->computeSpatial(true)) return -1;
    return dashboard->model()->seriesOf(code).at(year);
  }

  // Answers the next attribute form (it opens modal) with `fill`, then OK.
  void answerForm(std::function<void(FeatureForm*)> fill) {
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [timer, fill] {
      for (QWidget* w : QApplication::topLevelWidgets()) {
        auto* form = qobject_cast<FeatureForm*>(w);
        if (form == nullptr || !form->isVisible()) continue;
        timer->stop();
        timer->deleteLater();
        fill(form);
        form->accept();
        return;
      }
    });
    timer->start(50);
  }

  void screenshot(const QString& name) {
    const QString shots = qEnvironmentVariable("XIUHUA_TEST_SCREENSHOTS");
    if (shots.isEmpty()) return;
    QTest::qWait(1200);
    QWidget* active = QApplication::activeModalWidget();
    (active != nullptr ? active : static_cast<QWidget*>(mWindow))->grab().save(shots + QLatin1Char('/') + name);
    if (active != nullptr) mWindow->grab().save(shots + QStringLiteral("/map-") + name);
  }

  Localization mL10n;
  QTemporaryDir mDir;
  QString mProject;
  MapDocument mDoc;
  MainWindow* mWindow = nullptr;
};

QTEST_MAIN(EditingToolsTest)
#include "editing_tools_test.moc"
