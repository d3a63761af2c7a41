// IndicatorDashboard: the spatial indicators — computing them in the background, their coverage
// maps, the what-if and gap-finder dialogs.
#include "indicators/indicator_dashboard.h"

#include "document/coverage_map.h"
#include "document/map_document.h"
#include "indicators/add_values_command.h"
#include "indicators/dashboard_model.h"
#include "xiuhua/gis/database.h"
#include "indicators/gap_finder_dialog.h"
#include "indicators/spatial_compute_task.h"
#include "indicators/what_if_dialog.h"
#include "xiuhua/indicators/metrics/computation_store.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QProgressDialog>
#include <QSpinBox>
#include <QTimer>
#include <QUndoStack>

namespace xiuhua::app {

bool IndicatorDashboard::computeSpatial(bool wait, bool force) {
  if (!mStore) {
    emit problem(tr("Save the project first: its indicators and values are kept in the project file."));
    return false;
  }
  if (!gis::Database::isWritable(mStore->path())) {
    emit problem(gis::Database::readOnlyMessage(mStore->path()));
    return false;
  }
  auto computations = indicators::ComputationStore::open(mStore->path());
  auto catalog = mStore->catalog();
  if (!computations.ok() || !catalog.ok()) {
    emit problem(computations.ok() ? catalog.error().message : computations.error().message);
    return false;
  }
  auto bindings = (*computations)->bindings();
  if (!bindings.ok()) {
    emit problem(bindings.error().message);
    return false;
  }
  // The selected indicator when it has a binding, else every bound indicator.
  std::vector<SpatialComputeTask::Job> jobs;
  const indicators::Indicator* selected = currentIndicator();
  for (const indicators::MetricBinding& b : bindings.value()) {
    const indicators::Indicator* ind = catalog->find(b.code);
    if (ind != nullptr && selected != nullptr && selected->code == b.code) jobs = {{*ind, b}};
  }
  if (jobs.empty()) {
    for (const indicators::MetricBinding& b : bindings.value()) {
      if (const indicators::Indicator* ind = catalog->find(b.code)) jobs.push_back({*ind, b});
    }
  }
  if (jobs.empty()) {
    emit problem(tr("The project defines no spatial indicator to compute (no metric bindings)."));
    return false;
  }
  std::vector<gis::LayerSpec> layers;
  for (const LayerState& l : mDocument->layers()) layers.push_back(l.spec);
  auto* task = new SpatialComputeTask(std::move(jobs), mYear->value(), std::move(layers), mStore->path(), force, this);
  auto* dialog = new QProgressDialog(tr("Computing…"), tr("Cancel"), 0, 1000, this);
  dialog->setWindowTitle(tr("Compute spatial indicators"));
  dialog->setMinimumDuration(300);
  dialog->setAutoClose(false);
  dialog->setAutoReset(false);
  auto* poll = new QTimer(dialog);
  connect(poll, &QTimer::timeout, dialog, [task, dialog] {
    const int job = std::min(task->currentJob(), task->jobCount() - 1);
    dialog->setLabelText(tr("Computing %1 %2 (%3 of %4)…")
                             .arg(task->job(job).indicator.code, task->job(job).indicator.nameZh)
                             .arg(job + 1)
                             .arg(task->jobCount()));
    dialog->setValue(static_cast<int>(task->progress() * 1000));
  });
  connect(dialog, &QProgressDialog::canceled, task, &SpatialComputeTask::cancel);
  auto timer = std::make_shared<QElapsedTimer>();
  timer->start();
  // Shared with the completion handler, which may run after this function returned.
  auto stored = std::make_shared<bool>(false);
  auto loop = std::make_shared<QEventLoop>();
  connect(task, &SpatialComputeTask::finished, this, [this, task, dialog, timer, stored, loop] {
    const bool cancelled = task->isCancelled();
    dialog->disconnect(task);  // closing a progress dialog emits canceled()
    dialog->close();
    dialog->deleteLater();
    if (cancelled) {
      mMessage->setText(tr("The computation was cancelled; nothing was stored."));
    } else {
      *stored = task->results().empty() ? !task->unchanged().isEmpty() : storeComputations(*task);
      QString text = tr("Computed %n indicator(s) for %1 in %2 s.", nullptr, static_cast<int>(task->results().size()))
                         .arg(mYear->value())
                         .arg(timer->nsecsElapsed() / 1e9, 0, 'f', 1);
      if (!task->unchanged().isEmpty()) {
        text += QLatin1Char(' ') + tr("%n indicator(s) unchanged since their last computation (same settings and input files), "
                                      "not computed again: %1. Use \"Compute again\" to force.",
                                      nullptr, static_cast<int>(task->unchanged().size()))
                                       .arg(task->unchanged().join(QStringLiteral(", ")));
      }
      mMessage->setText(text);
      for (const QString& p : task->problems()) emit problem(p);
    }
    mMessage->setVisible(true);
    task->deleteLater();
    loop->quit();
  });
  poll->start(100);
  task->start();
  if (!wait) return true;
  loop->exec();
  return *stored;
}

bool IndicatorDashboard::showCoverageMap() {
  const indicators::Indicator* ind = currentIndicator();
  if (ind == nullptr || mStore == nullptr) {
    emit problem(tr("Select a spatial indicator first."));
    return false;
  }
  const int year = mYear->value();
  auto computations = indicators::ComputationStore::open(mStore->path());
  auto stored = computations.ok() ? (*computations)->latestLayers(ind->code, year)
                                  : gis::Result<std::optional<indicators::ComputationStore::StoredLayers>>(computations.error());
  if (!stored.ok()) {
    emit problem(stored.error().message);
    return false;
  }
  if (!stored.value()) {
    emit problem(tr("%1 %2 has no computed map for %3 yet: compute it first (Compute…).").arg(ind->code, ind->nameZh).arg(year));
    return false;
  }
  const QString group = CoverageMap::groupName(*ind, year);
  std::map<QString, QString> names;
  QStringList earlier;
  for (const LayerState& l : mDocument->layers()) {
    names[l.spec.id] = l.spec.name;
    if (l.spec.group == group) earlier << l.spec.id;
  }
  for (const QString& id : earlier) mDocument->removeLayer(id);
  mDocument->addLayers(CoverageMap::layers(**stored, *ind, year, names));
  QString text = tr("The coverage map of %1 %2 for %3 is on the map, in the layer group \"%4\".")
                     .arg(ind->code, ind->nameZh)
                     .arg(year)
                     .arg(group);
  // By walking distance: how far it is from the straight-line radius.
  auto record = (*computations)->computation((*stored)->computation);
  const QJsonObject whole = record.ok() ? record->value(QStringLiteral("whole")).toObject() : QJsonObject();
  if (whole.contains(QStringLiteral("network_minus_euclidean_points"))) {
    text += QLatin1Char(' ') + tr("By walking distance %1 % of the land is covered, by the straight-line radius %2 % (%3 points).")
                                   .arg(whole.value(QStringLiteral("network_area_ratio")).toDouble() * 100, 0, 'f', 2)
                                   .arg(whole.value(QStringLiteral("euclidean_area_ratio")).toDouble() * 100, 0, 'f', 2)
                                   .arg(whole.value(QStringLiteral("network_minus_euclidean_points")).toDouble(), 0, 'f', 2);
  }
  mMessage->setText(text);
  mMessage->setVisible(true);
  return true;
}

std::optional<indicators::MetricBinding> IndicatorDashboard::coverageBinding() {
  const indicators::Indicator* ind = currentIndicator();
  if (ind == nullptr || mStore == nullptr) {
    emit problem(tr("Select a spatial indicator first."));
    return std::nullopt;
  }
  auto computations = indicators::ComputationStore::open(mStore->path());
  auto bindings = computations.ok() ? (*computations)->bindings() : gis::Result<std::vector<indicators::MetricBinding>>(computations.error());
  if (!bindings.ok()) {
    emit problem(bindings.error().message);
    return std::nullopt;
  }
  for (const indicators::MetricBinding& b : bindings.value()) {
    if (b.code != ind->code) continue;
    if (b.metric != QLatin1String("service_coverage") && b.metric != QLatin1String("population_coverage")) break;
    return b;
  }
  emit problem(tr("%1 %2 is not a coverage indicator: what-if scenarios are for service coverage.").arg(ind->code, ind->nameZh));
  return std::nullopt;
}

WhatIfDialog* IndicatorDashboard::openWhatIf() {
  const std::optional<indicators::MetricBinding> binding = coverageBinding();
  if (!binding) return nullptr;
  auto* dialog = new WhatIfDialog(mDocument, *currentIndicator(), *binding, mYear->value(), mUndo, this);
  dialog->setCanvas(mCanvas);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
  return dialog;
}

GapFinderDialog* IndicatorDashboard::openGapFinder() {
  const std::optional<indicators::MetricBinding> binding = coverageBinding();
  if (!binding) return nullptr;
  auto* dialog = new GapFinderDialog(mDocument, *currentIndicator(), *binding, mYear->value(), mUndo, this);
  dialog->setCanvas(mCanvas);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
  return dialog;
}

bool IndicatorDashboard::storeComputations(const SpatialComputeTask& task) {
  auto computations = indicators::ComputationStore::open(mStore->path());
  if (!computations.ok()) {
    emit problem(computations.error().message);
    return false;
  }
  std::vector<indicators::IndicatorValue> values;
  for (const indicators::IndicatorComputation& c : task.results()) {
    auto recorded = (*computations)->recordValues(c);
    if (!recorded.ok()) {
      emit problem(recorded.error().message);
      return false;
    }
    values.insert(values.end(), recorded->values.begin(), recorded->values.end());
    // Which sub-units lie outside a scoped target's area follows from the map, not from the user:
    // it is kept as computed (an undo takes back the values only).
    if (gis::Status s = indicators::storeNotApplicable(*mStore, c); !s) {
      emit problem(s.error().message);
      return false;
    }
  }
  if (values.empty()) return false;
  return pushAdd(std::move(values), tr("Compute %n spatial indicator(s) for %1", nullptr, static_cast<int>(task.results().size()))
                                        .arg(mYear->value()));
}

}  // namespace xiuhua::app
