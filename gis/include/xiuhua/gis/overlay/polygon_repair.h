#pragma once

#include "xiuhua/gis/geometry.h"

#include <vector>

namespace xiuhua::gis {

// Makes every invalid geometry valid in place (GEOS MakeValid; polygons keep only their polygonal
// part, lines their linear part) and returns how many were repaired. Runs on `threads` workers.
int repairGeometries(std::vector<Geometry>& geometries, int threads = 0);

}  // namespace xiuhua::gis
