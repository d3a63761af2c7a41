#include "layers/layer_tree_model.h"

#include "document/map_document.h"

#include <QApplication>
#include <QDir>
#include <QLocale>
#include <QMimeData>
#include <QPainter>
#include <QStyle>
#include <QTimer>

namespace xiuhua::app {
namespace {

// A legend swatch: a filled box for polygons, a stroke for lines, a dot for points.
QIcon swatch(const gis::Symbol& symbol, gis::Geometry::Type type) {
  QPixmap pm(16, 16);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  switch (type) {
    case gis::Geometry::Type::Line:
      p.setPen(QPen(symbol.stroke, 3));
      p.drawLine(2, 12, 14, 4);
      break;
    case gis::Geometry::Type::Point:
      p.setPen(symbol.stroke);
      p.setBrush(symbol.fill);
      p.drawEllipse(QPointF(8, 8), 4.5, 4.5);
      break;
    default:
      p.setPen(QPen(symbol.stroke, 1.5));
      p.setBrush(symbol.fill);
      p.drawRect(QRectF(2, 2, 12, 12));
  }
  return QIcon(pm);
}

}  // namespace

LayerTreeModel::LayerTreeModel(MapDocument* document, QObject* parent)
    : QStandardItemModel(parent), mDocument(document) {
  connect(document, &MapDocument::layersChanged, this, &LayerTreeModel::rebuild);
  connect(document, &MapDocument::layerLoaded, this, &LayerTreeModel::rebuild);
  connect(document, &MapDocument::styleChanged, this, &LayerTreeModel::rebuild);
  connect(document, &MapDocument::projectReset, this, [this] { mEmptyGroups.clear(); });
  connect(this, &QStandardItemModel::itemChanged, this, &LayerTreeModel::onItemChanged);
  rebuild();
}

QStandardItem* LayerTreeModel::makeLayerItem(int layerIndex) const {
  const LayerState& s = mDocument->layers()[static_cast<std::size_t>(layerIndex)];
  auto* item = new QStandardItem(s.spec.name);
  item->setData(s.spec.id, kLayerIdRole);
  item->setData(false, kIsGroupRole);
  item->setCheckable(true);
  item->setCheckState(s.spec.visible ? Qt::Checked : Qt::Unchecked);
  item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable |
                 Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
  QString tip = QDir::toNativeSeparators(s.spec.source);
  if (s.streamed) {
    tip += QLatin1Char('\n') + tr("Drawn from the server per view (about %1 rows); not held in memory.")
                                   .arg(QLocale().toString(s.streamed->estimatedCount().value_or(0)));
  }
  const QStyle* style = QApplication::style();
  const gis::VectorStyle& vs = s.spec.vectorStyle;
  const bool vector = s.data || s.streamed;
  const gis::Geometry::Type type = vector ? s.geometryType() : gis::Geometry::Type::Polygon;
  if (vector && vs.kind == gis::VectorStyle::Kind::Single) item->setIcon(swatch(vs.symbol, type));
  if (vector && vs.kind != gis::VectorStyle::Kind::Single) {
    // Legend rows under the layer, one per class; not draggable, not checkable.
    for (const gis::StyleClass& c : vs.classes) {
      auto* legend = new QStandardItem(swatch(c.symbol, type), c.label);
      legend->setFlags(Qt::ItemIsEnabled);
      item->appendRow(legend);
    }
  }
  if (!s.error.isEmpty()) {
    item->setIcon(style->standardIcon(QStyle::SP_MessageBoxCritical));
    tip = s.error;
  } else if (s.loading) {
    item->setIcon(style->standardIcon(QStyle::SP_BrowserReload));
    tip = tr("Loading…");
  } else if (s.lacksCrs()) {
    item->setIcon(style->standardIcon(QStyle::SP_MessageBoxWarning));
    tip = tr("This layer has no coordinate system. Open its properties to declare one.");
  }
  item->setToolTip(tip);
  return item;
}

void LayerTreeModel::rebuild() {
  if (mSyncing) return;
  mSyncing = true;
  clear();
  setHorizontalHeaderLabels({tr("Layers")});
  QStandardItem* root = invisibleRootItem();
  root->setFlags(Qt::ItemIsDropEnabled);
  QMap<QString, QStandardItem*> groups;
  auto groupItem = [&](const QString& name) {
    if (auto* g = groups.value(name)) return g;
    auto* g = new QStandardItem(QApplication::style()->standardIcon(QStyle::SP_DirIcon), name);
    g->setData(true, kIsGroupRole);
    g->setCheckable(true);
    g->setCheckState(Qt::Checked);
    g->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable |
                Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled);
    QFont f = g->font();
    f.setBold(true);
    g->setFont(f);
    root->appendRow(g);
    groups.insert(name, g);
    return g;
  };
  for (const QString& name : mEmptyGroups) groupItem(name);
  const auto& layers = mDocument->layers();
  for (std::size_t i = 0; i < layers.size(); ++i) {
    QStandardItem* item = makeLayerItem(static_cast<int>(i));
    if (layers[i].spec.group.isEmpty()) {
      root->appendRow(item);
    } else {
      groupItem(layers[i].spec.group)->appendRow(item);
    }
  }
  for (QStandardItem* g : std::as_const(groups)) {
    // All visible: checked; none: unchecked; some: partly checked (a click shows them all).
    int visible = 0;
    for (int r = 0; r < g->rowCount(); ++r) visible += g->child(r)->checkState() == Qt::Checked ? 1 : 0;
    g->setCheckState(visible == g->rowCount() ? Qt::Checked : visible == 0 ? Qt::Unchecked : Qt::PartiallyChecked);
    g->setData(static_cast<int>(g->checkState()), kShownCheckRole);
  }
  mSyncing = false;
  emit rebuilt();
}

QModelIndex LayerTreeModel::addGroup(const QString& name) {
  if (!mEmptyGroups.contains(name)) mEmptyGroups.prepend(name);
  rebuild();
  const auto found = findItems(name);
  return found.isEmpty() ? QModelIndex() : found.front()->index();
}

QString LayerTreeModel::layerId(const QModelIndex& index) const {
  const QString id = index.data(kLayerIdRole).toString();
  // A legend row stands for its layer.
  if (id.isEmpty() && index.parent().isValid() && !isGroup(index.parent())) return layerId(index.parent());
  return id;
}

bool LayerTreeModel::isGroup(const QModelIndex& index) const {
  return index.data(kIsGroupRole).toBool();
}

QModelIndex LayerTreeModel::indexOfLayer(const QString& id) const {
  const QModelIndexList found = match(index(0, 0), kLayerIdRole, id, 1, Qt::MatchRecursive | Qt::MatchExactly);
  return found.isEmpty() ? QModelIndex() : found.front();
}

void LayerTreeModel::onItemChanged(QStandardItem* item) {
  if (mSyncing) return;
  // Applying a change makes the document rebuild this model, which deletes `item`: capture
  // what is needed now and apply it once this signal has returned.
  const bool checked = item->checkState() == Qt::Checked;
  if (item->data(kIsGroupRole).toBool()) {
    // itemChanged fires for a rename too: pass visibility down only when the box changed.
    const bool visibilityChanged = item->data(kShownCheckRole).toInt() != static_cast<int>(item->checkState());
    mSyncing = true;  // the role change below emits itemChanged again
    item->setData(static_cast<int>(item->checkState()), kShownCheckRole);
    mSyncing = false;
    QStringList ids;
    if (visibilityChanged) {
      for (int r = 0; r < item->rowCount(); ++r) ids << item->child(r)->data(kLayerIdRole).toString();
    }
    QTimer::singleShot(0, this, [this, ids, checked] {
      pushOrderToDocument();  // picks up a renamed group while the model still shows it
      for (const QString& id : ids) mDocument->setLayerVisible(id, checked);
    });
    return;
  }
  const QString id = item->data(kLayerIdRole).toString();
  const QString name = item->text();
  QTimer::singleShot(0, this, [this, id, name, checked] {
    mDocument->setLayerVisible(id, checked);
    mDocument->renameLayer(id, name);
  });
}

namespace {
const QString kLayerMime = QStringLiteral("application/x-xiuhua-layer-ids");
}

QStringList LayerTreeModel::mimeTypes() const { return {kLayerMime}; }

QMimeData* LayerTreeModel::mimeData(const QModelIndexList& indexes) const {
  QStringList entries;  // "layer:<id>" or "group:<name>"
  for (const QModelIndex& index : indexes) {
    if (isGroup(index)) {
      entries << QStringLiteral("group:") + index.data().toString();
    } else if (!index.data(kLayerIdRole).toString().isEmpty()) {
      entries << QStringLiteral("layer:") + index.data(kLayerIdRole).toString();
    }
  }
  auto* mime = new QMimeData;
  mime->setData(kLayerMime, entries.join(QLatin1Char('\n')).toUtf8());
  return mime;
}

QString LayerTreeModel::anchorLayerId(const QModelIndex& parent, int row) const {
  const QStandardItem* container = parent.isValid() ? itemFromIndex(parent) : invisibleRootItem();
  for (int r = std::max(row, 0); row >= 0 && r < container->rowCount(); ++r) {
    const QStandardItem* child = container->child(r);
    if (!child->data(kIsGroupRole).toBool()) return child->data(kLayerIdRole).toString();
    if (child->rowCount() > 0) return child->child(0)->data(kLayerIdRole).toString();
  }
  // Past the end of a group: before whatever follows the group at the top level.
  if (parent.isValid()) return anchorLayerId(QModelIndex(), parent.row() + 1);
  return {};
}

bool LayerTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row,
                                  int /*column*/, const QModelIndex& parent) {
  if (action != Qt::MoveAction || data == nullptr || !data->hasFormat(kLayerMime)) return false;
  // Layers go into groups or the top level, never into other layers; groups stay at the top.
  if (parent.isValid() && !isGroup(parent)) return false;
  const QStringList entries = QString::fromUtf8(data->data(kLayerMime)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  const QString targetGroup = parent.isValid() ? parent.data().toString() : QString();
  std::vector<std::pair<QString, QString>> moved;
  QStringList movedIds;
  for (const QString& entry : entries) {
    if (entry.startsWith(QLatin1String("group:"))) {
      if (parent.isValid()) return false;  // no groups inside groups
      const QString group = entry.mid(6);
      for (const LayerState& s : mDocument->layers()) {
        if (s.spec.group == group) {
          moved.emplace_back(s.spec.id, group);
          movedIds << s.spec.id;
        }
      }
    } else {
      moved.emplace_back(entry.mid(6), targetGroup);
      movedIds << entry.mid(6);
    }
  }
  if (moved.empty()) return false;
  QString anchor = anchorLayerId(parent, row < 0 ? (parent.isValid() ? itemFromIndex(parent)->rowCount() : rowCount()) : row);
  // Dropping next to itself: anchor on the next layer that is not being moved.
  std::vector<std::pair<QString, QString>> order;
  for (const LayerState& s : mDocument->layers()) {
    if (!movedIds.contains(s.spec.id)) order.emplace_back(s.spec.id, s.spec.group);
  }
  auto position = order.end();
  if (!anchor.isEmpty()) {
    const auto it = std::find_if(mDocument->layers().begin(), mDocument->layers().end(),
                                 [&](const LayerState& s) { return s.spec.id == anchor; });
    for (auto next = it; next != mDocument->layers().end(); ++next) {
      if (movedIds.contains(next->spec.id)) continue;
      position = std::find_if(order.begin(), order.end(), [&](const auto& p) { return p.first == next->spec.id; });
      break;
    }
  } else if (parent.isValid()) {
    // The end of a group: after its last layer.
    auto last = std::find_if(order.rbegin(), order.rend(), [&](const auto& p) { return p.second == targetGroup; });
    if (last != order.rend()) position = last.base();
  }
  if (parent.isValid()) mEmptyGroups.removeAll(targetGroup);
  order.insert(position, moved.begin(), moved.end());
  QTimer::singleShot(0, this, [this, order] { mDocument->arrangeLayers(order); });
  return false;
}

void LayerTreeModel::pushOrderToDocument() {
  std::vector<std::pair<QString, QString>> order;
  QStringList groupsSeen;
  for (int r = 0; r < rowCount(); ++r) {
    QStandardItem* top = item(r);
    if (top->data(kIsGroupRole).toBool()) {
      groupsSeen << top->text();
      for (int c = 0; c < top->rowCount(); ++c) {
        QStandardItem* child = top->child(c);
        if (child->data(kIsGroupRole).toBool()) continue;
        order.emplace_back(child->data(kLayerIdRole).toString(), top->text());
      }
    } else {
      order.emplace_back(top->data(kLayerIdRole).toString(), QString());
    }
  }
  mEmptyGroups.clear();
  for (const QString& g : groupsSeen) {
    const bool used = std::any_of(order.begin(), order.end(), [&](const auto& p) { return p.second == g; });
    if (!used) mEmptyGroups << g;
  }
  mDocument->arrangeLayers(order);
}

}  // namespace xiuhua::app
