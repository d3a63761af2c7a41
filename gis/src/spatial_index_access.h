#pragma once

// Internal: queries a SpatialIndex with a GEOS geometry's envelope, into a reused vector (the hot
// loops of the overlays make millions of queries; building a box geometry for each is waste).
#include "xiuhua/gis/spatial_index.h"

#include <geos_c.h>

#include <vector>

namespace xiuhua::gis::detail {

struct SpatialIndexAccess {
  // Indices of the items whose box meets the geometry's envelope, ascending.
  static void query(const SpatialIndex& index, const GEOSGeometry* geometry, std::vector<int>& out);
};

}  // namespace xiuhua::gis::detail
