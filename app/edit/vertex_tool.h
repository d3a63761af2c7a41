#pragma once

#include "map/map_tool.h"
#include "xiuhua/gis/edit/geometry_edits.h"
#include "xiuhua/gis/geometry.h"

#include <optional>

namespace xiuhua::app {

class LayerEditing;
class MapDocument;
class EditedLayerView;

// The vertex tool of a layer being edited: drag a vertex to move it (snapping; one undo step per
// drag), double-click a segment to add a vertex there, click a vertex and press Delete to remove it.
// The feature whose vertices are shown is the one last clicked (or the one a vertex was grabbed
// of). Edits are made in the layer's CRS on the feature as edited.
class VertexTool : public MapTool {
  Q_OBJECT

 public:
  VertexTool(MapDocument* document, LayerEditing* editing, QString layerId, QObject* parent = nullptr);

  bool press(const MapToolEvent& event) override;
  void drag(const MapToolEvent& event) override;
  void release(const MapToolEvent& event) override;
  void click(const MapToolEvent& event) override;
  void doubleClick(const MapToolEvent& event) override;
  void hover(const MapToolEvent& event) override;
  bool key(int key, Qt::KeyboardModifiers modifiers) override;
  void paint(QPainter& painter, const gis::MapViewport& viewport) const override;
  bool snaps() const override { return true; }
  std::optional<std::pair<QString, std::vector<qint64>>> snapExclusion() const override;

  std::optional<qint64> activeFeature() const { return mFid; }
  std::optional<gis::VertexRef> selectedVertex() const { return mSelected; }

 private:
  static constexpr double kPixels = 8;  // how near (screen pixels) a vertex or segment must be
  EditedLayerView view() const;
  // Finds a vertex near the cursor: of the active feature first, else of a feature there.
  bool grab(const MapToolEvent& event);
  void commit(const gis::Geometry& layerGeometry, const QString& text);

  MapDocument* mDocument;
  LayerEditing* mEditing;
  QString mLayerId;
  std::optional<qint64> mFid;
  std::optional<gis::Geometry> mShown;  // the active feature in the map CRS (while dragging: as dragged)
  std::optional<gis::VertexRef> mSelected;
  std::optional<gis::VertexRef> mDragging;
  QPointF mPressCursor;
  std::optional<QPointF> mHover;  // a vertex under the cursor (map CRS)
};

}  // namespace xiuhua::app
