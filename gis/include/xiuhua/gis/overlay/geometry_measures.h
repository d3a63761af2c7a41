#pragma once

#include "xiuhua/gis/geometry.h"

#include <QPointF>

#include <vector>

namespace xiuhua::gis {

// Planar measures through GEOS, in the units of the geometries' CRS. Empty geometries measure 0.
std::vector<double> areas(const std::vector<Geometry>& geometries, int threads = 0);
std::vector<double> lengths(const std::vector<Geometry>& geometries, int threads = 0);

// Buffers each geometry by its own distance with `quadSegments` segments per quarter circle; a
// polygon grows outwards from its boundary. A distance <= 0 (or NaN) gives an empty geometry.
std::vector<Geometry> bufferEach(const std::vector<Geometry>& geometries, const std::vector<double>& distances,
                                 int quadSegments = 8, int threads = 0);

// The union of the geometries (GEOS unary union), e.g. the service area of a set of buffers; empty
// when there is nothing to unite or GEOS fails.
Geometry unionOf(const std::vector<Geometry>& geometries);

// A point guaranteed to lie on each geometry (GEOS point on surface); NaN for an empty one.
std::vector<QPointF> pointsOnSurface(const std::vector<Geometry>& geometries, int threads = 0);

}  // namespace xiuhua::gis
