#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/indicator.h"
#include "xiuhua/indicators/metrics/metric_binding.h"
#include "xiuhua/indicators/metrics/metric_result.h"
#include "xiuhua/indicators/metrics/metric_run.h"
#include "xiuhua/indicators/metrics/service_coverage.h"
#include "xiuhua/indicators/value_store.h"

#include <QJsonObject>

#include <vector>

namespace xiuhua::indicators {

// One spatial indicator computed for a year: the metric for the whole district and for each
// breakdown layer (街镇, 网格), and the values to store, in the indicator's unit, with source
// "computed" (the whole as subunit "", each sub-unit by its name).
struct IndicatorComputation {
  QString code;
  int year = 0;
  double scale = 1;  // metric value → indicator unit
  MetricResult whole;
  std::vector<std::pair<QString, MetricResult>> breakdowns;  // (layer id, result)
  std::vector<IndicatorValue> values;
  QJsonObject binding;  // {"metric", "parameters"}: what it was computed from, to tell when it is stale
  // A target set for an area (the catalog's scope, e.g. 嘉定新城): the whole value is computed inside
  // it, and the sub-units of each breakdown level that lie outside it (less than the binding's
  // "scope_min_share" of their area inside, by default half — Xiuhua's assumption) have no value.
  QString scope;
  std::vector<std::pair<QString, QStringList>> notApplicable;  // (level, sub-units outside the scope)
};

// A scoped indicator's binding names its area: "scope_layer" (a polygon layer id), "scope_where"; a
// scoped indicator without one is refused, naming the scope.
gis::Result<IndicatorComputation> computeIndicator(const Indicator& indicator, const MetricBinding& binding, int year,
                                                   const LayerResolver& layers, const MetricRun& run = {});
// Records which sub-units a computation found outside its scope (ValueStore::setNotApplicable), for
// every breakdown level it computed.
gis::Status storeNotApplicable(ValueStore& store, const IndicatorComputation& computation);

// The project layers a binding reads (its parameters that name a layer, and its breakdowns).
QStringList bindingLayerIds(const MetricBinding& binding, const LayerResolver& layers);
// What a binding's layers are now, by layer id: the source ("path|layername=…", absolute), the CRS
// declared for it, and the fingerprint of its files (gis::fileFingerprint: name, size, time and
// SHA-256 of the file and its side files). A computation keeps it (with paths made relative to the
// project), so that it stays valid wherever the project and its data are copied together.
QJsonObject bindingSources(const MetricBinding& binding, const LayerResolver& layers);

// The coverage parameters a coverage indicator's binding gives for a year, broken down by one of its
// "per" layers (the first by default; for what-if scenarios); fails, naming the indicator, for
// another metric.
gis::Result<CoverageParams> coverageParamsOf(const MetricBinding& binding, int year, const LayerResolver& layers, int breakdown = 0);

// The map layers of a computation (when its runs made them, see MetricRun::resultLayers): the
// whole run's layers ("features", and for coverage "service_area", "covered" and "uncovered"), and each
// breakdown's sub-units with their values as "per_<layer id>" (with "indicator_value", the value in
// the indicator's unit).
std::vector<gis::LayerToWrite> computationLayers(const IndicatorComputation& computation);

// The record a project keeps of a computation (parameters, inputs with fingerprints, CRS, repaired
// geometries, time taken, and every value).
QJsonObject computationToJson(const IndicatorComputation& computation);

}  // namespace xiuhua::indicators
