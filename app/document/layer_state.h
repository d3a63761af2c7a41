#pragma once

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
  std::shared_ptr<const std::vector<int>> selection;
  // Indices of invalid geometries; null until the background check has run.
  std::shared_ptr<const std::vector<int>> invalidGeometries;
  QString error;  // why the layer could not be loaded; empty when fine
  bool loading = false;

  bool isLoaded() const { return projected || raster; }
  // The CRS the layer's coordinates are in: declared by the user, else the source's own.
  gis::Crs effectiveCrs() const;
  bool lacksCrs() const { return isLoaded() && !effectiveCrs().isValid(); }
};

}  // namespace xiuhua::app
