#pragma once

#include <QStyledItemDelegate>

namespace xiuhua::app {

// Paints the dashboard's progress column as a bar in the status colour, with the percentage.
class ProgressDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace xiuhua::app
