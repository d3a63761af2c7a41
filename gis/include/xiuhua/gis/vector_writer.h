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
  // Exports one layer in the format the file name asks for: .gpkg (GeoPackage), .shp (Shapefile
  // with UTF-8 text and a .cpg saying so; field names cut to 10 characters by the format), or
  // .geojson / .json (RFC 7946 GeoJSON, WGS 84 longitude/latitude). Replaces an existing file only
  // once the new one is complete.
  static Status writeFile(const QString& path, const LayerToWrite& layer);
  // Adds a new layer to an existing GeoPackage (a project file keeps the features it owns so) in
  // one transaction; refuses a name already there. dropLayer deletes one (absent: nothing to do).
  static Status addLayerTo(const QString& geoPackage, const LayerToWrite& layer);
  static Status dropLayer(const QString& geoPackage, const QString& name);
  // Publishes a layer as a new PostGIS table "schema.table" of the connection (connectionString:
  // libpq's, no password): an integer primary key "id", the geometry column "geom" with the layer's
  // SRID and a GiST spatial index, the field names as they are (Chinese too) and the text in UTF-8.
  // Refuses a table that exists (nothing is overwritten); a failure leaves no table behind.
  static Status publishToPostgis(const QString& connectionString, const QString& schema, const QString& table, const LayerToWrite& layer);
};

}  // namespace xiuhua::gis
