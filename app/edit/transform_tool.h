#pragma once

#include "map/map_tool.h"
#include "xiuhua/gis/geometry.h"

#include <map>
#include <optional>

namespace xiuhua::app {

class LayerEditing;
class MapDocument;
class EditedLayerView;

// Moves or rotates features of a layer being edited by dragging on the map: the pressed feature,
// or all selected features when it is one of them. Move follows the cursor (snapping); rotate turns
// about the pressed feature's centre (GEOS centroid) by the angle swept, in steps of 15° with Shift.
// One drag is one undo step.
class TransformTool : public MapTool {
  Q_OBJECT

 public:
  enum class Mode { Move, Rotate };
  TransformTool(Mode mode, MapDocument* document, LayerEditing* editing, QString layerId, QObject* parent = nullptr);

  Mode mode() const { return mMode; }
  bool press(const MapToolEvent& event) override;
  void drag(const MapToolEvent& event) override;
  void release(const MapToolEvent& event) override;
  bool key(int key, Qt::KeyboardModifiers modifiers) override;
  void paint(QPainter& painter, const gis::MapViewport& viewport) const override;
  QCursor cursor() const override { return Qt::SizeAllCursor; }
  bool snaps() const override { return mMode == Mode::Move; }
  // The features being moved (never onto their own old outline).
  std::optional<std::pair<QString, std::vector<qint64>>> snapExclusion() const override;

 private:
  static constexpr double kPixels = 6;
  EditedLayerView view() const;
  // The angle (degrees counter-clockwise) swept from the press to `cursor` about the centre.
  double angleTo(const MapToolEvent& event) const;

  Mode mMode;
  MapDocument* mDocument;
  LayerEditing* mEditing;
  QString mLayerId;
  std::map<qint64, gis::Geometry> mOriginals;  // map CRS, the features being moved
  std::map<qint64, gis::Geometry> mPreview;
  QPointF mPress;
  QPointF mCentre;
};

}  // namespace xiuhua::app
