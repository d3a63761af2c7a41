#pragma once

#include "xiuhua/indicators/metrics/coverage_what_if.h"
#include "xiuhua/indicators/metrics/metric_binding.h"
#include "xiuhua/indicators/metrics/scenario_store.h"

#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QUndoStack;

namespace xiuhua::app {

class MapDocument;

// The saved scenarios of an indicator and year, side by side with their values (now, scenario,
// change), in the what-if dialog: save the scenario just computed under a name, recompute a saved
// one, make one real in the facility layer (undoable), or discard one.
class ScenarioPanel : public QWidget {
  Q_OBJECT

 public:
  ScenarioPanel(MapDocument* document, indicators::MetricBinding binding, QString code, int year, QUndoStack* undo,
                QWidget* parent = nullptr);

  QLineEdit* nameEdit() const { return mName; }
  QTableWidget* table() const { return mTable; }
  const std::vector<indicators::Scenario>& scenarios() const { return mScenarios; }

  // The scenario just computed (run with result layers), which Save stores; none disables Save.
  void setCurrent(const indicators::WhatIfResult* result);
  // Saves the current scenario under the name typed; false, with the reason reported, on failure.
  bool saveCurrent();
  // Makes a saved scenario real as an undoable step (on the undo stack).
  bool promote(qint64 id);
  bool discard(qint64 id);
  void reload();

 signals:
  void recomputeRequested(const indicators::Scenario& scenario);
  void problem(const QString& message);

 private:
  const indicators::Scenario* selected() const;

  MapDocument* mDocument;
  indicators::MetricBinding mBinding;
  QString mCode;
  int mYear;
  QUndoStack* mUndo;
  QLineEdit* mName;
  QPushButton* mSave;
  QTableWidget* mTable;
  const indicators::WhatIfResult* mCurrent = nullptr;
  std::vector<indicators::Scenario> mScenarios;
};

}  // namespace xiuhua::app
