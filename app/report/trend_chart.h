#pragma once

#include "xiuhua/indicators/indicator.h"
#include "xiuhua/indicators/progress.h"

#include <QFont>
#include <QRectF>

#include <map>
#include <set>

class QPainter;

namespace xiuhua::app {

// An indicator's trend drawn as vectors (on a PDF page it stays sharp at any zoom): its yearly
// values (blue, the last dot in its status colour), the target (dashed red) and the expected path
// from the baseline to the target (dotted grey), years along the bottom, values up the left with the
// unit. With no value it says 无数据; a single value is a dot. The values of `synthetic` years
// (invented for a demonstration) are hollow dots, and a caption says what they are.
void paintTrendChart(QPainter& painter, const QRectF& box, const indicators::Indicator& indicator,
                     const std::map<int, double>& series, indicators::Status status, const QFont& font,
                     const std::set<int>& synthetic = {});

}  // namespace xiuhua::app
