#include "report/report_options.h"

#include "xiuhua/gis/database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace xiuhua::app {

namespace {

const char* const kSchema = "CREATE TABLE IF NOT EXISTS xh_report_options(id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL)";

}  // namespace

QJsonObject ReportOptions::toJson() const {
  return {{QStringLiteral("year"), year},
          {QStringLiteral("title"), title},
          {QStringLiteral("author"), author},
          {QStringLiteral("landscape"), landscape},
          {QStringLiteral("summary"), summary},
          {QStringLiteral("sections"), sections},
          {QStringLiteral("maps"), maps},
          {QStringLiteral("appendix"), appendix},
          {QStringLiteral("indicators"), QJsonArray::fromStringList(indicators)},
          {QStringLiteral("atlas_level"), atlasLevel}};
}

ReportOptions ReportOptions::fromJson(const QJsonObject& json) {
  ReportOptions o;
  o.year = json.value(QStringLiteral("year")).toInt();
  o.title = json.value(QStringLiteral("title")).toString();
  o.author = json.value(QStringLiteral("author")).toString();
  o.landscape = json.value(QStringLiteral("landscape")).toBool();
  o.summary = json.value(QStringLiteral("summary")).toBool(true);
  o.sections = json.value(QStringLiteral("sections")).toBool(true);
  o.maps = json.value(QStringLiteral("maps")).toBool(true);
  o.appendix = json.value(QStringLiteral("appendix")).toBool(true);
  for (const QJsonValue& v : json.value(QStringLiteral("indicators")).toArray()) o.indicators << v.toString();
  o.atlasLevel = json.value(QStringLiteral("atlas_level")).toString();
  return o;
}

gis::Result<ReportOptions> ReportOptions::load(const QString& projectPath) {
  auto db = gis::Database::open(projectPath);
  if (!db.ok()) return db.error();
  if (gis::Status s = (*db)->ensureSchema(QString::fromLatin1(kSchema)); !s) return s.error();
  auto rows = (*db)->query(QStringLiteral("SELECT json FROM xh_report_options WHERE id = 1"));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return ReportOptions{};
  return fromJson(QJsonDocument::fromJson(rows->front().at(0).toString().toUtf8()).object());
}

gis::Status ReportOptions::save(const ReportOptions& options, const QString& projectPath) {
  auto db = gis::Database::open(projectPath);
  if (!db.ok()) return db.error();
  if (gis::Status s = (*db)->ensureSchema(QString::fromLatin1(kSchema)); !s) return s;
  auto done = (*db)->query(QStringLiteral("INSERT OR REPLACE INTO xh_report_options(id, json) VALUES(1, ?1)"),
                           {QString::fromUtf8(QJsonDocument(options.toJson()).toJson(QJsonDocument::Compact))});
  if (!done.ok()) return done.error();
  return {};
}

}  // namespace xiuhua::app
