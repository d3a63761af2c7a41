#include "edit/split_tool.h"

#include "document/layer_editing.h"
#include "document/map_document.h"
#include "edit/edited_layer_view.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "xiuhua/gis/edit/geometry_edits.h"

#include <QLineF>

namespace xiuhua::app {

SplitTool::SplitTool(MapDocument* document, LayerEditing* editing, QString layerId, QObject* parent)
    : MapTool(parent), mDocument(document), mEditing(editing), mLayerId(std::move(layerId)) {}

void SplitTool::click(const MapToolEvent& event) {
  const EditedLayerView layer(mDocument, mEditing, mLayerId);
  if (!layer.isValid()) return;
  if (layer.geometryType() != gis::Geometry::Type::Line) {
    emit problem(tr("Only lines can be split."));
    return;
  }
  const double tolerance = kPixels * event.unitsPerPixel;
  const std::vector<qint64> there = layer.featuresAt(event.map, tolerance);
  if (there.empty()) {
    emit problem(tr("Click on a line of the edited layer to split it there."));
    return;
  }
  const qint64 fid = there.front();
  std::optional<gis::EditedFeature> feature = layer.buffer()->feature(fid);
  const auto at = layer.toLayer(event.map);
  if (!feature || !at.ok()) return;
  // The tolerance in the layer's units: the map's pixel size measured in the layer's CRS.
  const auto beside = layer.toLayer(event.map + QPointF(tolerance, 0));
  const double layerTolerance = beside.ok() ? QLineF(*at, *beside).length() : tolerance;
  auto pieces = gis::splitLineAt(feature->geometry, *at, layerTolerance);
  if (!pieces.ok()) {
    emit problem(pieces.error().message);
    return;
  }
  gis::EditedFeature kept = *feature;
  kept.geometry = std::move(pieces->at(0));
  gis::EditedFeature added{layer.buffer()->newFid(), std::move(pieces->at(1)), feature->attributes};
  const qint64 addedFid = added.fid;
  std::vector<gis::FeatureEditCommand::Change> changes;
  changes.emplace_back(fid, std::move(kept));
  changes.emplace_back(addedFid, std::move(added));
  const LayerState* state = mDocument->layer(mLayerId);
  mEditing->push(mLayerId, std::make_unique<gis::FeatureEditCommand>(
                               layer.buffer(), std::move(changes), tr("Split a line of %1").arg(state != nullptr ? state->spec.name : mLayerId),
                               -1));
  emit split(fid, addedFid);
}

}  // namespace xiuhua::app
