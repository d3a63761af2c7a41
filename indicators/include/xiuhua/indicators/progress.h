#pragma once

#include "xiuhua/indicators/indicator.h"

#include <map>
#include <optional>

namespace xiuhua::indicators {

enum class Status {
  Achieved,        // 已达标: the target is met
  OnTrack,         // 正常推进: on the path from the baseline to the target
  Behind,          // 滞后
  SeverelyBehind,  // 严重滞后
  NoData,          // 无数据
  Manual,          // 人工评定: a qualitative target, assessed by hand
  NoBaseline,      // 无基期值: no baseline to draw a path from; the value and its distance to the target only
  Unconfirmed,     // 待确认: the row's unit, value or basis is doubtful and no analyst has confirmed it
  NotApplicable,   // 不适用: a sub-unit outside the area the target is set for
  NotMet           // 未达标: the target year has come and the target is not met
};

// The statuses' names, translated (zh: 已达标, 正常推进, 滞后, 严重滞后, 无数据, 人工评定, 无基期值,
// 待确认, 不适用, 未达标).
QString statusName(Status status);
// What the user can do about a status that judges nothing (无基期值, 待确认, 不适用), translated; empty otherwise.
QString statusAdvice(Status status);

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
  std::optional<double> remaining;      // how far the value still is from the target (0 when met), in the unit
  // Per-year targets (annual, yearly_count): the values summed over the plan period up to the year,
  // and what the plan asks for by then (the yearly target times the years).
  std::optional<double> periodTotal;
  std::optional<double> periodExpected;
};

// The path's start: the catalog's baseline (the plan's, or one entered with its source), or for a
// total over the plan period 0 at the end of the year before the period; nullopt when there is none.
std::optional<std::pair<int, double>> pathStart(const Indicator& indicator);

// Progress of a value in a year toward the indicator's target (of one year, for per-year targets).
// - A doubt nobody has confirmed: 待确认, never 已达标.
// - Met: 已达标 (exact: within 0.5 % of the target).
// - With a path start (pathStart()): percent = (value − start) / (target − start) × 100, for either
//   direction; expected = the linear path from the start to (target year, target); the gap between
//   expected and actual percent against the thresholds (an indicator's warning threshold overrides
//   the behind gap: progress below it is 滞后).
// - Without one, nothing is invented: 无基期值 with the distance to the target, and 未达标 once the
//   target year has come.
// - Per-year targets: the year's value against the yearly target (滞后 below it).
// No value: 无数据. Qualitative targets: 人工评定 (entered by hand with a reason).
Progress computeProgress(const Indicator& indicator, int year, std::optional<double> value,
                         const StatusThresholds& thresholds = {});

// Progress as of `year` from the indicator's yearly values: the latest value up to the year, and
// for per-year targets the sum over the plan period, which must keep up with the yearly target
// (滞后 when it falls behind, 严重滞后 when by more than one year's target).
Progress progressOf(const Indicator& indicator, int year, const std::map<int, double>& series,
                    const StatusThresholds& thresholds = {});

}  // namespace xiuhua::indicators
