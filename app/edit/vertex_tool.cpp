#include "edit/vertex_tool.h"

#include "document/layer_editing.h"
#include "document/map_document.h"
#include "edit/edited_layer_view.h"
#include "xiuhua/gis/edit/feature_edit_command.h"

#include <QLineF>
#include <QPainter>

namespace xiuhua::app {

VertexTool::VertexTool(MapDocument* document, LayerEditing* editing, QString layerId, QObject* parent)
    : MapTool(parent), mDocument(document), mEditing(editing), mLayerId(std::move(layerId)) {}

EditedLayerView VertexTool::view() const { return EditedLayerView(mDocument, mEditing, mLayerId); }

std::optional<std::pair<QString, std::vector<qint64>>> VertexTool::snapExclusion() const {
  if (!mDragging || !mFid) return std::nullopt;
  return std::make_pair(mLayerId, std::vector<qint64>{*mFid});
}

bool VertexTool::grab(const MapToolEvent& event) {
  const EditedLayerView layer = view();
  if (!layer.isValid()) return false;
  const double tolerance = kPixels * event.unitsPerPixel;
  // The shown feature first, then those whose outline passes near (a polygon's vertex is grabbed
  // from outside it too).
  std::vector<qint64> candidates;
  if (mFid) candidates.push_back(*mFid);
  for (qint64 fid : layer.featuresNear(event.cursor, tolerance)) candidates.push_back(fid);
  for (qint64 fid : candidates) {
    std::optional<gis::Geometry> g = layer.mapGeometry(fid);
    if (!g) continue;
    if (const auto hit = gis::nearestVertex(*g, event.cursor, tolerance)) {
      mFid = fid;
      mShown = std::move(g);
      mSelected = hit->ref;
      return true;
    }
  }
  return false;
}

bool VertexTool::press(const MapToolEvent& event) {
  if (!grab(event)) return false;
  mDragging = mSelected;
  mPressCursor = event.cursor;
  emit changed();
  return true;
}

void VertexTool::drag(const MapToolEvent& event) {
  if (!mDragging || !mFid) return;
  const std::optional<gis::Geometry> original = view().mapGeometry(*mFid);
  if (!original) return;
  auto moved = gis::moveVertex(*original, *mDragging, event.map);
  if (moved.ok()) mShown = std::move(moved).value();
  emit changed();
}

void VertexTool::release(const MapToolEvent& event) {
  if (!mDragging || !mFid) return;
  const gis::VertexRef ref = *mDragging;
  mDragging.reset();
  const EditedLayerView layer = view();
  const std::optional<gis::Geometry> original = layer.mapGeometry(*mFid);
  if (!original) return;
  if (QLineF(event.cursor, mPressCursor).length() < 3 * event.unitsPerPixel && !event.snap) {  // a click on the vertex
    mShown = original;
    emit changed();
    return;
  }
  std::optional<gis::EditedFeature> feature = layer.buffer()->feature(*mFid);
  const auto to = layer.toLayer(event.map);
  if (!feature || !to.ok()) {
    emit problem(to.ok() ? tr("The feature is no longer there.") : to.error().message);
    return;
  }
  if (const auto at = gis::nearestVertex(*original, event.map, 0); at && at->ref == ref) {  // snapped back where it was
    mShown = original;
    emit changed();
    return;
  }
  auto moved = gis::moveVertex(feature->geometry, ref, *to);
  if (!moved.ok()) {
    emit problem(moved.error().message);
    mShown = original;
    return;
  }
  commit(*moved, tr("Move a vertex"));
}

void VertexTool::click(const MapToolEvent& event) {
  const EditedLayerView layer = view();
  if (grab(event)) {
    emit changed();
    return;
  }
  const std::vector<qint64> there = layer.featuresAt(event.cursor, kPixels * event.unitsPerPixel);
  mSelected.reset();
  if (there.empty()) {
    mFid.reset();
    mShown.reset();
  } else {
    mFid = there.front();
    mShown = layer.mapGeometry(there.front());
  }
  emit changed();
}

void VertexTool::doubleClick(const MapToolEvent& event) {
  if (!mFid) return;
  const EditedLayerView layer = view();
  const std::optional<gis::Geometry> g = layer.mapGeometry(*mFid);
  if (!g) return;
  const double tolerance = kPixels * event.unitsPerPixel;
  if (gis::nearestVertex(*g, event.cursor, tolerance)) return;  // on a vertex: nothing to add there
  const auto segment = gis::nearestSegment(*g, event.cursor, tolerance);
  if (!segment) return;
  std::optional<gis::EditedFeature> feature = layer.buffer()->feature(*mFid);
  const auto at = layer.toLayer(event.snap ? event.map : segment->point);
  if (!feature || !at.ok()) return;
  auto inserted = gis::insertVertex(feature->geometry, segment->ref, *at);
  if (!inserted.ok()) {
    emit problem(inserted.error().message);
    return;
  }
  gis::VertexRef added = segment->ref;
  added.vertex += 1;
  mSelected = added;
  commit(*inserted, tr("Add a vertex"));
}

bool VertexTool::key(int key, Qt::KeyboardModifiers /*modifiers*/) {
  if (key == Qt::Key_Escape) {
    mFid.reset();
    mShown.reset();
    mSelected.reset();
    emit changed();
    return true;
  }
  if ((key != Qt::Key_Delete && key != Qt::Key_Backspace) || !mFid || !mSelected) return false;
  const EditedLayerView layer = view();
  std::optional<gis::EditedFeature> feature = layer.buffer() != nullptr ? layer.buffer()->feature(*mFid) : std::nullopt;
  if (!feature) return false;
  auto removed = gis::deleteVertex(feature->geometry, *mSelected);
  if (!removed.ok()) {
    emit problem(removed.error().message);
    return true;
  }
  mSelected.reset();
  commit(*removed, tr("Delete a vertex"));
  return true;
}

void VertexTool::hover(const MapToolEvent& event) {
  const std::optional<QPointF> before = mHover;
  mHover.reset();
  if (mShown) {
    if (const auto hit = gis::nearestVertex(*mShown, event.cursor, kPixels * event.unitsPerPixel)) mHover = hit->point;
  }
  if (before != mHover) emit changed();
}

void VertexTool::commit(const gis::Geometry& layerGeometry, const QString& text) {
  gis::EditBuffer* buffer = mEditing->buffer(mLayerId);
  if (buffer == nullptr || !mFid) return;
  mEditing->push(mLayerId, gis::FeatureEditCommand::changeGeometry(buffer, *mFid, layerGeometry, text, false));
  mShown = view().mapGeometry(*mFid);
  emit changed();
}

void VertexTool::paint(QPainter& painter, const gis::MapViewport& viewport) const {
  if (!mShown) return;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  const QColor colour(230, 85, 13);
  painter.setPen(QPen(colour, 1.5));
  painter.setBrush(Qt::NoBrush);
  const auto& parts = mShown->parts();
  for (std::size_t p = 0; p < parts.size(); ++p) {
    for (std::size_t r = 0; r < parts[p].size(); ++r) {
      QPolygonF pixels;
      for (const QPointF& v : parts[p][r]) pixels << viewport.toPixel(v);
      if (mShown->type() != gis::Geometry::Type::Point) painter.drawPolyline(pixels);
      for (int i = 0; i < pixels.size(); ++i) {
        const bool selected = mSelected && mSelected->part == static_cast<int>(p) && mSelected->ring == static_cast<int>(r) &&
                              mSelected->vertex == i;
        painter.setBrush(selected ? QBrush(colour) : QBrush(Qt::white));
        painter.drawRect(QRectF(pixels[i] - QPointF(3.5, 3.5), QSizeF(7, 7)));
      }
    }
  }
  if (mHover) {
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(colour, 2));
    painter.drawEllipse(viewport.toPixel(*mHover), 7, 7);
  }
  painter.restore();
}

}  // namespace xiuhua::app
