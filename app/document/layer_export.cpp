#include "document/layer_export.h"

#include "xiuhua/gis/vector_writer.h"

#include <QCoreApplication>

namespace xiuhua::app {

gis::Status exportLayer(const LayerState& layer, const QString& path) {
  if (layer.spec.kind != gis::LayerSpec::Kind::Vector || !layer.data) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      QCoreApplication::translate("LayerExport", "%1: only a loaded vector layer can be exported.").arg(layer.spec.name)};
  }
  const gis::VectorData& data = *layer.data;
  gis::LayerToWrite out;
  out.name = layer.spec.name;
  out.crs = layer.effectiveCrs();
  out.type = data.geometryType;
  out.fields = data.fields;
  out.geometries = data.geometries;
  out.attributes = data.attributes;
  return gis::VectorWriter::writeFile(path, out);
}

}  // namespace xiuhua::app
