#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/result.h"

#include <QRectF>
#include <QString>

#include <memory>
#include <vector>

namespace xiuhua::gis {

// One band of a raster, warped by GDAL into the map CRS and held in memory. Immutable.
struct RasterGrid {
  QString path;
  Crs sourceCrs;
  Crs mapCrs;                 // the CRS of extent and values' cells
  int width = 0;
  int height = 0;
  QRectF extent;             // map CRS; row 0 is the top (maximum y)
  std::vector<float> values;  // row-major; NaN where there is no data
  double minimum = 0;
  double maximum = 0;
  double sum = 0;             // of the cells held (after any warp or reduction)
  int sourceWidth = 0;
  int sourceHeight = 0;
  double sourceCellSize = 0;  // in source CRS units

  float valueAt(QPointF mapPoint) const;  // NaN outside or no data
};

class RasterReader {
 public:
  // Reads band 1 of a GDAL raster. sourceCrsOverride replaces a missing or wrong CRS.
  // The result is warped into mapCrs when that differs from the raster's own CRS; an invalid
  // mapCrs reads the cells as they are, in the raster's own CRS.
  static Result<std::shared_ptr<const RasterGrid>> read(const QString& path, const Crs& mapCrs,
                                                        const Crs& sourceCrsOverride = {});
  // True when GDAL opens the file as a raster (used to route a file to the right reader).
  static bool isRaster(const QString& path);
};

}  // namespace xiuhua::gis
