#pragma once

#include <QStandardItemModel>

namespace xiuhua::app {

class MapDocument;

// The layer tree: groups and layers with visibility check boxes, editable names and drag to
// reorder. A thin adapter: it mirrors the document and turns user changes into document calls.
class LayerTreeModel : public QStandardItemModel {
  Q_OBJECT

 public:
  static constexpr int kLayerIdRole = Qt::UserRole + 1;
  static constexpr int kIsGroupRole = Qt::UserRole + 2;
  static constexpr int kShownCheckRole = Qt::UserRole + 3;  // a group's check state as last shown

  explicit LayerTreeModel(MapDocument* document, QObject* parent = nullptr);

  // Adds an empty group at the top; it is kept until the project closes or it is removed.
  QModelIndex addGroup(const QString& name);
  QString layerId(const QModelIndex& index) const;
  bool isGroup(const QModelIndex& index) const;
  QModelIndex indexOfLayer(const QString& id) const;

  Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
  QStringList mimeTypes() const override;
  QMimeData* mimeData(const QModelIndexList& indexes) const override;
  // Moves the dragged layers (or a whole group) in the document and rebuilds from it; returns
  // false so that the view does not remove any rows itself.
  bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                    const QModelIndex& parent) override;

 signals:
  // The tree was made anew from the document (it is cleared first: a view's current row is gone).
  void rebuilt();

 private:
  void rebuild();
  void onItemChanged(QStandardItem* item);
  void pushOrderToDocument();
  // The first layer id at or after the tree position (parent, row), or empty at the end.
  QString anchorLayerId(const QModelIndex& parent, int row) const;
  QStandardItem* makeLayerItem(int layerIndex) const;

  MapDocument* mDocument;
  QStringList mEmptyGroups;
  bool mSyncing = false;
};

}  // namespace xiuhua::app
