#pragma once

#include "xiuhua/indicators/indicator.h"

#include <QWidget>

#include <map>
#include <set>
#include <vector>

class QCPAxisRect;
class QCustomPlot;
class QLabel;

namespace xiuhua::app {

// A chart of one indicator: its yearly values (points coloured by status), the target line,
// the expected straight path from baseline to target, and the baseline; where the indicator has
// values per sub-unit (街镇/网格), a second panel of bars, one per sub-unit, in status colours
// against the target. Can be saved as PNG/SVG or copied.
class IndicatorChart : public QWidget {
  Q_OBJECT

 public:
  explicit IndicatorChart(QWidget* parent = nullptr);
  // subunits: per sub-unit, the year and value of its latest value up to `year`; synthetic: the
  // years of series whose value is synthetic (drawn hollow, and named so in the legend);
  // notApplicable: the sub-units outside the area the target is set for (named, with no bar: 不适用).
  void show(const indicators::Indicator& indicator, const std::map<int, double>& series,
            const std::map<QString, std::pair<int, double>>& subunits = {}, int year = 0, const std::set<int>& synthetic = {},
            const std::set<QString>& notApplicable = {});
  // No indicator: the chart gives way to a line that says what to do.
  void clear();
  bool isShowingHint() const;
  // Writes PNG or SVG by the file's suffix; false on failure.
  bool save(const QString& path);
  void copyToClipboard();
  QCustomPlot* plot() const { return mPlot; }
  // The sub-unit panel, or nullptr when the indicator has no sub-unit values.
  QCPAxisRect* subunitPanel() const { return mSubunitPanel; }

 private:
  void showSubunits(const indicators::Indicator& indicator, const std::map<QString, std::pair<int, double>>& subunits,
                    int year, const std::set<QString>& notApplicable);
  void removeSubunitPanel();
  // The sub-unit bars' names: as many as fit the panel's width (again when it is resized).
  void nameSubunits();
  // Says in the plot why there is no expected path (无基期值) or no status (待确认).
  void noteWhyNoPath(const indicators::Indicator& ind, const std::map<int, double>& series);
  void resizeEvent(QResizeEvent* event) override;

  QCustomPlot* mPlot;
  QLabel* mHint;
  QCPAxisRect* mSubunitPanel = nullptr;
  std::vector<QString> mSubunitNames;  // the bars', in order (bar i at x = i + 1)
  QString mSubunitTitle;
};

}  // namespace xiuhua::app
