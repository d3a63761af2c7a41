#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/result.h"
#include "xiuhua/gis/style.h"

#include <QRectF>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace xiuhua::gis {

// One layer of a project: where it comes from and how it is shown. Paths are absolute in memory
// and stored relative to the project file.
struct LayerSpec {
  enum class Kind { Vector, Raster };
  // How a PostGIS table is drawn: read whole (editable, its table open) or fetched per view from
  // the server (a table too big to hold); Auto streams above a row count (see layer_loader.h).
  enum class Streaming { Auto, Always, Never };
  QString id;           // stable within the project
  QString name;         // display name
  QString source;       // absolute file path
  QString sourceLayer;  // layer inside the source (GeoPackage…); empty: the first
  Kind kind = Kind::Vector;
  QString declaredCrs;  // user-declared CRS definition overriding the source's ("GCJ02", WKT…)
  QString encoding;     // shapefile text encoding override; empty: decide automatically
  QString group;        // layer-tree group name; empty: top level
  bool visible = true;
  Streaming streaming = Streaming::Auto;  // only PostGIS tables stream today
  // Attribute constraints the project adds to the source's own (a Shapefile has none), by field
  // name: {"notNull": true, "values": ["架空", "入地"], "min": 0, "max": 2100, "default": "{year}",
  // "description": "…"}. Applied when the layer is edited.
  QJsonObject fieldConstraints;
  VectorStyle vectorStyle;
  RasterStyle rasterStyle;
};

// "auto", "always", "never", as project files write it; anything else reads as Auto.
QString streamingName(LayerSpec::Streaming streaming);
LayerSpec::Streaming streamingFromName(const QString& name);

// What a project file holds for the map (issue 2); indicator data joins it later.
struct Project {
  QString title;
  Crs mapCrs;
  QRectF extent;                 // last map extent, map CRS; empty: full extent
  std::vector<LayerSpec> layers;  // top of the layer tree first
};

// The project file: a GeoPackage (*.xhp) with Xiuhua tables. Loading never modifies the file;
// saving writes a complete new file next to the target and renames it over, so a failed save
// leaves the old project as it was.
class ProjectFile {
 public:
  static Result<Project> load(const QString& path);
  static Status save(const Project& project, const QString& path);
};

}  // namespace xiuhua::gis
