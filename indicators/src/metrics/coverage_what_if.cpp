#include "xiuhua/indicators/metrics/coverage_what_if.h"

#include "metrics/coverage_setup.h"
#include "metrics/metric_support.h"
#include "xiuhua/gis/overlay/coverage_scenarios.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/indicators/metrics/metric_json.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <set>

namespace xiuhua::indicators {

gis::Result<WhatIfResult> computeWhatIf(const WhatIfParams& params, const MetricRun& run) {
  QElapsedTimer timer;
  timer.start();
  if (params.add.isEmpty() && params.removeWhere.trimmed().isEmpty()) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("A scenario adds facilities, takes some away, or both.")};
  }
  std::vector<LayerRequest> extra;
  if (!params.add.isEmpty()) extra.push_back({QStringLiteral("proposed"), params.add, params.addWhere, QStringList()});
  if (!params.removeWhere.trimmed().isEmpty()) {
    const QString where = params.coverage.facilityWhere.trimmed().isEmpty()
                              ? params.removeWhere
                              : QStringLiteral("(%1) AND (%2)").arg(params.coverage.facilityWhere, params.removeWhere);
    extra.push_back({QStringLiteral("taken away"), params.coverage.facilities, where, QStringList()});
  }
  auto setup = detail::setUpCoverage(params.coverage, run, extra);
  if (!setup.ok()) return setup.error();
  const MetricInputs& inputs = setup->inputs;
  const MetricLayer& facilities = inputs.layers[0];
  const MetricLayer* zones = params.coverage.per ? &inputs.layers[setup->zoneLayer] : nullptr;
  std::size_t next = setup->extraLayer;
  const MetricLayer* proposed = params.add.isEmpty() ? nullptr : &inputs.layers[next++];
  const MetricLayer* takenAway = params.removeWhere.trimmed().isEmpty() ? nullptr : &inputs.layers[next];

  gis::CoverageScenarios::Change change;
  WhatIfResult out;
  std::vector<double> proposedRadii;
  std::vector<bool> counted;  // per proposed facility: added to the scenario
  if (proposed != nullptr) {
    if (gis::Status s = detail::requireFeatures(*proposed); !s) return s.error();
    proposedRadii = detail::facilityRadii(params.coverage, proposed->geometries, run.threads);
    std::vector<gis::Geometry> buffers =
        detail::coversFor(params.coverage, setup->network.get(), proposed->geometries, proposedRadii, run).polygons;
    counted.assign(proposedRadii.size(), false);
    for (std::size_t i = 0; i < proposedRadii.size(); ++i) {
      if (!(proposedRadii[i] > 0) || buffers[i].isEmpty()) continue;  // too small, or (with a network) off it
      counted[i] = true;
      change.added.push_back(std::move(buffers[i]));
      ++out.added;
    }
    if (out.added == 0) {
      return gis::Error{gis::ErrorCode::EmptySource,
                        Metrics::tr("%1 (proposed): none of the %2 proposed facilities is large enough for the smallest radius tier.")
                            .arg(params.add.toString()).arg(proposed->geometries.size())};
    }
  }
  if (takenAway != nullptr) {
    std::set<std::int64_t> fids(takenAway->data->fids.begin(), takenAway->data->fids.end());
    for (std::size_t i = 0; i < facilities.data->fids.size(); ++i) {
      if (fids.count(facilities.data->fids[i]) > 0 && setup->radii[i] > 0) change.removed.push_back(static_cast<int>(i));
    }
    if (change.removed.empty() && proposed == nullptr) {
      return gis::Error{gis::ErrorCode::EmptySource,
                        Metrics::tr("%1 (facilities): no counted facility matches \"%2\"; nothing to take away.")
                            .arg(params.coverage.facilities.toString(), params.removeWhere)};
    }
    out.removed = static_cast<int>(change.removed.size());
  }

  const bool weighted = !params.coverage.weightField.isEmpty() || !params.coverage.weightRaster.isEmpty();
  if (!params.coverage.weightRaster.isEmpty()) {
    if (gis::Status s = detail::weighTargetsByRaster(*setup, params.coverage.weightRaster, run); !s) return s.error();
  }
  setup->overlay.keepParts = run.resultLayers;
  auto scenarios = gis::CoverageScenarios::build(std::move(setup->overlay), detail::overlayOptions(run));
  if (!scenarios.ok()) return scenarios.error();
  if (gis::Status s = detail::requireNoFailures(inputs.layers[1], detail::originalTargets(*setup, scenarios->base().failedTargets)); !s) return s.error();
  out.base.metric = weighted ? QStringLiteral("population_coverage") : QStringLiteral("service_coverage");
  detail::fillCoverageValues(out.base, scenarios->base(), weighted, zones, params.coverage.per);
  detail::fillCommon(out.base, inputs, params.coverage.per, MetricRun(), timer);
  out.baseSeconds = timer.nsecsElapsed() / 1e9;

  QElapsedTimer scenarioTimer;
  scenarioTimer.start();
  auto outcome = scenarios->evaluate(change, detail::overlayOptions(run));
  if (!outcome.ok()) return outcome.error();
  if (gis::Status s = detail::requireNoFailures(inputs.layers[1], detail::originalTargets(*setup, outcome->coverage.failedTargets)); !s) return s.error();
  out.scenario.metric = out.base.metric;
  detail::fillCoverageValues(out.scenario, outcome->coverage, weighted, zones, params.coverage.per);
  out.recomputedTargets = static_cast<int>(outcome->recomputed.size());
  out.scenarioSeconds = scenarioTimer.nsecsElapsed() / 1e9;
  out.scenario.seconds = out.scenarioSeconds;
  out.scenario.crs = out.base.crs;
  if (run.resultLayers) {
    const MetricLayer& target = inputs.layers[1];
    for (const bool covered : {true, false}) {
      gis::LayerToWrite layer;
      layer.name = covered ? QStringLiteral("newly_covered") : QStringLiteral("newly_uncovered");
      layer.crs = inputs.crs;
      layer.fields = {{QStringLiteral("target_fid"), gis::Field::Type::Integer}, {QStringLiteral("area_m2"), gis::Field::Type::Real}};
      const std::vector<gis::Geometry>& parts = covered ? outcome->newlyCovered : outcome->newlyUncovered;
      const std::vector<double> partAreas = gis::areas(parts);
      for (std::size_t k = 0; k < parts.size(); ++k) {
        if (parts[k].isEmpty()) continue;
        layer.geometries.push_back(parts[k]);
        const int t = outcome->recomputed[k];
        const std::size_t original = static_cast<std::size_t>(setup->targetOf.empty() ? t : setup->targetOf[static_cast<std::size_t>(t)]);
        layer.attributes.push_back({QVariant::fromValue<qlonglong>(target.data->fids.at(original)), partAreas[k]});
      }
      out.layers.push_back(std::move(layer));
    }
    auto facilityLayer = [&](const QString& name, const MetricLayer& from, const std::vector<std::size_t>& rows, const std::vector<double>& radii) {
      gis::LayerToWrite layer;
      layer.name = name;
      layer.crs = inputs.crs;
      layer.type = from.type();
      layer.fields = {{QStringLiteral("fid"), gis::Field::Type::Integer}, {QStringLiteral("radius_m"), gis::Field::Type::Real}};
      for (std::size_t k = 0; k < rows.size(); ++k) {
        layer.geometries.push_back(from.geometries[rows[k]]);
        layer.attributes.push_back({QVariant::fromValue<qlonglong>(from.data->fids.at(rows[k])), radii[k]});
      }
      out.layers.push_back(std::move(layer));
    };
    if (proposed != nullptr) {
      std::vector<std::size_t> rows;
      std::vector<double> rowRadii;
      for (std::size_t i = 0; i < proposedRadii.size(); ++i) {
        if (counted[i]) {
          rows.push_back(i);
          rowRadii.push_back(proposedRadii[i]);
        }
      }
      facilityLayer(QStringLiteral("proposed"), *proposed, rows, rowRadii);
    }
    if (!change.removed.empty()) {
      std::vector<std::size_t> rows;
      std::vector<double> rowRadii;
      for (int i : change.removed) {
        rows.push_back(static_cast<std::size_t>(i));
        rowRadii.push_back(setup->radii[static_cast<std::size_t>(i)]);
      }
      facilityLayer(QStringLiteral("taken_away"), facilities, rows, rowRadii);
    }
  }
  return out;
}

QJsonObject whatIfToJson(const WhatIfResult& r) {
  auto points = [](const std::optional<double>& a, const std::optional<double>& b) {
    return a && b ? QJsonValue((*b - *a) * 100.0) : QJsonValue();
  };
  QJsonArray per;
  for (std::size_t z = 0; z < r.base.zones.size() && z < r.scenario.zones.size(); ++z) {
    const ZoneValue& b = r.base.zones[z];
    const ZoneValue& s = r.scenario.zones[z];
    per.append(QJsonObject{{QStringLiteral("name"), b.name},
                           {QStringLiteral("base"), b.value ? QJsonValue(*b.value) : QJsonValue()},
                           {QStringLiteral("scenario"), s.value ? QJsonValue(*s.value) : QJsonValue()},
                           {QStringLiteral("points"), points(b.value, s.value)}});
  }
  return {{QStringLiteral("metric"), r.base.metric},
          {QStringLiteral("base"), metricResultToJson(r.base)},
          {QStringLiteral("scenario"), metricResultToJson(r.scenario)},
          {QStringLiteral("change"), QJsonObject{{QStringLiteral("points"), points(r.base.value, r.scenario.value)}, {QStringLiteral("per"), per}}},
          {QStringLiteral("added"), r.added},
          {QStringLiteral("removed"), r.removed},
          {QStringLiteral("recomputed_targets"), r.recomputedTargets},
          {QStringLiteral("seconds_base"), r.baseSeconds},
          {QStringLiteral("seconds_scenario"), r.scenarioSeconds}};
}

}  // namespace xiuhua::indicators
