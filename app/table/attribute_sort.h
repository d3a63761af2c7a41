#pragma once

#include "xiuhua/gis/vector_data.h"

#include <atomic>
#include <vector>

namespace xiuhua::app {

// Feature indices ordered by one field: numbers numerically, text by the UI locale's collation
// (pinyin order for Chinese), NULLs first when ascending. Stable, so equal values keep file order.
// Pure: runs on a worker thread; returns an empty vector when cancelled.
std::vector<int> sortedFeatureOrder(const gis::VectorData& data, int field, bool ascending,
                                    const std::atomic<bool>* cancel = nullptr);

}  // namespace xiuhua::app
