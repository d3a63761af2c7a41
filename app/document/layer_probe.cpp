#include "document/layer_probe.h"

#include "xiuhua/gis/postgis/pg_connection_info.h"
#include "xiuhua/gis/raster_grid.h"
#include "xiuhua/gis/source_ref.h"
#include "xiuhua/gis/vector_reader.h"

#include <QFileInfo>

namespace xiuhua::app {

gis::Result<std::vector<gis::LayerSpec>> probeLayerSource(const QString& path) {
  if (gis::isDatabaseSource(path)) {
    // A PostGIS table, "PG:…|layername=schema.table": the table named, never the whole database.
    auto ref = gis::SourceRef::parseChecked(path);
    if (!ref.ok()) return ref.error();
    auto source = gis::PgLayerSource::parse(ref->path, ref->layer);
    if (!source.ok()) return source.error();
    gis::LayerSpec spec;
    spec.source = ref->path;
    spec.sourceLayer = source->layer();
    spec.name = source->table;
    return std::vector<gis::LayerSpec>{spec};
  }
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
