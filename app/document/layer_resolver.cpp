#include "document/layer_resolver.h"

namespace xiuhua::app {

indicators::LayerResolver layerResolver(std::vector<gis::LayerSpec> layers) {
  return [layers = std::move(layers)](const QString& id) -> std::optional<gis::SourceRef> {
    for (const gis::LayerSpec& layer : layers) {
      if (layer.id != id) continue;  // vector layers, or a raster for weights
      gis::SourceRef ref{layer.source, layer.sourceLayer, {}, layer.encoding};
      if (!layer.declaredCrs.isEmpty()) {
        if (auto crs = gis::Crs::fromUserInput(layer.declaredCrs); crs.ok()) ref.declaredCrs = crs.value();
      }
      return ref;
    }
    return std::nullopt;
  };
}

}  // namespace xiuhua::app
