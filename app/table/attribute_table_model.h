#pragma once

#include "xiuhua/gis/vector_data.h"

#include <QAbstractTableModel>

#include <memory>

namespace xiuhua::app {

// Rows are features, columns are fields. Reads the immutable layer data lazily, so a million
// rows cost nothing until they scroll into view. Rows follow a feature order (from a background
// sort, see attribute_sort.h), or file order when none is set.
class AttributeTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  explicit AttributeTableModel(QObject* parent = nullptr);
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

 private:
  std::shared_ptr<const gis::VectorData> mData;
  std::vector<int> mOrder;    // row -> feature; empty: identity
  std::vector<int> mInverse;  // feature -> row
};

}  // namespace xiuhua::app
