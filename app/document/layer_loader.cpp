#include "document/layer_loader.h"

#include "xiuhua/gis/postgis/pg_connection_info.h"
#include "xiuhua/gis/postgis/pg_feature_source.h"
#include "xiuhua/gis/vector_reader.h"

#include <QCoreApplication>
#include <QSettings>

#include <exception>
#include <new>

namespace xiuhua::app {

gis::Crs effectiveLayerCrs(const gis::LayerSpec& spec, const gis::Crs& sourceCrs) {
  if (!spec.declaredCrs.isEmpty()) {
    auto declared = gis::Crs::fromUserInput(spec.declaredCrs);
    if (declared.ok()) return declared.value();
  }
  return sourceCrs;
}

qint64 streamAboveRows() {
  bool ok = false;
  const qint64 rows = QSettings().value(QStringLiteral("postgis/streamAboveRows")).toLongLong(&ok);
  return ok && rows > 0 ? rows : kDefaultStreamAboveRows;
}

namespace {

// A PostGIS table opened as a streamed source when its spec or its size says so; null (and no
// error) when it is to be read whole.
std::shared_ptr<const gis::FeatureSource> openStreamed(const gis::LayerSpec& spec, const gis::Crs& mapCrs, QString& error) {
  if (spec.streaming == gis::LayerSpec::Streaming::Never || !gis::PgLayerSource::isPgPath(spec.source)) return nullptr;
  auto source = gis::PgLayerSource::parse(spec.source, spec.sourceLayer);
  if (!source.ok()) {
    error = source.error().message;
    return nullptr;
  }
  gis::Crs declared;
  if (!spec.declaredCrs.isEmpty()) {
    auto c = gis::Crs::fromUserInput(spec.declaredCrs);
    if (c.ok()) declared = c.value();
  }
  auto opened = gis::PgFeatureSource::open(*source, declared, mapCrs);
  if (!opened.ok()) {
    error = opened.error().message;
    return nullptr;
  }
  const std::shared_ptr<const gis::PgFeatureSource>& s = opened.value();
  if (spec.streaming == gis::LayerSpec::Streaming::Always || s->estimatedCount().value_or(0) >= streamAboveRows()) return s;
  return nullptr;
}

LoadedLayer loadUnguarded(const gis::LayerSpec& spec, const gis::Crs& mapCrs,
                          std::shared_ptr<const gis::VectorData> existing, const std::atomic<bool>* cancel) {
  LoadedLayer out;
  if (spec.kind == gis::LayerSpec::Kind::Raster) {
    gis::Crs declared;
    if (!spec.declaredCrs.isEmpty()) {
      auto c = gis::Crs::fromUserInput(spec.declaredCrs);
      if (c.ok()) declared = c.value();
    }
    auto raster = gis::RasterReader::read(spec.source, mapCrs, declared);
    if (!raster.ok()) {
      out.error = raster.error().message;
    } else {
      out.raster = raster.value();
    }
    return out;
  }
  if (!existing) {
    out.streamed = openStreamed(spec, mapCrs, out.error);
    if (out.streamed || !out.error.isEmpty()) return out;
    gis::ReadOptions options;
    options.layerName = spec.sourceLayer;
    options.encodingOverride = spec.encoding;
    options.cancel = cancel;
    auto read = gis::VectorReader::read(spec.source, options);
    if (!read.ok()) {
      out.error = read.error().message;
      return out;
    }
    existing = read.value();
  }
  out.data = existing;
  out.warnings = existing->warnings;
  auto projected = gis::ProjectedLayer::build(existing, effectiveLayerCrs(spec, existing->crs), mapCrs, cancel);
  if (!projected.ok()) {
    out.error = projected.error().message;
    return out;
  }
  out.projected = projected.value();
  if (const int failed = out.projected->failedVertexCount(); failed > 0) {
    out.warnings << QCoreApplication::translate("LayerLoader", "%1: %n vertices could not be transformed to the map "
                                                "coordinate system and are not drawn; check the layer's coordinate system.",
                                                nullptr, failed).arg(spec.source);
  }
  return out;
}

}  // namespace

LoadedLayer loadLayer(const gis::LayerSpec& spec, const gis::Crs& mapCrs,
                      std::shared_ptr<const gis::VectorData> existing, const std::atomic<bool>* cancel) {
  try {
    return loadUnguarded(spec, mapCrs, std::move(existing), cancel);
  } catch (const std::bad_alloc&) {
    LoadedLayer out;
    out.error = QCoreApplication::translate("LayerLoader", "%1: not enough memory to load the layer.").arg(spec.source);
    return out;
  } catch (const std::exception& e) {
    LoadedLayer out;
    out.error = QStringLiteral("%1: %2").arg(spec.source, QString::fromLocal8Bit(e.what()));
    return out;
  }
}

}  // namespace xiuhua::app
