#pragma once

// Internal helpers shared by the metrics: requests for sub-units, zone names, area pairs to values,
// the overlay options of a run and the checks every metric makes on its inputs.
#include "xiuhua/gis/metric_crs.h"
#include "xiuhua/gis/overlay/overlay_options.h"
#include "xiuhua/indicators/metrics/metric_result.h"
#include "xiuhua/indicators/metrics/metric_run.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <optional>
#include <vector>

// The translation context of the metrics' messages, "Metrics": a class at global scope, so that
// lupdate files every Metrics::tr() text under the context it is looked up in.
class Metrics {
  Q_DECLARE_TR_FUNCTIONS(Metrics)
};

namespace xiuhua::indicators::detail {

// An input as the metric CRS is chosen for it: its own CRS and its extent in longitude/latitude.
struct CrsInput {
  gis::Crs crs;
  QRectF lonLat;
  QString source;  // as messages name it
  QString role;
};
struct CrsDecision {
  gis::Crs crs;
  QString reason;  // translated
  gis::ScaleError error;
  QStringList warnings;
};
// The metric CRS of inputs (the rule of loadMetricInputs), wherever they are read or computed.
CrsDecision chooseMetricCrsFor(const std::vector<CrsInput>& layers, const std::optional<gis::Crs>& given);

LayerRequest zoneRequest(const ZoneRequest& per);
// The zone names, by the name field (or the feature number when a feature has no name).
std::vector<QString> zoneNames(const MetricLayer& zones, const QString& field);
gis::OverlayOptions overlayOptions(const MetricRun& run);

// Fails, naming the file, when a layer's features are not of the wanted kind or there are none.
gis::Status requirePolygons(const MetricLayer& layer);
gis::Status requireFeatures(const MetricLayer& layer);
// For an input that a value may legitimately have nothing of (the lines buried this year, the
// facilities that opened): none is a 0, said in a note; otherwise its features must be of the type.
gis::Status allowNone(const MetricLayer& layer, gis::Geometry::Type type, QStringList& notes);
// Fails, naming the file and the first features, when GEOS could not overlay some of them.
gis::Status requireNoFailures(const MetricLayer& layer, const std::vector<int>& failed);

ZoneValue ratioValue(const QString& name, const gis::AreaPair& pair);
// The parts every result has: the sub-units asked for (in the parameters), the CRS, the inputs and
// their repairs, the time taken so far, and when the run asks for them the "features" layer (of
// the first input) and the "per" layer (of the sub-units, the last input).
// The sub-units asked for, the time taken, the metric CRS and the warnings, however the metric ran.
void fillRun(MetricResult& result, const std::optional<ZoneRequest>& per, const QElapsedTimer& timer, const gis::Crs& crs,
             const QString& crsReason, const gis::ScaleError& crsError, const QStringList& warnings);
void fillCommon(MetricResult& result, const MetricInputs& inputs, const std::optional<ZoneRequest>& per,
                const MetricRun& run, const QElapsedTimer& timer);

}  // namespace xiuhua::indicators::detail
