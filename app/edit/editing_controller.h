#pragma once

#include "xiuhua/gis/geometry.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;
class QUndoGroup;

namespace xiuhua::app {

class LayerEditing;
class MapCanvas;
class MapDocument;
class SketchTool;

// The editing tools of the main window: start, save and stop editing a layer; draw new features on
// the map (then fill in their attributes); delete the selected ones; undo and redo through the
// edited layer's history, shown in the "Edit history" dock.
class EditingController : public QObject {
  Q_OBJECT

 public:
  // currentLayer: the layer the tools work on (the layer tree's current one).
  EditingController(MapDocument* document, MapCanvas* canvas, QMainWindow* window, std::function<QString()> currentLayer);

  LayerEditing* editing() const { return mEditing; }
  QToolBar* toolBar() const { return mToolBar; }
  QDockWidget* historyDock() const { return mHistoryDock; }
  QAction* addFeatureAction() const { return mAdd; }
  QAction* deleteAction() const { return mDelete; }
  QAction* saveAction() const { return mSave; }
  QAction* undoAction() const { return mUndo; }
  QAction* redoAction() const { return mRedo; }

  // The layer tree's menu for a layer: start / save / stop editing.
  void addLayerMenuActions(QMenu& menu, const QString& layerId);
  bool startEditing(const QString& layerId);
  bool saveEdits(const QString& layerId);
  // Asks whether to save unsaved edits first (Save / Discard / Cancel); false when cancelled.
  bool stopEditing(const QString& layerId, bool ask = true);
  // Before the window closes: every edited layer stopped (asking); false when the user cancels.
  bool maybeStopAll();
  // Starts drawing a new feature of the current edited layer on the map.
  void startAdding();
  void deleteSelected();
  // The tools follow the current layer: whether it is edited, its undo history.
  void refresh();
  // The layer the tools work on: the current one if it is edited, else the only edited one.
  QString target() const;

 signals:
  void problem(const QString& message);
  void message(const QString& message);

 private:
  void addDrawn(const QString& layerId, const gis::Geometry& mapGeometry);

  MapDocument* mDocument;
  MapCanvas* mCanvas;
  QMainWindow* mWindow;
  std::function<QString()> mCurrentLayer;
  LayerEditing* mEditing;
  QUndoGroup* mUndoGroup;
  QToolBar* mToolBar;
  QDockWidget* mHistoryDock;
  QAction* mAdd;
  QAction* mDelete;
  QAction* mSave;
  QAction* mUndo;
  QAction* mRedo;
  QPointer<SketchTool> mSketch;
  QString mSketchLayer;
};

}  // namespace xiuhua::app
