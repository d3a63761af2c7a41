#include "document/layer_state.h"

#include "document/layer_loader.h"

namespace xiuhua::app {

gis::Crs LayerState::effectiveCrs() const {
  if (raster) return effectiveLayerCrs(spec, raster->sourceCrs);
  return effectiveLayerCrs(spec, data ? data->crs : gis::Crs());
}

}  // namespace xiuhua::app
