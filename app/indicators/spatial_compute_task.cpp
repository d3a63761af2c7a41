#include "indicators/spatial_compute_task.h"

#include "document/layer_resolver.h"

#include <QCoreApplication>

namespace xiuhua::app {

SpatialComputeTask::SpatialComputeTask(std::vector<Job> jobs, int year, std::vector<gis::LayerSpec> layers, QObject* parent)
    : QObject(parent), mJobs(std::move(jobs)), mYear(year), mLayers(std::move(layers)) {}

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

}  // namespace xiuhua::app
