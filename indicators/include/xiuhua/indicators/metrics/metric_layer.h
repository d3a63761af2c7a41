#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/geometry.h"
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

// Reads the inputs (in parallel, each with its own GDAL dataset), chooses the metric CRS — the
// given one, else the first input's CRS when it is projected, else the CGCS2000 3° Gauss–Krüger
// zone of its longitude — reprojects every input into it (GCJ-02/BD-09 converted first) and
// repairs invalid geometries. run gives the CRS (nullopt: chosen as above), cancellation and
// whether to fingerprint the files. Fails, naming the file, on a missing source, a bad filter, an
// unknown field, or a source without CRS.
struct MetricInputs {
  gis::Crs crs;
  std::vector<MetricLayer> layers;  // in request order
};
gis::Result<MetricInputs> loadMetricInputs(const std::vector<LayerRequest>& requests, const MetricRun& run = {});

}  // namespace xiuhua::indicators
