#pragma once

#include "xiuhua/indicators/indicator.h"
#include "xiuhua/indicators/metrics/coverage_what_if.h"
#include "xiuhua/indicators/metrics/metric_binding.h"
#include "xiuhua/indicators/metrics/scenario_store.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QUndoStack;

namespace xiuhua::app {

class MapDocument;
class MapCanvas;
class ProposalSketch;
class ScenarioPanel;

// What if a park (or bus stop) were added here, or that one closed? For a coverage indicator and a
// year: proposed facilities from a layer of the map (all, or its selected features), and the
// selected facilities of the indicator's own facility layer taken away. Compute shows the change
// in percentage points for the district and each 街镇 (largest change first); the scenario is
// recomputed only where the changed buffers reach.
class WhatIfDialog : public QDialog {
  Q_OBJECT

 public:
  // undo: where making a saved scenario real goes (the dashboard's stack).
  WhatIfDialog(MapDocument* document, const indicators::Indicator& indicator, const indicators::MetricBinding& binding, int year,
               QUndoStack* undo, QWidget* parent = nullptr);

  QComboBox* proposedLayer() const { return mProposed; }
  QComboBox* level() const { return mLevel; }  // the sub-units the change is shown by (街镇, 网格)
  QCheckBox* onlySelected() const { return mOnlySelected; }
  QCheckBox* takeAwaySelected() const { return mTakeAway; }
  QTableWidget* table() const { return mTable; }
  QLabel* summary() const { return mSummary; }
  const std::optional<indicators::WhatIfResult>& result() const { return mResult; }
  ScenarioPanel* scenarios() const { return mScenarios; }
  ProposalSketch* sketch() const { return mSketch; }
  // The map to draw proposed facilities on (none: drawing is off).
  void setCanvas(MapCanvas* canvas);

  // Computes the scenario as set up in the dialog; false (and the reason in the summary) on failure.
  bool compute();
  // Computes a saved scenario again on today's layers and shows it.
  bool computeSaved(const indicators::Scenario& scenario);
  // Puts the computed scenario on the map as one layer group (replacing an earlier one): the land
  // it newly covers and no longer covers, the proposed facilities and those taken away. The layers
  // are written beside the project (<project>.results/<code>_whatif_<year>.gpkg).
  bool showOnMap();
  static QString groupName(const indicators::Indicator& indicator, int year);

 private:
  void showResult(const indicators::WhatIfResult& result);
  bool run(const indicators::WhatIfParams& params);

  MapDocument* mDocument;
  indicators::Indicator mIndicator;
  indicators::MetricBinding mBinding;
  int mYear;
  QComboBox* mProposed;
  QComboBox* mLevel = nullptr;
  QCheckBox* mOnlySelected;
  QCheckBox* mTakeAway;
  QTableWidget* mTable;
  QLabel* mSummary;
  QPushButton* mMapButton = nullptr;
  ScenarioPanel* mScenarios;
  ProposalSketch* mSketch = nullptr;
  QPushButton* mDrawButton = nullptr;
  std::optional<indicators::WhatIfResult> mResult;
};

}  // namespace xiuhua::app
