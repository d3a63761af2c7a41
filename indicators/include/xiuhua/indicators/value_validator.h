#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/indicator.h"

#include <QString>

namespace xiuhua::indicators {

// Checks a value a person typed (or a file row) for an indicator and returns the number.
// Refuses, with a message that names the indicator: text that is not a number, a unit other
// than the indicator's, a ratio outside 0–100 %, a year outside the plan period (the baseline
// year, or five years before the target year, to the target year), and negative quantities.
gis::Result<double> validateValue(const Indicator& indicator, const QString& text, const QString& unit, int year);

}  // namespace xiuhua::indicators
