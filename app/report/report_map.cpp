#include "report/report_map.h"

#include "document/layer_loader.h"
#include "document/map_decorations.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>
#include <numbers>

namespace xiuhua::app {

namespace {

// The legend lines of one layer: its name alone, or its name over its classes.
void addLegend(std::vector<LegendEntry>& legend, const gis::LayerSpec& spec, gis::Geometry::Type geometry) {
  const gis::VectorStyle& style = spec.vectorStyle;
  if (style.kind == gis::VectorStyle::Kind::Single || style.classes.empty()) {
    legend.push_back({spec.name, false, style.symbol, geometry});
    return;
  }
  legend.push_back({spec.name, true, {}, geometry});
  for (const gis::StyleClass& c : style.classes) {
    QString label = c.label;
    if (label.isEmpty()) {
      label = style.kind == gis::VectorStyle::Kind::Categorized ? c.value.toString()
                                                                : QStringLiteral("%1 – %2").arg(c.lower, 0, 'g', 4).arg(c.upper, 0, 'g', 4);
    }
    legend.push_back({label, false, c.symbol, geometry});
  }
}

void paintSwatch(QPainter& painter, const QRectF& box, const LegendEntry& entry) {
  painter.save();
  switch (entry.geometry) {
    case gis::Geometry::Type::Line:
      painter.setPen(QPen(entry.symbol.stroke, box.height() * 0.25, Qt::SolidLine, Qt::RoundCap));
      painter.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
      break;
    case gis::Geometry::Type::Point:
      painter.setPen(QPen(entry.symbol.stroke, 0));
      painter.setBrush(entry.symbol.fill);
      painter.drawEllipse(box.center(), box.height() * 0.35, box.height() * 0.35);
      break;
    default:
      painter.setPen(QPen(entry.symbol.stroke, 0));
      painter.setBrush(entry.symbol.fill);
      painter.drawRect(box.adjusted(0, box.height() * 0.1, 0, -box.height() * 0.1));
  }
  painter.restore();
}

}  // namespace

ReportMap ReportMap::load(const std::vector<gis::LayerSpec>& specs, const gis::Crs& mapCrs, const QStringList& attribution,
                          const std::atomic<bool>* cancel) {
  ReportMap map;
  std::vector<gis::RenderLayer> labels;  // label-only copies, drawn last
  std::vector<std::vector<LegendEntry>> legends;  // per layer, bottom first
  for (const gis::LayerSpec& spec : specs) {
    if (!spec.visible) continue;
    LoadedLayer loaded = loadLayer(spec, mapCrs, nullptr, cancel);
    if (!loaded.error.isEmpty()) {
      map.mProblems << loaded.error;
      continue;
    }
    if (loaded.projected || loaded.streamed) {
      map.mLayers.push_back({loaded.projected, nullptr, spec.vectorStyle, spec.rasterStyle, nullptr, loaded.streamed});
      if (!spec.vectorStyle.labelField.isEmpty()) {
        gis::RenderLayer label = map.mLayers.back();
        label.vectorStyle.kind = gis::VectorStyle::Kind::Single;
        label.vectorStyle.symbol.fill = Qt::transparent;
        label.vectorStyle.symbol.stroke = Qt::transparent;
        labels.push_back(std::move(label));
        map.mLayers.back().vectorStyle.labelField.clear();
      }
      const QRectF extent = loaded.projected ? loaded.projected->extent() : loaded.streamed->extent();
      map.mExtent = map.mExtent.isNull() ? extent : map.mExtent.united(extent);
      addLegend(legends.emplace_back(), spec, loaded.data      ? loaded.data->geometryType
                                              : loaded.streamed ? loaded.streamed->geometryType()
                                                                : gis::Geometry::Type::Polygon);
      const QString description = loaded.data ? loaded.data->description.trimmed() : QString();
      if (!description.isEmpty() && !map.mAttribution.contains(description)) map.mAttribution << description;
    } else if (loaded.raster) {
      map.mLayers.push_back({nullptr, loaded.raster, spec.vectorStyle, spec.rasterStyle, nullptr, nullptr});
      map.mExtent = map.mExtent.isNull() ? loaded.raster->extent : map.mExtent.united(loaded.raster->extent);
      legends.push_back({{spec.name, false, {}, gis::Geometry::Type::Empty}});
    } else {
      continue;
    }
    map.mLayerIds.push_back(spec.id);
  }
  for (gis::RenderLayer& label : labels) {
    map.mLayers.push_back(std::move(label));
    map.mLayerIds.push_back(QString());
  }
  for (const QString& a : attribution) {
    if (!map.mAttribution.contains(a)) map.mAttribution << a;
  }
  for (auto l = legends.rbegin(); l != legends.rend(); ++l) map.mLegend.insert(map.mLegend.end(), l->begin(), l->end());  // top first
  if (mapCrs.isGeographic() && !map.mExtent.isNull()) {
    map.mMetresPerUnit = 111319.49 * std::cos(map.mExtent.center().y() * std::numbers::pi / 180.0);
  }
  return map;
}

QRectF ReportMap::featureExtent(const QString& layerId, const QString& field, const QString& value) const {
  QRectF extent;
  for (std::size_t l = 0; l < mLayers.size(); ++l) {
    if (mLayerIds[l] != layerId || !mLayers[l].vector) continue;
    const gis::ProjectedLayer& layer = *mLayers[l].vector;
    const int column = layer.source().fieldIndex(field);
    if (column < 0) continue;
    for (std::size_t f = 0; f < layer.geometries().size(); ++f) {
      if (layer.source().attributes[f][static_cast<std::size_t>(column)].toString() != value) continue;
      extent = extent.isNull() ? layer.boxes()[f] : extent.united(layer.boxes()[f]);
    }
  }
  return extent;
}

QStringList ReportMap::fieldValues(const QString& layerId, const QString& field) const {
  QStringList values;
  for (std::size_t l = 0; l < mLayers.size(); ++l) {
    if (mLayerIds[l] != layerId || !mLayers[l].vector) continue;
    const gis::VectorData& data = mLayers[l].vector->source();
    const int column = data.fieldIndex(field);
    if (column < 0) continue;
    for (const gis::AttributeRow& row : data.attributes) {
      const QString value = row[static_cast<std::size_t>(column)].toString();
      if (!values.contains(value)) values << value;
    }
  }
  return values;
}

gis::RenderSnapshot ReportMap::snapshot(const QRectF& extent, const QSize& size, const Highlight& highlight) const {
  gis::RenderSnapshot snapshot;
  snapshot.viewport = gis::MapViewport::fitting(extent, size, 0.04);
  snapshot.layers = mLayers;
  if (!highlight.layerId.isEmpty()) {
    // The chosen feature outlined on top, the others veiled: a style whose only class is its value.
    for (std::size_t l = 0; l < mLayers.size(); ++l) {
      if (mLayerIds[l] != highlight.layerId || !mLayers[l].vector) continue;
      gis::RenderLayer top = mLayers[l];
      top.vectorStyle = {};
      top.vectorStyle.kind = gis::VectorStyle::Kind::Categorized;
      top.vectorStyle.field = highlight.field;
      top.vectorStyle.symbol.fill = QColor(255, 255, 255, 150);  // the others dimmed
      top.vectorStyle.symbol.stroke = Qt::transparent;
      gis::StyleClass chosen;
      chosen.value = highlight.value;
      chosen.symbol.fill = Qt::transparent;
      chosen.symbol.stroke = QColor(0xb7, 0x1c, 0x1c);
      chosen.symbol.strokeWidth = 3.5;
      top.vectorStyle.classes.push_back(chosen);
      snapshot.layers.push_back(std::move(top));
    }
  }
  return snapshot;
}

QImage ReportMap::render(const QRectF& extent, const QSizeF& size, double dpi, double printDpi, const Highlight& highlight,
                         const std::atomic<bool>* cancel) const {
  // Viewport pixels are screen pixels (96 per inch) so that styles keep their size on paper.
  const QSizeF inches = size / dpi;
  const QSize pixels = (inches * 96.0).toSize().expandedTo(QSize(1, 1));
  gis::RenderSnapshot s = snapshot(extent, pixels, highlight);
  s.pixelRatio = printDpi / 96.0;
  const std::atomic<bool> never(false);
  QImage image = gis::renderMap(s, cancel != nullptr ? *cancel : never);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing, true);
  drawScaleBar(painter, s.viewport, mMetresPerUnit);
  drawNorthArrow(painter, s.viewport);
  return image;
}

void ReportMap::paint(QPainter& painter, const QRectF& extent, const QSize& size) const {
  const gis::RenderSnapshot s = snapshot(extent, size, {});
  const std::atomic<bool> never(false);
  painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
  gis::paintMap(painter, s, never);
  drawScaleBar(painter, s.viewport, mMetresPerUnit);
  drawNorthArrow(painter, s.viewport);
}

void paintMapFigure(QPainter& painter, const QRectF& box, double dpi, double printDpi, const ReportMap& map, const QRectF& extent,
                    const QFont& font, const ReportMap::Highlight& highlight, bool vectors) {
  QFont small(font);
  small.setPointSizeF(font.pointSizeF() * 0.85);
  const QFontMetricsF metrics(small, painter.device());
  const double line = metrics.height();
  const QString attribution =
      map.attribution().isEmpty() ? QString() : ReportMap::tr("Data: %1").arg(map.attribution().join(QLatin1Char('\n')));
  const double attributionHeight =
      attribution.isEmpty() ? 0 : metrics.boundingRect(QRectF(0, 0, box.width(), 1e6), Qt::TextWordWrap, attribution).height() + line * 0.5;
  const double legendWidth = box.width() * 0.27;
  const QRectF frame(box.left(), box.top(), box.width() - legendWidth - line, box.height() - attributionHeight);
  painter.save();
  const bool empty = map.isEmpty() || extent.isEmpty();
  if (!empty && vectors) {
    painter.save();
    painter.setClipRect(frame);
    painter.translate(frame.topLeft());
    painter.scale(dpi / 96.0, dpi / 96.0);
    map.paint(painter, extent, (frame.size() * 96.0 / dpi).toSize());
    painter.restore();
  } else if (!empty) {
    const QImage image = map.render(extent, frame.size(), dpi, printDpi, highlight);
    // Lossless in a PDF: JPEG would blur the thin lines and labels of a map.
    painter.setRenderHint(QPainter::LosslessImageRendering, true);
    painter.drawImage(frame, image);
  }
  painter.setPen(QPen(QColor(0x75, 0x75, 0x75), 0));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(frame);
  if (empty) {
    QFont big(font);
    big.setPointSizeF(font.pointSizeF() * 1.6);
    painter.setFont(big);
    painter.setPen(QColor(0x75, 0x75, 0x75));
    painter.drawText(frame, Qt::AlignCenter, ReportMap::tr("No data"));
  }
  // Legend: top layer first, a layer's classes under its name.
  painter.setFont(small);
  double y = frame.top();
  const double x = frame.right() + line;
  for (const LegendEntry& entry : map.legend()) {
    if (y + line > frame.bottom()) break;
    painter.setFont(small);
    painter.setPen(entry.heading ? QColor(0x1a, 0x3a, 0x6b) : QColor(Qt::black));
    if (entry.heading || entry.geometry == gis::Geometry::Type::Empty) {
      painter.drawText(QRectF(x, y, legendWidth, line), Qt::AlignLeft | Qt::AlignVCenter, metrics.elidedText(entry.label, Qt::ElideRight, legendWidth));
    } else {
      paintSwatch(painter, QRectF(x, y + line * 0.15, line * 1.4, line * 0.7), entry);
      painter.setPen(Qt::black);
      painter.drawText(QRectF(x + line * 1.8, y, legendWidth - line * 1.8, line), Qt::AlignLeft | Qt::AlignVCenter,
                       metrics.elidedText(entry.label, Qt::ElideRight, legendWidth - line * 1.8));
    }
    y += line * 1.15;
  }
  if (!attribution.isEmpty()) {
    painter.setFont(small);
    painter.setPen(QColor(0x42, 0x42, 0x42));
    painter.drawText(QRectF(box.left(), frame.bottom() + line * 0.3, box.width(), attributionHeight),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, attribution);
  }
  painter.restore();
}

}  // namespace xiuhua::app
