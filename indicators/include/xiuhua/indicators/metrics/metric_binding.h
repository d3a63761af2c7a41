#pragma once

#include "xiuhua/gis/source_ref.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace xiuhua::indicators {

// How a project computes one spatial indicator: the metric (service_coverage, length, density,
// count, area_share) and its parameters, which name layers by their project layer id. Parameter
// keys are the CLI options without the dashes ("facilities", "radius_tiers", "target_where" …),
// plus "per": [{"layer": id, "field": name, "level": "街镇"}, …] for the breakdowns (level: the kind of
// sub-unit the values are stored under, by default the layer id) and optionally "scale" (the
// factor to the indicator's unit; by default % for ratios and km for lengths in 公里). "{year}"
// in a filter is replaced by the year being computed.
struct MetricBinding {
  QString code;
  QString metric;
  QJsonObject parameters;
};

// One breakdown of a binding ("per": [{"layer", "field", "level"}]): the sub-unit layer (a project
// layer id), its name field, and the level its values are stored under (the layer id when the
// binding gives none).
struct Breakdown {
  QString layer;
  QString field;
  QString level;
};
std::vector<Breakdown> breakdowns(const MetricBinding& binding);

// The source of a project layer, by id (with its declared CRS); nullopt when there is none.
using LayerResolver = std::function<std::optional<gis::SourceRef>(const QString& layerId)>;

}  // namespace xiuhua::indicators
