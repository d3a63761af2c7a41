#include "xiuhua/indicators/metrics/computation_store.h"

#include "xiuhua/gis/database.h"
#include "xiuhua/gis/file_fingerprint.h"
#include "xiuhua/gis/source_ref.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QJsonDocument>

namespace xiuhua::indicators {
namespace {

const char* const kSchema =
    "CREATE TABLE IF NOT EXISTS xh_metric_bindings("
    "  code TEXT PRIMARY KEY, metric TEXT NOT NULL, parameters TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS xh_computations("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL, year INTEGER NOT NULL, time TEXT NOT NULL,"
    "  record TEXT NOT NULL);";

QString compact(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

// A source ("path|layername=…") with its path relative to the project's folder.
QString relativeSource(const QString& source, const QDir& folder) {
  gis::SourceRef ref = gis::SourceRef::parse(source);
  ref.path = gis::relativeSourcePath(ref.path, folder);
  return ref.toString();
}

// The binding's sources as a record keeps them: paths relative to the project, so that a copy of
// the project with its data (another folder, another machine) reads the same files.
QJsonObject relativeSources(const QJsonObject& sources, const QDir& folder) {
  QJsonObject out;
  for (auto it = sources.begin(); it != sources.end(); ++it) {
    QJsonObject s = it.value().toObject();
    s.insert(QStringLiteral("source"), relativeSource(s.value(QStringLiteral("source")).toString(), folder));
    out.insert(it.key(), s);
  }
  return out;
}

// True when the layers a binding reads are what a record says they were: the same layers, the same
// sources (relative to the project), the same declared CRS and the same file contents.
bool sourcesHold(const QJsonObject& recorded, const MetricBinding& binding, const LayerResolver& layers, const QDir& folder) {
  const QStringList ids = bindingLayerIds(binding, layers);
  if (static_cast<qsizetype>(recorded.size()) != ids.size()) return false;
  for (const QString& id : ids) {
    const QJsonObject was = recorded.value(id).toObject();
    const gis::SourceRef now = *layers(id);
    if (was.isEmpty() || was.value(QStringLiteral("source")).toString() != relativeSource(now.toString(), folder) ||
        was.value(QStringLiteral("crs")).toString() != now.declaredCrs.definition() ||
        was.value(QStringLiteral("encoding")).toString() != now.encoding ||
        !gis::sourceFingerprintHolds(was.value(QStringLiteral("files")).toArray(), now.path, now.layer)) {
      return false;
    }
  }
  return true;
}

// A metric result's inputs with their sources relative to the project.
QJsonObject withRelativeInputs(QJsonObject result, const QDir& folder) {
  QJsonArray inputs = result.value(QStringLiteral("inputs")).toArray();
  for (qsizetype i = 0; i < inputs.size(); ++i) {
    QJsonObject in = inputs[i].toObject();
    in.insert(QStringLiteral("source"), relativeSource(in.value(QStringLiteral("source")).toString(), folder));
    inputs[i] = in;
  }
  result.insert(QStringLiteral("inputs"), inputs);
  return result;
}

// The record a project keeps of a computation: every path in it relative to the project, so that
// the record reads the same in a copy of the project with its data.
QJsonObject recordOf(const IndicatorComputation& computation, const QString& projectPath) {
  const QDir folder = QFileInfo(projectPath).absoluteDir();
  QJsonObject json = computationToJson(computation);
  QJsonObject binding = json.value(QStringLiteral("binding")).toObject();
  binding.insert(QStringLiteral("sources"), relativeSources(binding.value(QStringLiteral("sources")).toObject(), folder));
  json.insert(QStringLiteral("binding"), binding);
  json.insert(QStringLiteral("whole"), withRelativeInputs(json.value(QStringLiteral("whole")).toObject(), folder));
  QJsonArray breakdowns = json.value(QStringLiteral("breakdowns")).toArray();
  for (qsizetype i = 0; i < breakdowns.size(); ++i) {
    QJsonObject b = breakdowns[i].toObject();
    b.insert(QStringLiteral("result"), withRelativeInputs(b.value(QStringLiteral("result")).toObject(), folder));
    breakdowns[i] = b;
  }
  json.insert(QStringLiteral("breakdowns"), breakdowns);
  return json;
}

}  // namespace

gis::SourceRef recordedSource(const QString& projectPath, const QString& source) {
  gis::SourceRef ref = gis::SourceRef::parse(source);
  ref.path = gis::absoluteSourcePath(ref.path, QFileInfo(projectPath).absoluteDir());  // an absolute one stays
  return ref;
}

QString layersFileFor(const QString& projectPath, const QString& code, int year) {
  const QFileInfo project(projectPath);
  QString name = QStringLiteral("%1_%2.gpkg").arg(code).arg(year);
  name.replace(QRegularExpression(QStringLiteral(R"([\\/:*?"<>|])")), QStringLiteral("_"));  // a file name on every system
  return project.absoluteDir().filePath(QStringLiteral("%1.results/%2").arg(project.completeBaseName(), name));
}

ComputationStore::ComputationStore(std::unique_ptr<gis::Database> db, QString projectPath)
    : mDb(std::move(db)), mProjectPath(std::move(projectPath)) {}
ComputationStore::~ComputationStore() = default;

gis::Result<std::unique_ptr<ComputationStore>> ComputationStore::open(const QString& projectPath) {
  auto db = gis::Database::open(projectPath);
  if (!db.ok()) return db.error();
  if (gis::Status s = (*db)->ensureSchema(QString::fromLatin1(kSchema)); !s) return s.error();
  return std::unique_ptr<ComputationStore>(new ComputationStore(std::move(db).value(), projectPath));
}

gis::Status ComputationStore::setBinding(const MetricBinding& binding) {
  auto r = mDb->query(QStringLiteral("INSERT OR REPLACE INTO xh_metric_bindings VALUES(?, ?, ?)"),
                      {binding.code, binding.metric, compact(binding.parameters)});
  if (!r.ok()) return r.error();
  return {};
}

gis::Result<std::vector<MetricBinding>> ComputationStore::bindings() {
  auto rows = mDb->query(QStringLiteral("SELECT code, metric, parameters FROM xh_metric_bindings ORDER BY code"));
  if (!rows.ok()) return rows.error();
  std::vector<MetricBinding> bindings;
  for (const auto& r : rows.value()) {
    bindings.push_back({r[0].toString(), r[1].toString(), QJsonDocument::fromJson(r[2].toString().toUtf8()).object()});
  }
  return bindings;
}

gis::Result<qint64> ComputationStore::insert(const IndicatorComputation& computation, const QJsonObject& record) {
  auto r = mDb->query(QStringLiteral("INSERT INTO xh_computations(code, year, time, record) VALUES(?, ?, ?, ?)"),
                      {computation.code, computation.year, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                       compact(record)});
  if (!r.ok()) return r.error();
  return mDb->lastInsertId();
}

gis::Result<qint64> ComputationStore::record(const IndicatorComputation& computation) {
  return insert(computation, recordOf(computation, mProjectPath));
}

gis::Result<ComputationStore::Recorded> ComputationStore::recordValues(const IndicatorComputation& computation) {
  if (gis::Status s = mDb->requireWritable(); !s) return s.error();
  QJsonObject json = recordOf(computation, mProjectPath);
  const std::vector<gis::LayerToWrite> layers = computationLayers(computation);
  QString relative;
  QStringList names;
  if (!layers.empty()) {
    const QString file = layersFileFor(mProjectPath, computation.code, computation.year);
    if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
      return gis::Error{gis::ErrorCode::IoFailed,
                        QCoreApplication::translate("Metrics", "%1: the folder for the result layers cannot be created.")
                            .arg(QFileInfo(file).absolutePath())};
    }
    if (gis::Status s = gis::VectorWriter::writeGeoPackage(file, layers); !s) return s.error();
    for (const gis::LayerToWrite& layer : layers) names << layer.name;
    relative = QFileInfo(mProjectPath).absoluteDir().relativeFilePath(file);
    json.insert(QStringLiteral("layers_file"), relative);
    json.insert(QStringLiteral("layers"), QJsonArray::fromStringList(names));
  }
  auto id = insert(computation, json);
  if (!id.ok()) return id.error();
  Recorded recorded{id.value(), computation.values, relative, names};
  // The value's note names its record and what it should be read with (a 0 because nothing matched).
  QStringList parts{QCoreApplication::translate("Metrics", "computation #%1").arg(id.value())};
  // Notes name files by their path; in the project's history they are named relative to it, as
  // the record's sources are, so that a copied or shipped project does not name where it was made.
  const QString folder = QFileInfo(mProjectPath).absoluteDir().absolutePath() + QLatin1Char('/');
  for (const QString& n : computation.whole.notes) parts << QString(n).replace(folder, QString());
  const QString note = parts.join(QStringLiteral("; "));
  for (IndicatorValue& v : recorded.values) v.note = note;
  return recorded;
}

gis::Result<std::optional<ComputationStore::StoredLayers>> ComputationStore::latestLayers(const QString& code, int year) {
  auto rows = mDb->query(QStringLiteral("SELECT id, record FROM xh_computations WHERE code = ? AND year = ? "
                                        "AND json_extract(record, '$.layers_file') IS NOT NULL ORDER BY id DESC LIMIT 1"),
                         {code, year});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<StoredLayers>();
  const QJsonObject record = QJsonDocument::fromJson(rows->front()[1].toString().toUtf8()).object();
  StoredLayers stored;
  stored.computation = rows->front()[0].toLongLong();
  stored.file = QFileInfo(mProjectPath).absoluteDir().absoluteFilePath(record.value(QStringLiteral("layers_file")).toString());
  for (const QJsonValue& v : record.value(QStringLiteral("layers")).toArray()) stored.layers << v.toString();
  stored.metric = record.value(QStringLiteral("whole")).toObject().value(QStringLiteral("metric")).toString();
  if (!QFileInfo::exists(stored.file)) return std::optional<StoredLayers>();
  return std::optional<StoredLayers>(stored);
}

gis::Result<QJsonObject> ComputationStore::computation(qint64 id) {
  auto rows = mDb->query(QStringLiteral("SELECT record FROM xh_computations WHERE id = ?"), {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return gis::Error{gis::ErrorCode::InvalidArgument, QStringLiteral("no computation #%1").arg(id)};
  return QJsonDocument::fromJson(rows->front()[0].toString().toUtf8()).object();
}

gis::Result<std::optional<ComputationStore::Record>> ComputationStore::latestRecord(const QString& code, int year) {
  auto rows = mDb->query(QStringLiteral("SELECT id, year, time, record FROM xh_computations WHERE code = ? AND year <= ? "
                                        "ORDER BY year DESC, id DESC LIMIT 1"),
                         {code, year});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<Record>();
  const gis::Database::Row& row = rows->front();
  Record r{row[0].toLongLong(), row[1].toInt(), QDateTime::fromString(row[2].toString(), Qt::ISODateWithMs),
           QJsonDocument::fromJson(row[3].toString().toUtf8()).object()};
  return std::optional<Record>(std::move(r));
}

gis::Result<std::optional<ComputationStore::Unchanged>> ComputationStore::unchangedSince(const MetricBinding& binding, int year,
                                                                                       const LayerResolver& layers) {
  auto rows = mDb->query(QStringLiteral("SELECT id, record FROM xh_computations WHERE code = ? AND year = ? ORDER BY id DESC LIMIT 1"),
                         {binding.code, year});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<Unchanged>();
  const QJsonObject record = QJsonDocument::fromJson(rows->front()[1].toString().toUtf8()).object();
  const QJsonObject was = record.value(QStringLiteral("binding")).toObject();
  if (was.value(QStringLiteral("metric")).toString() != binding.metric || was.value(QStringLiteral("parameters")).toObject() != binding.parameters ||
      !sourcesHold(was.value(QStringLiteral("sources")).toObject(), binding, layers, QFileInfo(mProjectPath).absoluteDir())) {
    return std::optional<Unchanged>();
  }
  if (record.contains(QStringLiteral("layers_file")) &&
      !QFileInfo::exists(QFileInfo(mProjectPath).absoluteDir().absoluteFilePath(record.value(QStringLiteral("layers_file")).toString()))) {
    return std::optional<Unchanged>();
  }
  Unchanged out;
  out.computation = rows->front()[0].toLongLong();
  const QJsonValue value = record.value(QStringLiteral("indicator_value"));
  if (value.isDouble()) out.value = value.toDouble();
  return std::optional<Unchanged>(out);
}

}  // namespace xiuhua::indicators
