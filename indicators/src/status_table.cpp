#include "xiuhua/indicators/status_table.h"

namespace xiuhua::indicators {

gis::Result<std::vector<IndicatorStatus>> indicatorStatuses(ValueStore& store, int year) {
  auto catalog = store.catalog();
  if (!catalog.ok()) return catalog.error();
  auto assessments = store.latestAssessments(year);
  if (!assessments.ok()) return assessments.error();
  std::vector<IndicatorStatus> rows;
  for (const Indicator& indicator : catalog->indicators) {
    auto series = store.series(indicator.code);
    if (!series.ok()) return series.error();
    auto synthetic = store.syntheticYears(indicator.code);
    if (!synthetic.ok()) return synthetic.error();
    IndicatorStatus row{indicator, std::nullopt, {}, {}, {}, std::nullopt};
    for (const auto& [y, v] : series.value()) {
      if (y > year) continue;
      row.latest = std::pair{y, v};
      row.series[y] = v;
      if (synthetic->count(y) > 0) row.syntheticYears.insert(y);
    }
    row.progress = progressOf(indicator, year, row.series);
    if (const auto assessed = assessments->find(indicator.code); assessed != assessments->end() && indicator.isQualitative()) {
      row.assessment = assessed->second;
      row.progress.status = assessed->second.status;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace xiuhua::indicators
