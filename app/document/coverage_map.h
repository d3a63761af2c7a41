#pragma once

#include "xiuhua/gis/project.h"
#include "xiuhua/indicators/indicator.h"
#include "xiuhua/indicators/metrics/computation_store.h"

#include <QCoreApplication>
#include <QString>

#include <map>
#include <vector>

namespace xiuhua::app {

// The coverage map of a spatial indicator: the layers that its latest computation for a year
// kept (see ComputationStore::latestLayers), as map layers of one group, styled to be read at a
// glance — facilities on top, covered and uncovered target land in two clear colours over the
// service area, and the sub-units as a choropleth whose class breaks include the target (for
// ratios and densities; additive values such as km or counts get natural breaks). Only the
// coarsest level (街镇: the breakdown with the fewest sub-units) starts visible. They are ordinary layers: they can be restyled, exported and saved.
class CoverageMap {
  Q_DECLARE_TR_FUNCTIONS(CoverageMap)

 public:
  // The layer-tree group of an indicator's coverage map for a year, e.g. "覆盖 · JD14-13 · 2024".
  static QString groupName(const indicators::Indicator& indicator, int year);
  // The layers, bottom first (as MapDocument::addLayers stacks them). layerNames gives the display
  // name of each project layer id (the breakdowns are named after their sub-unit layers).
  static std::vector<gis::LayerSpec> layers(const indicators::ComputationStore::StoredLayers& stored,
                                            const indicators::Indicator& indicator, int year,
                                            const std::map<QString, QString>& layerNames);
  // Whether a metric's per-sub-unit values are comparable with the district's target (a ratio or
  // a density) rather than parts of it (a length or a count).
  static bool comparesWithTarget(const QString& metric);
  // The choropleth of the sub-units by "indicator_value": classes around the target.
  static gis::VectorStyle targetClasses(const indicators::Indicator& indicator);
};

}  // namespace xiuhua::app
