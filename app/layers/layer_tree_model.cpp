#include "layers/layer_tree_model.h"

#include "document/map_document.h"

#include <QApplication>
#include <QDir>
#include <QStyle>
#include <QTimer>

namespace xiuhua::app {

LayerTreeModel::LayerTreeModel(MapDocument* document, QObject* parent)
    : QStandardItemModel(parent), mDocument(document) {
  connect(document, &MapDocument::layersChanged, this, &LayerTreeModel::rebuild);
  connect(document, &MapDocument::layerLoaded, this, &LayerTreeModel::rebuild);
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
  const QStyle* style = QApplication::style();
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
    bool anyVisible = false;
    for (int r = 0; r < g->rowCount(); ++r) anyVisible = anyVisible || g->child(r)->checkState() == Qt::Checked;
    g->setCheckState(anyVisible || g->rowCount() == 0 ? Qt::Checked : Qt::Unchecked);
  }
  mSyncing = false;
}

QModelIndex LayerTreeModel::addGroup(const QString& name) {
  if (!mEmptyGroups.contains(name)) mEmptyGroups.prepend(name);
  rebuild();
  const auto found = findItems(name);
  return found.isEmpty() ? QModelIndex() : found.front()->index();
}

QString LayerTreeModel::layerId(const QModelIndex& index) const {
  return index.data(kLayerIdRole).toString();
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
    QStringList ids;
    for (int r = 0; r < item->rowCount(); ++r) ids << item->child(r)->data(kLayerIdRole).toString();
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

bool LayerTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row,
                                  int column, const QModelIndex& parent) {
  // Layers go into groups, never into other layers; groups stay at the top level.
  if (parent.isValid() && !isGroup(parent)) return false;
  const bool ok = QStandardItemModel::dropMimeData(data, action, row, column, parent);
  // The view removes the dragged source rows after this returns; sync once it has.
  if (ok) QTimer::singleShot(0, this, &LayerTreeModel::pushOrderToDocument);
  return ok;
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
