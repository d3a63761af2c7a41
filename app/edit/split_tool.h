#pragma once

#include "map/map_tool.h"

namespace xiuhua::app {

class LayerEditing;
class MapDocument;

// Splits a line of a layer being edited where it is clicked (snapping, e.g. at a crossing road):
// the line keeps its first piece and a new feature with the same attributes gets the rest — how a
// buried section of an overhead line is cut out (split at both of its ends, then change the status
// of the middle piece). One click is one undo step.
class SplitTool : public MapTool {
  Q_OBJECT

 public:
  SplitTool(MapDocument* document, LayerEditing* editing, QString layerId, QObject* parent = nullptr);
  void click(const MapToolEvent& event) override;
  bool snaps() const override { return true; }

 signals:
  void split(qint64 kept, qint64 added);

 private:
  static constexpr double kPixels = 8;
  MapDocument* mDocument;
  LayerEditing* mEditing;
  QString mLayerId;
};

}  // namespace xiuhua::app
