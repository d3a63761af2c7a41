#pragma once

#include "xiuhua/gis/vector_data.h"

#include <QJsonObject>

namespace xiuhua::cli {

// A vector layer's description as the CLI prints it.
QJsonObject describeVector(const gis::VectorData& data);

}  // namespace xiuhua::cli
