#include "xiuhua/gis/render_job.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace xiuhua::gis {
namespace {

constexpr int kCancelPollInterval = 256;

QPolygonF toPixels(const Geometry::Ring& ring, const MapViewport& vp) {
  QPolygonF poly;
  poly.reserve(static_cast<qsizetype>(ring.size()));
  QPointF last(-1e9, -1e9);
  for (const QPointF& p : ring) {
    const QPointF px = vp.toPixel(p);
    // Skip vertices that land on the same pixel as the previous one: invisible, and costly at
    // small scales.
    if (std::abs(px.x() - last.x()) < 0.5 && std::abs(px.y() - last.y()) < 0.5) continue;
    poly.append(px);
    last = px;
  }
  return poly;
}

void drawGeometry(QPainter& painter, const Geometry& g, const Symbol& s, const MapViewport& vp,
                  bool highlighted) {
  const QRectF box = g.boundingBox();
  const double pw = box.width() / vp.unitsPerPixel();
  const double ph = box.height() / vp.unitsPerPixel();
  QColor fill = s.fill;
  QColor stroke = s.stroke;
  if (highlighted) {
    fill = QColor(255, 230, 0, 200);
    stroke = QColor(230, 120, 0);
  }
  if (g.type() != Geometry::Type::Point && pw < 1.5 && ph < 1.5) {
    // Sub-pixel feature: one pixel says as much, far faster than a path.
    const QPointF c = vp.toPixel(box.center());
    painter.fillRect(QRectF(std::floor(c.x()), std::floor(c.y()), 1, 1),
                     g.type() == Geometry::Type::Polygon ? fill : stroke);
    return;
  }
  switch (g.type()) {
    case Geometry::Type::Polygon: {
      QPainterPath path;
      path.setFillRule(Qt::OddEvenFill);
      for (const Geometry::Part& part : g.parts()) {
        for (const Geometry::Ring& ring : part) {
          const QPolygonF poly = toPixels(ring, vp);
          if (poly.size() >= 2) path.addPolygon(poly);
        }
      }
      painter.setPen(QPen(stroke, highlighted ? s.strokeWidth + 1.5 : s.strokeWidth, s.dashed ? Qt::DashLine : Qt::SolidLine));
      painter.setBrush(fill);
      painter.drawPath(path);
      break;
    }
    case Geometry::Type::Line:
      painter.setPen(QPen(stroke, highlighted ? s.strokeWidth + 2 : s.strokeWidth, s.dashed ? Qt::DashLine : Qt::SolidLine,
                          Qt::RoundCap, Qt::RoundJoin));
      painter.setBrush(Qt::NoBrush);
      for (const Geometry::Part& part : g.parts()) {
        if (!part.empty()) painter.drawPolyline(toPixels(part.front(), vp));
      }
      break;
    case Geometry::Type::Point: {
      painter.setPen(QPen(stroke, 1.0));
      painter.setBrush(fill);
      const double r = (highlighted ? s.pointSize + 4 : s.pointSize) / 2.0;
      for (const Geometry::Part& part : g.parts()) {
        if (part.empty() || part.front().empty()) continue;
        painter.drawEllipse(vp.toPixel(part.front().front()), r, r);
      }
      break;
    }
    case Geometry::Type::Empty: break;
  }
}

struct LabelCandidate {
  QPointF anchor;  // map CRS
  QString text;
};

void drawLabels(QPainter& painter, const VectorStyle& style, const std::vector<LabelCandidate>& candidates,
                const MapViewport& vp, const std::atomic<bool>& cancel) {
  QFont font = painter.font();
  font.setPointSize(style.labelPointSize);
  painter.setFont(font);
  const QFontMetricsF metrics(font, painter.device());
  std::vector<QRectF> placed;
  const QRectF canvas(QPointF(0, 0), QSizeF(vp.size()));
  for (const LabelCandidate& candidate : candidates) {
    if (cancel.load() || placed.size() >= 2000) return;  // 2000 labels are plenty for any screen
    if (candidate.text.isEmpty()) continue;
    QRectF rect = metrics.boundingRect(candidate.text);
    rect.moveCenter(vp.toPixel(candidate.anchor));
    if (!canvas.intersects(rect)) continue;
    const bool overlaps = std::any_of(placed.begin(), placed.end(),
                                      [&](const QRectF& r) { return r.intersects(rect); });
    if (overlaps) continue;
    placed.push_back(rect.adjusted(-2, -1, 2, 1));
    // A white halo keeps Chinese labels readable over any fill.
    QPainterPath path;
    path.addText(rect.left(), rect.top() + metrics.ascent(), font, candidate.text);
    painter.setPen(QPen(QColor(255, 255, 255, 220), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    painter.setPen(Qt::NoPen);
    painter.setBrush(style.labelColor);
    painter.drawPath(path);
  }
}

void drawLabels(QPainter& painter, const RenderLayer& layer, const std::vector<int>& visible,
                const MapViewport& vp, const std::atomic<bool>& cancel) {
  const VectorData& data = layer.vector->source();
  const int field = data.fieldIndex(layer.vectorStyle.labelField);
  if (field < 0) return;
  const std::vector<QPointF>& anchors = layer.vector->labelAnchors();
  std::vector<LabelCandidate> candidates;
  for (int i : visible) {
    if (candidates.size() >= 20000) break;
    const QString text = data.attributes[static_cast<std::size_t>(i)][static_cast<std::size_t>(field)].toString();
    if (!text.isEmpty()) candidates.push_back({anchors[static_cast<std::size_t>(i)], text});
  }
  drawLabels(painter, layer.vectorStyle, candidates, vp, cancel);
}

// A streamed layer: the view's features fetched batch by batch and drawn as they come; the source
// stops between batches when the render is cancelled.
void drawStreamed(QPainter& painter, const RenderLayer& layer, const MapViewport& vp,
                  const std::atomic<bool>& cancel, RenderStats& stats) {
  const FeatureSource& source = *layer.streamed;
  const VectorStyle& style = layer.vectorStyle;
  const QStringList columns = source.fieldNames();
  FeatureRequest request;
  request.rect = vp.extent();
  // drawGeometry draws a feature below a pixel and a half as one pixel: a big one may come as its
  // envelope then. Points always come whole (a symbol, not a pixel).
  request.minSize = source.geometryType() == Geometry::Type::Point ? 0.0 : 1.5 * vp.unitsPerPixel();
  const bool classified = style.kind != VectorStyle::Kind::Single && columns.contains(style.field);
  if (classified) request.fields << style.field;
  const bool labelled = !style.labelField.isEmpty() && columns.contains(style.labelField);
  if (labelled) request.fields << style.labelField;
  std::vector<LabelCandidate> labels;
  painter.setOpacity(std::clamp(style.opacity, 0.0, 1.0));
  auto fetched = source.fetch(request, [&](std::vector<StreamedFeature>& batch) {
    stats.featuresConsidered += static_cast<int>(batch.size());
    for (const StreamedFeature& f : batch) {
      if (f.geometry.isEmpty()) continue;
      const Symbol& symbol = classified ? style.symbolFor(f.values.front()) : style.symbol;
      drawGeometry(painter, f.geometry, symbol, vp, false);
      if (labelled && labels.size() < 20000) labels.push_back({f.box.center(), f.values.back().toString()});
      ++stats.featuresDrawn;
    }
  }, &cancel);
  painter.setOpacity(1.0);
  if (!fetched.ok()) {
    stats.problems << fetched.error().message;
    return;
  }
  if (fetched->cancelled) {
    stats.cancelled = true;
    return;
  }
  if (labelled) drawLabels(painter, style, labels, vp, cancel);
}

void drawVector(QPainter& painter, const RenderLayer& layer, const MapViewport& vp,
                const std::atomic<bool>& cancel, RenderStats& stats) {
  const ProjectedLayer& data = *layer.vector;
  const VectorStyle& style = layer.vectorStyle;
  const int field = style.kind == VectorStyle::Kind::Single ? -1 : data.source().fieldIndex(style.field);
  const std::vector<int> visible = data.candidates(vp.extent());
  stats.featuresConsidered += static_cast<int>(visible.size());
  painter.setOpacity(std::clamp(style.opacity, 0.0, 1.0));
  int n = 0;
  for (int i : visible) {
    if ((++n % kCancelPollInterval) == 0 && cancel.load()) {
      stats.cancelled = true;
      return;
    }
    const auto index = static_cast<std::size_t>(i);
    const Symbol& symbol = field >= 0 ? style.symbolFor(data.source().attributes[index][static_cast<std::size_t>(field)])
                                      : style.symbol;
    drawGeometry(painter, data.geometries()[index], symbol, vp, false);
    ++stats.featuresDrawn;
  }
  if (layer.selection && !layer.selection->empty()) {
    for (int i : *layer.selection) {
      if (i >= 0 && static_cast<std::size_t>(i) < data.geometries().size() &&
          data.boxes()[static_cast<std::size_t>(i)].intersects(vp.extent().adjusted(-1, -1, 1, 1))) {
        drawGeometry(painter, data.geometries()[static_cast<std::size_t>(i)], style.symbol, vp, true);
      }
    }
  }
  painter.setOpacity(1.0);
  if (!style.labelField.isEmpty()) drawLabels(painter, layer, visible, vp, cancel);
}

void drawRaster(QPainter& painter, const RenderLayer& layer, const MapViewport& vp) {
  const RasterGrid& grid = *layer.raster;
  if (grid.width == 0 || !grid.extent.intersects(vp.extent())) return;
  const ColorRamp ramp = ColorRamp::byName(layer.rasterStyle.rampName);
  const double lo = layer.rasterStyle.minimum;
  const double span = std::max(layer.rasterStyle.maximum - lo, 1e-12);
  QImage image(grid.width, grid.height, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  for (int row = 0; row < grid.height; ++row) {
    auto* line = reinterpret_cast<QRgb*>(image.scanLine(row));
    for (int col = 0; col < grid.width; ++col) {
      const float v = grid.values[static_cast<std::size_t>(row) * static_cast<std::size_t>(grid.width) +
                                  static_cast<std::size_t>(col)];
      if (std::isnan(v)) continue;
      line[col] = ramp.at((v - lo) / span).rgba();
    }
  }
  painter.setOpacity(std::clamp(layer.rasterStyle.opacity, 0.0, 1.0));
  const QRectF target(vp.toPixel(QPointF(grid.extent.left(), grid.extent.bottom())),
                      vp.toPixel(QPointF(grid.extent.right(), grid.extent.top())));
  painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
  painter.drawImage(target, image);
  painter.setOpacity(1.0);
}

}  // namespace

RenderStats paintMap(QPainter& painter, const RenderSnapshot& snapshot, const std::atomic<bool>& cancel) {
  RenderStats stats;
  const MapViewport& vp = snapshot.viewport;
  if (!vp.isValid()) return stats;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  for (const RenderLayer& layer : snapshot.layers) {
    if (cancel.load()) {
      stats.cancelled = true;
      break;
    }
    if (layer.raster) drawRaster(painter, layer, vp);
    if (layer.vector) drawVector(painter, layer, vp, cancel, stats);
    if (layer.streamed) drawStreamed(painter, layer, vp, cancel, stats);
    if (stats.cancelled) break;
  }
  painter.restore();
  return stats;
}

QImage renderMap(const RenderSnapshot& snapshot, const std::atomic<bool>& cancel,
                 RenderStats* statsOut) {
  const MapViewport& vp = snapshot.viewport;
  const double ratio = snapshot.pixelRatio > 0 ? snapshot.pixelRatio : 1.0;
  const QSize size = vp.size().isEmpty() ? QSize(1, 1) : vp.size();
  QImage image((QSizeF(size) * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(ratio);
  image.fill(snapshot.background);
  RenderStats stats;
  if (vp.isValid()) {
    QPainter painter(&image);
    stats = paintMap(painter, snapshot, cancel);
  }
  if (statsOut != nullptr) *statsOut = stats;
  return image;
}

}  // namespace xiuhua::gis
