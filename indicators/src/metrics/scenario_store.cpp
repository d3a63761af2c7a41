#include "xiuhua/indicators/metrics/scenario_store.h"

#include "metrics/metric_support.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/gis/vector_writer.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QJsonDocument>
#include <QStringList>
#include <QUuid>

#include <algorithm>

namespace xiuhua::indicators {
namespace {

const char* const kSchema =
    "CREATE TABLE IF NOT EXISTS xh_scenarios("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, code TEXT NOT NULL, year INTEGER NOT NULL,"
    "  created TEXT NOT NULL, proposed_layer TEXT, proposed INTEGER NOT NULL, removed TEXT NOT NULL,"
    "  result TEXT NOT NULL, promoted TEXT, UNIQUE(code, year, name));";

const char* const kColumns = "id, name, code, year, created, proposed_layer, proposed, removed, result, promoted";

QDateTime timeOf(const QVariant& v) {
  return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

Scenario scenarioOf(const gis::Database::Row& r) {
  Scenario s;
  s.id = r[0].toLongLong();
  s.name = r[1].toString();
  s.code = r[2].toString();
  s.year = r[3].toInt();
  s.created = timeOf(r[4]);
  s.proposedLayer = r[5].toString();
  s.proposed = r[6].toInt();
  for (const QJsonValue& v : QJsonDocument::fromJson(r[7].toString().toUtf8()).array()) s.removed.push_back(v.toInteger());
  s.result = QJsonDocument::fromJson(r[8].toString().toUtf8()).object();
  s.promoted = timeOf(r[9]);
  return s;
}

const gis::LayerToWrite* layerNamed(const WhatIfResult& result, const QString& name) {
  const auto found = std::find_if(result.layers.begin(), result.layers.end(), [&](const gis::LayerToWrite& l) { return l.name == name; });
  return found == result.layers.end() ? nullptr : &*found;
}

std::optional<double> valueIn(const QJsonObject& result, const char* key) {
  const QJsonValue v = result.value(QLatin1String(key)).toObject().value(QStringLiteral("ratio"));
  return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

}  // namespace

std::optional<double> Scenario::baseValue() const { return valueIn(result, "base"); }
std::optional<double> Scenario::scenarioValue() const { return valueIn(result, "scenario"); }

ScenarioStore::ScenarioStore(std::unique_ptr<gis::Database> db, QString projectPath)
    : mDb(std::move(db)), mProjectPath(std::move(projectPath)) {}
ScenarioStore::~ScenarioStore() = default;

gis::Result<std::unique_ptr<ScenarioStore>> ScenarioStore::open(const QString& projectPath) {
  auto db = gis::Database::open(projectPath);
  if (!db.ok()) return db.error();
  if (gis::Status s = (*db)->ensureSchema(QString::fromLatin1(kSchema)); !s) return s.error();
  return std::unique_ptr<ScenarioStore>(new ScenarioStore(std::move(db).value(), projectPath));
}

gis::Result<qint64> ScenarioStore::save(const QString& name, const QString& code, int year, const WhatIfResult& result) {
  const QString trimmed = name.trimmed();
  if (trimmed.isEmpty()) return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("A scenario needs a name.")};
  auto taken = mDb->query(QStringLiteral("SELECT id FROM xh_scenarios WHERE code = ? AND year = ? AND name = ?"), {code, year, trimmed});
  if (!taken.ok()) return taken.error();
  if (!taken->empty()) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      Metrics::tr("There is a scenario \"%1\" for %2 in %3 already; choose another name.").arg(trimmed, code).arg(year)};
  }
  const gis::LayerToWrite* proposed = layerNamed(result, QStringLiteral("proposed"));
  const gis::LayerToWrite* takenAway = layerNamed(result, QStringLiteral("taken_away"));
  if ((proposed == nullptr || proposed->geometries.empty()) && (takenAway == nullptr || takenAway->geometries.empty())) {
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("The scenario changes nothing that could be saved.")};
  }
  QJsonArray removed;
  if (takenAway != nullptr) {
    for (const gis::AttributeRow& row : takenAway->attributes) removed.append(row.at(0).toLongLong());  // the fid
  }
  if (gis::Status s = mDb->requireWritable(); !s) return s.error();
  QString layerName;
  if (proposed != nullptr && !proposed->geometries.empty()) {
    gis::LayerToWrite copy = *proposed;
    copy.name = layerName = QStringLiteral("xh_scenario_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    if (gis::Status s = gis::VectorWriter::addLayerTo(mProjectPath, copy); !s) return s.error();
  }
  auto inserted = mDb->query(
      QStringLiteral("INSERT INTO xh_scenarios(name, code, year, created, proposed_layer, proposed, removed, result) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
      {trimmed, code, year, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), layerName.isEmpty() ? QVariant() : QVariant(layerName),
       proposed != nullptr ? static_cast<int>(proposed->geometries.size()) : 0,
       QString::fromUtf8(QJsonDocument(removed).toJson(QJsonDocument::Compact)),
       QString::fromUtf8(QJsonDocument(whatIfToJson(result)).toJson(QJsonDocument::Compact))});
  if (!inserted.ok()) {
    if (!layerName.isEmpty()) (void)gis::VectorWriter::dropLayer(mProjectPath, layerName);  // no orphan layer
    return inserted.error();
  }
  return mDb->lastInsertId();
}

gis::Result<std::vector<Scenario>> ScenarioStore::list(const QString& code, int year) {
  auto rows = mDb->query(QStringLiteral("SELECT %1 FROM xh_scenarios WHERE code = ? AND year = ? ORDER BY id").arg(QLatin1String(kColumns)),
                         {code, year});
  if (!rows.ok()) return rows.error();
  std::vector<Scenario> out;
  for (const auto& r : rows.value()) out.push_back(scenarioOf(r));
  return out;
}

gis::Result<Scenario> ScenarioStore::get(qint64 id) {
  auto rows = mDb->query(QStringLiteral("SELECT %1 FROM xh_scenarios WHERE id = ?").arg(QLatin1String(kColumns)), {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("There is no scenario #%1.").arg(id)};
  return scenarioOf(rows->front());
}

gis::Status ScenarioStore::discard(qint64 id) {
  auto scenario = get(id);
  if (!scenario.ok()) return scenario.error();
  auto removed = mDb->query(QStringLiteral("DELETE FROM xh_scenarios WHERE id = ?"), {id});
  if (!removed.ok()) return removed.error();
  if (!scenario->proposedLayer.isEmpty()) return gis::VectorWriter::dropLayer(mProjectPath, scenario->proposedLayer);
  return {};
}

gis::Status ScenarioStore::setPromoted(qint64 id, const QDateTime& when) {
  auto r = mDb->query(QStringLiteral("UPDATE xh_scenarios SET promoted = ? WHERE id = ?"),
                      {when.isValid() ? QVariant(when.toUTC().toString(Qt::ISODateWithMs)) : QVariant(), id});
  if (!r.ok()) return r.error();
  return {};
}

gis::SourceRef ScenarioStore::proposedSource(const Scenario& scenario) const {
  if (scenario.proposedLayer.isEmpty()) return {};
  return gis::SourceRef{mProjectPath, scenario.proposedLayer, gis::Crs(), {}};
}

WhatIfParams ScenarioStore::whatIfParams(const Scenario& scenario, const CoverageParams& coverage) const {
  WhatIfParams params;
  params.coverage = coverage;
  params.add = proposedSource(scenario);
  if (!scenario.removed.empty()) {
    QStringList fids;
    for (qint64 fid : scenario.removed) fids << QString::number(fid);
    params.removeWhere = QStringLiteral("fid IN (%1)").arg(fids.join(QStringLiteral(", ")));
  }
  return params;
}

std::map<QString, QVariant> promotionAttributes(const MetricBinding& binding, int year) {
  std::map<QString, QVariant> out;
  const QString where = binding.parameters.value(QStringLiteral("facility_where")).toString();
  static const QRegularExpression kYearField(QStringLiteral(R"re("?([\w\x{4e00}-\x{9fff}]+)"?\s*(?:<=|=)\s*\{year\})re"),
                                             QRegularExpression::UseUnicodePropertiesOption);
  for (auto it = kYearField.globalMatch(where); it.hasNext();) out[it.next().captured(1)] = year;
  return out;
}

}  // namespace xiuhua::indicators
