#include "indicators/progress_delegate.h"

#include "indicators/dashboard_model.h"

#include <QPainter>

#include <algorithm>

namespace xiuhua::app {

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  const QVariant percent = index.data(DashboardModel::kProgressRole);
  if (!percent.isValid()) {
    QStyledItemDelegate::paint(painter, option, index);
    return;
  }
  const auto status = static_cast<indicators::Status>(index.data(DashboardModel::kStatusRole).toInt());
  const QRect frame = option.rect.adjusted(3, 4, -3, -4);
  const double share = std::clamp(percent.toDouble() / 100.0, 0.0, 1.0);
  painter->save();
  painter->fillRect(frame, QColor(235, 235, 235));
  painter->fillRect(QRect(frame.topLeft(), QSize(static_cast<int>(frame.width() * share), frame.height())),
                    DashboardModel::statusColor(status));
  painter->setPen(option.palette.color(QPalette::Text));
  painter->drawText(frame, Qt::AlignCenter, index.data().toString());
  painter->restore();
}

}  // namespace xiuhua::app
