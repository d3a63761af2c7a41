#pragma once

#include "xiuhua/indicators/indicator.h"

#include <optional>

namespace xiuhua::indicators {

enum class Status { Achieved, OnTrack, Behind, SeverelyBehind, NoData, Manual };

// The statuses' names, translated (zh: 已达标, 正常推进, 滞后, 严重滞后, 无数据, 人工评定).
QString statusName(Status status);

// How far behind the expected path (in percentage points of progress) counts as 滞后 and 严重滞后.
struct StatusThresholds {
  double behindGap = 10.0;
  double severeGap = 25.0;
};

struct Progress {
  Status status = Status::NoData;
  std::optional<double> percent;        // share of the way from baseline to target, 0–100+
  std::optional<double> expectedValue;  // on the straight path from baseline to target, that year
  std::optional<double> expectedPercent;
};

// Progress of a value in a year toward the indicator's target.
// - With a baseline: percent = (value − baseline) / (target − baseline) × 100, for either
//   direction; expected = the linear path from (baseline year, baseline) to (target year, target).
// - Without a baseline (e.g. counts that start from nothing), higher-is-better indicators use a
//   baseline of 0 at the plan's start (target year − 5); lower-is-better ones only know whether
//   the target is met.
// - 已达标 when the target is met (exact: within 0.5% of it); otherwise the gap between expected
//   and actual percent against the thresholds (an indicator's warning threshold overrides the
//   behind gap: progress below it is 滞后). No value: 无数据. Qualitative targets: 人工评定
//   (the status is entered by hand with a reason).
Progress computeProgress(const Indicator& indicator, int year, std::optional<double> value,
                         const StatusThresholds& thresholds = {});

}  // namespace xiuhua::indicators
