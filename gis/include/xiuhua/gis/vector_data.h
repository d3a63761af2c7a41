#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/field.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/text_encoding.h"

#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace xiuhua::gis {

// Everything read from one vector layer of a source, in the layer's own CRS. Immutable once
// loaded; shared between threads as std::shared_ptr<const VectorData>.
struct VectorData {
  QString path;        // absolute file path, or a PostGIS source as written ("PG:service=…")
  QString layerName;   // layer name inside the source
  QString driver;      // GDAL driver short name
  QString description;  // the layer's own description (a GeoPackage's gpkg_contents.description:
                        // its provenance or attribution); empty when the format has none
  Geometry::Type geometryType = Geometry::Type::Empty;
  Crs crs;             // from the source, or invalid when the source has none
  QString crsProblem;  // why the source's CRS could not be used, when it could not
  TextEncoding encoding;
  std::vector<Field> fields;
  std::vector<std::int64_t> fids;
  std::vector<qint64> versions;  // per feature, a shared table's row version as read (PostGIS: xmin),
                                 // which a save checks; empty for files
  std::vector<Geometry> geometries;
  std::vector<AttributeRow> attributes;
  QRectF extent;       // in crs
  QStringList warnings;  // non-fatal problems worth telling the user
  QString readOnlyReason;  // why the layer cannot be edited (a view, a table without primary key,
                           // SELECT only, a PostGIS table before multi-user editing); empty: editable

  std::size_t featureCount() const { return geometries.size(); }
  int fieldIndex(const QString& name) const;
};

}  // namespace xiuhua::gis
