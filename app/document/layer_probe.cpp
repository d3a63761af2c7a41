#include "document/layer_probe.h"

#include "xiuhua/gis/raster_grid.h"
#include "xiuhua/gis/vector_reader.h"

#include <QFileInfo>

namespace xiuhua::app {

gis::Result<std::vector<gis::LayerSpec>> probeLayerSource(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  std::vector<gis::LayerSpec> specs;
  if (gis::RasterReader::isRaster(absolute)) {
    gis::LayerSpec spec;
    spec.kind = gis::LayerSpec::Kind::Raster;
    spec.source = absolute;
    spec.name = QFileInfo(path).completeBaseName();
    specs.push_back(std::move(spec));
    return specs;
  }
  auto layers = gis::VectorReader::listLayers(absolute);
  if (!layers.ok()) return layers.error();
  for (const gis::SourceLayerInfo& info : layers.value()) {
    gis::LayerSpec spec;
    spec.source = absolute;
    spec.sourceLayer = layers->size() > 1 ? info.name : QString();
    spec.name = layers->size() > 1 ? info.name : QFileInfo(path).completeBaseName();
    specs.push_back(std::move(spec));
  }
  return specs;
}

}  // namespace xiuhua::app
