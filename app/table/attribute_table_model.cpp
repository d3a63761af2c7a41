#include "table/attribute_table_model.h"

#include <QBrush>
#include <QFont>

namespace xiuhua::app {

AttributeTableModel::AttributeTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void AttributeTableModel::setLayerData(std::shared_ptr<const gis::VectorData> data) {
  beginResetModel();
  mData = std::move(data);
  mOrder.clear();
  mInverse.clear();
  endResetModel();
}

void AttributeTableModel::setFeatureOrder(std::vector<int> order) {
  if (!mData || (!order.empty() && order.size() != mData->attributes.size())) return;
  beginResetModel();
  mOrder = std::move(order);
  mInverse.assign(mOrder.size(), -1);
  for (std::size_t row = 0; row < mOrder.size(); ++row) {
    mInverse[static_cast<std::size_t>(mOrder[row])] = static_cast<int>(row);
  }
  endResetModel();
}

int AttributeTableModel::featureAt(int row) const {
  return mOrder.empty() ? row : mOrder[static_cast<std::size_t>(row)];
}

int AttributeTableModel::rowOfFeature(int feature) const {
  if (!mData || feature < 0 || feature >= rowCount()) return -1;
  return mInverse.empty() ? feature : mInverse[static_cast<std::size_t>(feature)];
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !mData ? 0 : static_cast<int>(mData->attributes.size());
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || !mData ? 0 : static_cast<int>(mData->fields.size());
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !mData || index.row() >= rowCount() || index.column() >= columnCount()) {
    return {};
  }
  const QVariant& value = mData->attributes[static_cast<std::size_t>(featureAt(index.row()))]
                                           [static_cast<std::size_t>(index.column())];
  const gis::Field& field = mData->fields[static_cast<std::size_t>(index.column())];
  switch (role) {
    case Qt::DisplayRole:
      if (!value.isValid()) return QStringLiteral("NULL");
      if (field.type == gis::Field::Type::Real) return QString::number(value.toDouble(), 'g', 12);
      return value.toString();
    case Qt::TextAlignmentRole:
      return field.isNumeric() ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ForegroundRole: return value.isValid() ? QVariant() : QVariant(QBrush(Qt::gray));
    case Qt::FontRole:
      if (!value.isValid()) {
        QFont f;
        f.setItalic(true);
        return f;
      }
      return {};
    default: return {};
  }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole || !mData) return {};
  if (orientation == Qt::Horizontal) {
    return section < columnCount() ? mData->fields[static_cast<std::size_t>(section)].name : QVariant();
  }
  return section < rowCount() ? QVariant::fromValue<qlonglong>(mData->fids[static_cast<std::size_t>(featureAt(section))])
                              : QVariant();
}

}  // namespace xiuhua::app
