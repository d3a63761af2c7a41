#pragma once

#include <QString>

namespace xiuhua::gis {

// A vector source as users and scripts name it: `path` or `path|layername=NAME` (the GDAL/QGIS
// convention). An empty layer means the source's first layer.
struct SourceRef {
  QString path;
  QString layer;

  static SourceRef parse(const QString& text);
  QString toString() const;
  bool isEmpty() const { return path.isEmpty(); }
};

}  // namespace xiuhua::gis
