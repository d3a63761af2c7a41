#pragma once

#include "xiuhua/indicators/indicator.h"

#include <QWidget>

#include <map>

class QCustomPlot;

namespace xiuhua::app {

// A chart of one indicator: its yearly values (points coloured by status), the target line,
// the expected straight path from baseline to target, and the baseline. Can be saved as PNG/SVG
// or copied.
class IndicatorChart : public QWidget {
  Q_OBJECT

 public:
  explicit IndicatorChart(QWidget* parent = nullptr);
  void show(const indicators::Indicator& indicator, const std::map<int, double>& series);
  void clear();
  // Writes PNG or SVG by the file's suffix; false on failure.
  bool save(const QString& path);
  void copyToClipboard();
  QCustomPlot* plot() const { return mPlot; }

 private:
  QCustomPlot* mPlot;
};

}  // namespace xiuhua::app
