#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/gis/vector_data.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace xiuhua::gis {

struct SourceLayerInfo {
  QString name;
  long long featureCount = -1;
  QString geometryType;
  QString description;  // the layer's own description (GeoPackage: its provenance/attribution)
};

struct ReadOptions {
  QString layerName;         // empty: the first layer
  QString encodingOverride;  // shapefiles only; empty: decide (.cpg, LDID, detection)
  QString where;             // an OGR SQL attribute filter (WHERE clause); empty: every feature
  // The fields whose values are read (others stay null, unread: faster); nullopt: all. An empty
  // list reads no attribute at all: every row is then empty (not one null per field).
  std::optional<QStringList> fields;
  const std::atomic<bool>* cancel = nullptr;
};

// Reads vector sources through GDAL/OGR. Each call opens its own dataset, so calls may run on any
// thread. Errors name the file and the problem.
class VectorReader {
 public:
  // The vector layers of a source (GeoPackage, Shapefile, GeoJSON, KML, CSV, FileGDB, XLSX…).
  static Result<QList<SourceLayerInfo>> listLayers(const QString& path);
  static Result<std::shared_ptr<const VectorData>> read(const QString& path,
                                                        const ReadOptions& options = {});
};

// What the user should know about how a layer's text was decoded: an encoding detected on little
// evidence (with the runner-up, and how to choose), or a declaration (.cpg, DBF language id) that
// was wrong and overruled. Empty when there is nothing to say.
QString encodingWarning(const VectorData& data);

}  // namespace xiuhua::gis
