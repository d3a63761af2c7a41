#include "edit/editing_controller.h"

#include "document/layer_editing.h"
#include "edit/conflict_dialog.h"
#include "document/map_document.h"
#include "edit/edit_checks.h"
#include "edit/feature_form.h"
#include "edit/field_calculator_dialog.h"
#include "edit/feature_operations.h"
#include "edit/snapping.h"
#include "edit/snapping_dialog.h"
#include "edit/split_tool.h"
#include "edit/transform_tool.h"
#include "edit/vertex_tool.h"
#include "map/map_canvas.h"
#include "map/sketch_tool.h"
#include "table/attribute_table_widget.h"

#include <QAction>
#include <QActionGroup>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUndoView>

namespace xiuhua::app {

namespace {

SketchTool::Shape shapeFor(gis::Geometry::Type type) {
  switch (type) {
    case gis::Geometry::Type::Point: return SketchTool::Shape::Point;
    case gis::Geometry::Type::Line: return SketchTool::Shape::Line;
    default: return SketchTool::Shape::Polygon;
  }
}

}  // namespace

EditingController::EditingController(MapDocument* document, MapCanvas* canvas, QMainWindow* window, std::function<QString()> currentLayer)
    : QObject(window), mDocument(document), mCanvas(canvas), mWindow(window), mCurrentLayer(std::move(currentLayer)),
      mEditing(new LayerEditing(document)), mSnapping(new Snapping(document)), mOperations(new FeatureOperations(document, mEditing, window)),
      mChecks(new EditChecks(document, mEditing, canvas, window)), mUndoGroup(new QUndoGroup(this)),
      mToolBar(window->addToolBar(tr("Editing"))), mHistoryDock(new QDockWidget(tr("Edit history"), window)) {
  mToolBar->setObjectName(QStringLiteral("editingTools"));
  createActions();
  mHistoryDock->setObjectName(QStringLiteral("editHistoryDock"));
  mHistoryDock->setWidget(new QUndoView(mUndoGroup, mHistoryDock));
  window->addDockWidget(Qt::RightDockWidgetArea, mHistoryDock);
  mHistoryDock->hide();
  mCanvas->setSnapping([this](QPointF cursor, double unitsPerPixel, const MapTool& tool) { return mSnapping->snap(cursor, unitsPerPixel, tool); });
  connect(mEditing, &LayerEditing::problem, this, &EditingController::problem);
  connect(mOperations, &FeatureOperations::problem, this, &EditingController::problem);
  connect(mOperations, &FeatureOperations::message, this, &EditingController::message);
  connect(mChecks, &EditChecks::problem, this, &EditingController::problem);
  connect(mEditing, &LayerEditing::editingChanged, this, &EditingController::refresh);
  connect(document, &MapDocument::layersChanged, this, &EditingController::refresh);
  connect(mSnapping, &Snapping::settingsChanged, this, [this] { mSnap->setChecked(mSnapping->settings().enabled); });
  refresh();
}

void EditingController::createActions() {
  mToolGroup = new QActionGroup(this);
  mToolGroup->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
  auto tool = [this](ToolKind kind, const QString& text, const QString& tip) {
    QAction* action = mToolBar->addAction(text, this, [this, kind] { activate(kind); });
    action->setCheckable(true);
    action->setToolTip(tip);
    action->setData(static_cast<int>(kind));
    mToolGroup->addAction(action);
    return action;
  };
  tool(ToolKind::Add, tr("Add feature"),
       tr("Draw a new feature of the edited layer: click to place points; double-click or Enter to finish, Shift+Enter to start "
          "another part (a ring inside a polygon is its hole), Backspace takes a point back, Escape stops"));
  tool(ToolKind::Vertex, tr("Vertex tool"),
       tr("Drag a vertex to move it; double-click a segment to add a vertex; click a vertex and press Delete to remove it"));
  tool(ToolKind::Move, tr("Move"), tr("Drag a feature (or the selected features) to move it"));
  tool(ToolKind::Rotate, tr("Rotate"), tr("Drag a feature to turn it about its centre; hold Shift for steps of 15°"));
  tool(ToolKind::Split, tr("Split line"), tr("Click on a line to cut it in two there (e.g. at both ends of a buried section)"));
  mCoordinates = mToolBar->addAction(tr("Type coordinates…"), this, &EditingController::typeCoordinates);
  mCoordinates->setToolTip(tr("Place the next vertex of the feature being drawn at typed coordinates"));
  mToolBar->addSeparator();
  mMerge = mToolBar->addAction(tr("Merge selected"), this, [this] { mOperations->mergeSelected(target()); });
  mCopy = mToolBar->addAction(tr("Copy features"), this, [this] { mOperations->copySelected(mCurrentLayer()); });
  mPaste = mToolBar->addAction(tr("Paste features"), this, [this] { mOperations->paste(target()); });
  mDelete = mToolBar->addAction(tr("Delete selected"), this, &EditingController::deleteSelected);
  mToolBar->addSeparator();
  mSnap = mToolBar->addAction(tr("Snapping"));
  mSnap->setCheckable(true);
  mSnap->setChecked(mSnapping->settings().enabled);
  connect(mSnap, &QAction::toggled, this, [this](bool on) {
    Snapping::Settings s = mSnapping->settings();
    s.enabled = on;
    mSnapping->setSettings(s);
  });
  mSnapOptions = mToolBar->addAction(tr("Snapping options…"), this, &EditingController::editSnapping);
  mToolBar->addSeparator();
  mSave = mToolBar->addAction(tr("Save edits"), this, [this] { saveEdits(target()); });
  mUndo = mUndoGroup->createUndoAction(this, tr("Undo"));
  mRedo = mUndoGroup->createRedoAction(this, tr("Redo"));
  mUndo->setShortcut(QKeySequence::Undo);
  mRedo->setShortcut(QKeySequence::Redo);
  mToolBar->addAction(mUndo);
  mToolBar->addAction(mRedo);
}

void EditingController::attachTable(AttributeTableWidget* table) {
  table->setEditing([this](const QString& id) { return mEditing->isEditing(id); },
                    [this](const QString& id, qint64 fid, int field, const QVariant& value) -> std::optional<QString> {
                      gis::EditBuffer* buffer = mEditing->buffer(id);
                      if (buffer == nullptr) return tr("Start editing the layer first.");
                      if (auto refused = mChecks->checkValue(id, field, value)) return refused;
                      const std::optional<gis::EditedFeature> feature = buffer->feature(fid);
                      if (!feature) return tr("The feature is no longer there.");
                      const QVariant& before = feature->attributes.at(static_cast<std::size_t>(field));
                      if (before == value && before.isValid() == value.isValid()) return std::nullopt;  // unchanged
                      const QString name = buffer->base().fields.at(static_cast<std::size_t>(field)).name;
                      mEditing->push(id, gis::FeatureEditCommand::changeAttribute(buffer, fid, field, value, tr("Change %1").arg(name)));
                      return std::nullopt;
                    });
  connect(table, &AttributeTableWidget::fieldCalculatorRequested, this, &EditingController::openFieldCalculator);
  connect(table, &AttributeTableWidget::editRefused, this, &EditingController::problem);
  connect(mEditing, &LayerEditing::editingChanged, table, &AttributeTableWidget::refreshEditing);
}

void EditingController::openFieldCalculator(const QString& layerId) {
  if (!mEditing->isEditing(layerId)) {
    emit problem(tr("Start editing the layer first."));
    return;
  }
  FieldCalculatorDialog dialog(mDocument, mEditing, mChecks, layerId, mWindow);
  if (dialog.exec() == QDialog::Accepted) emit message(tr("%n feature(s) updated.", nullptr, dialog.updatedCount()));
}

QAction* EditingController::toolAction(ToolKind kind) const {
  for (QAction* action : mToolGroup->actions()) {
    if (action->data().toInt() == static_cast<int>(kind)) return action;
  }
  return nullptr;
}

QString EditingController::target() const {
  const QString current = mCurrentLayer();
  if (mEditing->isEditing(current)) return current;
  const QStringList edited = mEditing->editedLayers();
  return edited.size() == 1 ? edited.front() : current;  // the one being edited, whatever the tree shows
}

void EditingController::refresh() {
  const QString id = target();
  const bool editing = mEditing->isEditing(id);
  for (QAction* action : mToolGroup->actions()) action->setEnabled(editing);
  const LayerState* layer = mDocument->layer(id);
  const bool lines = layer != nullptr && layer->data && layer->data->geometryType == gis::Geometry::Type::Line;
  toolAction(ToolKind::Split)->setEnabled(editing && lines);
  mCoordinates->setEnabled(editing && qobject_cast<SketchTool*>(mTool.data()) != nullptr);
  for (QAction* action : {mDelete, mMerge, mPaste}) action->setEnabled(editing);
  mSave->setEnabled(editing && mEditing->isModified(id));
  // The undo actions follow the current layer's history.
  for (const QString& edited : mEditing->editedLayers()) {
    QUndoStack* stack = mEditing->undoStack(edited);
    if (!mUndoGroup->stacks().contains(stack)) mUndoGroup->addStack(stack);
  }
  mUndoGroup->setActiveStack(editing ? mEditing->undoStack(id) : nullptr);
  if (mTool && (!editing || mToolLayer != id)) endTool();
}

void EditingController::addLayerMenuActions(QMenu& menu, const QString& layerId) {
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr || layer->spec.kind != gis::LayerSpec::Kind::Vector) return;
  if (!mEditing->isEditing(layerId)) {
    menu.addAction(tr("Start editing"), this, [this, layerId] { startEditing(layerId); });
    return;
  }
  QAction* save = menu.addAction(tr("Save edits"), this, [this, layerId] { saveEdits(layerId); });
  save->setEnabled(mEditing->isModified(layerId));
  menu.addAction(tr("Stop editing…"), this, [this, layerId] { stopEditing(layerId); });
}

bool EditingController::startEditing(const QString& layerId) {
  if (gis::Status s = mEditing->start(layerId); !s) {
    emit problem(s.error().message);
    return false;
  }
  if (const int restored = mEditing->restoredEdits(layerId); restored > 0) {
    emit message(tr("%n unsaved edited feature(s) of an earlier session were restored; save them or stop editing to drop them.",
                    nullptr, restored));
  }
  for (const QString& warning : mChecks->startWarnings(layerId)) emit problem(warning);
  mSnapping->addLayer(layerId);
  mHistoryDock->show();
  refresh();
  return true;
}

bool EditingController::saveEdits(const QString& layerId) {
  if (!mChecks->beforeSave(layerId)) return false;
  if (gis::Status s = mEditing->save(layerId); !s) {
    emit problem(s.error().message);
    if (s.error().code != gis::ErrorCode::EditConflict) return false;
    // A shared table: other users changed features meanwhile. Compare, settle, save again.
    const LayerState* layer = mDocument->layer(layerId);
    ConflictDialog dialog(mEditing->buffer(layerId), layer != nullptr ? layer->spec.name : layerId, mWindow);
    const bool again = dialog.exec() == QDialog::Accepted;
    mEditing->settled(layerId);
    return again && saveEdits(layerId);
  }
  const LayerState* layer = mDocument->layer(layerId);
  emit message(tr("Edits of %1 saved.").arg(layer != nullptr ? layer->spec.name : layerId));
  refresh();
  return true;
}

bool EditingController::stopEditing(const QString& layerId, bool ask) {
  if (!mEditing->isEditing(layerId)) return true;
  if (ask && mEditing->isModified(layerId)) {
    const LayerState* layer = mDocument->layer(layerId);
    const auto answer = QMessageBox::question(mWindow, tr("Stop editing"),
                                              tr("Save the edits of %1?").arg(layer != nullptr ? layer->spec.name : layerId),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save && !saveEdits(layerId)) return false;
  }
  mUndoGroup->removeStack(mEditing->undoStack(layerId));
  mEditing->stop(layerId);
  refresh();
  return true;
}

bool EditingController::maybeStopAll() {
  for (const QString& id : mEditing->editedLayers()) {
    if (!stopEditing(id)) return false;
  }
  return true;
}

void EditingController::endTool() {
  if (mCanvas->mapTool() == mTool) mCanvas->setMapTool(nullptr);
  if (mTool) mTool->deleteLater();
  mTool = nullptr;
  if (QAction* checked = mToolGroup->checkedAction()) checked->setChecked(false);
  mCoordinates->setEnabled(false);
}

void EditingController::activate(ToolKind kind) {
  const QString id = target();
  const LayerState* layer = mDocument->layer(id);
  QAction* action = toolAction(kind);
  const bool wasActive = mTool && mTool->property("toolKind").toInt() == static_cast<int>(kind);
  endTool();
  if (wasActive) return;  // a second click on the active tool: done with it
  if (!mEditing->isEditing(id) || layer == nullptr || !layer->data) {
    emit problem(tr("Start editing a layer first (its menu in the layer tree)."));
    return;
  }
  switch (kind) {
    case ToolKind::Add: {
      auto* sketch = new SketchTool(shapeFor(layer->data->geometryType), this);
      connect(sketch, &SketchTool::finished, this, [this](const gis::Geometry& g) { addDrawn(mToolLayer, g); });
      connect(sketch, &SketchTool::refused, this, &EditingController::problem);
      connect(sketch, &SketchTool::ended, this, &EditingController::endTool);
      mTool = sketch;
      break;
    }
    case ToolKind::Vertex: mTool = new VertexTool(mDocument, mEditing, id, this); break;
    case ToolKind::Move: mTool = new TransformTool(TransformTool::Mode::Move, mDocument, mEditing, id, this); break;
    case ToolKind::Rotate: mTool = new TransformTool(TransformTool::Mode::Rotate, mDocument, mEditing, id, this); break;
    case ToolKind::Split: mTool = new SplitTool(mDocument, mEditing, id, this); break;
  }
  mTool->setProperty("toolKind", static_cast<int>(kind));
  connect(mTool, &MapTool::problem, this, &EditingController::problem);
  mToolLayer = id;
  mCanvas->setMapTool(mTool);
  action->setChecked(true);
  mCoordinates->setEnabled(kind == ToolKind::Add);
}

void EditingController::typeCoordinates() {
  auto* sketch = qobject_cast<SketchTool*>(mTool.data());
  if (sketch == nullptr) {
    emit problem(tr("Start drawing a feature first (Add feature)."));
    return;
  }
  QDialog dialog(mWindow);
  dialog.setWindowTitle(tr("Type coordinates"));
  auto* x = new QDoubleSpinBox(&dialog);
  auto* y = new QDoubleSpinBox(&dialog);
  const QPointF centre = mCanvas->viewport().extent().center();
  for (auto [box, value] : {std::pair{x, centre.x()}, std::pair{y, centre.y()}}) {
    box->setRange(-1e9, 1e9);
    box->setDecimals(mDocument->mapCrs().isGeographic() ? 8 : 3);  // 1 mm either way
    box->setValue(sketch->vertices().empty() ? value : 0);
  }
  if (!sketch->vertices().empty()) {
    x->setValue(sketch->vertices().back().x());
    y->setValue(sketch->vertices().back().y());
  }
  auto* form = new QFormLayout(&dialog);
  form->addRow(tr("Coordinate system"), new QLabel(mDocument->mapCrs().name(), &dialog));
  form->addRow(tr("X (east)"), x);
  form->addRow(tr("Y (north)"), y);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  form->addRow(buttons);
  x->setObjectName(QStringLiteral("coordinateX"));
  y->setObjectName(QStringLiteral("coordinateY"));
  if (dialog.exec() != QDialog::Accepted || !mTool) return;
  sketch->addVertex(QPointF(x->value(), y->value()));
}

void EditingController::editSnapping() {
  SnappingDialog dialog(mDocument, mSnapping->settings(), mWindow);
  if (dialog.exec() == QDialog::Accepted) mSnapping->setSettings(dialog.settings());
}

void EditingController::addDrawn(const QString& layerId, const gis::Geometry& mapGeometry) {
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr || !layer->data) return;
  std::optional<gis::AttributeRow> values = mChecks->askAttributes(layerId, {}, tr("New feature of %1").arg(layer->spec.name));
  if (!values) return;  // cancelled: nothing added
  auto added = mEditing->addDrawn(layerId, mapGeometry, *values, tr("Add a feature to %1").arg(layer->spec.name));
  if (!added.ok()) emit problem(added.error().message);
}

void EditingController::deleteSelected() {
  const QString id = target();
  const LayerState* layer = mDocument->layer(id);
  gis::EditBuffer* buffer = mEditing->buffer(id);
  if (buffer == nullptr || layer == nullptr || !layer->data || !layer->selection || layer->selection->empty()) {
    emit problem(tr("Select the features to delete first."));
    return;
  }
  std::vector<qint64> fids;
  for (int row : *layer->selection) fids.push_back(layer->data->fids.at(static_cast<std::size_t>(row)));
  mDocument->clearSelections();
  mEditing->push(id, gis::FeatureEditCommand::deleteFeatures(buffer, fids, tr("Delete %n feature(s) of %1", nullptr, static_cast<int>(fids.size()))
                                                                              .arg(layer->spec.name)));
}

}  // namespace xiuhua::app
