#pragma once

// Internal: the sums of a coverage from what each target contributes, taken in target order
// (Neumaier sums), so that the answer does not depend on the number of threads.
#include "overlay/coverage_worker.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"

#include <vector>

namespace xiuhua::gis::detail {

// With takeParts (and input.keepParts) the targets' covered and uncovered parts move into the result.
ZonalCoverage sumShares(const ZonalCoverageInput& input, std::vector<TargetShare>& shares, bool takeParts = true);

}  // namespace xiuhua::gis::detail
