#pragma once

#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/overlay/overlay_options.h"
#include "xiuhua/gis/result.h"

#include <vector>

namespace xiuhua::gis {

// A polygon of one set cut by a polygon of another (e.g. a raster cell within a 街镇).
struct PolygonPair {
  int first = -1;
  int second = -1;
  Geometry piece;  // their intersection (the whole first polygon when the second contains it)
};

// Every pair of polygons (one from each set) whose intersection has area, with the intersection;
// in the order of `first`, then `second`. Exact (GEOS), on worker threads.
Result<std::vector<PolygonPair>> intersectPairs(const std::vector<Geometry>& first, const std::vector<Geometry>& second,
                                                const OverlayOptions& options = {});

}  // namespace xiuhua::gis
