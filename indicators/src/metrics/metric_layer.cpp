#include "xiuhua/indicators/metrics/metric_layer.h"

#include "metrics/metric_support.h"
#include "xiuhua/gis/coordinate_transform.h"
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
  options.where = request.where;
  options.fields = request.fields;
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

QString sha256Of(const QString& path) {
  QFile file(path);
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) return {};
  return QString::fromLatin1(hash.result().toHex());
}

gis::Crs chooseCrs(const MetricLayer& first) {
  if (first.sourceCrs.kind() == gis::Crs::Kind::Proj && !first.sourceCrs.isGeographic()) return first.sourceCrs;
  // Geographic (or GCJ-02/BD-09): the Gauss–Krüger zone of the data's middle longitude.
  return gis::metricCrsForLongitude(first.data->extent.isValid() ? first.data->extent.center().x() : 120.0);
}

}  // namespace

QVariant MetricLayer::value(std::size_t feature, const QString& field) const {
  const int column = data->fieldIndex(field);
  if (column < 0 || feature >= data->attributes.size()) return {};
  const gis::AttributeRow& row = data->attributes[feature];
  return static_cast<std::size_t>(column) < row.size() ? row[static_cast<std::size_t>(column)] : QVariant();
}

gis::Result<MetricInputs> loadMetricInputs(const std::vector<LayerRequest>& requests, const MetricRun& run) {
  const std::optional<gis::Crs>& metricCrs = run.crs;
  const std::atomic<bool>* cancel = run.cancel;
  const bool fingerprints = run.fingerprints;
  // Read every source at once: each read opens its own GDAL dataset on its own thread.
  std::vector<std::future<gis::Result<std::shared_ptr<const gis::VectorData>>>> reads;
  for (const LayerRequest& r : requests) reads.push_back(std::async(std::launch::async, readRequest, std::cref(r), std::cref(run)));
  MetricInputs inputs;
  std::optional<gis::Error> failure;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    auto data = reads[i].get();
    if (!data.ok()) {
      if (!failure) failure = data.error();
      continue;
    }
    if (!(*data)->crs.isValid() && !requests[i].source.declaredCrs.isValid()) {
      if (!failure) {
        failure = gis::Error{gis::ErrorCode::CrsInvalid,
                             Metrics::tr("%1 (%2) has no coordinate reference system%3: add a .prj or define the CRS.")
                                 .arg((*data)->path, requests[i].role,
                                      (*data)->crsProblem.isEmpty() ? QString() : QStringLiteral(" (%1)").arg((*data)->crsProblem))};
      }
      continue;
    }
    MetricLayer layer;
    layer.request = requests[i];
    layer.data = std::move(data).value();
    layer.sourceCrs = requests[i].source.declaredCrs.isValid() ? requests[i].source.declaredCrs : layer.data->crs;
    const QFileInfo info(layer.data->path);
    layer.fileSize = info.size();
    layer.modified = info.lastModified().toUTC();
    inputs.layers.push_back(std::move(layer));
  }
  if (failure) return *failure;
  if (inputs.layers.empty()) return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("No input was given.")};
  inputs.crs = metricCrs ? *metricCrs : chooseCrs(inputs.layers.front());
  if (inputs.crs.isGeographic() || inputs.crs.kind() != gis::Crs::Kind::Proj) {
    return gis::Error{gis::ErrorCode::CrsInvalid,
                      Metrics::tr("%1 is not a projected CRS: areas and lengths need one in metres (e.g. EPSG:4549).").arg(inputs.crs.name())};
  }
  // Reproject and repair each layer on its own thread (each creates its PROJ/GEOS objects there;
  // the repair of a large layer fans out further).
  std::vector<std::future<gis::Status>> jobs;
  for (MetricLayer& layer : inputs.layers) {
    jobs.push_back(std::async(std::launch::async, [&layer, crs = inputs.crs, fingerprints]() -> gis::Status {
      if (gis::Status s = reproject(*layer.data, layer.sourceCrs, crs, layer.geometries); !s) return s;
      layer.repaired = gis::repairGeometries(layer.geometries);
      if (fingerprints) layer.sha256 = sha256Of(layer.data->path);
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
