#include "xiuhua/gis/vector_reader.h"

#include "gdal_env.h"
#include "ogr_convert.h"
#include "xiuhua/gis/bounds.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <limits>
#include <utility>

namespace xiuhua::gis {
namespace {


bool hasSidecar(const QFileInfo& shp, const char* suffix) {
  const QString base = shp.dir().filePath(shp.completeBaseName()) + QLatin1Char('.');
  const QString s = QString::fromLatin1(suffix);
  return QFileInfo::exists(base + s.toLower()) || QFileInfo::exists(base + s.toUpper());
}

bool isCsv(const QString& path) { return QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0; }
bool isShapefile(const QString& path) { return QFileInfo(path).suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0; }

// Checks that do not need GDAL and give a better message than GDAL would.
Status precheck(const QString& path) {
  const QFileInfo info(path);
  if (!info.exists()) {
    return Error{ErrorCode::FileNotFound, QCoreApplication::translate("VectorReader", "%1: the file does not exist.").arg(path)};
  }
  if (info.isFile() && info.size() == 0) {
    return Error{ErrorCode::CorruptFile, QCoreApplication::translate("VectorReader", "%1: the file is empty (0 bytes).").arg(path)};
  }
  if (isShapefile(path) && !hasSidecar(info, "shx")) {
    return Error{ErrorCode::MissingSidecar,
                 QCoreApplication::translate("VectorReader", "%1: the shapefile's index file (.shx) is missing; copy it next to the .shp.")
                     .arg(path)};
  }
  return {};
}

GDALDatasetUniquePtr openDataset(const QString& path, QString& failure) {
  detail::ensureGdalRegistered();
  CPLStringList openOptions;
  if (isCsv(path)) {
    openOptions.SetNameValue("X_POSSIBLE_NAMES", "lon,lng,long,longitude,x,经度,X坐标");
    openOptions.SetNameValue("Y_POSSIBLE_NAMES", "lat,latitude,y,纬度,Y坐标");
    openOptions.SetNameValue("GEOM_POSSIBLE_NAMES", "wkt,geom,geometry,the_geom,shape");
    openOptions.SetNameValue("AUTODETECT_TYPE", "YES");
  }
  if (isShapefile(path)) openOptions.SetNameValue("ENCODING", "");
  detail::GdalErrorCollector errors;
  const QByteArray utf8 = path.toUtf8();
  GDALDatasetUniquePtr ds(GDALDataset::Open(utf8.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            nullptr, openOptions.List(), nullptr));
  if (!ds) {
    const bool known = GDALIdentifyDriver(utf8.constData(), nullptr) != nullptr;
    const QString detail = errors.lastError().isEmpty() ? errors.lastWarning() : errors.lastError();
    if (!known && detail.isEmpty()) {
      failure = QCoreApplication::translate("VectorReader", "%1: not a vector format GDAL can read (unknown format).").arg(path);
    } else {
      failure = QCoreApplication::translate("VectorReader", "%1: the file cannot be read; it may be corrupt or truncated. GDAL says: %2")
                    .arg(path, detail.isEmpty() ? QCoreApplication::translate("VectorReader", "(no detail)") : detail);
    }
  }
  return ds;
}

Field::Type fieldType(OGRFieldType t) {
  switch (t) {
    case OFTInteger:
    case OFTInteger64: return Field::Type::Integer;
    case OFTReal: return Field::Type::Real;
    case OFTString: return Field::Type::String;
    case OFTDate: return Field::Type::Date;
    case OFTDateTime: return Field::Type::DateTime;
    default: return Field::Type::Other;
  }
}

// Raw bytes of names and text values from the first features, to detect a shapefile's encoding.
QByteArray encodingSample(OGRLayer* layer) {
  QByteArray sample;
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) sample += defn->GetFieldDefn(i)->GetNameRef();
  layer->ResetReading();
  int n = 0;
  for (auto&& feature : *layer) {
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      if (defn->GetFieldDefn(i)->GetType() == OFTString && feature->IsFieldSetAndNotNull(i)) {
        sample += feature->GetFieldAsString(i);
        sample += ' ';
      }
    }
    if (++n >= 2000) break;
  }
  layer->ResetReading();
  return sample;
}

QVariant readValue(const OGRFeature& f, int i, Field::Type type, const QString& encoding) {
  if (!f.IsFieldSetAndNotNull(i)) return {};
  switch (type) {
    case Field::Type::Integer: return QVariant::fromValue<qlonglong>(f.GetFieldAsInteger64(i));
    case Field::Type::Real: return f.GetFieldAsDouble(i);
    default: return decodeText(QByteArray(f.GetFieldAsString(i)), encoding);
  }
}

// For tables without geometry (XLSX, ODS): the indices of longitude/x and latitude/y columns.
std::pair<int, int> coordinateColumns(const std::vector<Field>& fields) {
  static const QStringList kX = {QStringLiteral("lon"), QStringLiteral("lng"), QStringLiteral("longitude"),
                                 QStringLiteral("x"), QStringLiteral("经度")};
  static const QStringList kY = {QStringLiteral("lat"), QStringLiteral("latitude"), QStringLiteral("y"),
                                 QStringLiteral("纬度")};
  int x = -1;
  int y = -1;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const QString name = fields[i].name.trimmed().toLower();
    if (x < 0 && kX.contains(name)) x = static_cast<int>(i);
    if (y < 0 && kY.contains(name)) y = static_cast<int>(i);
  }
  return x >= 0 && y >= 0 ? std::pair{x, y} : std::pair{-1, -1};
}

}  // namespace

int VectorData::fieldIndex(const QString& name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

Result<QList<SourceLayerInfo>> VectorReader::listLayers(const QString& path) {
  if (Status s = precheck(path); !s) return s.error();
  QString failure;
  GDALDatasetUniquePtr ds = openDataset(path, failure);
  if (!ds) return Error{ErrorCode::CorruptFile, failure};
  QList<SourceLayerInfo> layers;
  for (OGRLayer* layer : ds->GetLayers()) {
    SourceLayerInfo info;
    info.name = QString::fromUtf8(layer->GetName());
    info.featureCount = layer->GetFeatureCount(FALSE);
    info.geometryType = QString::fromUtf8(OGRGeometryTypeToName(layer->GetGeomType()));
    info.description = QString::fromUtf8(layer->GetMetadataItem("DESCRIPTION"));
    layers.append(info);
  }
  if (layers.isEmpty()) {
    return Error{ErrorCode::EmptySource, QCoreApplication::translate("VectorReader", "%1: the source has no vector layers.").arg(path)};
  }
  return layers;
}

namespace {

// Describes the layer: name, driver, text encoding, CRS and fields (no features yet).
std::shared_ptr<VectorData> describeLayer(const QString& path, GDALDataset& ds, OGRLayer& layer,
                                          const ReadOptions& options) {
  auto data = std::make_shared<VectorData>();
  data->path = QFileInfo(path).absoluteFilePath();
  data->layerName = QString::fromUtf8(layer.GetName());
  data->driver = QString::fromUtf8(ds.GetDriverName());
  data->description = QString::fromUtf8(layer.GetMetadataItem("DESCRIPTION"));
  const bool shapefile = data->driver == QLatin1String("ESRI Shapefile");
  if (shapefile && !hasSidecar(QFileInfo(path), "dbf")) {
    data->warnings << QCoreApplication::translate("VectorReader", "%1: the attribute file (.dbf) is missing; the layer has no attributes.")
                          .arg(path);
  }
  if (shapefile) {
    data->encoding = options.encodingOverride.isEmpty()
                         ? decideShapefileEncoding(path, encodingSample(&layer))
                         : TextEncoding{options.encodingOverride, EncodingSource::Override};
  } else {
    data->encoding = {QStringLiteral("UTF-8"), EncodingSource::Native};
  }
  data->crs = detail::crsFromOgr(layer.GetSpatialRef(), data->crsProblem);
  if (!data->crs.isValid() && data->crsProblem.isEmpty() && shapefile &&
      hasSidecar(QFileInfo(path), "prj")) {
    data->crsProblem = QCoreApplication::translate("VectorReader", "the .prj file cannot be parsed");
  }
  OGRFeatureDefn* defn = layer.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const OGRFieldDefn* fd = defn->GetFieldDefn(i);
    data->fields.push_back({decodeText(QByteArray(fd->GetNameRef()), data->encoding.name),
                            fieldType(fd->GetType())});
  }
  return data;
}

// Applies the attribute filter and the choice of fields; the error names the file and the problem.
Status prepareLayer(const QString& path, OGRLayer& layer, const VectorData& data, const ReadOptions& options,
                    std::vector<bool>& wanted) {
  wanted.assign(data.fields.size(), !options.fields.has_value());
  if (options.fields) {
    CPLStringList ignored;
    for (const QString& name : *options.fields) {
      const int i = data.fieldIndex(name);
      if (i < 0) {
        return Error{ErrorCode::InvalidArgument,
                     QCoreApplication::translate("VectorReader", "%1: there is no field named \"%2\" in layer %3.")
                         .arg(path, name, data.layerName)};
      }
      wanted[static_cast<std::size_t>(i)] = true;
    }
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      if (!wanted[static_cast<std::size_t>(i)]) ignored.AddString(defn->GetFieldDefn(i)->GetNameRef());
    }
    ignored.AddString("OGR_STYLE");
    // Drivers that evaluate the filter themselves (Shapefile, GeoJSON…) need the fields it names:
    // with a filter, every field is fetched and only the asked ones are decoded.
    if (options.where.trimmed().isEmpty()) layer.SetIgnoredFields(const_cast<const char**>(ignored.List()));
  }
  if (!options.where.trimmed().isEmpty()) {
    detail::GdalErrorCollector errors;
    // GDAL compares the filter with the file's bytes: a GBK shapefile needs a GBK filter.
    const QByteArray where = data.driver == QLatin1String("ESRI Shapefile") ? encodeText(options.where, data.encoding.name)
                                                                            : options.where.toUtf8();
    if (layer.SetAttributeFilter(where.constData()) != OGRERR_NONE) {
      return Error{ErrorCode::InvalidArgument,
                   QCoreApplication::translate("VectorReader", "%1: the filter \"%2\" cannot be used on layer %3: %4")
                       .arg(path, options.where, data.layerName, errors.lastError())};
    }
  }
  return {};
}

// Reads every feature into data (only the wanted fields' values). Returns false when cancelled.
bool readFeatures(OGRLayer& layer, VectorData& data, const std::vector<bool>& wanted, const std::atomic<bool>* cancel) {
  const auto [xColumn, yColumn] = layer.GetGeomType() == wkbNone && data.driver != QLatin1String("CSV")
                                      ? coordinateColumns(data.fields)
                                      : std::pair{-1, -1};
  Bounds extent;
  std::size_t n = 0;
  const bool anyWanted = std::find(wanted.begin(), wanted.end(), true) != wanted.end();
  layer.ResetReading();
  for (auto&& feature : layer) {
    if (cancel != nullptr && (++n % 1024) == 0 && cancel->load()) return false;
    Geometry geometry = detail::fromOgr(feature->GetGeometryRef());
    if (xColumn >= 0 && feature->IsFieldSetAndNotNull(xColumn) && feature->IsFieldSetAndNotNull(yColumn)) {
      geometry = Geometry::point({feature->GetFieldAsDouble(xColumn), feature->GetFieldAsDouble(yColumn)});
    }
    if (!geometry.isEmpty()) {
      extent.add(geometry.boundingBox());
      if (data.geometryType == Geometry::Type::Empty) data.geometryType = geometry.type();
    }
    AttributeRow row;  // stays empty (no allocation) when no field is wanted
    if (anyWanted) {
      row.reserve(data.fields.size());
      for (std::size_t i = 0; i < data.fields.size(); ++i) {
        row.push_back(wanted[i] ? readValue(*feature, static_cast<int>(i), data.fields[i].type, data.encoding.name) : QVariant());
      }
    }
    data.fids.push_back(feature->GetFID());
    data.geometries.push_back(std::move(geometry));
    data.attributes.push_back(std::move(row));
  }
  data.extent = extent.rect();
  return true;
}

}  // namespace

Result<std::shared_ptr<const VectorData>> VectorReader::read(const QString& path,
                                                             const ReadOptions& options) {
  if (Status s = precheck(path); !s) return s.error();
  QString failure;
  GDALDatasetUniquePtr ds = openDataset(path, failure);
  if (!ds) return Error{ErrorCode::CorruptFile, failure};
  OGRLayer* layer = options.layerName.isEmpty()
                        ? ds->GetLayer(0)
                        : ds->GetLayerByName(options.layerName.toUtf8().constData());
  if (layer == nullptr) {
    return Error{ErrorCode::EmptySource,
                 options.layerName.isEmpty()
                     ? QCoreApplication::translate("VectorReader", "%1: the source has no vector layers.").arg(path)
                     : QCoreApplication::translate("VectorReader", "%1: there is no layer named \"%2\".").arg(path, options.layerName)};
  }
  std::shared_ptr<VectorData> data = describeLayer(path, *ds, *layer, options);
  std::vector<bool> wanted;
  if (Status s = prepareLayer(path, *layer, *data, options, wanted); !s) return s.error();
  detail::GdalErrorCollector errors;
  if (!readFeatures(*layer, *data, wanted, options.cancel)) {
    return Error{ErrorCode::Cancelled, QCoreApplication::translate("VectorReader", "%1: loading was cancelled.").arg(path)};
  }
  if (!errors.lastError().isEmpty() && data->geometries.empty() && !options.where.trimmed().isEmpty()) {
    // Drivers that hand the filter to their database (GeoPackage, SQLite) fail only when reading.
    return Error{ErrorCode::InvalidArgument,
                 QCoreApplication::translate("VectorReader", "%1: the filter \"%2\" cannot be used on layer %3: %4")
                     .arg(path, options.where, data->layerName, errors.lastError())};
  }
  if (!errors.lastError().isEmpty() && data->geometries.empty()) {
    return Error{ErrorCode::CorruptFile,
                 QCoreApplication::translate("VectorReader", "%1: the features cannot be read; the file may be truncated. GDAL says: %2")
                     .arg(path, errors.lastError())};
  }
  if (!errors.lastError().isEmpty()) {
    data->warnings << QCoreApplication::translate("VectorReader", "%1: some features could not be read: %2").arg(path, errors.lastError());
  } else if (!errors.lastWarning().isEmpty()) {
    data->warnings << QCoreApplication::translate("VectorReader", "%1: GDAL warns: %2").arg(path, errors.lastWarning());
  }
  if (data->geometries.empty() && options.where.trimmed().isEmpty()) {
    data->warnings << QCoreApplication::translate("VectorReader", "%1: the layer is empty.").arg(path);
  }
  return std::shared_ptr<const VectorData>(std::move(data));
}

}  // namespace xiuhua::gis
