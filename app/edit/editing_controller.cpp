#include "edit/editing_controller.h"

#include "document/layer_editing.h"
#include "document/map_document.h"
#include "edit/feature_form.h"
#include "map/map_canvas.h"
#include "map/sketch_tool.h"

#include <QAction>
#include <QDockWidget>
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
      mEditing(new LayerEditing(document)), mUndoGroup(new QUndoGroup(this)), mToolBar(window->addToolBar(tr("Editing"))),
      mHistoryDock(new QDockWidget(tr("Edit history"), window)) {
  mToolBar->setObjectName(QStringLiteral("editingTools"));
  mAdd = mToolBar->addAction(tr("Add feature"), this, &EditingController::startAdding);
  mAdd->setCheckable(true);
  mAdd->setToolTip(tr("Draw a new feature of the edited layer: click to place points; double-click or Enter to finish, "
                      "Backspace takes a point back, Escape stops"));
  mDelete = mToolBar->addAction(tr("Delete selected"), this, &EditingController::deleteSelected);
  mSave = mToolBar->addAction(tr("Save edits"), this, [this] { saveEdits(target()); });
  mUndo = mUndoGroup->createUndoAction(this, tr("Undo"));
  mRedo = mUndoGroup->createRedoAction(this, tr("Redo"));
  mUndo->setShortcut(QKeySequence::Undo);
  mRedo->setShortcut(QKeySequence::Redo);
  mToolBar->addAction(mUndo);
  mToolBar->addAction(mRedo);
  mHistoryDock->setObjectName(QStringLiteral("editHistoryDock"));
  mHistoryDock->setWidget(new QUndoView(mUndoGroup, mHistoryDock));
  window->addDockWidget(Qt::RightDockWidgetArea, mHistoryDock);
  mHistoryDock->hide();
  connect(mEditing, &LayerEditing::problem, this, &EditingController::problem);
  connect(mEditing, &LayerEditing::editingChanged, this, &EditingController::refresh);
  connect(document, &MapDocument::layersChanged, this, &EditingController::refresh);
  refresh();
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
  mAdd->setEnabled(editing);
  mDelete->setEnabled(editing);
  mSave->setEnabled(editing && mEditing->isModified(id));
  // The undo actions follow the current layer's history.
  for (const QString& edited : mEditing->editedLayers()) {
    QUndoStack* stack = mEditing->undoStack(edited);
    if (!mUndoGroup->stacks().contains(stack)) mUndoGroup->addStack(stack);
  }
  mUndoGroup->setActiveStack(editing ? mEditing->undoStack(id) : nullptr);
  if (!editing && mSketch) {
    mCanvas->setSketch(nullptr);
    mSketch->deleteLater();
    mAdd->setChecked(false);
  }
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
  mHistoryDock->show();
  refresh();
  return true;
}

bool EditingController::saveEdits(const QString& layerId) {
  if (gis::Status s = mEditing->save(layerId); !s) {
    emit problem(s.error().message);
    return false;
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

void EditingController::startAdding() {
  const QString id = target();
  const LayerState* layer = mDocument->layer(id);
  if (!mEditing->isEditing(id) || layer == nullptr || !layer->data) {
    mAdd->setChecked(false);
    emit problem(tr("Start editing a layer first (its menu in the layer tree)."));
    return;
  }
  if (mSketch) {  // a second click: done adding
    mCanvas->setSketch(nullptr);
    mSketch->deleteLater();
    mAdd->setChecked(false);
    return;
  }
  mSketch = new SketchTool(shapeFor(layer->data->geometryType), this);
  mSketchLayer = id;
  connect(mSketch, &SketchTool::finished, this, [this](const gis::Geometry& g) { addDrawn(mSketchLayer, g); });
  connect(mSketch, &SketchTool::refused, this, &EditingController::problem);
  connect(mSketch, &SketchTool::ended, this, [this] {
    mCanvas->setSketch(nullptr);
    if (mSketch) mSketch->deleteLater();
    mAdd->setChecked(false);
  });
  mCanvas->setSketch(mSketch);
  mAdd->setChecked(true);
}

void EditingController::addDrawn(const QString& layerId, const gis::Geometry& mapGeometry) {
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr || !layer->data) return;
  FeatureForm form(layer->data->fields, {}, tr("New feature of %1").arg(layer->spec.name), mWindow);
  if (form.exec() != QDialog::Accepted) return;  // cancelled: nothing added
  auto added = mEditing->addDrawn(layerId, mapGeometry, *form.values(), tr("Add a feature to %1").arg(layer->spec.name));
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
                                                                              .arg(layer->spec.name),
                                                             [this](const QString& p) { emit problem(p); }));
}

}  // namespace xiuhua::app
