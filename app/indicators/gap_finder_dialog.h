#pragma once

#include "xiuhua/indicators/indicator.h"
#include "xiuhua/indicators/metrics/coverage_gap_finder.h"
#include "xiuhua/indicators/metrics/metric_binding.h"

#include <QDialog>
#include <QStringList>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QUndoStack;

namespace xiuhua::app {

class MapCanvas;
class MapDocument;
class WhatIfDialog;

// Where should the next park (or bus stop) go? For a coverage indicator and a year: the N best
// sites for a facility of a given size, among grid points inside a candidate layer of the map
// (e.g. vacant land) or anywhere in the 街镇, each counting only what the existing facilities and
// the sites before it leave uncovered. The search runs in the background (progress, cancel); the
// sites can be shown on the map and tried as a what-if scenario in one step.
class GapFinderDialog : public QDialog {
  Q_OBJECT

 public:
  GapFinderDialog(MapDocument* document, const indicators::Indicator& indicator, const indicators::MetricBinding& binding, int year,
                  QUndoStack* undo, QWidget* parent = nullptr);

  QDoubleSpinBox* facilityArea() const { return mArea; }
  QComboBox* candidateLayer() const { return mCandidates; }
  QDoubleSpinBox* spacing() const { return mSpacing; }
  QSpinBox* count() const { return mCount; }
  QTableWidget* table() const { return mTable; }
  QLabel* summary() const { return mSummary; }
  const std::optional<indicators::GapFinderResult>& result() const { return mResult; }

  // Searches as set up (returns when done, the GUI responsive meanwhile); false, with the reason
  // in the summary, on failure or cancel.
  bool find();
  // Shows the sites and their service areas as the layer group "空白点 · CODE · YEAR" (written to
  // <project>.results/<code>_gaps_<year>.gpkg); the ids of the layers added.
  QStringList showOnMap();
  // Shows the sites and opens a what-if with them as the proposed facilities, computed.
  WhatIfDialog* tryAsScenario();
  static QString groupName(const indicators::Indicator& indicator, int year);
  void setCanvas(MapCanvas* canvas) { mCanvas = canvas; }

 private:
  void updateRadius();
  void showResult(const indicators::GapFinderResult& result);

  MapDocument* mDocument;
  indicators::Indicator mIndicator;
  indicators::MetricBinding mBinding;
  int mYear;
  QUndoStack* mUndo;
  MapCanvas* mCanvas = nullptr;
  QDoubleSpinBox* mArea;
  QLabel* mRadius;
  QComboBox* mCandidates;
  QDoubleSpinBox* mSpacing;
  QSpinBox* mCount;
  QTableWidget* mTable;
  QLabel* mSummary;
  QPushButton* mMapButton = nullptr;
  QPushButton* mScenarioButton = nullptr;
  std::optional<indicators::CoverageParams> mCoverage;  // the indicator's coverage for the year
  std::optional<indicators::GapFinderResult> mResult;
};

}  // namespace xiuhua::app
