#include "xiuhua/indicators/progress.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace xiuhua::indicators {
namespace {

// Years of a five-year plan before its target year, for a baseline the catalog does not give.
constexpr int kPlanYears = 5;

bool targetMet(const Indicator& ind, double value) {
  const double target = *ind.targetValue;
  switch (ind.direction) {
    case Direction::Higher: return value >= target;
    case Direction::Lower: return value <= target;
    case Direction::Exact: return std::abs(value - target) <= 0.005 * std::max(std::abs(target), 1e-9);
  }
  return false;
}

}  // namespace

QString statusName(Status status) {
  switch (status) {
    case Status::Achieved: return QCoreApplication::translate("Progress", "Achieved");
    case Status::OnTrack: return QCoreApplication::translate("Progress", "On track");
    case Status::Behind: return QCoreApplication::translate("Progress", "Behind");
    case Status::SeverelyBehind: return QCoreApplication::translate("Progress", "Severely behind");
    case Status::NoData: return QCoreApplication::translate("Progress", "No data");
    case Status::Manual: return QCoreApplication::translate("Progress", "Assessed by hand");
  }
  return {};
}

Progress computeProgress(const Indicator& ind, int year, std::optional<double> value,
                         const StatusThresholds& thresholds) {
  Progress p;
  if (ind.isQualitative()) {
    p.status = Status::Manual;
    return p;
  }
  if (!value) {
    p.status = Status::NoData;
    return p;
  }
  const double target = *ind.targetValue;
  std::optional<double> baseline = ind.baselineValue;
  int baselineYear = ind.baselineYear.value_or(ind.targetYear - kPlanYears);
  if (!baseline && ind.direction == Direction::Higher) {
    baseline = 0.0;
    baselineYear = ind.targetYear - kPlanYears;
  }
  if (baseline && std::abs(target - *baseline) > 1e-12) {
    p.percent = (*value - *baseline) / (target - *baseline) * 100.0;
    const double span = std::max(1, ind.targetYear - baselineYear);
    const double elapsed = std::clamp((year - baselineYear) / span, 0.0, 1.0);
    p.expectedValue = *baseline + (target - *baseline) * elapsed;
    p.expectedPercent = elapsed * 100.0;
  }
  if (targetMet(ind, *value)) {
    p.status = Status::Achieved;
    return p;
  }
  if (!p.percent) {
    // Nothing to measure the way against: only whether time has run out.
    p.status = year >= ind.targetYear ? Status::SeverelyBehind : Status::Behind;
    return p;
  }
  const double gap = *p.expectedPercent - *p.percent;
  const bool belowWarning = ind.warningThreshold && *p.percent < *ind.warningThreshold;
  if (gap > thresholds.severeGap) {
    p.status = Status::SeverelyBehind;
  } else if (gap > thresholds.behindGap || belowWarning) {
    p.status = Status::Behind;
  } else {
    p.status = Status::OnTrack;
  }
  return p;
}

}  // namespace xiuhua::indicators
