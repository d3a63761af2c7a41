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
};

gis::Result<IndicatorComputation> computeIndicator(const Indicator& indicator, const MetricBinding& binding, int year,
                                                   const LayerResolver& layers, const MetricRun& run = {});

// What a binding's layers are now, by layer id: the source ("path|layername=…"), the CRS declared
// for it, and a stamp of its files (size and time of the file and its side files: a shapefile's
// .dbf/.shx/.prj/.cpg, a GeoPackage's -wal). Equal stamps: nothing the computation reads changed.
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
