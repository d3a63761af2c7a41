#pragma once

#include "xiuhua/indicators/progress.h"

#include <QColor>

namespace xiuhua::app {

// The colour of an indicator status, the same on the dashboard, its charts and the report:
// greens for 已达标/正常推进, orange for 滞后, red for 严重滞后, grey for 无数据, blue for 人工评定.
QColor statusColor(indicators::Status status);

}  // namespace xiuhua::app
