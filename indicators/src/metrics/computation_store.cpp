#include "xiuhua/indicators/metrics/computation_store.h"

#include "xiuhua/gis/database.h"

#include <QCoreApplication>
#include <QDateTime>
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

}  // namespace

ComputationStore::ComputationStore(std::unique_ptr<gis::Database> db) : mDb(std::move(db)) {}
ComputationStore::~ComputationStore() = default;

gis::Result<std::unique_ptr<ComputationStore>> ComputationStore::open(const QString& projectPath) {
  auto db = gis::Database::open(projectPath);
  if (!db.ok()) return db.error();
  if (gis::Status s = (*db)->exec(QString::fromLatin1(kSchema)); !s) return s.error();
  return std::unique_ptr<ComputationStore>(new ComputationStore(std::move(db).value()));
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

gis::Result<qint64> ComputationStore::record(const IndicatorComputation& computation) {
  auto r = mDb->query(QStringLiteral("INSERT INTO xh_computations(code, year, time, record) VALUES(?, ?, ?, ?)"),
                      {computation.code, computation.year, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                       compact(computationToJson(computation))});
  if (!r.ok()) return r.error();
  return mDb->lastInsertId();
}

gis::Result<ComputationStore::Recorded> ComputationStore::recordValues(const IndicatorComputation& computation) {
  auto id = record(computation);
  if (!id.ok()) return id.error();
  Recorded recorded{id.value(), computation.values};
  const QString note = QCoreApplication::translate("Metrics", "computation #%1").arg(id.value());
  for (IndicatorValue& v : recorded.values) v.note = note;
  return recorded;
}

gis::Result<QJsonObject> ComputationStore::computation(qint64 id) {
  auto rows = mDb->query(QStringLiteral("SELECT record FROM xh_computations WHERE id = ?"), {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return gis::Error{gis::ErrorCode::InvalidArgument, QStringLiteral("no computation #%1").arg(id)};
  return QJsonDocument::fromJson(rows->front()[0].toString().toUtf8()).object();
}

}  // namespace xiuhua::indicators
