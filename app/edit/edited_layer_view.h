#pragma once

#include "xiuhua/gis/coordinate_transform.h"
#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/result.h"

#include <QPointF>
#include <QString>

#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace xiuhua::app {

class LayerEditing;
class MapDocument;

// The features of a layer being edited as the map tools see them: in the map CRS, found by
// position, with the way back into the layer's CRS for the edit. Reads the session (the features
// as edited), so a feature changed a moment ago is found where it is now, even while the map is
// still redrawing it. Cheap to make; make one per tool action (GUI thread).
class EditedLayerView {
 public:
  EditedLayerView(const MapDocument* document, const LayerEditing* editing, QString layerId);

  bool isValid() const { return mBuffer != nullptr; }
  const QString& layerId() const { return mLayerId; }
  gis::EditBuffer* buffer() const { return mBuffer; }
  gis::Geometry::Type geometryType() const;

  // The features at a point (map CRS): containing it (polygons) or within tolerance (map units) of
  // it; the selected ones first.
  std::vector<qint64> featuresAt(QPointF map, double tolerance) const;
  // The features whose outline (a vertex or segment) lies within tolerance of the point, nearest
  // first — a polygon's corner is found from outside it as from inside.
  std::vector<qint64> featuresNear(QPointF map, double tolerance) const;
  // A feature's geometry in the map CRS; nullopt for an unknown or deleted fid.
  std::optional<gis::Geometry> mapGeometry(qint64 fid) const;
  // Map CRS into the layer's CRS (an error says why PROJ could not).
  gis::Result<gis::Geometry> toLayer(const gis::Geometry& map) const;
  gis::Result<QPointF> toLayer(QPointF map) const;
  // The fids of the layer's selected features.
  std::vector<qint64> selectedFids() const;

 private:
  const MapDocument* mDocument;
  QString mLayerId;
  gis::EditBuffer* mBuffer = nullptr;
  std::set<qint64> candidatesAround(QPointF map, double tolerance, bool boxesOnly) const;
  std::unique_ptr<gis::CoordinateTransform> mToMap;    // null: same CRS
  std::unique_ptr<gis::CoordinateTransform> mToLayer;  // null: same CRS
};

}  // namespace xiuhua::app
