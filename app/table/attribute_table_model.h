#pragma once

#include "xiuhua/gis/vector_data.h"

#include <QAbstractTableModel>

#include <functional>
#include <memory>
#include <optional>

namespace xiuhua::app {

// Rows are features, columns are fields. Reads the immutable layer data lazily, so a million
// rows cost nothing until they scroll into view. Rows follow a feature order (from a background
// sort, see attribute_sort.h), or file order when none is set. While an edit handler is set (the
// layer is being edited) cells are editable: a typed value is converted to the field's type and
// handed to the handler, which makes it an undoable edit or refuses it, saying why.
class AttributeTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  // Takes the edit of a cell (fid, field, value typed — null for an empty cell); nullopt when
  // accepted, else why not.
  using EditHandler = std::function<std::optional<QString>(qint64 fid, int field, const QVariant& value)>;

  explicit AttributeTableModel(QObject* parent = nullptr);
  void setEditHandler(EditHandler handler);
  bool isEditable() const { return static_cast<bool>(mEditHandler); }
  void setLayerData(std::shared_ptr<const gis::VectorData> data);
  // Shows the features in this order (feature indices, one per row); empty: file order.
  void setFeatureOrder(std::vector<int> order);
  int featureAt(int row) const;       // the feature index a row shows
  int rowOfFeature(int feature) const;  // the row showing a feature, or -1
  const gis::VectorData* layerData() const { return mData.get(); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

 signals:
  void editRefused(const QString& reason);

 private:
  std::shared_ptr<const gis::VectorData> mData;
  std::vector<int> mOrder;    // row -> feature; empty: identity
  std::vector<int> mInverse;  // feature -> row
  EditHandler mEditHandler;
};

}  // namespace xiuhua::app
