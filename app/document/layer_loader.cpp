#include "document/layer_loader.h"

#include "xiuhua/gis/vector_reader.h"

namespace xiuhua::app {

gis::Crs effectiveLayerCrs(const gis::LayerSpec& spec, const gis::Crs& sourceCrs) {
  if (!spec.declaredCrs.isEmpty()) {
    auto declared = gis::Crs::fromUserInput(spec.declaredCrs);
    if (declared.ok()) return declared.value();
  }
  return sourceCrs;
}

LoadedLayer loadLayer(const gis::LayerSpec& spec, const gis::Crs& mapCrs,
                      std::shared_ptr<const gis::VectorData> existing) {
  LoadedLayer out;
  if (spec.kind == gis::LayerSpec::Kind::Raster) {
    gis::Crs declared;
    if (!spec.declaredCrs.isEmpty()) {
      auto c = gis::Crs::fromUserInput(spec.declaredCrs);
      if (c.ok()) declared = c.value();
    }
    auto raster = gis::RasterReader::read(spec.source, mapCrs, declared);
    if (!raster.ok()) {
      out.error = raster.error().message;
    } else {
      out.raster = raster.value();
    }
    return out;
  }
  if (!existing) {
    gis::ReadOptions options;
    options.layerName = spec.sourceLayer;
    options.encodingOverride = spec.encoding;
    auto read = gis::VectorReader::read(spec.source, options);
    if (!read.ok()) {
      out.error = read.error().message;
      return out;
    }
    existing = read.value();
  }
  out.data = existing;
  out.warnings = existing->warnings;
  auto projected = gis::ProjectedLayer::build(existing, effectiveLayerCrs(spec, existing->crs), mapCrs);
  if (!projected.ok()) {
    out.error = projected.error().message;
    return out;
  }
  out.projected = projected.value();
  return out;
}

}  // namespace xiuhua::app
