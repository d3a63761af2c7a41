#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/metric_crs.h"
#include "xiuhua/gis/result.h"
#include "xiuhua/gis/source_ref.h"
#include "xiuhua/gis/vector_data.h"
#include "xiuhua/indicators/metrics/metric_run.h"

#include <QDateTime>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace xiuhua::indicators {

// One input of a metric: which source, which features (an OGR SQL filter), which fields, and the
// role it plays (facilities, target, zones …), named in messages.
struct LayerRequest {
  QString role;
  gis::SourceRef source;
  QString where;
  QStringList fields;
  bool dissolve = false;  // the features' union as one geometry
  bool allFields = false;  // every field (a command that picks its fields from what the layer has)
};

// An input read and placed in the metric CRS, with what provenance needs.
struct MetricLayer {
  LayerRequest request;
  std::shared_ptr<const gis::VectorData> data;  // attributes (requested fields)
  gis::Crs sourceCrs;                           // the source reference's declared CRS, else the file's
  std::vector<gis::Geometry> geometries;        // in the metric CRS, repaired
  int repaired = 0;                             // invalid geometries made valid
  qint64 fileSize = 0;
  QDateTime modified;                           // UTC
  QString sha256;                               // of the file, when asked for (hex)

  gis::Geometry::Type type() const { return data->geometryType; }
  QVariant value(std::size_t feature, const QString& field) const;
};

// Reads the inputs (in parallel, each with its own GDAL dataset), chooses the metric CRS, reprojects
// every input into it (GCJ-02/BD-09 converted first) and repairs invalid geometries.
//
// The metric CRS: the one run gives (--crs; its scale error over the data is still checked and
// warned about above 0.1 %), else the first input's own CRS when it is projected and its scale
// error over all the data is at most 0.1 %, else the one chooseMetricCrs() takes for the data's
// extent (the CGCS2000 3° zone inside China, the UTM zone elsewhere). Every projected input whose
// own CRS distorts it by more than 0.1 % (Web Mercator) is named in a warning: it is reprojected
// before anything is measured. Counting needs no CRS at all (a shapefile without .prj): with
// `measures` false (and no --crs), nothing is reprojected.
//
// Fails, naming the input as given, on a missing source, a bad filter, an unknown field, or a
// source without CRS where one is needed (saying how to give it: SRC|crs=EPSG:N).
struct MetricInputs {
  gis::Crs crs;                     // invalid when counting without any CRS
  QString crsReason;                // translated: why this CRS
  gis::ScaleError crsError;         // its scale error over the data
  QStringList warnings;             // distorted inputs, a distorted chosen CRS
  std::vector<MetricLayer> layers;  // in request order
};
gis::Result<MetricInputs> loadMetricInputs(const std::vector<LayerRequest>& requests, const MetricRun& run = {}, bool measures = true);

}  // namespace xiuhua::indicators
