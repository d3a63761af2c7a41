#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/projected_layer.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/gis/raster_grid.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace xiuhua::app {

struct LoadedLayer {
  std::shared_ptr<const gis::VectorData> data;
  std::shared_ptr<const gis::ProjectedLayer> projected;
  std::shared_ptr<const gis::RasterGrid> raster;
  QString error;
  QStringList warnings;
};

// Reads a layer's source (unless `existing` is given) and projects it into the map CRS.
// Pure function of its arguments: runs on a worker thread with its own GDAL dataset and its own
// GEOS and PROJ contexts. Never throws: failures, cancellation and exhausted memory come back as
// LoadedLayer::error naming the file.
LoadedLayer loadLayer(const gis::LayerSpec& spec, const gis::Crs& mapCrs,
                      std::shared_ptr<const gis::VectorData> existing,
                      const std::atomic<bool>* cancel = nullptr);

// The CRS to use for a spec: the declared one when set and valid, else the source's.
gis::Crs effectiveLayerCrs(const gis::LayerSpec& spec, const gis::Crs& sourceCrs);

}  // namespace xiuhua::app
