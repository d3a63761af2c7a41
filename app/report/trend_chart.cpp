#include "report/trend_chart.h"

#include "report/indicator_report.h"
#include "report/status_colors.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace xiuhua::app {

namespace {

// A "nice" step (1, 2 or 5 × 10^k) for about `ticks` divisions of the range.
double niceStep(double range, int ticks) {
  const double raw = range / ticks;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= m * magnitude) return m * magnitude;
  }
  return 10 * magnitude;
}

}  // namespace

void paintTrendChart(QPainter& painter, const QRectF& box, const indicators::Indicator& indicator,
                     const std::map<int, double>& series, indicators::Status status, const QFont& font, const std::set<int>& synthetic) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setFont(font);
  const QFontMetricsF metrics(font, painter.device());
  const double line = metrics.height();
  // Years: from the path's start (or the first value, or the plan period's start) to the target.
  const std::optional<std::pair<int, double>> start = indicators::pathStart(indicator);
  int first = indicator.period.isValid() ? indicator.period.first - 1 : indicator.targetYear - 5;
  if (start) first = std::min(first, start->first);
  if (!series.empty()) first = std::min(first, series.begin()->first);
  int last = std::max(indicator.targetYear, series.empty() ? indicator.targetYear : series.rbegin()->first);
  if (last <= first) last = first + 1;
  // Values: everything drawn, with a margin.
  std::vector<double> values;
  for (const auto& [year, v] : series) values.push_back(v);
  if (indicator.targetValue) values.push_back(*indicator.targetValue);
  // The expected path (only from a start the plan or an analyst gives, never invented).
  const bool drawPath = indicator.targetValue && start && !indicator.isPerYear();
  if (drawPath) values.push_back(start->second);
  const QRectF plot = box.adjusted(metrics.horizontalAdvance(QStringLiteral("00000.0")) + line * 0.4, line * 0.6, -line * 0.6, -line * 1.6);
  painter.setPen(QPen(QColor(0x61, 0x61, 0x61), 0));
  painter.drawRect(plot);
  if (values.empty()) {
    painter.drawText(plot, Qt::AlignCenter, IndicatorReport::tr("No data"));
    painter.restore();
    return;
  }
  double lo = *std::min_element(values.begin(), values.end());
  double hi = *std::max_element(values.begin(), values.end());
  if (lo >= 0 && lo < 0.5 * hi) lo = 0;  // counts and shares read best from zero
  if (hi - lo < 1e-9) {
    lo -= std::max(std::abs(lo) * 0.1, 1.0);
    hi += std::max(std::abs(hi) * 0.1, 1.0);
  }
  const double step = niceStep(hi - lo, 4);
  lo = std::floor(lo / step) * step;
  hi = std::ceil(hi / step) * step;
  auto at = [&](double year, double v) {
    return QPointF(plot.left() + (year - first) / (last - first) * plot.width(), plot.bottom() - (v - lo) / (hi - lo) * plot.height());
  };
  // Axes: values on the left (grid lines), years along the bottom, the unit above.
  for (double v = lo; v <= hi + step / 2; v += step) {
    const QPointF p = at(first, v);
    painter.setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 0));
    painter.drawLine(p, QPointF(plot.right(), p.y()));
    painter.setPen(QColor(0x42, 0x42, 0x42));
    painter.drawText(QRectF(box.left(), p.y() - line / 2, plot.left() - box.left() - line * 0.3, line), Qt::AlignRight | Qt::AlignVCenter,
                     QString::number(v, 'g', 6));
  }
  const int yearStep = last - first > 8 ? 2 : 1;
  for (int year = first; year <= last; year += yearStep) {
    const QPointF p = at(year, lo);
    painter.drawLine(p, p + QPointF(0, line * 0.2));
    painter.drawText(QRectF(p.x() - line * 2, plot.bottom() + line * 0.2, line * 4, line), Qt::AlignHCenter | Qt::AlignTop, QString::number(year));
  }
  painter.drawText(QRectF(box.left(), box.top() - line * 0.2, plot.left() - box.left(), line), Qt::AlignLeft | Qt::AlignTop, indicator.unit);
  // The expected path and the target, inside the plot.
  painter.setClipRect(plot.adjusted(-line * 0.3, -line * 0.3, line * 0.3, line * 0.3));
  if (indicator.targetValue) {
    if (drawPath) {
      painter.setPen(QPen(QColor(0x75, 0x75, 0x75), line * 0.08, Qt::DotLine));
      painter.drawLine(at(start->first, start->second), at(indicator.targetYear, *indicator.targetValue));
    }
    painter.setPen(QPen(statusColor(indicators::Status::SeverelyBehind), line * 0.1, Qt::DashLine));
    const QPointF t = at(first, *indicator.targetValue);
    painter.drawLine(t, QPointF(plot.right(), t.y()));
    painter.drawText(QRectF(plot.left() + line * 0.3, t.y() - line * 1.05, plot.width(), line), Qt::AlignLeft | Qt::AlignBottom,
                     indicator.isPerYear() ? IndicatorReport::tr("Target %1 a year").arg(QString::number(*indicator.targetValue, 'g', 6))
                                           : IndicatorReport::tr("Target %1").arg(QString::number(*indicator.targetValue, 'g', 6)));
  }
  // The values.
  const QColor blue(0x1f, 0x78, 0xb4);
  QPainterPath path;
  for (const auto& [year, v] : series) path.isEmpty() ? path.moveTo(at(year, v)) : path.lineTo(at(year, v));
  painter.setPen(QPen(blue, line * 0.12));
  painter.setBrush(Qt::NoBrush);
  painter.drawPath(path);
  for (auto it = series.begin(); it != series.end(); ++it) {
    const bool latest = std::next(it) == series.end();
    const QColor colour = latest ? statusColor(status) : blue;
    if (synthetic.count(it->first) > 0) {  // an invented value: a ring, not a dot
      painter.setBrush(Qt::white);
      painter.setPen(QPen(colour, line * 0.12));
    } else {
      painter.setBrush(colour);
      painter.setPen(QPen(Qt::white, line * 0.05));
    }
    painter.drawEllipse(at(it->first, it->second), line * 0.28, line * 0.28);
  }
  if (!series.empty() && (status == indicators::Status::NoBaseline || status == indicators::Status::Unconfirmed)) {
    // Why there is no path or no judgement, where the eye looks for the path.
    painter.setPen(statusColor(status).darker(170));
    const QRectF caption(plot.left() + line * 0.3, plot.top() + line * 1.2, plot.width() - line * 0.6, line * 1.1);
    painter.drawText(caption, Qt::AlignRight | Qt::AlignVCenter,
                     status == indicators::Status::NoBaseline ? IndicatorReport::tr("No baseline: no expected path")
                                                              : IndicatorReport::tr("To be confirmed: no status yet"));
  }
  if (std::any_of(series.begin(), series.end(), [&](const auto& v) { return synthetic.count(v.first) > 0; })) {
    painter.setPen(QColor(0x55, 0x55, 0x55));
    // Inside the plot on the right, in the half the last value leaves free (the target's label has
    // the top left).
    const bool lastHigh = at(series.rbegin()->first, series.rbegin()->second).y() < plot.center().y();
    const QRectF caption(plot.left() + line * 0.3, lastHigh ? plot.bottom() - line * 1.3 : plot.top() + line * 0.2, plot.width() - line * 0.6,
                         line * 1.1);
    painter.drawText(caption, Qt::AlignRight | Qt::AlignVCenter, IndicatorReport::tr("○ synthetic example values, not official"));
  }
  painter.restore();
}

}  // namespace xiuhua::app
