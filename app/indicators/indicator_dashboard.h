#pragma once

#include "xiuhua/indicators/metrics/metric_binding.h"
#include "xiuhua/indicators/value_store.h"

#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <tuple>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTreeView;
class QTreeWidget;
class QUndoStack;

namespace xiuhua::app {

class CatalogAuditDialog;

class DashboardFilter;
class DashboardModel;
class IndicatorChart;
class MapCanvas;
class MapDocument;
class GapFinderDialog;
class WhatIfDialog;

// The indicator dashboard of the open project: every indicator grouped by category with its
// baseline, target, latest value, progress and status; filters; and for the selected indicator
// a chart and its value history. Reads and writes the project file through a ValueStore.
class IndicatorDashboard : public QWidget {
  Q_OBJECT

 public:
  explicit IndicatorDashboard(MapDocument* document, QWidget* parent = nullptr);
  ~IndicatorDashboard() override;

  // Imports a catalog file (or a shipped one, ":/xiuhua/catalogs/…") into the project.
  bool importCatalog(const QString& path, const QString& plan);
  // Records a value (already validated) as an undoable step and refreshes. A value whose
  // `replaces` no longer names the current one (another user entered a value for the same
  // indicator, year and sub-unit meanwhile) is not stored: lastConflict() says who and what.
  bool addValue(const indicators::IndicatorValue& value);
  // The same value again, as a revision of the value that is current now.
  bool addValueAsRevision(indicators::IndicatorValue value);
  const QString& lastConflict() const { return mConflict; }
  // The id of the current value the dashboard showed for an indicator, year and sub-unit when it
  // last read the values (0: none) — what a value entered now replaces.
  qint64 seenValueId(const QString& code, int year, const QString& subunit) const;
  // Previews a value file and, if the user accepts (or `ask` is false), imports it undoably.
  bool importValues(const QString& path, bool ask = true);
  QUndoStack* undoStack() const { return mUndo; }
  // Replaces an indicator's target/baseline as an undoable step.
  bool editTarget(const indicators::Indicator& edited);
  // Computes the spatial indicators (the selected one when it has a metric binding, else all of
  // them) for the chosen year in the background, with a progress dialog that can cancel; the
  // values are stored as one undoable step. With wait, returns when done (for scripts and tests).
  // Unless forced, indicators whose last computation is still current (same binding and input
  // files) are not computed again.
  bool computeSpatial(bool wait = false, bool force = false);
  // Adds the coverage map of the selected spatial indicator for the chosen year (the layers of its
  // latest computation, see CoverageMap) to the map, replacing an earlier one of the same group.
  bool showCoverageMap();
  // Opens the what-if dialog for the selected coverage indicator and the chosen year (non-modal);
  // nullptr, with a problem reported, for an indicator without a coverage binding.
  WhatIfDialog* openWhatIf();
  // The map on which what-if proposals are drawn.
  void setCanvas(MapCanvas* canvas) { mCanvas = canvas; }
  // Opens the gap finder for the selected coverage indicator and the chosen year (non-modal).
  GapFinderDialog* openGapFinder();
  // The catalog audit (what the plans leave open; confirm a doubt, add a baseline), on the current
  // indicator; the dashboard reads the catalog again after each decision.
  CatalogAuditDialog* openCatalogAudit();
  // The open project's value store (nullptr without a saved project).
  indicators::ValueStore* valueStore() const { return mStore.get(); }
  // Records a hand assessment of a qualitative target and refreshes.
  bool addAssessment(const indicators::Assessment& assessment);
  void reload();
  // Opens the project's values again (they moved: shared, or back in the file) and reloads.
  void reopen();
  void selectIndicator(const QString& code);
  // The layers with unsaved edits (for marking the indicators computed from them stale).
  void setEditedLayers(std::function<QStringList()> unsavedLayers) { mEditedLayers = std::move(unsavedLayers); }
  // Marks the computed indicators whose layers changed (or have unsaved edits) since; see
  // findStaleIndicators. scheduleStaleRefresh does it once edits pause (each reads the project).
  void refreshStale();
  void scheduleStaleRefresh();

  DashboardModel* model() const { return mModel; }
  DashboardFilter* filter() const { return mFilter; }
  QTreeView* table() const { return mTable; }
  IndicatorChart* chart() const { return mChart; }
  QLabel* message() const { return mMessage; }
  // Where the values are read from, shown when they are shared.
  QLabel* location() const { return mLocation; }
  // Reads the values again when another workstation changed the shared ones (checked every few
  // seconds while they are shared); returns whether it did.
  bool refreshShared();

 signals:
  void problem(const QString& message);
  // The project's store is about to go (another project, or the project saved under a new path):
  // what refers to it closes.
  void storeClosing();

 private:
  void showSelected();
  // The indicator of the current row, or nullptr (none, or a category heading).
  const indicators::Indicator* currentIndicator() const;
  // The metric binding of the current indicator when it is a coverage; else reports why.
  std::optional<indicators::MetricBinding> coverageBinding();
  // Sub-unit names that have values in the project, for the value-entry dialog.
  QStringList knownSubunits() const;
  void enterValue();
  void assess();
  void chooseTarget();
  void saveChart();
  void chooseCatalog();
  bool pushAdd(std::vector<indicators::IndicatorValue> values, const QString& text);
  bool storeComputations(const class SpatialComputeTask& task);
  void refillDepartments();

  MapDocument* mDocument;
  std::unique_ptr<indicators::ValueStore> mStore;
  DashboardModel* mModel;
  DashboardFilter* mFilter;
  QTreeView* mTable;
  IndicatorChart* mChart;
  QTreeWidget* mHistory;
  QSpinBox* mYear;
  QComboBox* mDepartment;
  QComboBox* mNature;
  QComboBox* mStatus;
  QLineEdit* mSearch;
  QLabel* mMessage;
  QLabel* mLocation;
  MapCanvas* mCanvas = nullptr;
  std::map<std::tuple<QString, int, QString>, qint64> mSeen;  // code, year, sub-unit → current value id
  QString mConflict;
  QString mSharedStamp;
  class QTimer* mSharedTimer = nullptr;
  QUndoStack* mUndo;
  std::function<QStringList()> mEditedLayers;
  class QTimer* mStaleTimer = nullptr;
};

}  // namespace xiuhua::app
