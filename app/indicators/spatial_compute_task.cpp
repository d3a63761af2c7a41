#include "indicators/spatial_compute_task.h"

#include "document/layer_resolver.h"
#include "xiuhua/indicators/metrics/computation_store.h"
#include "xiuhua/indicators/value_store.h"

#include <QCoreApplication>

namespace xiuhua::app {

SpatialComputeTask::SpatialComputeTask(std::vector<Job> jobs, int year, std::vector<gis::LayerSpec> layers, QString projectPath, bool force,
                                       QObject* parent)
    : QObject(parent), mJobs(std::move(jobs)), mYear(year), mLayers(std::move(layers)), mProjectPath(std::move(projectPath)),
      mForce(force) {}

SpatialComputeTask::~SpatialComputeTask() {
  mCancel = true;
  if (mThread.joinable()) mThread.join();
}

void SpatialComputeTask::start() { mThread = std::thread([this] { run(); }); }

double SpatialComputeTask::progress() const {
  if (mJobs.empty()) return 1.0;
  return (mJob.load() + mJobProgress.load()) / static_cast<double>(mJobs.size());
}

void SpatialComputeTask::run() {
  const indicators::LayerResolver resolve = layerResolver(mLayers);
  indicators::MetricRun run;
  run.cancel = &mCancel;
  run.fingerprints = true;
  run.resultLayers = true;  // stored beside the project with the values, for coverage maps
  run.progress = [this](double p) { mJobProgress = p; };
  for (std::size_t i = 0; i < mJobs.size() && !mCancel; ++i) {
    mJob = static_cast<int>(i);
    mJobProgress = 0;
    if (!mForce && isCurrent(mJobs[i])) {
      mUnchanged << mJobs[i].indicator.code;
      continue;
    }
    auto result = indicators::computeIndicator(mJobs[i].indicator, mJobs[i].binding, mYear, resolve, run);
    if (result.ok()) {
      mResults.push_back(std::move(result).value());
    } else if (!mCancel) {
      mProblems << result.error().message;
    }
  }
  mJob = static_cast<int>(mJobs.size());
  mJobProgress = 0;
  QMetaObject::invokeMethod(this, [this] { emit finished(); }, Qt::QueuedConnection);
}

bool SpatialComputeTask::isCurrent(const Job& job) {
  // Own connections: this runs on the worker thread.
  auto computations = indicators::ComputationStore::open(mProjectPath);
  auto values = indicators::ValueStore::open(mProjectPath);
  if (!computations.ok() || !values.ok()) return false;
  auto unchanged = (*computations)->unchangedSince(job.binding, mYear, layerResolver(mLayers));
  if (!unchanged.ok() || !unchanged.value() || !(*unchanged)->value) return false;
  auto history = (*values)->history(job.indicator.code);
  if (!history.ok()) return false;
  // Its value must still be the district's latest for the year (not undone, not corrected by hand).
  const indicators::IndicatorValue* latest = nullptr;
  for (const indicators::IndicatorValue& v : history.value()) {
    if (v.year == mYear && !v.month && v.subunit.isEmpty()) latest = &v;
  }
  return latest != nullptr && latest->source == indicators::ValueSource::Computed && latest->value == *(*unchanged)->value;
}

}  // namespace xiuhua::app
