#pragma once

#include "xiuhua/gis/vector_writer.h"
#include "xiuhua/indicators/metrics/metric_layer.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace xiuhua::indicators {

// A metric's value for one sub-unit (街镇, 网格), with its numerator and denominator.
struct ZoneValue {
  QString name;
  std::optional<double> value;  // nullopt when the denominator is 0
  double numerator = 0;
  double denominator = 0;
};

// What a metric computed, with everything needed to reproduce and defend it: parameters, inputs and
// their fingerprints, CRS, repaired geometries and time taken.
struct MetricResult {
  QString metric;  // service_coverage, length, density, count, area_share
  std::optional<double> value;
  double numerator = 0;
  double denominator = 0;
  std::vector<ZoneValue> zones;
  std::optional<ZoneValue> outside;  // the part outside every sub-unit, when there is one
  QJsonObject parameters;
  QJsonObject counts;  // metric-specific counts (facilities used, duplicates …)
  std::vector<QJsonObject> inputs;
  QString crs;        // the metric CRS's definition ("EPSG:4549", a PROJ string); empty when counting without one
  QString crsName;    // e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)"
  QString crsReason;  // why it was chosen (translated)
  gis::ScaleError scaleError;  // of the metric CRS over the data
  QStringList warnings;  // what the user should check: distorted inputs, uncertain encodings, GDAL's messages …
  QStringList notes;     // facts about the value: an input with no matching feature made it 0 …
  int repaired = 0;
  double seconds = 0;
  // Where it was computed: {"name": "local"} or {"name": "postgis", "server": …, "rows_transferred": N}
  // (the result rows the client received; the features stayed in the server).
  QJsonObject engine{{QStringLiteral("name"), QStringLiteral("local")}};
  // Layers for maps, in the metric CRS, when the run asks for them: "features" (what was counted,
  // measured or buffered), "per" (the sub-units with name, value, numerator and denominator), and
  // for coverage "service_area" (the union of the buffers), "covered" and "uncovered" (the target
  // land, per target).
  std::vector<gis::LayerToWrite> layers;
};

// Provenance of an input: role, source, filter, features, file size and modification time.
QJsonObject describeInput(const MetricLayer& layer);

}  // namespace xiuhua::indicators
