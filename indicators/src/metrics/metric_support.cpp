#include "metrics/metric_support.h"

#include "xiuhua/gis/vector_reader.h"

#include <QFileInfo>
#include <QJsonArray>

namespace xiuhua::indicators::detail {

LayerRequest zoneRequest(const ZoneRequest& per) {
  return {QStringLiteral("sub-units"), per.source, per.where, per.nameField.isEmpty() ? QStringList() : QStringList{per.nameField},
          per.dissolve};
}

std::vector<QString> zoneNames(const MetricLayer& zones, const QString& field) {
  std::vector<QString> names;
  for (std::size_t i = 0; i < zones.geometries.size(); ++i) {
    const QString name = field.isEmpty() ? QString() : zones.value(i, field).toString();
    names.push_back(name.isEmpty() ? QStringLiteral("#%1").arg(i + 1) : name);
  }
  return names;
}

gis::OverlayOptions overlayOptions(const MetricRun& run) {
  gis::OverlayOptions options;
  options.threads = run.threads;
  options.cancel = run.cancel;
  if (run.progress) {
    options.progress = [progress = run.progress](std::size_t done, std::size_t total) {
      progress(total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0);
    };
  }
  return options;
}

gis::Status requireFeatures(const MetricLayer& layer) {
  if (!layer.geometries.empty()) return {};
  const QString where = layer.request.where.trimmed();
  return gis::Error{gis::ErrorCode::EmptySource,
                    where.isEmpty() ? Metrics::tr("%1 (%2): the layer has no features.").arg(layer.request.source.toString(), layer.request.role)
                                    : Metrics::tr("%1 (%2): no feature matches the filter \"%3\".")
                                          .arg(layer.request.source.toString(), layer.request.role, where)};
}

gis::Status allowNone(const MetricLayer& layer, gis::Geometry::Type type, QStringList& notes) {
  if (!layer.geometries.empty()) {
    if (layer.type() == type || layer.type() == gis::Geometry::Type::Empty) return {};
    const QString kind = type == gis::Geometry::Type::Polygon ? Metrics::tr("polygons")
                         : type == gis::Geometry::Type::Line  ? Metrics::tr("lines")
                                                              : Metrics::tr("points");
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      Metrics::tr("%1 (%2): the features are not %3.").arg(layer.request.source.toString(), layer.request.role, kind)};
  }
  const QString where = layer.request.where.trimmed();
  notes << (where.isEmpty() ? Metrics::tr("%1 (%2) has no features: nothing is counted from it.").arg(layer.request.source.toString(), layer.request.role)
                            : Metrics::tr("no feature of %1 (%2) matches the filter \"%3\": nothing is counted from it.")
                                  .arg(layer.request.source.toString(), layer.request.role, where));
  return {};
}

gis::Status requirePolygons(const MetricLayer& layer) {
  if (gis::Status s = requireFeatures(layer); !s) return s;
  if (layer.type() != gis::Geometry::Type::Polygon) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      Metrics::tr("%1 (%2): the features are not polygons; areas need polygons.")
                          .arg(layer.request.source.toString(), layer.request.role)};
  }
  return {};
}

gis::Status requireNoFailures(const MetricLayer& layer, const std::vector<int>& failed) {
  if (failed.empty()) return {};
  QStringList fids;
  for (std::size_t k = 0; k < failed.size() && k < 5; ++k) {
    fids << QString::number(layer.data->fids.at(static_cast<std::size_t>(failed[k])));
  }
  return gis::Error{gis::ErrorCode::GeometryInvalid,
                    Metrics::tr("%1 (%2): %3 features could not be overlaid (GEOS topology failure), e.g. feature %4; "
                       "repair or simplify them and compute again.")
                        .arg(layer.request.source.toString(), layer.request.role)
                        .arg(failed.size())
                        .arg(fids.join(QStringLiteral(", ")))};
}

ZoneValue ratioValue(const QString& name, const gis::AreaPair& pair) {
  ZoneValue v;
  v.name = name;
  v.numerator = pair.covered;
  v.denominator = pair.total;
  if (pair.total > 0) v.value = pair.covered / pair.total;
  return v;
}

namespace {

QJsonObject zoneJson(const ZoneRequest& per) {
  return {{QStringLiteral("source"), per.source.toString()}, {QStringLiteral("field"), per.nameField},
          {QStringLiteral("where"), per.where}};
}

}  // namespace

// The features of a layer as used (metric CRS, repaired), with their FIDs.
gis::LayerToWrite featureLayer(const MetricLayer& layer, const gis::Crs& crs) {
  gis::LayerToWrite out;
  out.name = QStringLiteral("features");
  out.crs = crs;
  out.type = layer.type();
  out.fields = {{QStringLiteral("fid"), gis::Field::Type::Integer}};
  for (std::size_t i = 0; i < layer.geometries.size(); ++i) {
    if (layer.geometries[i].isEmpty()) continue;
    out.geometries.push_back(layer.geometries[i]);
    out.attributes.push_back({QVariant::fromValue<qlonglong>(static_cast<qlonglong>(layer.data->fids.at(i)))});
  }
  return out;
}

// The sub-units with their figures.
gis::LayerToWrite zoneLayer(const MetricResult& result, const MetricLayer& zones, const gis::Crs& crs) {
  gis::LayerToWrite out;
  out.name = QStringLiteral("per");
  out.crs = crs;
  out.fields = {{QStringLiteral("name"), gis::Field::Type::String},
                {QStringLiteral("value"), gis::Field::Type::Real},
                {QStringLiteral("numerator"), gis::Field::Type::Real},
                {QStringLiteral("denominator"), gis::Field::Type::Real}};
  for (std::size_t z = 0; z < result.zones.size() && z < zones.geometries.size(); ++z) {
    if (zones.geometries[z].isEmpty()) continue;
    const ZoneValue& v = result.zones[z];
    out.geometries.push_back(zones.geometries[z]);
    out.attributes.push_back({v.name, v.value ? QVariant(*v.value) : QVariant(), v.numerator, v.denominator});
  }
  return out;
}

void fillRun(MetricResult& result, const std::optional<ZoneRequest>& per, const QElapsedTimer& timer, const gis::Crs& crs,
             const QString& crsReason, const gis::ScaleError& crsError, const QStringList& warnings) {
  if (per) result.parameters.insert(QStringLiteral("per"), zoneJson(*per));
  result.seconds = timer.nsecsElapsed() / 1e9;
  result.crs = crs.definition();
  result.crsName = crs.name();
  result.crsReason = crsReason;
  result.scaleError = crsError;
  result.warnings = warnings;
}

void fillCommon(MetricResult& result, const MetricInputs& inputs, const std::optional<ZoneRequest>& per,
                const MetricRun& run, const QElapsedTimer& timer) {
  if (run.resultLayers && !inputs.layers.empty()) {
    result.layers.insert(result.layers.begin(), featureLayer(inputs.layers.front(), inputs.crs));
    if (per) result.layers.push_back(zoneLayer(result, inputs.layers.back(), inputs.crs));
  }
  fillRun(result, per, timer, inputs.crs, inputs.crsReason, inputs.crsError, inputs.warnings);
  for (const MetricLayer& layer : inputs.layers) {
    result.inputs.push_back(describeInput(layer));
    result.repaired += layer.repaired;
    QStringList layerWarnings = layer.data->warnings;
    if (const QString encoding = gis::encodingWarning(*layer.data); !encoding.isEmpty()) layerWarnings.prepend(encoding);
    for (const QString& w : layerWarnings) {
      if (!result.warnings.contains(w)) result.warnings << w;
    }
  }
}

}  // namespace xiuhua::indicators::detail

namespace xiuhua::indicators {

QJsonObject describeInput(const MetricLayer& layer) {
  QJsonObject o{{QStringLiteral("role"), layer.request.role},
          {QStringLiteral("source"), layer.request.source.toString()},
          {QStringLiteral("layer"), layer.data->layerName},
          {QStringLiteral("where"), layer.request.where},
          {QStringLiteral("features"), static_cast<qint64>(layer.data->featureCount())},
          {QStringLiteral("repaired"), layer.repaired},
          {QStringLiteral("crs"), layer.sourceCrs.definition()},
          {QStringLiteral("encoding"), layer.data->encoding.name},
          {QStringLiteral("bytes"), layer.fileSize},
          {QStringLiteral("modified"), layer.modified.toString(Qt::ISODate)}};
  if (!layer.sha256.isEmpty()) o.insert(QStringLiteral("sha256"), layer.sha256);
  return o;
}

}  // namespace xiuhua::indicators
