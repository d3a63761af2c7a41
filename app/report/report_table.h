#pragma once

#include <QColor>
#include <QFont>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QPaintDevice;
class QPainter;

namespace xiuhua::app {

// A table laid out for printing: columns of given relative widths, a header row repeated on every
// page, heading rows spanning the width (a plan's category), and rows whose cells wrap their text
// (a long indicator name takes two lines) and may have a background colour. Heights are measured on
// the paint device (a QPdfWriter), so the layout is exact; paint() draws the rows of one page.
class ReportTable {
 public:
  struct Row {
    QStringList cells;           // one per column; a heading row has one
    bool heading = false;
    std::vector<std::optional<QColor>> backgrounds;  // per cell, may be shorter
  };

  ReportTable(QStringList header, std::vector<double> widths, QFont font);
  void addRow(Row row) { mRows.push_back(std::move(row)); }
  const std::vector<Row>& rows() const { return mRows; }

  // Heights (device units) of the header and of each row at the given total width.
  void measure(const QPaintDevice& device, double width);
  double headerHeight() const { return mHeaderHeight; }
  double rowHeight(std::size_t row) const { return mHeights.at(row); }
  // The rows [first, last) with the header at `top` (device units); returns the height used.
  double paint(QPainter& painter, double left, double top, std::size_t first, std::size_t last) const;

 private:
  double cellHeight(const QPaintDevice& device, const QString& text, double width) const;
  void paintRow(QPainter& painter, double left, double top, double height, const QStringList& cells,
                const std::vector<std::optional<QColor>>& backgrounds, bool header) const;

  QStringList mHeader;
  std::vector<double> mFractions;
  std::vector<double> mWidths;  // device units, after measure()
  QFont mFont;
  std::vector<Row> mRows;
  std::vector<double> mHeights;
  double mHeaderHeight = 0;
  double mPadding = 0;
};

}  // namespace xiuhua::app
