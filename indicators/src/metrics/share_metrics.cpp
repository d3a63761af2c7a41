#include "xiuhua/indicators/metrics/share_metrics.h"

#include "metrics/metric_support.h"
#include "metrics/server/server_metrics.h"
#include "xiuhua/gis/overlay/zonal_length.h"

#include <QElapsedTimer>

namespace xiuhua::indicators {
namespace {

gis::Error invalid(const QString& message) { return gis::Error{gis::ErrorCode::InvalidArgument, message}; }

ZoneValue shareValue(const QString& name, double meeting, double all) {
  ZoneValue v{name, std::nullopt, meeting, all};
  if (all > 0) v.value = meeting / all;
  return v;
}

// A share of nothing is no value: the features (or lines) to share must exist.
gis::Status requireSomething(const MetricLayer& all, double total) {
  if (total > 0) return {};
  if (gis::Status s = detail::requireFeatures(all); !s) return s;
  return invalid(Metrics::tr("%1 (%2): none of the features lies inside the area measured: the share of nothing is undefined.")
                     .arg(all.request.source.toString(), all.request.role));
}

// The zone (sub-unit) of every feature, by its point on surface, and whether it lies in `within`.
struct Placement {
  std::vector<int> zone;    // -1: outside every sub-unit
  std::vector<bool> inside;  // in `within` (all true without one)
};

gis::Result<Placement> place(const MetricLayer& features, const MetricLayer* within, const MetricLayer* zones, const MetricRun& run) {
  Placement p;
  p.zone.assign(features.geometries.size(), -1);
  p.inside.assign(features.geometries.size(), true);
  if (within != nullptr) {
    auto in = gis::assignToZones(features.geometries, within->geometries, detail::overlayOptions(run));
    if (!in.ok()) return in.error();
    for (std::size_t i = 0; i < in->size(); ++i) p.inside[i] = (*in)[i] >= 0;
  }
  if (zones != nullptr) {
    auto z = gis::assignToZones(features.geometries, zones->geometries, detail::overlayOptions(run));
    if (!z.ok()) return z.error();
    p.zone = std::move(z).value();
  }
  return p;
}

// Counts the placed features: the whole, per zone and outside the zones.
struct Counts {
  double all = 0;
  std::vector<double> zones;
  double outside = 0;
};

Counts countPlaced(const MetricLayer& features, const Placement& p, std::size_t zoneCount) {
  Counts c;
  c.zones.assign(zoneCount, 0);
  for (std::size_t i = 0; i < features.geometries.size(); ++i) {
    if (features.geometries[i].isEmpty() || !p.inside[i]) continue;
    c.all += 1;
    if (p.zone[i] >= 0) c.zones[static_cast<std::size_t>(p.zone[i])] += 1;
    else c.outside += 1;
  }
  return c;
}

}  // namespace

QString meetingFilter(const QString& where, const QString& condition) {
  if (where.trimmed().isEmpty()) return condition;
  if (condition.trimmed().isEmpty()) return where;
  return QStringLiteral("(%1) AND (%2)").arg(where, condition);
}

gis::Result<MetricResult> computeCountShare(const CountShareParams& params, const MetricRun& run) {
  if (run.engine == Engine::Postgis) return detail::notBuiltForServer(QStringLiteral("count-share"));
  QElapsedTimer timer;
  timer.start();
  if (params.condition.trimmed().isEmpty()) return invalid(Metrics::tr("A count share needs a condition: which features count as meeting it."));
  std::vector<LayerRequest> requests = {{QStringLiteral("features"), params.features, params.where, {}},
                                        {QStringLiteral("meeting"), params.features, meetingFilter(params.where, params.condition), {}}};
  const bool within = !params.within.isEmpty();
  if (within) requests.push_back({QStringLiteral("within"), params.within, params.withinWhere, {}, true});
  if (params.per) requests.push_back(detail::zoneRequest(*params.per));
  // Placing needs one CRS; counting alone does not.
  auto inputs = loadMetricInputs(requests, run, within || params.per.has_value());
  if (!inputs.ok()) return inputs.error();
  const MetricLayer& all = inputs->layers[0];
  const MetricLayer& meeting = inputs->layers[1];
  const MetricLayer* area = within ? &inputs->layers[2] : nullptr;
  const MetricLayer* zones = params.per ? &inputs->layers.back() : nullptr;
  if (area != nullptr) {
    if (gis::Status s = detail::requirePolygons(*area); !s) return s.error();
  }
  if (zones != nullptr) {
    if (gis::Status s = detail::requirePolygons(*zones); !s) return s.error();
  }
  const std::size_t zoneCount = zones != nullptr ? zones->geometries.size() : 0;
  auto allPlaced = place(all, area, zones, run);
  if (!allPlaced.ok()) return allPlaced.error();
  auto meetingPlaced = place(meeting, area, zones, run);
  if (!meetingPlaced.ok()) return meetingPlaced.error();
  const Counts total = countPlaced(all, *allPlaced, zoneCount);
  const Counts met = countPlaced(meeting, *meetingPlaced, zoneCount);
  if (gis::Status s = requireSomething(all, total.all); !s) return s.error();
  MetricResult result;
  result.metric = QStringLiteral("count_share");
  const ZoneValue whole = shareValue(QString(), met.all, total.all);
  result.value = whole.value;
  result.numerator = whole.numerator;
  result.denominator = whole.denominator;
  if (zones != nullptr) {
    const std::vector<QString> names = detail::zoneNames(*zones, params.per->nameField);
    for (std::size_t z = 0; z < names.size(); ++z) result.zones.push_back(shareValue(names[z], met.zones[z], total.zones[z]));
    if (total.outside > 0) result.outside = shareValue(Metrics::tr("(outside the sub-units)"), met.outside, total.outside);
  }
  result.parameters = {{QStringLiteral("features"), params.features.toString()}, {QStringLiteral("where"), params.where},
                       {QStringLiteral("condition"), params.condition}, {QStringLiteral("within"), params.within.toString()},
                       {QStringLiteral("within_where"), params.withinWhere}};
  result.counts = {{QStringLiteral("features"), static_cast<qint64>(all.geometries.size())},
                   {QStringLiteral("outside_within"), static_cast<qint64>(all.geometries.size()) - static_cast<qint64>(total.all)}};
  detail::fillCommon(result, *inputs, params.per, run, timer);
  return result;
}

gis::Result<MetricResult> computeLengthShare(const LengthShareParams& params, const MetricRun& run) {
  if (run.engine == Engine::Postgis) return detail::notBuiltForServer(QStringLiteral("length-share"));
  QElapsedTimer timer;
  timer.start();
  if (params.condition.trimmed().isEmpty()) return invalid(Metrics::tr("A length share needs a condition: which lines count as meeting it."));
  std::vector<LayerRequest> requests = {{QStringLiteral("lines"), params.lines, params.where, {}},
                                        {QStringLiteral("meeting"), params.lines, meetingFilter(params.where, params.condition), {}}};
  const bool within = !params.within.isEmpty();
  if (within) requests.push_back({QStringLiteral("within"), params.within, params.withinWhere, {}});
  if (params.per) requests.push_back(detail::zoneRequest(*params.per));
  auto inputs = loadMetricInputs(requests, run);
  if (!inputs.ok()) return inputs.error();
  const MetricLayer& all = inputs->layers[0];
  const MetricLayer& meeting = inputs->layers[1];
  QStringList notes;
  if (gis::Status s = detail::allowNone(all, gis::Geometry::Type::Line, notes); !s) return s.error();
  if (gis::Status s = detail::allowNone(meeting, gis::Geometry::Type::Line, notes); !s) return s.error();
  const MetricLayer* zones = params.per ? &inputs->layers.back() : nullptr;
  gis::ZonalLengthInput input;
  if (within) {
    if (gis::Status s = detail::requirePolygons(inputs->layers[2]); !s) return s.error();
    input.within = inputs->layers[2].geometries;
  }
  if (zones != nullptr) {
    if (gis::Status s = detail::requirePolygons(*zones); !s) return s.error();
    input.zones = zones->geometries;
  }
  input.deduplicate = params.deduplicate;
  input.lines = all.geometries;
  auto total = gis::zonalLength(input, detail::overlayOptions(run));
  if (!total.ok()) return total.error();
  input.lines = meeting.geometries;
  auto met = gis::zonalLength(input, detail::overlayOptions(run));
  if (!met.ok()) return met.error();
  if (gis::Status s = detail::requireNoFailures(all, total->failedLines); !s) return s.error();
  if (gis::Status s = detail::requireNoFailures(meeting, met->failedLines); !s) return s.error();
  if (gis::Status s = requireSomething(all, total->all); !s) return s.error();
  MetricResult result;
  result.metric = QStringLiteral("length_share");
  result.notes = notes;
  const ZoneValue whole = shareValue(QString(), met->all, total->all);
  result.value = whole.value;
  result.numerator = whole.numerator;
  result.denominator = whole.denominator;
  if (zones != nullptr) {
    const std::vector<QString> names = detail::zoneNames(*zones, params.per->nameField);
    for (std::size_t z = 0; z < names.size(); ++z) result.zones.push_back(shareValue(names[z], met->zones[z], total->zones[z]));
    if (total->outside > 0) result.outside = shareValue(Metrics::tr("(outside the sub-units)"), met->outside, total->outside);
  }
  result.parameters = {{QStringLiteral("lines"), params.lines.toString()}, {QStringLiteral("where"), params.where},
                       {QStringLiteral("condition"), params.condition}, {QStringLiteral("within"), params.within.toString()},
                       {QStringLiteral("within_where"), params.withinWhere}, {QStringLiteral("dedupe"), params.deduplicate}};
  result.counts = {{QStringLiteral("lines"), static_cast<qint64>(all.geometries.size())},
                   {QStringLiteral("meeting_lines"), static_cast<qint64>(meeting.geometries.size())},
                   {QStringLiteral("duplicates"), total->duplicates}};
  detail::fillCommon(result, *inputs, params.per, run, timer);
  return result;
}

}  // namespace xiuhua::indicators
