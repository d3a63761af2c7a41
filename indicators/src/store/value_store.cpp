#include "xiuhua/indicators/value_store.h"

#include "xiuhua/indicators/indicator_json.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace xiuhua::indicators {
namespace {

const char* kSchema =
    "CREATE TABLE IF NOT EXISTS xh_indicators("
    "  code TEXT PRIMARY KEY, plan TEXT NOT NULL, position INTEGER NOT NULL, definition TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS xh_values("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL, year INTEGER NOT NULL, month INTEGER,"
    "  subunit TEXT NOT NULL DEFAULT '', value REAL NOT NULL, source TEXT NOT NULL, author TEXT,"
    "  time TEXT NOT NULL, note TEXT, level TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX IF NOT EXISTS xh_values_code ON xh_values(code, year, subunit);"
    "CREATE TABLE IF NOT EXISTS xh_assessments("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL, year INTEGER NOT NULL, status TEXT NOT NULL,"
    "  reason TEXT NOT NULL, author TEXT, time TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS xh_catalog_decisions("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT, basis TEXT,"
    "  baseline_year INTEGER, baseline_value REAL, source TEXT, reason TEXT, author TEXT, time TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS xh_not_applicable("
    "  code TEXT NOT NULL, level TEXT NOT NULL, subunit TEXT NOT NULL, scope TEXT NOT NULL,"
    "  PRIMARY KEY(code, level, subunit));";

const std::pair<Status, const char*> kJudged[] = {{Status::Achieved, "achieved"}, {Status::OnTrack, "on_track"},
                                                  {Status::Behind, "behind"}, {Status::SeverelyBehind, "severely_behind"}};

ValueSource sourceFromName(const QString& name) { return valueSourceFromName(name).value_or(ValueSource::Entered); }

}  // namespace

std::optional<ValueSource> valueSourceFromName(const QString& name) {
  for (const ValueSource s : {ValueSource::Entered, ValueSource::Computed, ValueSource::Imported, ValueSource::Synthetic}) {
    if (name == valueSourceName(s)) return s;
  }
  return std::nullopt;
}

QString valueSourceName(ValueSource source) {
  switch (source) {
    case ValueSource::Entered: return QStringLiteral("entered");
    case ValueSource::Computed: return QStringLiteral("computed");
    case ValueSource::Imported: return QStringLiteral("imported");
    case ValueSource::Synthetic: return QStringLiteral("synthetic");
  }
  return {};
}

ValueStore::ValueStore(std::unique_ptr<gis::Database> db) : mDb(std::move(db)) {}

gis::Result<std::unique_ptr<ValueStore>> ValueStore::open(const QString& projectPath) {
  auto db = gis::Database::open(projectPath);
  if (!db.ok()) return db.error();
  if (gis::Status s = (*db)->ensureSchema(QString::fromLatin1(kSchema)); !s) return s.error();
  // Projects written before sub-unit levels existed get the column (empty: unknown level).
  auto columns = (*db)->query(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('xh_values') WHERE name = 'level'"));
  if (!columns.ok()) return columns.error();
  if (!columns->empty() && columns->front()[0].toInt() == 0) {
    // Read-only, the file stays as it is and a view in memory shows the column.
    gis::Status added = (*db)->isReadOnly()
                            ? (*db)->createTemporary(QStringLiteral("CREATE TEMP VIEW xh_values AS SELECT *, '' AS level FROM main.xh_values"))
                            : (*db)->exec(QStringLiteral("ALTER TABLE xh_values ADD COLUMN level TEXT NOT NULL DEFAULT ''"));
    if (!added) return added.error();
  }
  return std::unique_ptr<ValueStore>(new ValueStore(std::move(db).value()));
}

gis::Status ValueStore::importCatalog(const Catalog& catalog, const QString& plan) {
  if (gis::Status s = mDb->beginWrite(); !s) return s;
  int position = 0;
  for (const Indicator& indicator : catalog.indicators) {
    const QString json = QString::fromUtf8(QJsonDocument(indicatorToJson(indicator)).toJson(QJsonDocument::Compact));
    auto r = mDb->query(QStringLiteral("INSERT OR REPLACE INTO xh_indicators VALUES(?, ?, ?, ?)"),
                        {indicator.code, plan, position++, json});
    if (!r.ok()) {
      mDb->rollback();
      return r.error();
    }
  }
  return mDb->commit();
}

gis::Status ValueStore::updateIndicator(const Indicator& indicator) {
  const QString json = QString::fromUtf8(QJsonDocument(indicatorToJson(indicator)).toJson(QJsonDocument::Compact));
  if (gis::Status s = mDb->beginWrite(); !s) return s;
  auto r = mDb->query(QStringLiteral("UPDATE xh_indicators SET definition = ? WHERE code = ?"), {json, indicator.code});
  auto changed = mDb->query(QStringLiteral("SELECT changes()"));
  if (!r.ok() || !changed.ok() || changed->empty() || changed->front()[0].toInt() != 1) {
    mDb->rollback();
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      QCoreApplication::translate("ValueStore", "%1: no such indicator in the project.").arg(indicator.code)};
  }
  return mDb->commit();
}

gis::Result<Catalog> ValueStore::catalog() {
  auto rows = mDb->query(QStringLiteral("SELECT definition FROM xh_indicators ORDER BY plan, position"));
  if (!rows.ok()) return rows.error();
  Catalog catalog;
  catalog.path = mDb->path();
  for (const auto& row : rows.value()) {
    catalog.indicators.push_back(indicatorFromJson(QJsonDocument::fromJson(row[0].toString().toUtf8()).object()));
  }
  auto decided = decisions();
  if (!decided.ok()) return decided.error();
  for (const CatalogDecision& d : decided.value()) {
    for (Indicator& ind : catalog.indicators) {
      if (ind.code == d.code) applyDecision(ind, d);
    }
  }
  return catalog;
}

namespace {

gis::Status insertValue(gis::Database& db, const IndicatorValue& v) {
  auto r = db.query(QStringLiteral("INSERT INTO xh_values(code, year, month, subunit, value, source, author, time, note, level) "
                                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {v.code, v.year, v.month ? QVariant(*v.month) : QVariant(), v.subunit, v.value,
                     valueSourceName(v.source), v.author, v.time.toString(Qt::ISODateWithMs), v.note,
                     v.subunit.isEmpty() ? QString() : v.level});
  if (!r.ok()) return r.error();
  return {};
}

}  // namespace

gis::Result<std::vector<qint64>> ValueStore::addValues(std::vector<IndicatorValue> values) {
  const QDateTime now = QDateTime::currentDateTimeUtc();
  if (gis::Status s = mDb->beginWrite(); !s) return s.error();
  std::vector<qint64> ids;
  for (IndicatorValue& v : values) {
    v.time = now;
    if (gis::Status s = insertValue(*mDb, v); !s) {
      mDb->rollback();
      return s.error();
    }
    ids.push_back(mDb->lastInsertId());
  }
  if (gis::Status s = mDb->commit(); !s) return s.error();
  return ids;
}

gis::Status ValueStore::removeValues(const std::vector<qint64>& ids) {
  if (gis::Status s = mDb->beginWrite(); !s) return s;
  for (qint64 id : ids) {
    if (auto r = mDb->query(QStringLiteral("DELETE FROM xh_values WHERE id = ?"), {id}); !r.ok()) {
      mDb->rollback();
      return r.error();
    }
  }
  return mDb->commit();
}

gis::Result<qint64> ValueStore::addValue(IndicatorValue v) {
  v.time = QDateTime::currentDateTimeUtc();
  if (gis::Status s = mDb->beginWrite(); !s) return s.error();
  if (gis::Status s = insertValue(*mDb, v); !s) {
    mDb->rollback();
    return s.error();
  }
  const qint64 id = mDb->lastInsertId();
  if (gis::Status s = mDb->commit(); !s) return s.error();
  return id;
}

namespace {

constexpr const char* kValueColumns = "SELECT id, code, year, month, subunit, value, source, author, time, note, level FROM xh_values ";

std::vector<IndicatorValue> valuesFromRows(const std::vector<gis::Database::Row>& rows) {
  std::vector<IndicatorValue> values;
  for (const auto& r : rows) {
    IndicatorValue v;
    v.id = r[0].toLongLong();
    v.code = r[1].toString();
    v.year = r[2].toInt();
    if (r[3].isValid()) v.month = r[3].toInt();
    v.subunit = r[4].toString();
    v.value = r[5].toDouble();
    v.source = sourceFromName(r[6].toString());
    v.author = r[7].toString();
    v.time = QDateTime::fromString(r[8].toString(), Qt::ISODateWithMs);
    v.note = r[9].toString();
    v.level = r[10].toString();
    values.push_back(std::move(v));
  }
  return values;
}

}  // namespace

gis::Result<std::vector<IndicatorValue>> ValueStore::history(const QString& code) {
  auto rows = mDb->query(QString::fromLatin1(kValueColumns) + QStringLiteral("WHERE code = ? ORDER BY id"), {code});
  if (!rows.ok()) return rows.error();
  return valuesFromRows(rows.value());
}

gis::Result<std::vector<IndicatorValue>> ValueStore::latestValues() {
  auto rows = mDb->query(QString::fromLatin1(kValueColumns) +
                         QStringLiteral("WHERE id IN (SELECT MAX(id) FROM xh_values GROUP BY code, year, IFNULL(month, 0), subunit) "
                                        "ORDER BY code, year, month, subunit"));
  if (!rows.ok()) return rows.error();
  return valuesFromRows(rows.value());
}

gis::Status ValueStore::addAssessment(Assessment a) {
  const char* status = nullptr;
  for (const auto& [s, name] : kJudged) {
    if (s == a.status) status = name;
  }
  if (status == nullptr || a.reason.trimmed().isEmpty()) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      QCoreApplication::translate("ValueStore", "%1: an assessment needs a status (achieved, on track, behind or severely behind) and a reason.").arg(a.code)};
  }
  a.time = QDateTime::currentDateTimeUtc();
  if (gis::Status s = mDb->beginWrite(); !s) return s;
  auto r = mDb->query(QStringLiteral("INSERT INTO xh_assessments(code, year, status, reason, author, time) VALUES(?, ?, ?, ?, ?, ?)"),
                      {a.code, a.year, QString::fromLatin1(status), a.reason.trimmed(), a.author, a.time.toString(Qt::ISODateWithMs)});
  if (!r.ok()) {
    mDb->rollback();
    return r.error();
  }
  return mDb->commit();
}

gis::Result<std::map<QString, Assessment>> ValueStore::latestAssessments(int year) {
  auto rows = mDb->query(QStringLiteral("SELECT code, year, status, reason, author, time FROM xh_assessments WHERE year <= ? ORDER BY year, id"),
                         {year});
  if (!rows.ok()) return rows.error();
  std::map<QString, Assessment> latest;  // later rows win
  for (const auto& r : rows.value()) {
    Assessment a;
    a.code = r[0].toString();
    a.year = r[1].toInt();
    for (const auto& [s, name] : kJudged) {
      if (r[2].toString() == QLatin1String(name)) a.status = s;
    }
    a.reason = r[3].toString();
    a.author = r[4].toString();
    a.time = QDateTime::fromString(r[5].toString(), Qt::ISODateWithMs);
    latest[a.code] = a;
  }
  return latest;
}

gis::Result<std::map<int, double>> ValueStore::series(const QString& code, const QString& subunit) {
  // The latest row (highest id) per year: corrections win, the history stays.
  auto rows = mDb->query(QStringLiteral("SELECT year, value FROM xh_values WHERE id IN ("
                                        "  SELECT MAX(id) FROM xh_values WHERE code = ? AND subunit = ? AND month IS NULL"
                                        "  GROUP BY year) ORDER BY year"),
                         {code, subunit});
  if (!rows.ok()) return rows.error();
  std::map<int, double> series;
  for (const auto& r : rows.value()) series[r[0].toInt()] = r[1].toDouble();
  return series;
}

gis::Result<QStringList> ValueStore::subunitLevels(const QString& code) {
  auto rows = mDb->query(QStringLiteral("SELECT DISTINCT level FROM xh_values WHERE code = ? AND subunit <> '' AND level <> '' ORDER BY level"), {code});
  if (!rows.ok()) return rows.error();
  QStringList levels;
  for (const auto& r : rows.value()) levels << r[0].toString();
  return levels;
}

gis::Result<std::set<int>> ValueStore::syntheticYears(const QString& code, const QString& subunit) {
  auto rows = mDb->query(QStringLiteral("SELECT year FROM xh_values WHERE id IN ("
                                        "  SELECT MAX(id) FROM xh_values WHERE code = ? AND subunit = ? AND month IS NULL"
                                        "  GROUP BY year) AND source = 'synthetic'"),
                         {code, subunit});
  if (!rows.ok()) return rows.error();
  std::set<int> years;
  for (const auto& r : rows.value()) years.insert(r[0].toInt());
  return years;
}

gis::Result<std::map<QString, std::pair<int, double>>> ValueStore::subunitValues(const QString& code, int year,
                                                                                const QString& level) {
  // Per sub-unit, the current value of its latest year up to `year` (yearly values only).
  auto rows = mDb->query(QStringLiteral("SELECT subunit, year, value FROM xh_values WHERE id IN ("
                                        "  SELECT MAX(id) FROM xh_values WHERE code = ? AND subunit <> '' AND month IS NULL"
                                        "  AND year <= ? AND (? = '' OR level = ? OR level = '') GROUP BY subunit, year) ORDER BY year"),
                         {code, year, level, level});
  if (!rows.ok()) return rows.error();
  std::map<QString, std::pair<int, double>> values;
  for (const auto& r : rows.value()) values[r[0].toString()] = {r[1].toInt(), r[2].toDouble()};  // later years win
  return values;
}

}  // namespace xiuhua::indicators
