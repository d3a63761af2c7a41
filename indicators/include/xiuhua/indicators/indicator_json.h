#pragma once

#include "xiuhua/indicators/indicator.h"

#include <QJsonObject>

namespace xiuhua::indicators {

// The indicator definition as stored in the project file (round-trips every field).
QJsonObject indicatorToJson(const Indicator& indicator);
Indicator indicatorFromJson(const QJsonObject& json);

}  // namespace xiuhua::indicators
