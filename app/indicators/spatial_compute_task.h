#pragma once

#include "xiuhua/gis/project.h"
#include "xiuhua/indicators/indicator.h"
#include "xiuhua/indicators/metrics/indicator_computation.h"
#include "xiuhua/indicators/metrics/metric_binding.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <thread>
#include <vector>

namespace xiuhua::app {

// Computes spatial indicators on a background thread (the metrics fan out further), reporting
// progress and honouring cancellation. Only computes: the dashboard stores the results, on its
// own thread, as one undoable step.
class SpatialComputeTask : public QObject {
  Q_OBJECT

 public:
  struct Job {
    indicators::Indicator indicator;
    indicators::MetricBinding binding;
  };
  // layers: the project's layers (copied), by which the bindings' layer ids are resolved. Unless
  // forced, an indicator whose latest computation for the year is still current (same binding, same
  // input files, its value the latest in the project) is not computed again (see unchanged()).
  SpatialComputeTask(std::vector<Job> jobs, int year, std::vector<gis::LayerSpec> layers, QString projectPath, bool force,
                     QObject* parent = nullptr);
  ~SpatialComputeTask() override;  // cancels and waits

  void start();
  void cancel() { mCancel = true; }
  bool isCancelled() const { return mCancel.load(); }
  // Overall progress 0..1 and the indicator being computed (any thread may ask).
  double progress() const;
  int currentJob() const { return mJob.load(); }
  int jobCount() const { return static_cast<int>(mJobs.size()); }
  const Job& job(int i) const { return mJobs[static_cast<std::size_t>(i)]; }

  // Valid after finished().
  const std::vector<indicators::IndicatorComputation>& results() const { return mResults; }
  const QStringList& problems() const { return mProblems; }
  const QStringList& unchanged() const { return mUnchanged; }  // indicator codes skipped as current

 signals:
  void finished();

 private:
  void run();
  bool isCurrent(const Job& job);  // on the worker thread

  std::vector<Job> mJobs;
  int mYear;
  std::vector<gis::LayerSpec> mLayers;
  QString mProjectPath;
  bool mForce;
  QStringList mUnchanged;
  std::vector<indicators::IndicatorComputation> mResults;
  QStringList mProblems;
  std::atomic<bool> mCancel{false};
  std::atomic<int> mJob{0};
  std::atomic<double> mJobProgress{0};
  std::thread mThread;
};

}  // namespace xiuhua::app
