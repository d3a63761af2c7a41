#pragma once

// Small GeoJSON layers in EPSG:4549 (metres) for the metrics' tests with answers worked out by hand:
// coordinates are offsets from x 600 km, y 3 460 km.
#include "support/temp_dir.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace xiuhua::test {

constexpr double kX = 600000;
constexpr double kY = 3460000;

inline QString ring(double x0, double y0, double x1, double y1) {
  return QStringLiteral("[[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]]")
      .arg(kX + x0, 0, 'f', 3).arg(kY + y0, 0, 'f', 3).arg(kX + x1, 0, 'f', 3).arg(kY + y1, 0, 'f', 3);
}

struct Feature {
  QString geometry;  // GeoJSON geometry object
  QString properties = QStringLiteral("{}");
};

inline Feature box(double x0, double y0, double x1, double y1, const QString& properties = QStringLiteral("{}")) {
  return {QStringLiteral("{\"type\":\"Polygon\",\"coordinates\":%1}").arg(ring(x0, y0, x1, y1)), properties};
}

inline Feature segment(double x0, double y0, double x1, double y1, const QString& properties = QStringLiteral("{}")) {
  return {QStringLiteral("{\"type\":\"LineString\",\"coordinates\":[[%1,%2],[%3,%4]]}")
              .arg(kX + x0, 0, 'f', 3).arg(kY + y0, 0, 'f', 3).arg(kX + x1, 0, 'f', 3).arg(kY + y1, 0, 'f', 3),
          properties};
}

inline Feature point(double x, double y, const QString& properties = QStringLiteral("{}")) {
  return {QStringLiteral("{\"type\":\"Point\",\"coordinates\":[%1,%2]}").arg(kX + x, 0, 'f', 3).arg(kY + y, 0, 'f', 3), properties};
}

inline QString writeLayer(const TempDir& dir, const QString& name, const std::vector<Feature>& features) {
  QStringList items;
  for (const Feature& f : features) {
    items << QStringLiteral("{\"type\":\"Feature\",\"properties\":%1,\"geometry\":%2}").arg(f.properties, f.geometry);
  }
  const QString json = QStringLiteral("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                                      "{\"name\":\"urn:ogc:def:crs:EPSG::4549\"}},\"features\":[%1]}")
                           .arg(items.join(QLatin1Char(',')));
  return dir.write(name + QStringLiteral(".geojson"), json.toUtf8());
}

}  // namespace xiuhua::test
