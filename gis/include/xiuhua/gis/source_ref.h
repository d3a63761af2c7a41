#pragma once

#include "xiuhua/gis/crs.h"

#include <QString>

namespace xiuhua::gis {

// A vector source as users and scripts name it: `path` or `path|layername=NAME` (the GDAL/QGIS
// convention). An empty layer means the source's first layer. A project may declare the CRS of a
// source that lacks one or states it wrongly (a GCJ-02 GeoJSON): declaredCrs then wins.
struct SourceRef {
  QString path;
  QString layer;
  Crs declaredCrs;

  static SourceRef parse(const QString& text);
  QString toString() const;
  bool isEmpty() const { return path.isEmpty(); }
};

}  // namespace xiuhua::gis
