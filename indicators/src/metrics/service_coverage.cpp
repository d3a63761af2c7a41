#include "xiuhua/indicators/metrics/service_coverage.h"

#include "metrics/coverage_setup.h"
#include "metrics/metric_support.h"
#include "metrics/server/server_metrics.h"
#include "metrics/population_weights.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/precise_sum.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace xiuhua::indicators {

gis::Result<std::vector<RadiusTier>> parseRadiusTiers(const QString& text) {
  std::vector<RadiusTier> tiers;
  for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    const QStringList pair = item.split(QLatin1Char(':'));
    bool areaOk = false;
    bool radiusOk = false;
    const double area = pair.size() == 2 ? pair[0].trimmed().toDouble(&areaOk) : 0;
    const double radius = pair.size() == 2 ? pair[1].trimmed().toDouble(&radiusOk) : 0;
    if (!areaOk || !radiusOk || area < 0 || radius <= 0 || !std::isfinite(area) || !std::isfinite(radius)) {
      return gis::Error{gis::ErrorCode::InvalidArgument,
                        Metrics::tr("Radius tiers \"%1\": \"%2\" is not AREA:RADIUS with AREA ≥ 0 m² and RADIUS > 0 m "
                           "(e.g. \"2000:300,5000:500\").").arg(text, item)};
    }
    tiers.push_back({area, radius});
  }
  if (tiers.empty()) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("Radius tiers \"%1\" list no tier (e.g. \"2000:300,5000:500\").").arg(text)};
  }
  std::sort(tiers.begin(), tiers.end(), [](const RadiusTier& a, const RadiusTier& b) { return a.minArea < b.minArea; });
  return tiers;
}

double radiusForArea(const std::vector<RadiusTier>& tiers, double area) {
  double radius = 0;
  for (const RadiusTier& t : tiers) {
    if (area >= t.minArea) radius = t.radius;  // sorted: the last one reached wins
  }
  return radius;
}

namespace {

// Weights the coverage by a population raster: the overlay runs again with the populated cells as
// zones (each cell's covered and total target area × its value per m²), and once more with the
// cells cut by the sub-units for the per-sub-unit figures; the rest is outside the sub-units.
// (The overlay's zones are replaced on the way.)
gis::Status weighByRaster(const QString& path, const gis::Crs& crs, gis::ZonalCoverageInput& overlay, bool perZone,
                          const MetricRun& run, gis::ZonalCoverage& coverage) {
  const std::vector<gis::Geometry> subunits = perZone ? overlay.zones : std::vector<gis::Geometry>();
  auto raster = detail::rasterPieces(path, crs, subunits, detail::overlayOptions(run));
  if (!raster.ok()) return raster.error();
  overlay.zones = raster->cells;
  auto byCell = gis::zonalCoverage(overlay, detail::overlayOptions(run));
  if (!byCell.ok()) return byCell.error();
  gis::PreciseSum covered, total;
  for (std::size_t c = 0; c < raster->cells.size(); ++c) {
    covered.add(raster->cellWeightPerArea[c] * byCell->zones[c].covered);
    total.add(raster->cellWeightPerArea[c] * byCell->zones[c].total);
  }
  coverage.weightedAll = {covered.value(), total.value()};
  coverage.weightedZones.assign(subunits.size(), {});
  coverage.weightedOutside = coverage.weightedAll;
  if (!perZone) return {};
  overlay.zones = raster->pieces;
  auto byPiece = gis::zonalCoverage(overlay, detail::overlayOptions(run));
  if (!byPiece.ok()) return byPiece.error();
  std::vector<gis::PreciseSum> zc(subunits.size()), zt(subunits.size());
  for (std::size_t k = 0; k < raster->pieces.size(); ++k) {
    const auto z = static_cast<std::size_t>(raster->pieceZone[k]);
    zc[z].add(raster->pieceWeightPerArea[k] * byPiece->zones[k].covered);
    zt[z].add(raster->pieceWeightPerArea[k] * byPiece->zones[k].total);
  }
  for (std::size_t z = 0; z < subunits.size(); ++z) {
    coverage.weightedZones[z] = {zc[z].value(), zt[z].value()};
    coverage.weightedOutside.covered -= zc[z].value();
    coverage.weightedOutside.total -= zt[z].value();
  }
  coverage.weightedOutside = {std::max(0.0, coverage.weightedOutside.covered), std::max(0.0, coverage.weightedOutside.total)};
  return {};
}

}  // namespace

namespace {

// One polygon, the union of the covers, with its area.
gis::LayerToWrite unionLayer(const QString& name, const std::vector<gis::Geometry>& covers, const gis::Crs& crs) {
  gis::LayerToWrite area;
  area.name = name;
  area.crs = crs;
  area.fields = {{QStringLiteral("area_m2"), gis::Field::Type::Real}};
  if (gis::Geometry united = gis::unionOf(covers); !united.isEmpty()) {
    area.attributes.push_back({gis::areas({united}).front()});
    area.geometries.push_back(std::move(united));
  }
  return area;
}

// The map layers of a coverage: the service area (the union of the buffers), and the covered and
// uncovered target land (one feature per target that has some). fillCommon adds the facilities
// and the sub-units.
void addResultLayers(MetricResult& result, gis::ZonalCoverage& coverage, const std::vector<gis::Geometry>& buffers,
                     const MetricLayer& target, const gis::Crs& crs) {
  result.layers.push_back(unionLayer(QStringLiteral("service_area"), buffers, crs));
  for (const bool covered : {true, false}) {
    gis::LayerToWrite layer;
    layer.name = covered ? QStringLiteral("covered") : QStringLiteral("uncovered");
    layer.crs = crs;
    layer.fields = {{QStringLiteral("target_fid"), gis::Field::Type::Integer}, {QStringLiteral("area_m2"), gis::Field::Type::Real}};
    std::vector<gis::Geometry>& parts = covered ? coverage.coveredParts : coverage.uncoveredParts;
    const std::vector<double> partAreas = gis::areas(parts);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (parts[i].isEmpty()) continue;
      layer.geometries.push_back(std::move(parts[i]));
      layer.attributes.push_back({QVariant::fromValue<qlonglong>(static_cast<qlonglong>(target.data->fids.at(i))), partAreas[i]});
    }
    result.layers.push_back(std::move(layer));
  }
}

// With a network: the straight-line service area (for the comparison on the map) and the streets
// walked, one feature per facility that reached the network.
void addStraightLineLayers(MetricResult& result, const std::vector<gis::Geometry>& buffers, const std::vector<gis::Geometry>& walked,
                           const MetricLayer& facilities, const gis::Crs& crs) {
  result.layers.push_back(unionLayer(QStringLiteral("euclidean_service_area"), buffers, crs));
  gis::LayerToWrite streets;
  streets.name = QStringLiteral("walked");
  streets.crs = crs;
  streets.type = gis::Geometry::Type::Line;
  streets.fields = {{QStringLiteral("facility"), gis::Field::Type::Integer}, {QStringLiteral("length_m"), gis::Field::Type::Real}};
  const std::vector<double> walkedLengths = gis::lengths(walked);
  for (std::size_t i = 0; i < walked.size(); ++i) {
    if (walked[i].isEmpty()) continue;
    streets.geometries.push_back(walked[i]);
    streets.attributes.push_back({QVariant::fromValue<qlonglong>(facilities.data->fids.at(i)), walkedLengths[i]});
  }
  result.layers.push_back(std::move(streets));
}

}  // namespace

gis::Result<MetricResult> computeCoverage(const CoverageParams& params, const MetricRun& run) {
  if (run.engine == Engine::Postgis) {
    if (params.network) return detail::notInServer(QStringLiteral("coverage"), Metrics::tr("walking distances need the street network engine, which the server lacks"));
    if (!params.weightRaster.isEmpty()) return detail::notInServer(QStringLiteral("coverage"), Metrics::tr("a population raster is read here, not in the server"));
    return detail::computeCoverageInServer(params, run);
  }
  QElapsedTimer timer;
  timer.start();
  auto setup = detail::setUpCoverage(params, run);
  if (!setup.ok()) return setup.error();
  MetricInputs* inputs = &setup->inputs;
  const MetricLayer& facilities = inputs->layers[0];
  const MetricLayer& target = inputs->layers[1];
  const MetricLayer* zones = params.per ? &inputs->layers[setup->zoneLayer] : nullptr;
  gis::ZonalCoverageInput& overlay = setup->overlay;
  const std::vector<double>& radii = setup->radii;
  const int used = setup->used;
  const std::size_t targetCount = setup->targetCount;
  overlay.keepParts = run.resultLayers && !params.naive;
  auto coverage = gis::zonalCoverage(overlay, detail::overlayOptions(run),
                                     params.naive ? gis::CoverageMethod::Naive : gis::CoverageMethod::Indexed);
  if (!coverage.ok()) return coverage.error();
  if (gis::Status s = detail::requireNoFailures(target, coverage->failedTargets); !s) return s.error();
  if (!params.weightRaster.isEmpty()) {
    if (gis::Status s = weighByRaster(params.weightRaster, inputs->crs, overlay, zones != nullptr, run, coverage.value()); !s) {
      return s.error();
    }
  }
  // With a network, the straight-line coverage beside it (area ratios), and the walked streets.
  std::optional<gis::AreaPair> straight;
  std::vector<gis::Geometry> networkCovers;
  if (params.network) {
    networkCovers = overlay.covers;
    detail::useStraightLineCovers(params, *setup, run.threads);
    overlay.keepParts = false;
    auto straightCoverage = gis::zonalCoverage(overlay, detail::overlayOptions(run));
    if (!straightCoverage.ok()) return straightCoverage.error();
    straight = straightCoverage->all;
    overlay.keepParts = run.resultLayers && !params.naive;
  }
  const bool weighted = !params.weightField.isEmpty() || !params.weightRaster.isEmpty();
  if (!(coverage->all.total > 0)) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      Metrics::tr("%1 (target): the selected target land has no area (after exclusions).").arg(params.target.toString())};
  }

  MetricResult result;
  result.metric = weighted ? QStringLiteral("population_coverage") : QStringLiteral("service_coverage");
  if (weighted && !(coverage->weightedAll.total > 0)) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("The weights on the target land add up to 0: nothing to weight by.")};
  }
  detail::fillCoverageValues(result, *coverage, weighted, zones, params.per);
  result.parameters = detail::coverageParameters(params, params.naive ? QStringLiteral("naive") : QStringLiteral("indexed"));
  result.counts = {{QStringLiteral("facilities_selected"), static_cast<qint64>(facilities.geometries.size())},
                   {QStringLiteral("facilities_used"), used},
                   {QStringLiteral("targets"), static_cast<qint64>(targetCount)},
                   {QStringLiteral("overlapping_targets"), coverage->overlappingTargets}};
  if (straight) {
    result.counts.insert(QStringLiteral("network_area_ratio"), coverage->all.ratio());
    result.counts.insert(QStringLiteral("euclidean_area_ratio"), straight->ratio());
    result.counts.insert(QStringLiteral("network_minus_euclidean_points"), (coverage->all.ratio() - straight->ratio()) * 100.0);
    result.counts.insert(QStringLiteral("facilities_off_network"), setup->unreached);
    result.counts.insert(QStringLiteral("network_nodes"), static_cast<qint64>(setup->network->nodeCount()));
    result.counts.insert(QStringLiteral("network_edges"), static_cast<qint64>(setup->network->edgeCount()));
  }
  if (weighted) {  // the unweighted figures alongside
    result.counts.insert(QStringLiteral("area_ratio"), coverage->all.ratio());
    result.counts.insert(QStringLiteral("covered_m2"), coverage->all.covered);
    result.counts.insert(QStringLiteral("total_m2"), coverage->all.total);
  }
  if (overlay.keepParts) {
    addResultLayers(result, *coverage, params.network ? networkCovers : overlay.covers, target, inputs->crs);
    if (params.network) addStraightLineLayers(result, overlay.covers, setup->walked, facilities, inputs->crs);
  }
  result.notes = setup->notes;
  detail::fillCommon(result, *inputs, params.per, run, timer);
  // Each facility's radius on the "features" layer (its rows are the non-empty facilities, in order).
  for (gis::LayerToWrite& layer : result.layers) {
    if (layer.name != QLatin1String("features")) continue;
    layer.fields.push_back({QStringLiteral("radius_m"), gis::Field::Type::Real});
    std::size_t row = 0;
    for (std::size_t i = 0; i < facilities.geometries.size() && row < layer.attributes.size(); ++i) {
      if (!facilities.geometries[i].isEmpty()) layer.attributes[row++].push_back(radii[i]);
    }
  }
  return result;
}

}  // namespace xiuhua::indicators
