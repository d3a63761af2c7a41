#include "xiuhua/gis/vector_writer.h"

#include "xiuhua/gis/postgis/pg_connection.h"

#include "atomic_file.h"
#include "gdal_env.h"
#include "ogr_convert.h"
#include "postgis/pg_connect.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <memory>

namespace xiuhua::gis {
namespace {

OGRwkbGeometryType layerType(Geometry::Type type) {
  switch (type) {
    case Geometry::Type::Polygon: return wkbMultiPolygon;
    case Geometry::Type::Line: return wkbMultiLineString;
    case Geometry::Type::Point: return wkbMultiPoint;
    case Geometry::Type::Empty: break;
  }
  return wkbUnknown;
}

OGRFieldType fieldType(Field::Type type) {
  switch (type) {
    case Field::Type::Integer: return OFTInteger64;
    case Field::Type::Real: return OFTReal;
    default: return OFTString;
  }
}

// Creates one layer in the dataset and writes its features, in one transaction where the driver
// has them. Returns GDAL's message on failure, empty on success.
QString writeLayer(GDALDataset& ds, const LayerToWrite& spec, CSLConstList options) {
  detail::GdalErrorCollector errors;
  OGRSpatialReference srs;
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const bool hasCrs = spec.crs.kind() == Crs::Kind::Proj && srs.SetFromUserInput(spec.crs.definition().toUtf8().constData()) == OGRERR_NONE;
  OGRLayer* layer = ds.CreateLayer(spec.name.toUtf8().constData(), hasCrs ? &srs : nullptr, layerType(spec.type), const_cast<char**>(options));
  auto failure = [&] { return errors.lastError().isEmpty() ? QStringLiteral("GDAL refused the layer") : errors.lastError(); };
  if (layer == nullptr) return failure();
  for (const Field& f : spec.fields) {
    OGRFieldDefn field(f.name.toUtf8().constData(), fieldType(f.type));
    if (layer->CreateField(&field) != OGRERR_NONE) return failure();
  }
  const bool transaction = layer->StartTransaction() == OGRERR_NONE;
  for (std::size_t i = 0; i < spec.geometries.size(); ++i) {
    OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    if (std::unique_ptr<OGRGeometry> g = detail::toOgr(spec.geometries[i])) feature->SetGeometryDirectly(g.release());
    const AttributeRow* row = i < spec.attributes.size() ? &spec.attributes[i] : nullptr;
    for (std::size_t f = 0; row != nullptr && f < spec.fields.size() && f < row->size(); ++f) {
      const QVariant& v = (*row)[f];
      if (!v.isValid() || v.isNull()) continue;
      const int index = static_cast<int>(f);
      switch (spec.fields[f].type) {
        case Field::Type::Integer: feature->SetField(index, static_cast<GIntBig>(v.toLongLong())); break;
        case Field::Type::Real: feature->SetField(index, v.toDouble()); break;
        default: feature->SetField(index, v.toString().toUtf8().constData());
      }
    }
    if (layer->CreateFeature(feature.get()) != OGRERR_NONE) return failure();
  }
  if (transaction && layer->CommitTransaction() != OGRERR_NONE) return failure();
  return {};
}

Error writeFailure(const QString& path, const QString& why) {
  return Error{ErrorCode::IoFailed, QCoreApplication::translate("VectorWriter", "%1: cannot write the layers (%2).").arg(path, why)};
}

// A single-file format (GeoPackage, GeoJSON): built beside the target, then renamed over it.
Status writeSingleFile(const QString& path, const char* driverName, const QString& suffix, const std::vector<LayerToWrite>& layers,
                       CSLConstList options) {
  const QFileInfo target(path);
  const QString temp = detail::temporaryBeside(target, suffix);
  QString failure;
  {
    detail::GdalErrorCollector errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    GDALDatasetUniquePtr ds(driver != nullptr ? driver->Create(temp.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!ds) return writeFailure(path, errors.lastError());
    for (const LayerToWrite& spec : layers) {
      failure = writeLayer(*ds, spec, options);
      if (!failure.isEmpty()) break;
    }
  }
  if (const QString reason = detail::replaceWith(temp, target, failure); !reason.isEmpty()) return writeFailure(path, reason);
  return {};
}

// A shapefile is several files (.shp .shx .dbf .prj .cpg): written into a hidden folder beside the
// target, then each moved over its namesake; text is UTF-8, declared in the .cpg.
Status writeShapefile(const QString& path, const LayerToWrite& layer) {
  const QFileInfo target(path);
  const QDir folder(detail::temporaryBeside(target, QStringLiteral("dir")));
  if (!QDir().mkpath(folder.path())) return writeFailure(path, QCoreApplication::translate("VectorWriter", "no temporary folder"));
  auto cleanUp = [&] { QDir(folder).removeRecursively(); };
  QString failure;
  {
    detail::GdalErrorCollector errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    const QString file = folder.filePath(target.fileName());
    GDALDatasetUniquePtr ds(driver != nullptr ? driver->Create(file.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!ds) {
      cleanUp();
      return writeFailure(path, errors.lastError());
    }
    LayerToWrite named = layer;
    named.name = target.completeBaseName();
    const char* options[] = {"ENCODING=UTF-8", nullptr};
    failure = writeLayer(*ds, named, options);
  }
  if (!failure.isEmpty()) {
    cleanUp();
    return writeFailure(path, failure);
  }
  // Side files of an older shapefile of the same name that the new one does not have would now
  // be wrong (another CRS, an index of other shapes): they go.
  for (const char* suffix : {"prj", "cpg", "qix", "sbn", "sbx"}) {
    const QString name = target.completeBaseName() + QLatin1Char('.') + QLatin1String(suffix);
    if (!QFileInfo::exists(folder.filePath(name))) QFile::remove(target.absoluteDir().filePath(name));
  }
  for (const QFileInfo& written : folder.entryInfoList(QDir::Files)) {
    const QString destination = target.absoluteDir().filePath(written.fileName());
    QFile::remove(destination);
    if (!QFile::rename(written.filePath(), destination)) {
      cleanUp();
      return writeFailure(path, QCoreApplication::translate("VectorWriter", "%1 cannot be replaced").arg(destination));
    }
  }
  cleanUp();
  return {};
}

}  // namespace

Status VectorWriter::writeGeoPackage(const QString& path, const std::vector<LayerToWrite>& layers) {
  detail::ensureGdalRegistered();
  return writeSingleFile(path, "GPKG", QStringLiteral("gpkg"), layers, nullptr);
}

Status VectorWriter::writeFile(const QString& path, const LayerToWrite& layer) {
  detail::ensureGdalRegistered();
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("gpkg")) return writeSingleFile(path, "GPKG", QStringLiteral("gpkg"), {layer}, nullptr);
  if (suffix == QLatin1String("shp")) return writeShapefile(path, layer);
  if (suffix == QLatin1String("geojson") || suffix == QLatin1String("json")) {
    // RFC 7946: longitude/latitude on WGS 84 (GDAL reprojects), 7 decimals (about 1 cm).
    const char* options[] = {"RFC7946=YES", "COORDINATE_PRECISION=7", nullptr};
    return writeSingleFile(path, "GeoJSON", QStringLiteral("geojson"), {layer}, options);
  }
  return Error{ErrorCode::UnknownFormat,
               QCoreApplication::translate("VectorWriter", "%1: choose .gpkg, .shp or .geojson to export a layer.").arg(path)};
}

namespace {

GDALDatasetUniquePtr openForUpdate(const QString& path, QString& failure) {
  detail::GdalErrorCollector errors;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
  if (!ds) failure = errors.lastError().isEmpty() ? QCoreApplication::translate("VectorWriter", "not a writable GeoPackage") : errors.lastError();
  return ds;
}

}  // namespace

Status VectorWriter::addLayerTo(const QString& geoPackage, const LayerToWrite& layer) {
  detail::ensureGdalRegistered();
  QString failure;
  GDALDatasetUniquePtr ds = openForUpdate(geoPackage, failure);
  if (!ds) return writeFailure(geoPackage, failure);
  if (ds->GetLayerByName(layer.name.toUtf8().constData()) != nullptr) {
    return writeFailure(geoPackage, QCoreApplication::translate("VectorWriter", "a layer %1 exists already").arg(layer.name));
  }
  failure = writeLayer(*ds, layer, nullptr);
  if (!failure.isEmpty()) {
    // A layer left half-written by the failure goes again.
    for (int i = 0; i < ds->GetLayerCount(); ++i) {
      if (QString::fromUtf8(ds->GetLayer(i)->GetName()) == layer.name) ds->DeleteLayer(i);
    }
    return writeFailure(geoPackage, failure);
  }
  return {};
}

Status VectorWriter::publishToPostgis(const QString& connectionString, const QString& schema, const QString& table,
                                      const LayerToWrite& layer) {
  detail::ensureGdalRegistered();
  auto info = PgConnectionInfo::parse(connectionString);
  if (!info.ok()) return info.error();
  const QString target = QStringLiteral("%1 %2.%3").arg(info->displayName(), schema, table);
  if (schema.isEmpty() || table.isEmpty() || table.contains(QLatin1Char('.'))) {
    return writeFailure(target, QCoreApplication::translate("VectorWriter", "name the new table as schema.table, the table's name without a dot"));
  }
  auto connection = PgConnection::open(info.value());
  if (!connection.ok()) return writeFailure(target, checkPgConnection(info.value()).message);
  auto exists = connection.value()->query(QStringLiteral("SELECT to_regclass($1) IS NOT NULL, "
                                                         "EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $2)"),
                                          {connection.value()->qualifiedName(schema, table), schema});
  if (!exists.ok()) return writeFailure(target, exists.error().message);
  if (exists->text(0, 0) == QLatin1String("t")) {
    return writeFailure(target, QCoreApplication::translate("VectorWriter", "a table of that name exists already; nothing was overwritten"));
  }
  if (exists->text(0, 1) != QLatin1String("t")) {
    return writeFailure(target, QCoreApplication::translate("VectorWriter", "the database has no schema %1").arg(schema));
  }
  detail::GdalErrorCollector errors;
  const char* const drivers[] = {"PostgreSQL", nullptr};
  const CPLStringList openOptions = detail::pgOpenOptions(info.value());
  GDALDatasetUniquePtr ds(GDALDataset::Open((QStringLiteral("PG:") + info->toString()).toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                            drivers, openOptions.List(), nullptr));
  if (!ds) return writeFailure(target, errors.lastError());
  CPLStringList options;
  options.SetNameValue("SCHEMA", schema.toUtf8().constData());
  options.SetNameValue("GEOMETRY_NAME", "geom");
  options.SetNameValue("FID", "id");
  options.SetNameValue("SPATIAL_INDEX", "GIST");
  options.SetNameValue("LAUNDER", "NO");  // the names as they are: 名称 stays 名称
  options.SetNameValue("OVERWRITE", "NO");
  LayerToWrite named = layer;
  named.name = table;
  const QString failure = writeLayer(*ds, named, options.List());
  if (!failure.isEmpty()) {
    ds.reset();
    (void)connection.value()->execute(QStringLiteral("DROP TABLE IF EXISTS %1").arg(connection.value()->qualifiedName(schema, table)));
    return writeFailure(target, failure);
  }
  return {};
}

Status VectorWriter::dropLayer(const QString& geoPackage, const QString& name) {
  detail::ensureGdalRegistered();
  QString failure;
  GDALDatasetUniquePtr ds = openForUpdate(geoPackage, failure);
  if (!ds) return writeFailure(geoPackage, failure);
  detail::GdalErrorCollector errors;
  for (int i = 0; i < ds->GetLayerCount(); ++i) {
    if (QString::fromUtf8(ds->GetLayer(i)->GetName()) == name && ds->DeleteLayer(i) != OGRERR_NONE) {
      return writeFailure(geoPackage, errors.lastError());
    }
  }
  return {};
}

}  // namespace xiuhua::gis
