#include "xiuhua/gis/vector_reader.h"

#include "csv_numbers.h"
#include "gdal_env.h"
#include "ogr_convert.h"
#include "postgis/pg_connect.h"
#include "xiuhua/gis/bounds.h"
#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/gis/postgis/pg_tables.h"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cstdlib>
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
  if (PgLayerSource::isPgPath(path)) return {};  // checked when connecting (openPg)
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

// The path GDAL opens: a .zip (a zipped shapefile, as departments hand them in) through /vsizip/.
QString gdalPath(const QString& path) {
  if (path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive) && !path.startsWith(QLatin1String("/vsi"))) {
    return QStringLiteral("/vsizip/") + QFileInfo(path).absoluteFilePath();
  }
  return path;
}

// True when GDAL's shapefile driver will open the path: a .shp or .dbf, or a folder (also a zip's
// inside) of shapefiles.
bool opensAsShapefile(const QByteArray& path) {
  if (GDALDriverH driver = GDALIdentifyDriverEx(path.constData(), GDAL_OF_VECTOR, nullptr, nullptr)) {
    return EQUAL(GDALGetDriverShortName(driver), "ESRI Shapefile");
  }
  VSIStatBufL stat;
  return VSIStatL(path.constData(), &stat) == 0 && VSI_ISDIR(stat.st_mode);
}

// A PostGIS source through GDAL's PostgreSQL driver only. When GDAL cannot connect, the connection
// is checked again to say why in the user's terms (unreachable, password, database, SSL, PostGIS).
GDALDatasetUniquePtr openPg(const QString& path, const detail::GdalErrorCollector& errors, QString& failure) {
  auto info = PgConnectionInfo::parse(path.mid(3));
  if (!info.ok()) {
    failure = info.error().message;
    return nullptr;
  }
  const QByteArray utf8 = (QStringLiteral("PG:") + info->toString()).toUtf8();
  const char* const drivers[] = {"PostgreSQL", nullptr};
  const CPLStringList options = detail::pgOpenOptions(info.value());
  GDALDatasetUniquePtr ds(GDALDataset::Open(utf8.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options.List(), nullptr));
  if (!ds) {
    const PgConnectionCheck check = checkPgConnection(info.value());
    failure = !check.ok() ? check.message
                          : QCoreApplication::translate("VectorReader", "%1: GDAL's PostgreSQL driver cannot open it: %2")
                                .arg(info->displayName(), errors.lastError());
  }
  return ds;
}

GDALDatasetUniquePtr openDataset(const QString& path, const detail::GdalErrorCollector& errors, QString& failure) {
  if (PgLayerSource::isPgPath(path)) return openPg(path, errors, failure);
  const QByteArray utf8 = gdalPath(path).toUtf8();
  CPLStringList openOptions;
  if (isCsv(path)) {
    openOptions.SetNameValue("X_POSSIBLE_NAMES", "lon,lng,long,longitude,x,经度,X坐标");
    openOptions.SetNameValue("Y_POSSIBLE_NAMES", "lat,latitude,y,纬度,Y坐标");
    openOptions.SetNameValue("GEOM_POSSIBLE_NAMES", "wkt,geom,geometry,the_geom,shape");
    openOptions.SetNameValue("AUTODETECT_TYPE", "YES");
  }
  // The DBF's bytes as they are, however the shapefile is reached: its text is decoded once, by
  // Xiuhua (text_encoding.h), never by GDAL first and Xiuhua again.
  if (opensAsShapefile(utf8)) openOptions.SetNameValue("ENCODING", "");
  GDALDatasetUniquePtr ds(GDALDataset::Open(utf8.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, openOptions.List(), nullptr));
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

// Raw bytes of names and text values from the first features, to detect the text's encoding. The
// geometries are not read (nor warned about) here.
QByteArray encodingSample(OGRLayer* layer) {
  QByteArray sample;
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    sample += defn->GetFieldDefn(i)->GetNameRef();
    sample += '\n';
  }
  const char* const ignore[] = {"OGR_GEOMETRY", "OGR_STYLE", nullptr};
  layer->SetIgnoredFields(const_cast<const char**>(ignore));
  layer->ResetReading();
  int n = 0;
  for (auto&& feature : *layer) {
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      if (defn->GetFieldDefn(i)->GetType() == OFTString && feature->IsFieldSetAndNotNull(i)) {
        sample += feature->GetFieldAsString(i);
        sample += '\n';
      }
    }
    if (++n >= 2000) break;
  }
  layer->SetIgnoredFields(nullptr);
  layer->ResetReading();
  return sample;
}

// Drivers that hand text over as the file's bytes, in whatever encoding it was written.
bool hasLegacyText(const QString& driver) { return driver == QLatin1String("ESRI Shapefile") || driver == QLatin1String("CSV"); }

// The encoding of a shapefile's or CSV's text: the user's choice, else what the file declares (the
// .cpg and the DBF language id, as GDAL reads them from the file however it is reached), else
// detected. Fails on a chosen encoding Xiuhua does not know.
Result<TextEncoding> layerEncoding(const QString& path, OGRLayer& layer, const ReadOptions& options) {
  if (!options.encodingOverride.isEmpty()) {
    const QString name = canonicalEncodingName(options.encodingOverride).value_or(options.encodingOverride);
    if (!isKnownEncoding(name)) {
      return Error{ErrorCode::InvalidArgument,
                   QCoreApplication::translate("VectorReader", "%1: the text encoding \"%2\" is not one Xiuhua knows.").arg(path, options.encodingOverride)};
    }
    return TextEncoding{name, EncodingSource::Override, 100, {}, {}, {}};
  }
  EncodingEvidence evidence;
  evidence.file = path;
  if (const char* cpg = layer.GetMetadataItem("CPG_VALUE", "SHAPEFILE")) evidence.cpg = QByteArray(cpg);
  if (const char* ldid = layer.GetMetadataItem("LDID_VALUE", "SHAPEFILE")) evidence.languageDriver = static_cast<unsigned char>(std::atoi(ldid));
  evidence.sample = encodingSample(&layer);
  return decideEncoding(evidence);
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

QString encodingWarning(const VectorData& data) {
  const TextEncoding& e = data.encoding;
  if (e.isWeak() && !e.runnerUp.isEmpty()) {
    return QCoreApplication::translate("VectorReader",
                                       "%1: the text encoding is uncertain: it was read as %2, but it may be %3 (confidence %4 %). "
                                       "Check the text; choose the encoding in the layer's properties (command line: %1|encoding=NAME).")
        .arg(data.path, encodingDisplayName(e.name), encodingDisplayName(e.runnerUp))
        .arg(e.confidence);
  }
  if (!e.note.isEmpty()) {
    return QCoreApplication::translate("VectorReader", "%1: %2; the text was read as %3 instead.").arg(data.path, e.note, encodingDisplayName(e.name));
  }
  return {};
}

int VectorData::fieldIndex(const QString& name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

Result<QList<SourceLayerInfo>> VectorReader::listLayers(const QString& path) {
  if (Status s = precheck(path); !s) return s.error();
  detail::GdalErrorCollector messages;
  QString failure;
  GDALDatasetUniquePtr ds = openDataset(path, messages, failure);
  if (!ds) return Error{PgLayerSource::isPgPath(path) ? ErrorCode::ConnectionFailed : ErrorCode::CorruptFile, failure};
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
Result<std::shared_ptr<VectorData>> describeLayer(const QString& path, GDALDataset& ds, OGRLayer& layer, const ReadOptions& options) {
  auto data = std::make_shared<VectorData>();
  data->path = PgLayerSource::isPgPath(path) ? path : QFileInfo(path).absoluteFilePath();
  data->layerName = QString::fromUtf8(layer.GetName());
  data->driver = QString::fromUtf8(ds.GetDriverName());
  data->description = QString::fromUtf8(layer.GetMetadataItem("DESCRIPTION"));
  const bool shapefile = data->driver == QLatin1String("ESRI Shapefile");
  if (shapefile && isShapefile(path) && !hasSidecar(QFileInfo(path), "dbf")) {
    data->warnings << QCoreApplication::translate("VectorReader", "%1: the attribute file (.dbf) is missing; the layer has no attributes.")
                          .arg(path);
  }
  if (hasLegacyText(data->driver)) {
    auto encoding = layerEncoding(path, layer, options);
    if (!encoding.ok()) return encoding.error();
    data->encoding = std::move(encoding).value();
  } else {
    data->encoding = {QStringLiteral("UTF-8"), EncodingSource::Native, 100, {}, {}, {}};
  }
  data->crs = detail::crsFromOgr(layer.GetSpatialRef(), data->crsProblem);
  if (!data->crs.isValid() && data->crsProblem.isEmpty() && shapefile && isShapefile(path) && hasSidecar(QFileInfo(path), "prj")) {
    data->crsProblem = QCoreApplication::translate("VectorReader", "the .prj file cannot be parsed");
  }
  OGRFeatureDefn* defn = layer.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const OGRFieldDefn* fd = defn->GetFieldDefn(i);
    data->fields.push_back({decodeText(QByteArray(fd->GetNameRef()), data->encoding.name), fieldType(fd->GetType())});
  }
  return data;
}

// OGR SQL reads a bare identifier in ASCII letters only: a field named in Chinese (状态 = '入地') is
// quoted for it, as the user would otherwise have to ("状态" = '入地'). Strings and quoted names stay.
QString quoteNonAsciiIdentifiers(const QString& where) {
  auto isWordChar = [](QChar c) { return !c.isSpace() && (c.isLetterOrNumber() || c == QLatin1Char('_') || c.unicode() >= 0x80); };
  QString out;
  for (qsizetype i = 0; i < where.size();) {
    const QChar c = where[i];
    if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {  // a string or a quoted name, '' and "" inside
      qsizetype j = i + 1;
      while (j < where.size() && !(where[j] == c && (j + 1 >= where.size() || where[j + 1] != c))) j += where[j] == c ? 2 : 1;
      out += where.mid(i, j + 1 - i);
      i = j + 1;
    } else if (isWordChar(c)) {
      qsizetype j = i;
      bool nonAscii = false;
      for (; j < where.size() && isWordChar(where[j]); ++j) nonAscii = nonAscii || where[j].unicode() >= 0x80;
      const QString word = where.mid(i, j - i);
      out += nonAscii ? QLatin1Char('"') + word + QLatin1Char('"') : word;
      i = j;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
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
    const QString sql = quoteNonAsciiIdentifiers(options.where);
    const QByteArray where = hasLegacyText(data.driver) ? encodeText(sql, data.encoding.name) : sql.toUtf8();
    if (layer.SetAttributeFilter(where.constData()) != OGRERR_NONE) {
      return Error{ErrorCode::InvalidArgument,
                   QCoreApplication::translate("VectorReader", "%1: the filter \"%2\" cannot be used on layer %3: %4")
                       .arg(path, options.where, data.layerName, errors.lastError())};
    }
  }
  return {};
}

// Drivers that read a feature when asked for it, so that what GDAL says meanwhile is about that
// feature (GeoJSON, KML and GML parse ahead).
bool readsFeatureByFeature(const QString& driver) {
  static const QStringList kDrivers = {QStringLiteral("ESRI Shapefile"), QStringLiteral("CSV"), QStringLiteral("GPKG"),
                                       QStringLiteral("SQLite"), QStringLiteral("OSM"), QStringLiteral("FlatGeobuf"),
                                       QStringLiteral("OpenFileGDB")};
  return kDrivers.contains(driver);
}

// Reads every feature into data (only the wanted fields' values); the messages GDAL raises while
// reading a feature name it, where the driver reads feature by feature. Returns false when cancelled.
bool readFeatures(OGRLayer& layer, VectorData& data, const std::vector<bool>& wanted, const std::atomic<bool>* cancel,
                  detail::GdalErrorCollector& messages) {
  const bool attribute = readsFeatureByFeature(data.driver);
  const auto [xColumn, yColumn] = layer.GetGeomType() == wkbNone && data.driver != QLatin1String("CSV")
                                      ? coordinateColumns(data.fields)
                                      : std::pair{-1, -1};
  Bounds extent;
  std::size_t n = 0;
  const bool anyWanted = std::find(wanted.begin(), wanted.end(), true) != wanted.end();
  layer.ResetReading();
  for (;;) {
    const std::size_t before = messages.messages().size();
    OGRFeatureUniquePtr feature(layer.GetNextFeature());
    if (!feature) break;
    if (attribute) messages.assignFeature(before, feature->GetFID());
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

namespace {

// The CSV file of a CSV layer: the path itself, or in a folder (or a zip) the layer's own file.
QString csvFileOf(GDALDataset& ds, const QString& path, const QString& layerName) {
  if (QFileInfo(path).isFile() && isCsv(path)) return path;
  const CPLStringList files(ds.GetFileList());
  for (int i = 0; i < files.Count(); ++i) {
    const QString file = QString::fromUtf8(files[i]);
    if (QFileInfo(file).completeBaseName() == layerName && isCsv(file)) return file;
  }
  // A folder (or a zip's inside) names only itself: the layer is its file of that name.
  for (const char* suffix : {".csv", ".CSV"}) {
    const QString file = gdalPath(path) + QLatin1Char('/') + layerName + QLatin1String(suffix);
    VSIStatBufL stat;
    if (VSIStatL(file.toUtf8().constData(), &stat) == 0 && VSI_ISREG(stat.st_mode)) return file;
  }
  return gdalPath(path);
}

// A filter GDAL would evaluate on numbers it misreads ("68,500" as 68.5) is refused, naming them.
Status refuseFilterOnMisreadNumbers(const QString& path, const ReadOptions& options, const QStringList& misread) {
  if (options.where.trimmed().isEmpty()) return {};
  for (const QString& field : misread) {
    if (!options.where.contains(field)) continue;
    return Error{ErrorCode::InvalidArgument,
                 QCoreApplication::translate("VectorReader", "%1: the filter \"%2\" compares field %3, whose numbers are written with "
                                                             "separators GDAL misreads (\"68,500\" as 68.5); write them plainly, or "
                                                             "filter after reading.")
                     .arg(path, options.where, field)};
  }
  return {};
}

// What the read left to say: GDAL's failures raised while reading (since `readStart`), a layer
// GDAL counts but returned nothing of, an empty layer.
Status checkRead(const QString& path, OGRLayer& layer, VectorData& data, const ReadOptions& options,
                 const detail::GdalErrorCollector& messages, std::size_t readStart) {
  const QString failure = messages.lastFailureSince(readStart);
  const bool filtered = !options.where.trimmed().isEmpty();
  if (!failure.isEmpty() && data.geometries.empty() && filtered) {
    // Drivers that hand the filter to their database (GeoPackage, SQLite) fail only when reading.
    return Error{ErrorCode::InvalidArgument, QCoreApplication::translate("VectorReader", "%1: the filter \"%2\" cannot be used on layer %3: %4")
                                                 .arg(path, options.where, data.layerName, failure)};
  }
  if (!failure.isEmpty() && data.geometries.empty()) {
    return Error{ErrorCode::CorruptFile,
                 QCoreApplication::translate("VectorReader", "%1: the features cannot be read; the file may be truncated. GDAL says: %2")
                     .arg(path, failure)};
  }
  if (data.geometries.empty() && !filtered) {
    // A layer that yields nothing although its source counts features: the read failed silently.
    const GIntBig counted = layer.GetFeatureCount(FALSE);
    if (counted > 0) {
      return Error{ErrorCode::CorruptFile, QCoreApplication::translate("VectorReader", "%1: layer %2 has %3 features, but GDAL returned none of them.")
                                               .arg(path, data.layerName)
                                               .arg(counted)};
    }
    data.warnings << QCoreApplication::translate("VectorReader", "%1: the layer is empty.").arg(path);
  }
  return {};
}

// The table "schema.table" of a PostGIS source (GDAL names a table of `public` without its schema).
// The name must match exactly: GDAL would fall back to the lower-cased name, another table.
Result<OGRLayer*> findPgLayer(GDALDataset& ds, const QString& path, const QString& layerName) {
  auto source = PgLayerSource::parse(path, layerName);
  if (!source.ok()) return source.error();
  const QString qualified = source->layer();
  QStringList names{qualified};
  if (source->schema == QLatin1String("public")) names << source->table;
  for (const QString& name : names) {
    OGRLayer* layer = ds.GetLayerByName(name.toUtf8().constData());
    if (layer != nullptr && QString::fromUtf8(layer->GetName()) == name) return layer;
  }
  return Error{ErrorCode::EmptySource,
               QCoreApplication::translate("VectorReader", "%1: there is no table or view \"%2\" with a geometry column that this user may read.")
                   .arg(source->connection.displayName(), qualified)};
}

// "xh_user@db.example:5432/city jiading.roads": a PostGIS layer as messages name it.
QString pgDisplayName(const QString& path, const QString& layerName) {
  auto source = PgLayerSource::parse(path, layerName);
  return source.ok() ? source->connection.displayName() + QLatin1Char(' ') + source->layer() : path;
}

// A PostGIS layer's table as a read sees it: why it opens read-only, else the rows' versions
// before GDAL reads them, so that each row read is known at its version (see pgFinishRead).
struct PgRead {
  std::shared_ptr<PgConnection> connection;
  std::optional<PgTableInfo> table;
  QString readOnly;
  std::map<qint64, qint64> before;
};

PgRead pgBeginRead(const QString& path, const QString& layerName, OGRLayer& layer) {
  PgRead read;
  auto source = PgLayerSource::parse(path, layerName);
  auto connection = source.ok() ? PgConnection::open(source->connection) : Result<std::shared_ptr<PgConnection>>(source.error());
  auto table = connection.ok() ? pgGeometryTable(*connection.value(), source->schema, source->table)
                               : Result<std::optional<PgTableInfo>>(connection.error());
  if (!table.ok() || !table.value()) {
    read.readOnly = QCoreApplication::translate("VectorReader", "the table's key and privileges could not be read: %1")
                        .arg(table.ok() ? QCoreApplication::translate("VectorReader", "it is not listed in geometry_columns") : table.error().message);
    return read;
  }
  read.connection = connection.value();
  read.table = table.value();
  read.readOnly = read.table->readOnlyReason();
  if (read.readOnly.isEmpty() && (read.table->primaryKey.size() != 1 || QString::fromUtf8(layer.GetFIDColumn()) != read.table->primaryKey.front())) {
    read.readOnly = QCoreApplication::translate("VectorReader", "its primary key (%1) is not one integer column, which Xiuhua needs to find an "
                                                                "edited row again")
                        .arg(read.table->primaryKey.join(QStringLiteral(", ")));
  }
  if (!read.readOnly.isEmpty()) return read;
  auto versions = pgRowVersions(*read.connection, *read.table);
  if (!versions.ok()) {
    read.readOnly = versions.error().message;
  } else {
    read.before = std::move(versions).value();
  }
  return read;
}

// A geometry column declared without SRID: its rows' SRIDs. Several are refused (a layer has one
// CRS; GDAL would read every row in the first one's); none is said, with how to give the CRS.
Status pgCheckSrids(const PgRead& read, const QString& shown, QStringList& warnings) {
  if (!read.connection || !read.table || read.table->srid != 0) return {};
  const PgConnection& c = *read.connection;
  auto rows = c.query(QStringLiteral("SELECT DISTINCT ST_SRID(%1) FROM %2 WHERE %1 IS NOT NULL ORDER BY 1 LIMIT 10")
                          .arg(c.quoteIdentifier(read.table->geometryColumn), c.qualifiedName(read.table->schema, read.table->table)));
  if (!rows.ok()) return rows.error();
  QStringList srids;
  for (std::size_t i = 0; i < rows->size(); ++i) srids << rows->text(i, 0);
  if (srids.size() > 1) {
    return Error{ErrorCode::CrsInvalid,
                 QCoreApplication::translate("VectorReader", "%1: the rows have several SRIDs (%2), and a layer has one coordinate system. "
                                                             "Make a view per SRID (WHERE ST_SRID(%3) = …) and add those.")
                     .arg(shown, srids.join(QStringLiteral(", ")), read.table->geometryColumn)};
  }
  if (srids.isEmpty() || srids.front() == QLatin1String("0")) {
    warnings << QCoreApplication::translate("VectorReader", "%1: the geometries have no SRID; give the layer's coordinate system (layer "
                                                            "properties, or %2|crs=EPSG:4549 on the command line).")
                    .arg(shown, QStringLiteral("PG:…|layername=") + read.table->layerName());
  }
  return {};
}

// After GDAL read the rows: their versions, when no row changed while they were read (each row's
// version the same before and after). False when one did: the caller reads again.
bool pgFinishRead(PgRead& read, VectorData& data) {
  if (!read.readOnly.isEmpty()) return true;
  auto after = pgRowVersions(*read.connection, *read.table);
  if (!after.ok()) {
    read.readOnly = after.error().message;
    return true;
  }
  std::vector<qint64> versions;
  versions.reserve(data.fids.size());
  for (const std::int64_t fid : data.fids) {
    const auto b = read.before.find(fid);
    const auto a = after->find(fid);
    if (b == read.before.end() || a == after->end() || a->second != b->second) {
      read.before = std::move(after).value();
      return false;
    }
    versions.push_back(b->second);
  }
  data.versions = std::move(versions);
  return true;
}

}  // namespace

Result<std::shared_ptr<const VectorData>> VectorReader::read(const QString& path, const ReadOptions& options) {
  if (Status s = precheck(path); !s) return s.error();
  // The OpenStreetMap driver yields nothing layer by layer when interleaved reading is on (a GDAL
  // setting a user may have in the environment); a read here takes one layer, so it is off.
  const CPLConfigOptionSetter notInterleaved("OGR_INTERLEAVED_READING", "NO", false);
  detail::GdalErrorCollector messages;  // all GDAL says while the layer is read, named by feature
  const MessageContext file(path);
  QString failure;
  GDALDatasetUniquePtr ds = openDataset(path, messages, failure);
  if (!ds) return Error{PgLayerSource::isPgPath(path) ? ErrorCode::ConnectionFailed : ErrorCode::CorruptFile, failure};
  const bool pg = PgLayerSource::isPgPath(path);
  // As messages name it: a table by its connection and name (never the raw connection string).
  const QString shown = pg ? pgDisplayName(path, options.layerName) : path;
  OGRLayer* layer = nullptr;
  if (pg) {
    auto found = findPgLayer(*ds, path, options.layerName);
    if (!found.ok()) return found.error();
    layer = found.value();
  } else {
    layer = options.layerName.isEmpty() ? ds->GetLayer(0) : ds->GetLayerByName(options.layerName.toUtf8().constData());
  }
  if (layer == nullptr) {
    return Error{ErrorCode::EmptySource,
                 options.layerName.isEmpty()
                     ? QCoreApplication::translate("VectorReader", "%1: the source has no vector layers.").arg(path)
                     : QCoreApplication::translate("VectorReader", "%1: there is no layer named \"%2\".").arg(path, options.layerName)};
  }
  const MessageContext context(shown, QString::fromUtf8(layer->GetName()));
  auto described = describeLayer(path, *ds, *layer, options);
  if (!described.ok()) return described.error();
  std::shared_ptr<VectorData> data = std::move(described).value();
  if (pg) {
    data->path = path;
    data->layerName = options.layerName.contains(QLatin1Char('.')) ? options.layerName : QStringLiteral("public.") + options.layerName;
    if (Status s = pgCheckFilter(shown, options.where); !s) return s.error();
  }
  PgRead pgRead = pg ? pgBeginRead(path, data->layerName, *layer) : PgRead{};
  if (Status s = pgCheckSrids(pgRead, shown, data->warnings); !s) return s.error();
  const bool csv = data->driver == QLatin1String("CSV");
  const QString csvFile = csv ? csvFileOf(*ds, path, data->layerName) : QString();
  auto numbers = csv ? detail::scanCsvNumbers(csvFile, *data) : Result<detail::CsvNumberScan>(detail::CsvNumberScan{});
  if (!numbers.ok()) return numbers.error();
  const QStringList misread = numbers->misreadFields(*data);
  if (Status s = refuseFilterOnMisreadNumbers(path, options, misread); !s) return s.error();
  std::vector<bool> wanted;
  if (Status s = prepareLayer(shown, *layer, *data, options, wanted); !s) return s.error();
  const std::size_t readStart = messages.messages().size();
  if (!readFeatures(*layer, *data, wanted, options.cancel, messages)) {
    return Error{ErrorCode::Cancelled, QCoreApplication::translate("VectorReader", "%1: loading was cancelled.").arg(shown)};
  }
  for (int attempt = 1; pg && !pgFinishRead(pgRead, *data); ++attempt) {
    // Another user changed rows while they were read: read again (the versions now in hand).
    if (attempt == 3) {
      pgRead.readOnly = QCoreApplication::translate("VectorReader", "the table kept changing while it was read; reopen it to edit");
      break;
    }
    data->fids.clear();
    data->geometries.clear();
    data->attributes.clear();
    if (!readFeatures(*layer, *data, wanted, options.cancel, messages)) {
      return Error{ErrorCode::Cancelled, QCoreApplication::translate("VectorReader", "%1: loading was cancelled.").arg(shown)};
    }
  }
  if (pg) data->readOnlyReason = pgRead.readOnly;
  if (Status s = checkRead(shown, *layer, *data, options, messages, readStart); !s) return s.error();
  if (csv) {
    data->warnings << detail::applyCsvNumbers(numbers.value(), csvFile, *data);
    // GDAL's own words on those values ("parsed incompletely") would contradict what was read.
    messages.discard([&](const LibraryMessage& m) {
      return std::any_of(misread.begin(), misread.end(), [&](const QString& field) {
        return m.raw.contains(QStringLiteral("of field %1 parsed incompletely").arg(field));
      });
    });
  }
  data->warnings << messages.summary();
  return std::shared_ptr<const VectorData>(std::move(data));
}

}  // namespace xiuhua::gis
