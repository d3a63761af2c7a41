#pragma once

// Internal: the weights of population-weighted coverage — a numeric field of the target polygons,
// or a population raster whose cells become weighted pieces (cut by the sub-units).
#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/overlay/overlay_options.h"
#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/metrics/metric_layer.h"

#include <vector>

namespace xiuhua::indicators::detail {

// The field's value for each target (non-negative numbers); fails naming the file and field.
gis::Result<std::vector<double>> fieldWeights(const MetricLayer& target, const QString& field);

// A raster's populated cells in the metric CRS with their weight per m² (the cell's value over
// its area), and the same cells cut by the zones they meet (pieces, with their zone).
struct RasterPieces {
  std::vector<gis::Geometry> cells;
  std::vector<double> cellWeightPerArea;
  std::vector<gis::Geometry> pieces;
  std::vector<int> pieceZone;
  std::vector<double> pieceWeightPerArea;
  double weight = 0;  // the populated cells' total value
};
gis::Result<RasterPieces> rasterPieces(const QString& path, const gis::Crs& metricCrs, const std::vector<gis::Geometry>& zones,
                                       const gis::OverlayOptions& options);

}  // namespace xiuhua::indicators::detail
