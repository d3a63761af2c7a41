#include "xiuhua/indicators/metrics/metric_layer.h"

#include "metrics/metric_support.h"
#include "xiuhua/gis/bounds.h"
#include "xiuhua/gis/coordinate_transform.h"
#include "xiuhua/gis/file_fingerprint.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/overlay/polygon_repair.h"
#include "xiuhua/gis/vector_reader.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <future>

namespace xiuhua::indicators {

namespace {

gis::Result<std::shared_ptr<const gis::VectorData>> readRequest(const LayerRequest& request, const MetricRun& run) {
  if (request.source.isEmpty()) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("No source was given for the %1.").arg(request.role)};
  }
  gis::ReadOptions options;
  options.layerName = request.source.layer;
  options.encodingOverride = request.source.encoding;
  options.where = request.where;
  if (!request.allFields) options.fields = request.fields;
  options.cancel = run.cancel;
  return gis::VectorReader::read(request.source.path, options);
}

// Transforms the geometries into the metric CRS; fails naming the file when PROJ cannot.
gis::Status reproject(const gis::VectorData& data, const gis::Crs& from, const gis::Crs& crs, std::vector<gis::Geometry>& out) {
  out = data.geometries;
  if (from == crs) return {};
  auto transform = gis::CoordinateTransform::create(from, crs);
  if (!transform.ok()) return transform.error();
  if ((*transform)->isIdentity()) return {};
  int failed = 0;
  for (gis::Geometry& g : out) {
    for (gis::Geometry::Part& part : g.parts()) {
      for (gis::Geometry::Ring& ring : part) {
        if (!(*transform)->transform(ring)) ++failed;
      }
    }
  }
  if (failed > 0) {
    return gis::Error{gis::ErrorCode::TransformFailed,
                      Metrics::tr("%1: %2 parts could not be transformed from %3 to %4.")
                          .arg(data.path).arg(failed).arg(from.name(), crs.name())};
  }
  return {};
}


// The data's extent in longitude/latitude (WGS 84), from a layer's extent in its own CRS; a null
// rectangle for a layer without features.
QRectF lonLatExtent(const MetricLayer& layer) {
  if (layer.data->geometries.empty()) return {};
  if (layer.sourceCrs.kind() == gis::Crs::Kind::Proj && layer.sourceCrs.isGeographic() &&
      layer.sourceCrs.definition().compare(QLatin1String("EPSG:4326"), Qt::CaseInsensitive) == 0) {
    return layer.data->extent;
  }
  auto toLonLat = gis::CoordinateTransform::create(layer.sourceCrs, gis::Crs::fromEpsg(4326));
  if (!toLonLat.ok()) return {};
  return (*toLonLat)->transformBounds(layer.data->extent);
}

// A fraction as a percentage with three significant digits (0.00104 → "0.104", 0.177 → "17.7").
QString percent(double fraction) { return QString::number(fraction * 100, 'g', 3); }

// The metric CRS of the inputs, why, and what the user should know about distortion (see
// loadMetricInputs).
void chooseCrs(MetricInputs& inputs, const std::optional<gis::Crs>& given) {
  std::vector<detail::CrsInput> described;
  for (const MetricLayer& layer : inputs.layers) {
    described.push_back({layer.sourceCrs, lonLatExtent(layer), layer.request.source.toString(), layer.request.role});
  }
  detail::CrsDecision decision = detail::chooseMetricCrsFor(described, given);
  inputs.crs = decision.crs;
  inputs.crsReason = decision.reason;
  inputs.crsError = decision.error;
  inputs.warnings << decision.warnings;
}

}  // namespace

namespace detail {

CrsDecision chooseMetricCrsFor(const std::vector<CrsInput>& layers, const std::optional<gis::Crs>& given) {
  CrsDecision inputs;
  gis::Bounds bounds;
  for (const CrsInput& layer : layers) bounds.add(layer.lonLat);
  const QRectF all = bounds.rect();
  const CrsInput& first = layers.front();
  const bool firstProjected = first.crs.kind() == gis::Crs::Kind::Proj && !first.crs.isGeographic();
  const std::optional<gis::ScaleError> firstError = firstProjected ? gis::scaleErrorOver(first.crs, all) : std::nullopt;
  if (given) {
    inputs.crs = *given;
    inputs.reason = Metrics::tr("given with --crs");
    inputs.error = gis::scaleErrorOver(*given, all).value_or(gis::ScaleError{});
    if (inputs.error.length > gis::kMaxScaleError) {
      inputs.warnings << Metrics::tr("%1, given with --crs, distorts lengths over the data by up to %2 % (areas %3 %): the figures are off "
                                     "by as much. Leave --crs out to measure in a CRS chosen for the data.")
                             .arg(given->name(), percent(inputs.error.length), percent(inputs.error.area));
    }
  } else if (firstProjected && bounds.isEmpty()) {
    inputs.crs = first.crs;
    inputs.reason = Metrics::tr("the CRS of the first input (there are no features to measure)");
  } else if (firstProjected && firstError && firstError->length <= gis::kMaxScaleError) {
    inputs.crs = first.crs;
    inputs.reason = Metrics::tr("the CRS of the first input, whose scale error over the data is %1 %").arg(percent(firstError->length));
    inputs.error = *firstError;
  } else {
    const gis::MetricCrsChoice choice = gis::chooseMetricCrs(all);
    inputs.crs = choice.crs;
    inputs.reason = choice.reason;
    inputs.error = choice.error;
    if (choice.error.length > gis::kMaxScaleError) {
      inputs.warnings << Metrics::tr("the data are too wide for one planar CRS: lengths measured in %1 may be off by up to %2 % at their edges.")
                             .arg(choice.crs.name(), percent(choice.error.length));
    }
  }
  // Inputs whose own projection distorts them: reprojected before anything is measured.
  for (const CrsInput& layer : layers) {
    if (layer.crs == inputs.crs || layer.crs.kind() != gis::Crs::Kind::Proj || layer.crs.isGeographic()) continue;
    const std::optional<gis::ScaleError> own = gis::scaleErrorOver(layer.crs, layer.lonLat);
    if (own && own->length > gis::kMaxScaleError) {
      inputs.warnings << Metrics::tr("%1 (%2) is in %3, which distorts lengths over it by up to %4 % (areas %5 %): it was reprojected to %6, "
                                     "where lengths and areas are measured.")
                             .arg(layer.source, layer.role, layer.crs.name(), percent(own->length),
                                  percent(own->area), inputs.crs.name());
    }
  }
  return inputs;
}
}  // namespace detail

QVariant MetricLayer::value(std::size_t feature, const QString& field) const {
  const int column = data->fieldIndex(field);
  if (column < 0 || feature >= data->attributes.size()) return {};
  const gis::AttributeRow& row = data->attributes[feature];
  return static_cast<std::size_t>(column) < row.size() ? row[static_cast<std::size_t>(column)] : QVariant();
}

namespace {

// Reads every source at once (each read opens its own GDAL dataset on its own thread), in request
// order; fails with the first error.
gis::Result<std::vector<MetricLayer>> readInputs(const std::vector<LayerRequest>& requests, const MetricRun& run) {
  std::vector<std::future<gis::Result<std::shared_ptr<const gis::VectorData>>>> reads;
  for (const LayerRequest& r : requests) reads.push_back(std::async(std::launch::async, readRequest, std::cref(r), std::cref(run)));
  std::vector<MetricLayer> layers;
  std::optional<gis::Error> failure;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    auto data = reads[i].get();  // every read is waited for, even after a failure
    if (!data.ok()) {
      if (!failure) failure = data.error();
      continue;
    }
    MetricLayer layer;
    layer.request = requests[i];
    layer.data = std::move(data).value();
    layer.sourceCrs = requests[i].source.declaredCrs.isValid() ? requests[i].source.declaredCrs : layer.data->crs;
    const QFileInfo info(layer.data->path);
    layer.fileSize = info.size();
    layer.modified = info.lastModified().toUTC();
    layers.push_back(std::move(layer));
  }
  if (failure) return *failure;
  if (layers.empty()) return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("No input was given.")};
  return layers;
}

// An input without a CRS where one is needed, named, with how to give it.
gis::Status requireCrs(const std::vector<MetricLayer>& layers) {
  for (const MetricLayer& layer : layers) {
    if (layer.sourceCrs.isValid()) continue;
    return gis::Error{gis::ErrorCode::CrsInvalid,
                      Metrics::tr("%1 (%2) has no coordinate reference system%3. Add a .prj, or give the source's own CRS as "
                                  "\"%1|crs=EPSG:4549\" (--crs sets the CRS lengths and areas are measured in, not a source's).")
                          .arg(layer.request.source.toString(), layer.request.role,
                               layer.data->crsProblem.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(layer.data->crsProblem))};
  }
  return {};
}

}  // namespace

gis::Result<MetricInputs> loadMetricInputs(const std::vector<LayerRequest>& requests, const MetricRun& run, bool measures) {
  const std::atomic<bool>* cancel = run.cancel;
  const bool fingerprints = run.fingerprints;
  auto layers = readInputs(requests, run);
  if (!layers.ok()) return layers.error();
  MetricInputs inputs;
  inputs.layers = std::move(layers).value();
  std::optional<gis::Error> failure;
  const bool withoutCrs = !measures && !run.crs;  // counting only: coordinates as they are, no CRS needed
  if (!withoutCrs) {
    if (gis::Status s = requireCrs(inputs.layers); !s) return s.error();
  }
  if (withoutCrs) {
    inputs.crsReason = Metrics::tr("none needed: features are only counted");
  } else {
    chooseCrs(inputs, run.crs);
    if (inputs.crs.isGeographic() || inputs.crs.kind() != gis::Crs::Kind::Proj) {
      return gis::Error{gis::ErrorCode::CrsInvalid,
                        Metrics::tr("%1 is not a projected CRS: areas and lengths need one in metres (e.g. EPSG:4549).").arg(inputs.crs.name())};
    }
  }
  // Reproject and repair each layer on its own thread (each creates its PROJ/GEOS objects there;
  // the repair of a large layer fans out further).
  std::vector<std::future<gis::Status>> jobs;
  for (MetricLayer& layer : inputs.layers) {
    jobs.push_back(std::async(std::launch::async, [&layer, crs = inputs.crs, withoutCrs, fingerprints]() -> gis::Status {
      if (withoutCrs) {
        layer.geometries = layer.data->geometries;
      } else if (gis::Status s = reproject(*layer.data, layer.sourceCrs, crs, layer.geometries); !s) {
        return s;
      }
      layer.repaired = gis::repairGeometries(layer.geometries);
      if (layer.request.dissolve && layer.geometries.size() > 1) layer.geometries = {gis::unionOf(layer.geometries)};
      if (fingerprints) layer.sha256 = gis::fileSha256(layer.data->path);
      return {};
    }));
  }
  for (auto& job : jobs) {
    if (gis::Status s = job.get(); !s && !failure) failure = s.error();
  }
  if (failure) return *failure;
  if (cancel != nullptr && cancel->load()) return gis::Error{gis::ErrorCode::Cancelled, Metrics::tr("The computation was cancelled.")};
  return inputs;
}

}  // namespace xiuhua::indicators
