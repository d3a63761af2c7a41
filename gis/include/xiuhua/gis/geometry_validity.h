#pragma once

#include "xiuhua/gis/geometry.h"

#include <QPointF>
#include <QString>

#include <atomic>
#include <optional>
#include <vector>

namespace xiuhua::gis {

struct ValidityProblem {
  QString reason;    // GEOS's reason, e.g. "Self-intersection"
  QPointF location;  // where, in the geometry's CRS
};

// The first validity problem GEOS finds, or nullopt for a valid (or empty) geometry.
std::optional<ValidityProblem> findValidityProblem(const Geometry& geometry);

// Indices of the features whose geometry is invalid, ascending. Polls cancel between features
// and returns what it found so far when cancelled. Any thread (uses its own GEOS context).
std::vector<int> findInvalidGeometries(const std::vector<Geometry>& geometries,
                                       const std::atomic<bool>* cancel = nullptr);

// A valid geometry covering the same area (GEOS MakeValid, then dimension kept).
Geometry makeValid(const Geometry& geometry);

}  // namespace xiuhua::gis
