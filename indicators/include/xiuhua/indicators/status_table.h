#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/indicator.h"
#include "xiuhua/indicators/progress.h"
#include "xiuhua/indicators/value_store.h"

#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace xiuhua::indicators {

// Where one indicator stands in a year: its latest district value up to that year, progress and
// status (a qualitative target's hand assessment, when there is one).
struct IndicatorStatus {
  Indicator indicator;
  std::optional<std::pair<int, double>> latest;  // (year, value), yearly district values only
  std::map<int, double> series;                  // every year's latest district value, up to `year`
  std::set<int> syntheticYears;                  // the years of series whose value is synthetic (the demo's)
  Progress progress;
  std::optional<Assessment> assessment;

  bool latestIsSynthetic() const { return latest && syntheticYears.count(latest->first) > 0; }
};

// Every indicator of the project's catalog, in catalog order, as of `year`. Errors name the
// project file.
gis::Result<std::vector<IndicatorStatus>> indicatorStatuses(ValueStore& store, int year);

}  // namespace xiuhua::indicators
