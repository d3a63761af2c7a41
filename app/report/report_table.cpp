#include "report/report_table.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>

#include <numeric>

namespace xiuhua::app {

namespace {

constexpr int kTextFlags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignVCenter;

}  // namespace

ReportTable::ReportTable(QStringList header, std::vector<double> widths, QFont font)
    : mHeader(std::move(header)), mFractions(std::move(widths)), mFont(std::move(font)) {}

double ReportTable::cellHeight(const QPaintDevice& device, const QString& text, double width) const {
  const QFontMetricsF metrics(mFont, &device);
  const QRectF box = metrics.boundingRect(QRectF(0, 0, std::max(width - 2 * mPadding, 1.0), 1e6), kTextFlags, text);
  return std::max(box.height(), metrics.height()) + 2 * mPadding;
}

void ReportTable::measure(const QPaintDevice& device, double width) {
  const double total = std::accumulate(mFractions.begin(), mFractions.end(), 0.0);
  mWidths.clear();
  for (double f : mFractions) mWidths.push_back(width * f / total);
  mPadding = QFontMetricsF(mFont, &device).height() * 0.25;
  mHeaderHeight = 0;
  for (int c = 0; c < mHeader.size(); ++c) {
    mHeaderHeight = std::max(mHeaderHeight, cellHeight(device, mHeader[c], mWidths.at(static_cast<std::size_t>(c))));
  }
  mHeights.clear();
  for (const Row& row : mRows) {
    double height = 0;
    if (row.heading) {
      height = cellHeight(device, row.cells.value(0), width);
    } else {
      for (int c = 0; c < row.cells.size() && static_cast<std::size_t>(c) < mWidths.size(); ++c) {
        height = std::max(height, cellHeight(device, row.cells[c], mWidths[static_cast<std::size_t>(c)]));
      }
    }
    mHeights.push_back(height);
  }
}

void ReportTable::paintRow(QPainter& painter, double left, double top, double height, const QStringList& cells,
                           const std::vector<std::optional<QColor>>& backgrounds, bool header) const {
  double x = left;
  // No bold: the made-up bold of a face without one is each character drawn twice, found twice by a
  // PDF reader's search; the header stands out by its shading.
  painter.setFont(mFont);
  for (std::size_t c = 0; c < mWidths.size(); ++c) {
    const QRectF cell(x, top, mWidths[c], height);
    if (header) {
      painter.fillRect(cell, QColor(0xe8, 0xee, 0xf4));
    } else if (c < backgrounds.size() && backgrounds[c]) {
      painter.fillRect(cell, *backgrounds[c]);
    }
    painter.setPen(QPen(QColor(0x9e, 0x9e, 0x9e), 0));
    painter.drawRect(cell);
    painter.setPen(Qt::black);
    painter.drawText(cell.adjusted(mPadding, mPadding, -mPadding, -mPadding), kTextFlags, cells.value(static_cast<int>(c)));
    x += mWidths[c];
  }
}

double ReportTable::paint(QPainter& painter, double left, double top, std::size_t first, std::size_t last) const {
  const double width = std::accumulate(mWidths.begin(), mWidths.end(), 0.0);
  double y = top;
  paintRow(painter, left, y, mHeaderHeight, mHeader, {}, true);
  y += mHeaderHeight;
  for (std::size_t r = first; r < last && r < mRows.size(); ++r) {
    const Row& row = mRows[r];
    if (row.heading) {
      const QRectF cell(left, y, width, mHeights[r]);
      painter.fillRect(cell, QColor(0xf4, 0xf4, 0xf4));
      painter.setPen(QPen(QColor(0x9e, 0x9e, 0x9e), 0));
      painter.drawRect(cell);
      painter.setFont(mFont);
      painter.setPen(Qt::black);
      painter.drawText(cell.adjusted(mPadding, mPadding, -mPadding, -mPadding), kTextFlags, row.cells.value(0));
    } else {
      paintRow(painter, left, y, mHeights[r], row.cells, row.backgrounds, false);
    }
    y += mHeights[r];
  }
  return y - top;
}

}  // namespace xiuhua::app
