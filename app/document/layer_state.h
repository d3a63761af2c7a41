#pragma once

#include "xiuhua/gis/feature_source.h"
#include "xiuhua/gis/projected_layer.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/gis/raster_grid.h"
#include "xiuhua/gis/vector_data.h"

#include <memory>
#include <vector>

namespace xiuhua::app {

// A project layer and what has been loaded for it. Owned by MapDocument; the shared pointers
// are immutable data that render workers may hold on to after the layer is gone.
struct LayerState {
  gis::LayerSpec spec;
  std::shared_ptr<const gis::VectorData> data;
  std::shared_ptr<const gis::ProjectedLayer> projected;
  std::shared_ptr<const gis::RasterGrid> raster;
  // A big PostGIS table drawn per view from the server; data and projected stay null.
  std::shared_ptr<const gis::FeatureSource> streamed;
  std::shared_ptr<const std::vector<int>> selection;
  // Indices of invalid geometries; null until the background check has run.
  std::shared_ptr<const std::vector<int>> invalidGeometries;
  QString error;  // why the layer could not be loaded; empty when fine
  bool loading = false;

  // The vector layer's geometry type, from its data or its streamed source (Empty: mixed or none).
  gis::Geometry::Type geometryType() const;
  bool isLoaded() const { return projected || raster || streamed; }
  // Why the layer's table and editing are not offered, empty when they are (a streamed layer).
  QString wholeLayerRefusal() const;
  // The CRS the layer's coordinates are in: declared by the user, else the source's own.
  gis::Crs effectiveCrs() const;
  bool lacksCrs() const { return isLoaded() && !effectiveCrs().isValid(); }
};

}  // namespace xiuhua::app
