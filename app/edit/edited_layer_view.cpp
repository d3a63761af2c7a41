#include "edit/edited_layer_view.h"

#include "document/layer_editing.h"
#include "document/map_document.h"
#include "xiuhua/gis/edit/geometry_edits.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace xiuhua::app {

namespace {

bool transformGeometry(const gis::CoordinateTransform& transform, gis::Geometry& geometry) {
  for (gis::Geometry::Part& part : geometry.parts()) {
    for (gis::Geometry::Ring& ring : part) {
      if (!transform.transform(ring)) return false;
    }
  }
  return true;
}

}  // namespace

EditedLayerView::EditedLayerView(const MapDocument* document, const LayerEditing* editing, QString layerId)
    : mDocument(document), mLayerId(std::move(layerId)), mBuffer(editing->buffer(mLayerId)) {
  const LayerState* layer = document->layer(mLayerId);
  if (layer == nullptr) {
    mBuffer = nullptr;
    return;
  }
  const gis::Crs layerCrs = layer->effectiveCrs();
  const gis::Crs& mapCrs = document->mapCrs();
  if (layerCrs.isValid() && mapCrs.isValid() && !(layerCrs == mapCrs)) {
    auto toMap = gis::CoordinateTransform::create(layerCrs, mapCrs);
    auto toLayer = gis::CoordinateTransform::create(mapCrs, layerCrs);
    if (toMap.ok() && toLayer.ok()) {
      mToMap = std::move(toMap).value();
      mToLayer = std::move(toLayer).value();
    }
  }
}

gis::Geometry::Type EditedLayerView::geometryType() const {
  return mBuffer != nullptr ? mBuffer->base().geometryType : gis::Geometry::Type::Empty;
}

std::vector<qint64> EditedLayerView::selectedFids() const {
  std::vector<qint64> fids;
  const LayerState* layer = mDocument->layer(mLayerId);
  if (layer == nullptr || !layer->data || !layer->selection) return fids;
  for (int row : *layer->selection) {
    if (row >= 0 && static_cast<std::size_t>(row) < layer->data->fids.size()) fids.push_back(layer->data->fids[static_cast<std::size_t>(row)]);
  }
  return fids;
}

std::vector<qint64> EditedLayerView::featuresAt(QPointF map, double tolerance) const {
  std::vector<qint64> found;
  if (mBuffer == nullptr) return found;
  // Candidates: what the map shows there (its index may lag an edit) and every feature the
  // session changed; each judged on its geometry as edited now.
  const std::set<qint64> candidates = candidatesAround(map, tolerance, false);
  // Nearest first (inside a polygon counts as on it); the selected ones before the others.
  std::vector<std::pair<double, qint64>> hits;
  for (qint64 fid : candidates) {
    const std::optional<gis::Geometry> g = mapGeometry(fid);
    if (!g || !gis::hitTest(*g, map, tolerance)) continue;
    double distance = 0;
    if (g->type() == gis::Geometry::Type::Line) {
      if (const auto s = gis::nearestSegment(*g, map, tolerance)) distance = s->distance;
    } else if (g->type() == gis::Geometry::Type::Point) {
      if (const auto v = gis::nearestVertex(*g, map, tolerance)) distance = v->distance;
    }
    hits.emplace_back(distance, fid);
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& hit : hits) found.push_back(hit.second);
  const std::vector<qint64> selected = selectedFids();
  std::stable_partition(found.begin(), found.end(),
                        [&](qint64 fid) { return std::find(selected.begin(), selected.end(), fid) != selected.end(); });
  return found;
}

std::set<qint64> EditedLayerView::candidatesAround(QPointF map, double tolerance, bool boxesOnly) const {
  std::set<qint64> candidates;
  const LayerState* layer = mDocument->layer(mLayerId);
  if (layer != nullptr && layer->projected) {
    const auto& shownFids = layer->projected->source().fids;
    const std::vector<int> rows = boxesOnly ? layer->projected->candidates(QRectF(map - QPointF(tolerance, tolerance), map + QPointF(tolerance, tolerance)))
                                            : layer->projected->featuresAt(map, tolerance);
    for (int row : rows) candidates.insert(shownFids[static_cast<std::size_t>(row)]);
  }
  for (const auto& [fid, change] : mBuffer->overrides()) candidates.insert(fid);
  return candidates;
}

std::vector<qint64> EditedLayerView::featuresNear(QPointF map, double tolerance) const {
  std::vector<std::pair<double, qint64>> hits;
  if (mBuffer == nullptr) return {};
  for (qint64 fid : candidatesAround(map, tolerance, true)) {
    const std::optional<gis::Geometry> g = mapGeometry(fid);
    if (!g) continue;
    if (const auto v = gis::nearestVertex(*g, map, tolerance)) {
      hits.emplace_back(v->distance, fid);
    } else if (const auto s = gis::nearestSegment(*g, map, tolerance)) {
      hits.emplace_back(s->distance, fid);
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<qint64> found;
  for (const auto& hit : hits) found.push_back(hit.second);
  return found;
}

std::optional<gis::Geometry> EditedLayerView::mapGeometry(qint64 fid) const {
  if (mBuffer == nullptr) return std::nullopt;
  std::optional<gis::EditedFeature> feature = mBuffer->feature(fid);
  if (!feature) return std::nullopt;
  if (mToMap && !transformGeometry(*mToMap, feature->geometry)) return std::nullopt;
  return std::move(feature->geometry);
}

gis::Result<gis::Geometry> EditedLayerView::toLayer(const gis::Geometry& map) const {
  gis::Geometry geometry = map;
  if (mToLayer && !transformGeometry(*mToLayer, geometry)) {
    return gis::Error{gis::ErrorCode::TransformFailed,
                      QCoreApplication::translate("EditedLayerView", "The edited feature cannot be put into the layer's coordinate system.")};
  }
  return geometry;
}

gis::Result<QPointF> EditedLayerView::toLayer(QPointF map) const {
  if (!mToLayer) return map;
  std::vector<QPointF> points{map};
  if (!mToLayer->transform(points)) {
    return gis::Error{gis::ErrorCode::TransformFailed,
                      QCoreApplication::translate("EditedLayerView", "The point cannot be put into the layer's coordinate system.")};
  }
  return points.front();
}

}  // namespace xiuhua::app
