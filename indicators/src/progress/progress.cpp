#include "xiuhua/indicators/progress.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace xiuhua::indicators {
namespace {

bool targetMet(const Indicator& ind, double value) {
  const double target = *ind.targetValue;
  if (ind.isPerYear()) return value >= target;  // a range's upper end is not a limit
  switch (ind.direction) {
    case Direction::Higher: return value >= target;
    case Direction::Lower: return value <= target;
    case Direction::Exact: return std::abs(value - target) <= 0.005 * std::max(std::abs(target), 1e-9);
  }
  return false;
}

double remainingTo(const Indicator& ind, double value) {
  const double target = *ind.targetValue;
  if (ind.direction == Direction::Exact) return std::abs(value - target);
  if (ind.direction == Direction::Lower && !ind.isPerYear()) return std::max(0.0, value - target);
  return std::max(0.0, target - value);
}

// Where the value stands on the path from its start to the target.
void judgeOnPath(const Indicator& ind, int year, double value, std::pair<int, double> start,
                 const StatusThresholds& thresholds, Progress& p) {
  const double target = *ind.targetValue;
  if (std::abs(target - start.second) <= 1e-12) {
    p.status = year >= ind.targetYear ? Status::NotMet : Status::Behind;
    return;
  }
  p.percent = (value - start.second) / (target - start.second) * 100.0;
  const double span = std::max(1, ind.targetYear - start.first);
  const double elapsed = std::clamp((year - start.first) / span, 0.0, 1.0);
  p.expectedValue = start.second + (target - start.second) * elapsed;
  p.expectedPercent = elapsed * 100.0;
  const double gap = *p.expectedPercent - *p.percent;
  const bool belowWarning = ind.warningThreshold && *p.percent < *ind.warningThreshold;
  if (gap > thresholds.severeGap) {
    p.status = Status::SeverelyBehind;
  } else if (gap > thresholds.behindGap || belowWarning) {
    p.status = Status::Behind;
  } else {
    p.status = Status::OnTrack;
  }
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
    case Status::NoBaseline: return QCoreApplication::translate("Progress", "No baseline");
    case Status::Unconfirmed: return QCoreApplication::translate("Progress", "To be confirmed");
    case Status::NotApplicable: return QCoreApplication::translate("Progress", "Not applicable");
    case Status::NotMet: return QCoreApplication::translate("Progress", "Not met");
  }
  return {};
}

QString statusAdvice(Status status) {
  switch (status) {
    case Status::NoBaseline:
      return QCoreApplication::translate("Progress", "The plan gives no baseline, so there is no expected path to judge the value "
                                                     "against. Add a baseline with its source (the dashboard's Catalog audit… → "
                                                     "Add baseline…, or xiuhua-cli indicators baseline) to see whether it is on track.");
    case Status::Unconfirmed:
      return QCoreApplication::translate("Progress", "The catalog doubts this row's unit, value or population basis. An analyst "
                                                     "confirms it (the dashboard's Catalog audit… → Confirm…, or xiuhua-cli indicators confirm) "
                                                     "before any status is given.");
    case Status::NotApplicable:
      return QCoreApplication::translate("Progress", "The plan sets this target for another area: this sub-unit lies outside it.");
    default: return {};
  }
}

std::optional<std::pair<int, double>> pathStart(const Indicator& ind) {
  if (ind.baselineValue) {
    if (ind.baselineYear) return std::pair{*ind.baselineYear, *ind.baselineValue};
    if (ind.period.isValid()) return std::pair{ind.period.first - 1, *ind.baselineValue};
    return std::nullopt;
  }
  if (ind.targetKind == TargetKind::PeriodTotal && ind.period.isValid()) return std::pair{ind.period.first - 1, 0.0};
  return std::nullopt;
}

Progress computeProgress(const Indicator& ind, int year, std::optional<double> value, const StatusThresholds& thresholds) {
  Progress p;
  if (ind.isQualitative()) {
    p.status = Status::Manual;
    return p;
  }
  if (!value) {
    p.status = Status::NoData;
    return p;
  }
  if (ind.isUnconfirmed()) {
    p.status = Status::Unconfirmed;
    return p;
  }
  p.remaining = remainingTo(ind, *value);
  if (ind.isPerYear()) {
    p.percent = std::abs(*ind.targetValue) > 1e-12 ? std::optional(*value / *ind.targetValue * 100.0) : std::nullopt;
    p.expectedValue = *ind.targetValue;
    p.status = targetMet(ind, *value) ? Status::Achieved : Status::Behind;
    return p;
  }
  if (targetMet(ind, *value)) {
    const auto start = pathStart(ind);
    if (start) judgeOnPath(ind, year, *value, *start, thresholds, p);
    p.status = Status::Achieved;
    return p;
  }
  const auto start = pathStart(ind);
  if (!start) {
    p.status = year >= ind.targetYear ? Status::NotMet : Status::NoBaseline;
    return p;
  }
  judgeOnPath(ind, year, *value, *start, thresholds, p);
  if (year >= ind.targetYear) p.status = Status::NotMet;  // the target's year has come: missed, not behind
  return p;
}

Progress progressOf(const Indicator& ind, int year, const std::map<int, double>& series, const StatusThresholds& thresholds) {
  std::optional<std::pair<int, double>> latest;
  for (const auto& [y, v] : series) {
    if (y <= year) latest = std::pair{y, v};
  }
  Progress p = computeProgress(ind, latest ? latest->first : year, latest ? std::optional(latest->second) : std::nullopt, thresholds);
  if (!latest || !ind.isPerYear() || ind.isQualitative() || ind.isUnconfirmed() || !ind.period.isValid()) return p;
  // The years of the period with a value, up to the latest: a year without one is unknown, not 0.
  const double yearly = *ind.targetValue;
  double total = 0;
  int years = 0;
  bool missedAYear = false;  // a yearly count ("每年创建5条") is owed every year, not on average
  for (const auto& [y, v] : series) {
    if (y < ind.period.first || y > std::min(latest->first, ind.period.last)) continue;
    total += v;
    ++years;
    missedAYear = missedAYear || v < yearly - 1e-9;
  }
  if (years == 0) return p;
  const bool eachYear = ind.targetKind == TargetKind::YearlyCount;
  p.periodTotal = total;
  p.periodExpected = yearly * years;
  p.percent = yearly > 0 ? std::optional(total / (yearly * ind.period.years()) * 100.0) : std::nullopt;
  p.expectedPercent = 100.0 * years / ind.period.years();
  if (latest->first >= ind.period.last) {
    // The period is over: its whole sum decides (a year without a value added nothing).
    const bool met = total >= yearly * ind.period.years() - 1e-9 && !(eachYear && missedAYear);
    p.status = met ? Status::Achieved : Status::NotMet;
  } else if (total < *p.periodExpected - yearly - 1e-9) {
    p.status = Status::SeverelyBehind;
  } else if (total < *p.periodExpected - 1e-9 || p.status == Status::Behind || (eachYear && missedAYear)) {
    p.status = Status::Behind;
  } else {
    p.status = Status::OnTrack;
  }
  return p;
}

}  // namespace xiuhua::indicators
