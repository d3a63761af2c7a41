#include "document/map_decorations.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace xiuhua::app {

void drawScaleBar(QPainter& painter, const gis::MapViewport& vp, double metresPerUnit) {
  if (!vp.isValid() || metresPerUnit <= 0) return;
  const double metresPerPixel = vp.unitsPerPixel() * metresPerUnit;
  const double target = metresPerPixel * 120.0;  // aim for about 120 px
  const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
  double length = magnitude;
  for (double step : {1.0, 2.0, 5.0, 10.0}) {
    if (magnitude * step <= target) length = magnitude * step;
  }
  const double px = length / metresPerPixel;
  const QString text = length >= 1000
                           ? QCoreApplication::translate("MapCanvas", "%1 km").arg(length / 1000.0)
                           : QCoreApplication::translate("MapCanvas", "%1 m").arg(length);
  const QPointF origin(16, vp.size().height() - 20);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, false);
  painter.fillRect(QRectF(origin.x() - 6, origin.y() - 26, px + 12 + 40, 34), QColor(255, 255, 255, 200));
  painter.setPen(QPen(Qt::black, 2));
  painter.drawLine(origin, origin + QPointF(px, 0));
  painter.drawLine(origin, origin + QPointF(0, -6));
  painter.drawLine(origin + QPointF(px, 0), origin + QPointF(px, -6));
  painter.fillRect(QRectF(origin.x(), origin.y() - 4, px / 2, 4), Qt::black);
  painter.drawText(QPointF(origin.x() + px + 6, origin.y()), text);
  painter.restore();
}

void drawNorthArrow(QPainter& painter, const gis::MapViewport& vp) {
  const QPointF c(vp.size().width() - 34, 46);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QPainterPath left;
  left.moveTo(c + QPointF(0, -22));
  left.lineTo(c + QPointF(-10, 14));
  left.lineTo(c + QPointF(0, 7));
  left.closeSubpath();
  QPainterPath right;
  right.moveTo(c + QPointF(0, -22));
  right.lineTo(c + QPointF(10, 14));
  right.lineTo(c + QPointF(0, 7));
  right.closeSubpath();
  painter.setPen(QPen(Qt::black, 1.2));
  painter.setBrush(Qt::black);
  painter.drawPath(left);
  painter.setBrush(Qt::white);
  painter.drawPath(right);
  QFont f = painter.font();
  f.setBold(true);
  painter.setFont(f);
  painter.setPen(Qt::black);
  painter.drawText(QRectF(c.x() - 10, c.y() - 42, 20, 18), Qt::AlignCenter, QStringLiteral("N"));
  painter.restore();
}

}  // namespace xiuhua::app
