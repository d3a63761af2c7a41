#pragma once

#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "xiuhua/gis/result.h"

#include <QObject>
#include <QStringList>

#include <map>
#include <memory>

class QUndoStack;

namespace xiuhua::app {

class MapDocument;

// The editing sessions of a document's layers (one per layer, see gis::EditBuffer): each with its
// undo history; every edit shows on the map at once (the layer's data in memory is the session's
// view); saving writes the file (atomically) and reads it back. Widget-free, like the document.
class LayerEditing : public QObject {
  Q_OBJECT

 public:
  explicit LayerEditing(MapDocument* document);
  ~LayerEditing() override;

  // Starts editing a loaded vector layer; fails, saying why (a raster, a read-only source, a layer
  // another planner edits, still loading). A session that crashed is restored from its journal
  // (restoredEdits() then tells how many features it brought back).
  gis::Status start(const QString& layerId);
  bool isEditing(const QString& layerId) const;
  bool isModified(const QString& layerId) const;
  QStringList editedLayers() const;
  // The layers with unsaved edits.
  QStringList modifiedLayers() const;
  gis::EditBuffer* buffer(const QString& layerId) const;
  QUndoStack* undoStack(const QString& layerId) const;
  int restoredEdits(const QString& layerId) const;

  // An edit as one undoable step; the map shows it at once.
  void push(const QString& layerId, std::unique_ptr<gis::FeatureEditCommand> command);
  // A feature drawn on the map (map CRS), put into the layer's CRS and added as one step; returns
  // its (temporary) fid.
  gis::Result<qint64> addDrawn(const QString& layerId, const gis::Geometry& mapGeometry, gis::AttributeRow attributes,
                               const QString& text);
  // The layer's row of a fid in its data as shown (for selections), -1 if none.
  int rowOf(const QString& layerId, qint64 fid) const;

  // Saves the edits into the file and reads it back; the undo history starts again (its steps
  // refer to the file as it was). Fails, saying why, with the edits kept.
  gis::Status save(const QString& layerId);
  // After conflicts of a shared table were settled (the buffer changed outside the undo history):
  // the history starts again and the layer is read again.
  void settled(const QString& layerId);
  // Ends the session: its unsaved edits are dropped (and their journal), the layer read again.
  void stop(const QString& layerId);

 signals:
  void editingChanged(const QString& layerId);  // started, stopped, saved, or edited
  void problem(const QString& message);

 private:
  struct Session;
  void show(const QString& layerId);  // the session's view on the map
  void reloadFile(const QString& path);
  Session* session(const QString& layerId) const;

  MapDocument* mDocument;
  std::map<QString, std::unique_ptr<Session>> mSessions;
};

}  // namespace xiuhua::app
