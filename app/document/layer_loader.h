#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/feature_source.h"
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
  // A PostGIS table drawn per view instead (data and projected stay null): see streamAboveRows.
  std::shared_ptr<const gis::FeatureSource> streamed;
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

// A PostGIS table whose planner estimate reaches this many rows is drawn per view from the server
// unless its spec says otherwise (LayerSpec::streaming). Xiuhua's assumption, not a plan's figure:
// 200,000 rows of parcels take about 0.3 GB held whole; settable as postgis/streamAboveRows in the
// settings (Layer properties offers it per layer).
inline constexpr qint64 kDefaultStreamAboveRows = 200000;
qint64 streamAboveRows();

// The CRS to use for a spec: the declared one when set and valid, else the source's.
gis::Crs effectiveLayerCrs(const gis::LayerSpec& spec, const gis::Crs& sourceCrs);

}  // namespace xiuhua::app
