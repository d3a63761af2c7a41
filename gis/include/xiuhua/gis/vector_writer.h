#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/field.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/result.h"

#include <QString>

#include <vector>

namespace xiuhua::gis {

// One layer to write: features are geometries with attributes in field order (null: unset).
struct LayerToWrite {
  QString name;
  Crs crs;
  Geometry::Type type = Geometry::Type::Polygon;
  std::vector<Field> fields;  // Integer, Real or String
  std::vector<Geometry> geometries;
  std::vector<AttributeRow> attributes;
};

// Writes layers into a new GeoPackage through GDAL. The file is written beside the target and
// renamed over it, so a failure never leaves half a file. Errors name the file.
class VectorWriter {
 public:
  static Status writeGeoPackage(const QString& path, const std::vector<LayerToWrite>& layers);
};

}  // namespace xiuhua::gis
