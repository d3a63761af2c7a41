#include "metrics/coverage_setup.h"

#include "metrics/metric_support.h"
#include "metrics/population_weights.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/overlay/polygon_pairs.h"

#include <QJsonArray>

#include <cmath>
#include <set>

namespace xiuhua::indicators::detail {

std::vector<double> facilityRadii(const CoverageParams& params, const std::vector<gis::Geometry>& facilities, int threads) {
  const std::vector<double> facilityAreas = gis::areas(facilities, threads);
  std::vector<double> radii(facilities.size(), 0.0);
  for (std::size_t i = 0; i < radii.size(); ++i) {
    radii[i] = params.radius ? *params.radius : radiusForArea(params.tiers, facilityAreas[i]);
    if (facilities[i].isEmpty()) radii[i] = 0;
  }
  return radii;
}

namespace {

// Buffers the facilities by their radii and appends them, with their fast-path cores, as covers.
void appendCovers(gis::ZonalCoverageInput& overlay, const std::vector<gis::Geometry>& facilities, const std::vector<double>& radii,
                  int quadSegments, int threads) {
  std::vector<gis::Geometry> buffers = gis::bufferEach(facilities, radii, quadSegments, threads);
  // Cores for the fast path: a buffer holds every point within radius·cos(π/2q) of its facility's
  // vertices. GEOS draws each arc as chords of about π/2q (q segments per quarter) but rounds the
  // count, so a chord can span up to 1.5 of those; half of two of them bounds the sagitta with room
  // to spare; a hair less again for rounding.
  const double inner = std::cos(M_PI / (2.0 * quadSegments)) * (1.0 - 1e-9);
  // Cores line up with covers: covers without cores before these get empty ones.
  overlay.coverCores.resize(overlay.covers.size());
  overlay.coreRadii.resize(overlay.covers.size(), 0.0);
  for (std::size_t i = 0; i < facilities.size(); ++i) {
    overlay.covers.push_back(std::move(buffers[i]));
    overlay.coverCores.emplace_back();
    overlay.coreRadii.push_back(radii[i] > 0 ? radii[i] * inner : 0.0);
    if (!(radii[i] > 0)) continue;
    for (const gis::Geometry::Part& part : facilities[i].parts()) {
      for (const gis::Geometry::Ring& ring : part) overlay.coverCores.back().insert(overlay.coverCores.back().end(), ring.begin(), ring.end());
    }
  }
}

}  // namespace

Covers coversFor(const CoverageParams& params, const gis::NetworkServiceAreas* network, const std::vector<gis::Geometry>& facilities,
                 const std::vector<double>& radii, const MetricRun& run) {
  Covers out;
  if (network == nullptr) {
    out.polygons = gis::bufferEach(facilities, radii, params.quadSegments, run.threads);
    return out;
  }
  std::vector<gis::NetworkServiceAreas::Area> areas = network->serviceAreas(facilities, radii, run.threads, run.cancel);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    if (radii[i] > 0 && !areas[i].reached) ++out.unreached;
    out.polygons.push_back(std::move(areas[i].polygon));
    out.walked.push_back(std::move(areas[i].walked));
  }
  return out;
}

namespace {

// Everything around an area, as a polygon to exclude: a box beyond the area and the targets with the
// area's outer rings as holes, and the area's own holes as islands. Taking it out of the target land
// leaves the land inside the area.
gis::Geometry outsideOf(const gis::Geometry& area, const std::vector<gis::Geometry>& targets) {
  QRectF box = area.boundingBox();
  for (const gis::Geometry& t : targets) box = box.united(t.boundingBox());
  box.adjust(-100, -100, 100, 100);
  gis::Geometry::Part frame{{box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft(), box.topLeft()}};
  std::vector<gis::Geometry::Part> parts;
  for (const gis::Geometry::Part& part : area.parts()) {
    if (part.empty()) continue;
    frame.push_back(part.front());
    for (std::size_t h = 1; h < part.size(); ++h) parts.push_back({part[h]});
  }
  parts.insert(parts.begin(), std::move(frame));
  return gis::Geometry(gis::Geometry::Type::Polygon, std::move(parts));
}

}  // namespace

void useStraightLineCovers(const CoverageParams& params, CoverageSetup& setup, int threads) {
  setup.overlay.covers.clear();
  setup.overlay.coverCores.clear();
  setup.overlay.coreRadii.clear();
  appendCovers(setup.overlay, setup.inputs.layers[0].geometries, setup.radii, params.quadSegments, threads);
}

gis::Status weighTargetsByRaster(CoverageSetup& setup, const QString& path, const MetricRun& run) {
  auto raster = rasterPieces(path, setup.inputs.crs, {}, overlayOptions(run));
  if (!raster.ok()) return raster.error();
  auto pairs = gis::intersectPairs(setup.overlay.targets, raster->cells, overlayOptions(run));
  if (!pairs.ok()) return pairs.error();
  std::vector<gis::Geometry> pieces;
  pieces.reserve(pairs->size());
  for (gis::PolygonPair& p : *pairs) pieces.push_back(std::move(p.piece));
  const std::vector<double> pieceAreas = gis::areas(pieces, run.threads);
  std::vector<double> weights;
  std::vector<int> targetOf;
  for (std::size_t k = 0; k < pairs->size(); ++k) {
    weights.push_back(raster->cellWeightPerArea[static_cast<std::size_t>((*pairs)[k].second)] * pieceAreas[k]);
    targetOf.push_back((*pairs)[k].first);
  }
  setup.overlay.targets = std::move(pieces);
  setup.overlay.targetWeights = std::move(weights);
  setup.targetOf = std::move(targetOf);
  return {};
}

std::vector<int> originalTargets(const CoverageSetup& setup, const std::vector<int>& targets) {
  if (setup.targetOf.empty()) return targets;
  std::set<int> out;
  for (int t : targets) out.insert(setup.targetOf[static_cast<std::size_t>(t)]);
  return {out.begin(), out.end()};
}

gis::Status checkCoverageParams(const CoverageParams& params) {
  if (!params.radius && params.tiers.empty()) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("Give a service radius or radius tiers.")};
  }
  if (params.radius && !(*params.radius > 0)) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("The service radius must be more than 0 m.")};
  }
  if (params.quadSegments < 1) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("The segments per quarter circle must be 1 or more.")};
  }
  if (!params.weightField.isEmpty() && !params.weightRaster.isEmpty()) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("Weight by a field or by a raster, not both.")};
  }
  return {};
}

QJsonObject coverageParameters(const CoverageParams& params, const QString& method) {
  QJsonObject parameters{{QStringLiteral("facilities"), params.facilities.toString()},
                         {QStringLiteral("facility_where"), params.facilityWhere},
                         {QStringLiteral("target"), params.target.toString()},
                         {QStringLiteral("target_where"), params.targetWhere},
                         {QStringLiteral("quad_segments"), params.quadSegments},
                         {QStringLiteral("method"), method}};
  if (params.radius) parameters.insert(QStringLiteral("radius_m"), *params.radius);
  QJsonArray tiers;
  for (const RadiusTier& t : params.tiers) tiers.append(QJsonObject{{QStringLiteral("min_area_m2"), t.minArea}, {QStringLiteral("radius_m"), t.radius}});
  if (!params.tiers.empty()) parameters.insert(QStringLiteral("radius_tiers"), tiers);
  if (!params.within.isEmpty()) {
    parameters.insert(QStringLiteral("within"), params.within.toString());
    parameters.insert(QStringLiteral("within_where"), params.withinWhere);
  }
  if (!params.exclude.isEmpty()) {
    parameters.insert(QStringLiteral("exclude"), params.exclude.toString());
    parameters.insert(QStringLiteral("exclude_where"), params.excludeWhere);
  }
  if (!params.weightField.isEmpty()) parameters.insert(QStringLiteral("weight_field"), params.weightField);
  if (!params.weightRaster.isEmpty()) parameters.insert(QStringLiteral("weight_raster"), params.weightRaster);
  if (params.network) {
    parameters.insert(QStringLiteral("network"), QJsonObject{{QStringLiteral("lines"), params.network->lines.toString()},
                                                             {QStringLiteral("where"), params.network->where},
                                                             {QStringLiteral("max_snap_m"), params.network->maxSnap},
                                                             {QStringLiteral("width_m"), params.network->width}});
  }
  return parameters;
}

gis::Result<CoverageSetup> setUpCoverage(const CoverageParams& params, const MetricRun& run, const std::vector<LayerRequest>& extra) {
  if (gis::Status s = checkCoverageParams(params); !s) return s.error();
  const QStringList targetFields = params.weightField.isEmpty() ? QStringList() : QStringList{params.weightField};
  std::vector<LayerRequest> requests = {{QStringLiteral("facilities"), params.facilities, params.facilityWhere, {}},
                                        {QStringLiteral("target"), params.target, params.targetWhere, targetFields}};
  if (!params.exclude.isEmpty()) requests.push_back({QStringLiteral("exclude"), params.exclude, params.excludeWhere, {}});
  CoverageSetup setup;
  std::size_t withinLayer = 0;
  if (!params.within.isEmpty()) {
    withinLayer = requests.size();
    requests.push_back({QStringLiteral("within"), params.within, params.withinWhere, {}, true});
  }
  if (params.per) {
    setup.zoneLayer = requests.size();
    requests.push_back(zoneRequest(*params.per));
  }
  std::size_t networkLayer = 0;
  if (params.network) {
    networkLayer = requests.size();
    requests.push_back({QStringLiteral("network"), params.network->lines, params.network->where, {}});
  }
  setup.extraLayer = requests.size();
  requests.insert(requests.end(), extra.begin(), extra.end());
  auto inputs = loadMetricInputs(requests, run);
  if (!inputs.ok()) return inputs.error();
  setup.inputs = std::move(inputs).value();
  const MetricLayer& facilities = setup.inputs.layers[0];
  MetricLayer& target = setup.inputs.layers[1];  // its geometries move into the overlay
  const MetricLayer* exclude = params.exclude.isEmpty() ? nullptr : &setup.inputs.layers[2];
  const MetricLayer* zones = params.per ? &setup.inputs.layers[setup.zoneLayer] : nullptr;
  if (gis::Status s = allowNone(facilities, facilities.type(), setup.notes); !s) return s.error();
  if (gis::Status s = requirePolygons(target); !s) return s.error();
  if (zones != nullptr) {
    if (gis::Status s = requirePolygons(*zones); !s) return s.error();
  }
  if (exclude != nullptr && !exclude->geometries.empty() && exclude->type() != gis::Geometry::Type::Polygon) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      Metrics::tr("%1 (exclude): the features are not polygons.").arg(params.exclude.toString())};
  }
  setup.radii = facilityRadii(params, facilities.geometries, run.threads);
  for (const double r : setup.radii) setup.used += r > 0 ? 1 : 0;
  if (setup.used == 0 && !facilities.geometries.empty()) {
    setup.notes << Metrics::tr("%1 (facilities): none of the %2 selected facilities is large enough for the smallest radius tier: nothing "
                               "is covered.")
                       .arg(params.facilities.toString())
                       .arg(facilities.geometries.size());
  }
  if (params.network) {
    const MetricLayer& lines = setup.inputs.layers[networkLayer];
    if (!lines.geometries.empty() && lines.type() != gis::Geometry::Type::Line) {
      return gis::Error{gis::ErrorCode::InvalidArgument,
                        Metrics::tr("%1 (network): the features are not lines.").arg(params.network->lines.toString())};
    }
    if (!(params.network->maxSnap >= 0) || !(params.network->width > 0)) {
      return gis::Error{gis::ErrorCode::InvalidArgument,
                        Metrics::tr("The snap distance must be 0 m or more and the street width more than 0 m.")};
    }
    gis::NetworkServiceAreas::Options options;
    options.maxSnap = params.network->maxSnap;
    options.width = params.network->width;
    options.quadSegments = params.quadSegments;
    auto network = gis::NetworkServiceAreas::build(lines.geometries, options);
    if (!network.ok()) {
      return gis::Error{network.error().code, QStringLiteral("%1 (network): %2").arg(params.network->lines.toString(), network.error().message)};
    }
    setup.network = std::make_shared<const gis::NetworkServiceAreas>(std::move(network).value());
    Covers covers = coversFor(params, setup.network.get(), facilities.geometries, setup.radii, run);
    if (run.cancel != nullptr && run.cancel->load()) return gis::Error{gis::ErrorCode::Cancelled, Metrics::tr("Cancelled.")};
    setup.unreached = covers.unreached;
    setup.walked = std::move(covers.walked);
    setup.overlay.covers = std::move(covers.polygons);  // no cores: a walked area is no disk
  } else {
    appendCovers(setup.overlay, facilities.geometries, setup.radii, params.quadSegments, run.threads);
  }
  if (!params.weightField.isEmpty()) {
    auto weights = fieldWeights(target, params.weightField);
    if (!weights.ok()) return weights.error();
    setup.overlay.targetWeights = std::move(weights).value();
  }
  setup.targetCount = target.geometries.size();
  setup.overlay.targets = std::move(target.geometries);  // hundreds of thousands of parcels: no copy
  if (exclude != nullptr) setup.overlay.exclusions = exclude->geometries;
  if (withinLayer > 0) {
    const MetricLayer& within = setup.inputs.layers[withinLayer];
    if (gis::Status s = requirePolygons(within); !s) return s.error();
    setup.overlay.exclusions.push_back(outsideOf(within.geometries.front(), setup.overlay.targets));
  }
  if (zones != nullptr) setup.overlay.zones = zones->geometries;
  return setup;
}

void fillCoverageValues(MetricResult& result, const gis::ZonalCoverage& coverage, bool weighted, const MetricLayer* zones,
                        const std::optional<ZoneRequest>& per) {
  // The headline: covered weight / total weight when weighted, else covered area / total area.
  const gis::AreaPair& all = weighted ? coverage.weightedAll : coverage.all;
  const std::vector<gis::AreaPair>& perZone = weighted ? coverage.weightedZones : coverage.zones;
  const gis::AreaPair& outside = weighted ? coverage.weightedOutside : coverage.outside;
  const ZoneValue whole = ratioValue(QString(), all);
  result.value = whole.value;
  result.numerator = whole.numerator;
  result.denominator = whole.denominator;
  result.zones.clear();
  result.outside.reset();
  if (zones != nullptr && per) {
    const std::vector<QString> names = zoneNames(*zones, per->nameField);
    for (std::size_t z = 0; z < names.size() && z < perZone.size(); ++z) result.zones.push_back(ratioValue(names[z], perZone[z]));
    if (coverage.outside.total > 0) result.outside = ratioValue(Metrics::tr("(outside the sub-units)"), outside);
  }
}

}  // namespace xiuhua::indicators::detail
