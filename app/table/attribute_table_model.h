#pragma once

#include "xiuhua/gis/vector_data.h"

#include <QAbstractTableModel>

#include <memory>

namespace xiuhua::app {

// Rows are features, columns are fields. Reads the immutable layer data lazily, so a million
// rows cost nothing until they scroll into view.
class AttributeTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  static constexpr int kSortRole = Qt::UserRole + 1;

  explicit AttributeTableModel(QObject* parent = nullptr);
  void setLayerData(std::shared_ptr<const gis::VectorData> data);
  const gis::VectorData* layerData() const { return mData.get(); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::shared_ptr<const gis::VectorData> mData;
};

}  // namespace xiuhua::app
