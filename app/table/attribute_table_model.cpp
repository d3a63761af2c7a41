#include "table/attribute_table_model.h"

#include <QBrush>
#include <QDate>
#include <QDateTime>
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
    case Qt::EditRole:  // typed as text, converted to the field's type in setData
      if (!value.isValid()) return QString();
      if (field.type == gis::Field::Type::Real) return QString::number(value.toDouble(), 'g', 17);
      if (field.type == gis::Field::Type::Date) return value.toDate().toString(Qt::ISODate);
      if (field.type == gis::Field::Type::DateTime) return value.toDateTime().toString(Qt::ISODate);
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

void AttributeTableModel::setEditHandler(EditHandler handler) {
  beginResetModel();  // the flags change
  mEditHandler = std::move(handler);
  endResetModel();
}

Qt::ItemFlags AttributeTableModel::flags(const QModelIndex& index) const {
  Qt::ItemFlags f = QAbstractTableModel::flags(index);
  if (mEditHandler && index.isValid()) f |= Qt::ItemIsEditable;
  return f;
}

bool AttributeTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || !mEditHandler || !mData || !index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) {
    return false;
  }
  const gis::Field& field = mData->fields[static_cast<std::size_t>(index.column())];
  const QString text = value.toString().trimmed();
  QVariant typed;
  bool ok = true;
  if (!text.isEmpty()) {
    switch (field.type) {
      case gis::Field::Type::Integer: typed = QVariant::fromValue<qlonglong>(text.toLongLong(&ok)); break;
      case gis::Field::Type::Real: typed = text.toDouble(&ok); break;
      case gis::Field::Type::Date:
        typed = QDate::fromString(text, Qt::ISODate);
        ok = typed.toDate().isValid();
        break;
      case gis::Field::Type::DateTime:
        typed = QDateTime::fromString(text, Qt::ISODate);
        ok = typed.toDateTime().isValid();
        break;
      default: typed = value.toString();
    }
  }
  if (!ok) {
    emit editRefused(tr("%1: \"%2\" is not a value of this field's type.").arg(field.name, text));
    return false;
  }
  const qint64 fid = mData->fids[static_cast<std::size_t>(featureAt(index.row()))];
  if (const std::optional<QString> refused = mEditHandler(fid, index.column(), typed)) {
    emit editRefused(*refused);
    return false;
  }
  return true;  // the layer's data is replaced by the edit; the table shows it when it arrives
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
