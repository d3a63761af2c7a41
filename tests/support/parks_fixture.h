#pragma once

// Square parks in a GeoPackage, as the editing tests start from.
#include "support/temp_dir.h"
#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/vector_writer.h"

#include <gtest/gtest.h>

#include <QString>

namespace xiuhua::test {

// A closed square ring from (x, y), `size` metres a side (EPSG:4549).
inline gis::Geometry square(double x, double y, double size) {
  return gis::Geometry(gis::Geometry::Type::Polygon,
                       {gis::Geometry::Part{gis::Geometry::Ring{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}});
}

// `count` parks 100 m square, 1 km apart, in layer "parks" of dir/fileName (EPSG:4549): fields
// name (公园1 …) and `yearField` (2020 …); fids 1 … count. Returns the file's path.
inline QString writeParks(const TempDir& dir, const QString& fileName, const QString& yearField, int count) {
  gis::LayerToWrite layer;
  layer.name = QStringLiteral("parks");
  layer.crs = gis::Crs::fromEpsg(4549);
  layer.fields = {{QStringLiteral("name"), gis::Field::Type::String}, {yearField, gis::Field::Type::Integer}};
  for (int i = 0; i < count; ++i) {
    layer.geometries.push_back(square(600000 + 1000 * i, 3460000, 100));
    layer.attributes.push_back({QStringLiteral("公园%1").arg(i + 1), 2020 + i});
  }
  const QString path = dir.path(fileName);
  EXPECT_TRUE(gis::VectorWriter::writeGeoPackage(path, {layer}).ok());
  return path;
}

}  // namespace xiuhua::test
