#pragma once

#include "xiuhua/gis/geometry.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;
class QUndoGroup;

namespace xiuhua::app {

class AttributeTableWidget;
class EditChecks;
class FeatureOperations;
class LayerEditing;
class MapCanvas;
class MapDocument;
class MapTool;
class Snapping;

// The editing tools of the main window: start, save and stop editing a layer; draw new features
// (then fill in their attributes), edit vertices, move, rotate, split lines, merge, copy and paste,
// delete; snapping; undo and redo through the edited layer's history, shown in the "Edit history"
// dock. The map tools themselves are their own classes (edit/*_tool.h).
class EditingController : public QObject {
  Q_OBJECT

 public:
  enum class ToolKind { Add, Vertex, Move, Rotate, Split };

  // currentLayer: the layer the tools work on (the layer tree's current one).
  EditingController(MapDocument* document, MapCanvas* canvas, QMainWindow* window, std::function<QString()> currentLayer);

  LayerEditing* editing() const { return mEditing; }
  Snapping* snapping() const { return mSnapping; }
  FeatureOperations* operations() const { return mOperations; }
  QToolBar* toolBar() const { return mToolBar; }
  QDockWidget* historyDock() const { return mHistoryDock; }
  QAction* toolAction(ToolKind kind) const;
  QAction* addFeatureAction() const { return toolAction(ToolKind::Add); }
  QAction* deleteAction() const { return mDelete; }
  QAction* saveAction() const { return mSave; }
  QAction* undoAction() const { return mUndo; }
  QAction* redoAction() const { return mRedo; }
  QAction* snapAction() const { return mSnap; }
  // The active map tool of the editing tools (nullptr: none).
  MapTool* activeTool() const { return mTool; }

  EditChecks* checks() const { return mChecks; }
  // The attribute table edits the layers being edited (cells, field calculator).
  void attachTable(AttributeTableWidget* table);
  void openFieldCalculator(const QString& layerId);

  // The layer tree's menu for a layer: start / save / stop editing.
  void addLayerMenuActions(QMenu& menu, const QString& layerId);
  bool startEditing(const QString& layerId);
  // Saves after the geometry checks (which may ask); false when refused or cancelled.
  bool saveEdits(const QString& layerId);
  // Asks whether to save unsaved edits first (Save / Discard / Cancel); false when cancelled.
  bool stopEditing(const QString& layerId, bool ask = true);
  // Before the window closes: every edited layer stopped (asking); false when the user cancels.
  bool maybeStopAll();
  // Activates a map tool on the edited layer (a second call on the active one ends it).
  void activate(ToolKind kind);
  void startAdding() { activate(ToolKind::Add); }
  void deleteSelected();
  // A vertex for the feature being drawn at coordinates the planner types (map CRS).
  void typeCoordinates();
  void editSnapping();
  // The tools follow the current layer: whether it is edited, its undo history.
  void refresh();
  // The layer the tools work on: the current one if it is edited, else the only edited one.
  QString target() const;

 signals:
  void problem(const QString& message);
  void message(const QString& message);

 private:
  void createActions();
  void endTool();
  void addDrawn(const QString& layerId, const gis::Geometry& mapGeometry);

  MapDocument* mDocument;
  MapCanvas* mCanvas;
  QMainWindow* mWindow;
  std::function<QString()> mCurrentLayer;
  LayerEditing* mEditing;
  Snapping* mSnapping;
  FeatureOperations* mOperations;
  EditChecks* mChecks;
  QUndoGroup* mUndoGroup;
  QToolBar* mToolBar;
  QDockWidget* mHistoryDock;
  QActionGroup* mToolGroup = nullptr;
  QAction* mDelete = nullptr;
  QAction* mMerge = nullptr;
  QAction* mCopy = nullptr;
  QAction* mPaste = nullptr;
  QAction* mCoordinates = nullptr;
  QAction* mSnap = nullptr;
  QAction* mSnapOptions = nullptr;
  QAction* mSave = nullptr;
  QAction* mUndo = nullptr;
  QAction* mRedo = nullptr;
  QPointer<MapTool> mTool;
  QString mToolLayer;
};

}  // namespace xiuhua::app
