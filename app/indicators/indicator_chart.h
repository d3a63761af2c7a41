#pragma once

#include "xiuhua/indicators/indicator.h"

#include <QWidget>

#include <map>

class QCPAxisRect;
class QCustomPlot;

namespace xiuhua::app {

// A chart of one indicator: its yearly values (points coloured by status), the target line,
// the expected straight path from baseline to target, and the baseline; where the indicator has
// values per sub-unit (街镇/网格), a second panel of bars, one per sub-unit, in status colours
// against the target. Can be saved as PNG/SVG or copied.
class IndicatorChart : public QWidget {
  Q_OBJECT

 public:
  explicit IndicatorChart(QWidget* parent = nullptr);
  // subunits: per sub-unit, the year and value of its latest value up to `year`.
  void show(const indicators::Indicator& indicator, const std::map<int, double>& series,
            const std::map<QString, std::pair<int, double>>& subunits = {}, int year = 0);
  void clear();
  // Writes PNG or SVG by the file's suffix; false on failure.
  bool save(const QString& path);
  void copyToClipboard();
  QCustomPlot* plot() const { return mPlot; }
  // The sub-unit panel, or nullptr when the indicator has no sub-unit values.
  QCPAxisRect* subunitPanel() const { return mSubunitPanel; }

 private:
  void showSubunits(const indicators::Indicator& indicator, const std::map<QString, std::pair<int, double>>& subunits,
                    int year);
  void removeSubunitPanel();

  QCustomPlot* mPlot;
  QCPAxisRect* mSubunitPanel = nullptr;
};

}  // namespace xiuhua::app
