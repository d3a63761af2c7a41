#pragma once

#include "xiuhua/gis/geometry.h"

#include <QPointF>
#include <QString>

#include <optional>

namespace xiuhua::gis {

struct ValidityProblem {
  QString reason;    // GEOS's reason, e.g. "Self-intersection"
  QPointF location;  // where, in the geometry's CRS
};

// The first validity problem GEOS finds, or nullopt for a valid (or empty) geometry.
std::optional<ValidityProblem> findValidityProblem(const Geometry& geometry);

// A valid geometry covering the same area (GEOS MakeValid, then dimension kept).
Geometry makeValid(const Geometry& geometry);

}  // namespace xiuhua::gis
