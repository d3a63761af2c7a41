#include "map/identify_panel.h"

#include "document/map_document.h"

#include <QHeaderView>

#include <cmath>

namespace xiuhua::app {

IdentifyPanel::IdentifyPanel(MapDocument* document, QWidget* parent)
    : QTreeWidget(parent), mDocument(document) {
  setColumnCount(2);
  setHeaderLabels({tr("Feature / field"), tr("Value")});
  header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  setAlternatingRowColors(true);
}

int IdentifyPanel::identify(QPointF mapPoint, double tolerance) {
  clear();
  mDocument->clearSelections();
  int found = 0;
  for (const LayerState& layer : mDocument->layers()) {
    if (!layer.spec.visible || !mDocument->isCurrent(layer)) continue;
    if (layer.raster) {
      const float v = layer.raster->valueAt(mapPoint);
      if (!std::isnan(v)) {
        auto* item = new QTreeWidgetItem(this, {layer.spec.name, QString::number(v, 'g', 8)});
        item->setExpanded(true);
      }
      continue;
    }
    if (layer.streamed) {
      found += identifyStreamed(layer, mapPoint, tolerance);
      continue;
    }
    if (!layer.projected) continue;
    const std::vector<int> hits = layer.projected->featuresAt(mapPoint, tolerance);
    if (hits.empty()) continue;
    auto* layerItem = new QTreeWidgetItem(this, {layer.spec.name, tr("%n features", nullptr, static_cast<int>(hits.size()))});
    QFont bold = layerItem->font(0);
    bold.setBold(true);
    layerItem->setFont(0, bold);
    const gis::VectorData& data = layer.projected->source();
    for (int i : hits) {
      const auto row = static_cast<std::size_t>(i);
      auto* featureItem = new QTreeWidgetItem(layerItem, {tr("Feature %1").arg(data.fids[row]), QString()});
      for (std::size_t f = 0; f < data.fields.size(); ++f) {
        const QVariant& value = data.attributes[row][f];
        new QTreeWidgetItem(featureItem, {data.fields[f].name, value.isValid() ? value.toString() : QStringLiteral("NULL")});
      }
      featureItem->setExpanded(true);
    }
    layerItem->setExpanded(true);
    mDocument->setSelection(layer.spec.id, hits);
    found += static_cast<int>(hits.size());
  }
  if (found == 0 && topLevelItemCount() == 0) new QTreeWidgetItem(this, {tr("Nothing here"), QString()});
  return found;
}

int IdentifyPanel::identifyStreamed(const LayerState& layer, QPointF mapPoint, double tolerance) {
  // One query through the table's index: the features at the point, with every column.
  auto hits = layer.streamed->featuresAt(mapPoint, tolerance);
  if (!hits.ok()) {
    auto* item = new QTreeWidgetItem(this, {layer.spec.name, hits.error().message});
    item->setToolTip(1, hits.error().message);
    return 0;
  }
  if (hits->empty()) return 0;
  auto* layerItem = new QTreeWidgetItem(this, {layer.spec.name, tr("%n features", nullptr, static_cast<int>(hits->size()))});
  QFont bold = layerItem->font(0);
  bold.setBold(true);
  layerItem->setFont(0, bold);
  for (const gis::IdentifiedFeature& f : *hits) {
    auto* featureItem = new QTreeWidgetItem(layerItem, {tr("Feature %1").arg(f.key), QString()});
    for (const auto& [name, value] : f.values) {
      new QTreeWidgetItem(featureItem, {name, value.isValid() ? value.toString() : QStringLiteral("NULL")});
    }
    featureItem->setExpanded(true);
  }
  layerItem->setExpanded(true);
  return static_cast<int>(hits->size());
}

}  // namespace xiuhua::app
