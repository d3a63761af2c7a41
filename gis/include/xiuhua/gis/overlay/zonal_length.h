#pragma once

#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/overlay/overlay_options.h"
#include "xiuhua/gis/result.h"

#include <vector>

namespace xiuhua::gis {

// Total length of lines, clipped to a region (`within`, optional) and split by zones.
// Duplicates: a line equal (same vertices, either direction) to an earlier one; degenerate: a line
// that runs back over itself (A→B→A), whose length is more than that of its own union. With
// `deduplicate`, duplicates are left out and degenerate lines count their union's length.
struct ZonalLengthInput {
  std::vector<Geometry> lines;
  std::vector<Geometry> within;  // polygons; empty: no clipping
  std::vector<Geometry> zones;   // polygons; may be empty
  bool deduplicate = false;
};

struct ZonalLength {
  double all = 0;               // metres (CRS units)
  std::vector<double> zones;    // per zone, input order
  double outside = 0;           // inside `within` but outside every zone
  int duplicates = 0;           // line features equal to an earlier one
  double duplicateLength = 0;   // their length (inside `within`)
  int degenerate = 0;           // lines running back over themselves
  double degenerateExcess = 0;  // length beyond their union's
  std::vector<int> failedLines;  // lines GEOS could not clip (left out; callers must report them)
};

Result<ZonalLength> zonalLength(const ZonalLengthInput& input, const OverlayOptions& options = {});

// Assigns each feature to the first zone that covers its point on surface (-1: none).
Result<std::vector<int>> assignToZones(const std::vector<Geometry>& features, const std::vector<Geometry>& zones,
                                       const OverlayOptions& options = {});

}  // namespace xiuhua::gis
