#include "edit/transform_tool.h"

#include "document/layer_editing.h"
#include "document/map_document.h"
#include "edit/edited_layer_view.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "xiuhua/gis/edit/geometry_edits.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace xiuhua::app {

TransformTool::TransformTool(Mode mode, MapDocument* document, LayerEditing* editing, QString layerId, QObject* parent)
    : MapTool(parent), mMode(mode), mDocument(document), mEditing(editing), mLayerId(std::move(layerId)) {}

EditedLayerView TransformTool::view() const { return EditedLayerView(mDocument, mEditing, mLayerId); }

std::optional<std::pair<QString, std::vector<qint64>>> TransformTool::snapExclusion() const {
  if (mOriginals.empty()) return std::nullopt;
  std::vector<qint64> fids;
  for (const auto& [fid, g] : mOriginals) fids.push_back(fid);
  return std::make_pair(mLayerId, std::move(fids));
}

bool TransformTool::press(const MapToolEvent& event) {
  const EditedLayerView layer = view();
  if (!layer.isValid()) return false;
  const std::vector<qint64> there = layer.featuresAt(event.cursor, kPixels * event.unitsPerPixel);
  if (there.empty()) return false;  // a drag beside the features pans
  const qint64 pressed = there.front();
  std::vector<qint64> fids{pressed};
  const std::vector<qint64> selected = layer.selectedFids();
  if (std::find(selected.begin(), selected.end(), pressed) != selected.end()) fids = selected;
  mOriginals.clear();
  for (qint64 fid : fids) {
    if (auto g = layer.mapGeometry(fid)) mOriginals.emplace(fid, std::move(*g));
  }
  if (mOriginals.empty()) return false;
  mPreview = mOriginals;
  mPress = event.map;
  mCentre = gis::centreOf(mOriginals.at(pressed)).value_or(event.cursor);
  emit changed();
  return true;
}

double TransformTool::angleTo(const MapToolEvent& event) const {
  const double from = std::atan2(mPress.y() - mCentre.y(), mPress.x() - mCentre.x());
  const double to = std::atan2(event.cursor.y() - mCentre.y(), event.cursor.x() - mCentre.x());
  double degrees = (to - from) * 180 / std::numbers::pi;
  if (event.modifiers & Qt::ShiftModifier) degrees = std::round(degrees / 15) * 15;
  return degrees;
}

void TransformTool::drag(const MapToolEvent& event) {
  if (mOriginals.empty()) return;
  for (auto& [fid, g] : mPreview) {
    g = mMode == Mode::Move ? gis::translated(mOriginals.at(fid), event.map - mPress)
                            : gis::rotated(mOriginals.at(fid), mCentre, angleTo(event));
  }
  emit changed();
}

void TransformTool::release(const MapToolEvent& event) {
  if (mOriginals.empty()) return;
  drag(event);
  const EditedLayerView layer = view();
  const bool moved = mMode == Mode::Move ? event.map != mPress : std::abs(angleTo(event)) > 1e-9;
  std::vector<gis::FeatureEditCommand::Change> changes;
  QString failure;
  for (const auto& [fid, mapGeometry] : mPreview) {
    std::optional<gis::EditedFeature> feature = layer.buffer()->feature(fid);
    auto inLayer = layer.toLayer(mapGeometry);
    if (!feature || !inLayer.ok()) {
      failure = inLayer.ok() ? tr("A feature is no longer there.") : inLayer.error().message;
      break;
    }
    feature->geometry = std::move(inLayer).value();
    changes.emplace_back(fid, std::move(*feature));
  }
  mOriginals.clear();
  mPreview.clear();
  emit changed();
  if (!failure.isEmpty()) {
    emit problem(failure);
    return;
  }
  if (!moved || changes.empty()) return;
  const int n = static_cast<int>(changes.size());
  const QString text = mMode == Mode::Move ? tr("Move %n feature(s)", nullptr, n) : tr("Rotate %n feature(s)", nullptr, n);
  mEditing->push(mLayerId, std::make_unique<gis::FeatureEditCommand>(layer.buffer(), std::move(changes), text, -1));
}

bool TransformTool::key(int key, Qt::KeyboardModifiers /*modifiers*/) {
  if (key != Qt::Key_Escape || mOriginals.empty()) return false;
  mOriginals.clear();
  mPreview.clear();
  emit changed();
  return true;
}

void TransformTool::paint(QPainter& painter, const gis::MapViewport& viewport) const {
  if (mPreview.empty()) return;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(QPen(QColor(230, 85, 13), 2, Qt::DashLine));
  painter.setBrush(QColor(230, 85, 13, 50));
  for (const auto& [fid, g] : mPreview) {
    QPainterPath path;
    for (const gis::Geometry::Part& part : g.parts()) {
      for (const gis::Geometry::Ring& ring : part) {
        QPolygonF pixels;
        for (const QPointF& p : ring) pixels << viewport.toPixel(p);
        if (g.type() == gis::Geometry::Type::Point && !pixels.isEmpty()) {
          path.addEllipse(pixels.front(), 5, 5);
        } else {
          path.addPolygon(pixels);
        }
      }
    }
    if (g.type() == gis::Geometry::Type::Line) painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
  }
  if (mMode == Mode::Rotate) {
    const QPointF c = viewport.toPixel(mCentre);
    painter.drawLine(c + QPointF(-8, 0), c + QPointF(8, 0));
    painter.drawLine(c + QPointF(0, -8), c + QPointF(0, 8));
  }
  painter.restore();
}

}  // namespace xiuhua::app
