#include "xiuhua/gis/project.h"

#include "xiuhua/gis/database.h"
#include "xiuhua/gis/file_access.h"
#include "xiuhua/gis/source_ref.h"

#include "../gdal_env.h"
#include "sqlite_db.h"

#include <gdal_priv.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace xiuhua::gis {
namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kCreateTables =
    "CREATE TABLE xh_project(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE xh_layers(position INTEGER PRIMARY KEY, definition TEXT NOT NULL);";


QJsonObject layerToJson(const LayerSpec& l, const QDir& base) {
  return {{QStringLiteral("id"), l.id},
          {QStringLiteral("name"), l.name},
          {QStringLiteral("source"), relativeSourcePath(l.source, base)},
          {QStringLiteral("sourceLayer"), l.sourceLayer},
          {QStringLiteral("kind"), l.kind == LayerSpec::Kind::Raster ? QStringLiteral("raster")
                                                                     : QStringLiteral("vector")},
          {QStringLiteral("declaredCrs"), l.declaredCrs},
          {QStringLiteral("encoding"), l.encoding},
          {QStringLiteral("group"), l.group},
          {QStringLiteral("visible"), l.visible},
          {QStringLiteral("streaming"), streamingName(l.streaming)},
          {QStringLiteral("fieldConstraints"), l.fieldConstraints},
          {QStringLiteral("vectorStyle"), l.vectorStyle.toJson()},
          {QStringLiteral("rasterStyle"), l.rasterStyle.toJson()}};
}

}  // namespace

QString streamingName(LayerSpec::Streaming streaming) {
  switch (streaming) {
    case LayerSpec::Streaming::Always: return QStringLiteral("always");
    case LayerSpec::Streaming::Never: return QStringLiteral("never");
    case LayerSpec::Streaming::Auto: break;
  }
  return QStringLiteral("auto");
}

LayerSpec::Streaming streamingFromName(const QString& name) {
  if (name == QLatin1String("always")) return LayerSpec::Streaming::Always;
  if (name == QLatin1String("never")) return LayerSpec::Streaming::Never;
  return LayerSpec::Streaming::Auto;
}

namespace {

LayerSpec layerFromJson(const QJsonObject& o, const QDir& base) {
  LayerSpec l;
  l.id = o.value(QStringLiteral("id")).toString();
  l.name = o.value(QStringLiteral("name")).toString();
  l.source = absoluteSourcePath(o.value(QStringLiteral("source")).toString(), base);
  l.sourceLayer = o.value(QStringLiteral("sourceLayer")).toString();
  l.kind = o.value(QStringLiteral("kind")).toString() == QLatin1String("raster") ? LayerSpec::Kind::Raster
                                                                                 : LayerSpec::Kind::Vector;
  l.declaredCrs = o.value(QStringLiteral("declaredCrs")).toString();
  l.encoding = o.value(QStringLiteral("encoding")).toString();
  l.group = o.value(QStringLiteral("group")).toString();
  l.visible = o.value(QStringLiteral("visible")).toBool(true);
  l.streaming = streamingFromName(o.value(QStringLiteral("streaming")).toString());
  l.fieldConstraints = o.value(QStringLiteral("fieldConstraints")).toObject();
  l.vectorStyle = VectorStyle::fromJson(o.value(QStringLiteral("vectorStyle")).toObject());
  l.rasterStyle = RasterStyle::fromJson(o.value(QStringLiteral("rasterStyle")).toObject());
  return l;
}

QString rectToText(const QRectF& r) {
  return QStringLiteral("%1 %2 %3 %4").arg(r.left(), 0, 'f', 6).arg(r.top(), 0, 'f', 6)
      .arg(r.right(), 0, 'f', 6).arg(r.bottom(), 0, 'f', 6);
}

QRectF rectFromText(const QString& text) {
  const QStringList p = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  if (p.size() != 4) return {};
  return QRectF(QPointF(p[0].toDouble(), p[1].toDouble()), QPointF(p[2].toDouble(), p[3].toDouble()));
}

// An empty GeoPackage made by GDAL, so the project is a valid GeoPackage other tools can open.
bool createGeoPackage(const QString& path, QString& error) {
  detail::ensureGdalRegistered();
  detail::GdalErrorCollector errors;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (driver == nullptr) {
    error = QCoreApplication::translate("ProjectFile", "GDAL has no GeoPackage driver");
    return false;
  }
  const QByteArray utf8 = path.toUtf8();
  GDALDatasetUniquePtr ds(driver->Create(utf8.constData(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) {
    error = errors.lastError();
    return false;
  }
  return true;
}

// Writes the project's rows into db (tables exist, a transaction is open). Errors name target.
Status writeRows(sqlite3* db, const Project& project, const QString& target) {
  QString error;
  auto fail = [&](const QString& what) {
    return Error{ErrorCode::IoFailed, QCoreApplication::translate("ProjectFile", "%1: cannot save the project (%2).").arg(target, what)};
  };
  if (!detail::execSql(db, "DELETE FROM xh_project; DELETE FROM xh_layers;", error)) return fail(error);
  const QDir base = QFileInfo(target).absoluteDir();
  detail::SqliteStmt kv = detail::prepareSql(db, "INSERT INTO xh_project VALUES(?, ?)", error);
  if (!kv) return fail(error);
  const std::pair<const char*, QString> entries[] = {
      {"format_version", QString::number(kFormatVersion)},
      {"title", project.title},
      {"map_crs", project.mapCrs.definition()},
      {"extent", project.extent.isEmpty() ? QString() : rectToText(project.extent)}};
  for (const auto& [key, value] : entries) {
    sqlite3_reset(kv.get());
    detail::bindText(kv.get(), 1, QString::fromLatin1(key));
    detail::bindText(kv.get(), 2, value);
    if (sqlite3_step(kv.get()) != SQLITE_DONE) return fail(QString::fromUtf8(sqlite3_errmsg(db)));
  }
  detail::SqliteStmt layerStmt = detail::prepareSql(db, "INSERT INTO xh_layers VALUES(?, ?)", error);
  if (!layerStmt) return fail(error);
  int position = 0;
  for (const LayerSpec& layer : project.layers) {
    sqlite3_reset(layerStmt.get());
    sqlite3_bind_int(layerStmt.get(), 1, position++);
    detail::bindText(layerStmt.get(), 2,
                     QString::fromUtf8(QJsonDocument(layerToJson(layer, base)).toJson(QJsonDocument::Compact)));
    if (sqlite3_step(layerStmt.get()) != SQLITE_DONE) return fail(QString::fromUtf8(sqlite3_errmsg(db)));
  }
  return {};
}

// A new project: a complete file written beside the target, then renamed over it.
Status saveNew(const Project& project, const QString& path) {
  if (isProtectedFile(path)) return Error{ErrorCode::IoFailed, Database::readOnlyMessage(path)};
  const QFileInfo target(path);
  const QString temp = target.absoluteDir().filePath(
      QStringLiteral(".%1.saving-%2").arg(target.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(8)));
  QString error;
  auto fail = [&](const QString& what) {
    QFile::remove(temp);
    return Error{ErrorCode::IoFailed, QCoreApplication::translate("ProjectFile", "%1: cannot save the project (%2).").arg(path, what)};
  };
  if (!createGeoPackage(temp, error)) return fail(error);
  {
    detail::SqliteDb db = detail::openSqlite(temp, SQLITE_OPEN_READWRITE, error);
    if (!db) return fail(error);
    if (!detail::execSql(db.get(), "BEGIN;", error) || !detail::execSql(db.get(), kCreateTables, error)) {
      return fail(error);
    }
    if (Status s = writeRows(db.get(), project, path); !s) {
      QFile::remove(temp);
      return s;
    }
    if (!detail::execSql(db.get(), "COMMIT;", error)) return fail(error);
  }
  // rename(2) replaces the target atomically on the same file system.
  if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0) {
    const QString reason = QString::fromLocal8Bit(std::strerror(errno));
    QFile::remove(temp);
    return Error{ErrorCode::IoFailed, QCoreApplication::translate("ProjectFile", "%1: cannot replace the project file: %2").arg(path, reason)};
  }
  return {};
}

// An existing project: rewritten in one SQLite transaction (WAL), so the indicator values other
// instances write into the same file are kept, and a failure leaves it as it was.
Status saveInPlace(const Project& project, const QString& path) {
  if (!Database::isWritable(path)) return Error{ErrorCode::IoFailed, Database::readOnlyMessage(path)};
  QString error;
  detail::SqliteDb db = detail::openSqlite(path, SQLITE_OPEN_READWRITE, error);
  auto fail = [&](const QString& what) {
    return Error{ErrorCode::IoFailed, QCoreApplication::translate("ProjectFile", "%1: cannot save the project (%2).").arg(path, what)};
  };
  if (!db) return fail(error);
  if (!detail::execSql(db.get(), "PRAGMA journal_mode=WAL; BEGIN IMMEDIATE;", error)) return fail(error);
  if (Status s = writeRows(db.get(), project, path); !s) {
    detail::execSql(db.get(), "ROLLBACK;", error);
    return s;
  }
  if (!detail::execSql(db.get(), "COMMIT;", error)) return fail(error);
  return {};
}

}  // namespace

Result<Project> ProjectFile::load(const QString& path) {
  if (!QFileInfo::exists(path)) {
    return Error{ErrorCode::FileNotFound, QCoreApplication::translate("ProjectFile", "%1: the project file does not exist.").arg(path)};
  }
  QString error;
  detail::SqliteDb db = detail::openSqliteReadOnly(path, error);
  auto invalid = [&](const QString& why) {
    return Error{ErrorCode::ProjectInvalid, QCoreApplication::translate("ProjectFile", "%1: not a readable Xiuhua project (%2).").arg(path, why)};
  };
  if (!db) return invalid(error);
  detail::SqliteStmt kv = detail::prepareSql(db.get(), "SELECT key, value FROM xh_project", error);
  if (!kv) return invalid(error);
  Project project;
  int version = 0;
  while (sqlite3_step(kv.get()) == SQLITE_ROW) {
    const QString key = detail::columnText(kv.get(), 0);
    const QString value = detail::columnText(kv.get(), 1);
    if (key == QLatin1String("format_version")) version = value.toInt();
    if (key == QLatin1String("title")) project.title = value;
    if (key == QLatin1String("extent")) project.extent = rectFromText(value);
    if (key == QLatin1String("map_crs")) {
      auto crs = Crs::fromUserInput(value);
      if (!crs.ok()) return invalid(crs.error().message);
      project.mapCrs = crs.value();
    }
  }
  if (version < 1 || version > kFormatVersion) {
    return invalid(QCoreApplication::translate("ProjectFile", "unsupported format version %1").arg(version));
  }
  detail::SqliteStmt layers =
      detail::prepareSql(db.get(), "SELECT definition FROM xh_layers ORDER BY position", error);
  if (!layers) return invalid(error);
  const QDir base = QFileInfo(path).absoluteDir();
  while (sqlite3_step(layers.get()) == SQLITE_ROW) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(detail::columnText(layers.get(), 0).toUtf8(), &parseError);
    if (!doc.isObject()) return invalid(parseError.errorString());
    LayerSpec layer = layerFromJson(doc.object(), base);
    if (layer.id.isEmpty()) layer.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    project.layers.push_back(std::move(layer));
  }
  return project;
}

Status ProjectFile::save(const Project& project, const QString& path) {
  if (QFileInfo(path).isFile() && load(path).ok()) return saveInPlace(project, path);
  return saveNew(project, path);
}

}  // namespace xiuhua::gis
