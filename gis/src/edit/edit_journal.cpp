#include "edit/edit_journal.h"

#include "atomic_file.h"
#include "ogr_convert.h"
#include "xiuhua/gis/postgis/pg_connection_info.h"

#include <ogr_geometry.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>

namespace xiuhua::gis::detail {

namespace {

QString wktOf(const Geometry& g) {
  const std::unique_ptr<OGRGeometry> ogr = toOgr(g);
  return ogr ? QString::fromStdString(ogr->exportToWkt()) : QString();
}

Geometry geometryOf(const QString& wkt) {
  if (wkt.isEmpty()) return {};
  OGRGeometry* g = nullptr;
  const QByteArray utf8 = wkt.toUtf8();
  if (OGRGeometryFactory::createFromWkt(utf8.constData(), nullptr, &g) != OGRERR_NONE || g == nullptr) return {};
  const std::unique_ptr<OGRGeometry> owned(g);
  return fromOgr(owned.get());
}

QJsonValue jsonOf(const QVariant& v) {
  if (!v.isValid() || v.isNull()) return QJsonValue::Null;
  if (v.typeId() == QMetaType::QDate) return v.toDate().toString(Qt::ISODate);
  if (v.typeId() == QMetaType::QDateTime) return v.toDateTime().toString(Qt::ISODateWithMs);
  return QJsonValue::fromVariant(v);
}

QVariant valueOf(const QJsonValue& v, const Field& field) {
  if (v.isNull() || v.isUndefined()) return {};
  switch (field.type) {
    case Field::Type::Integer: return QVariant::fromValue<qlonglong>(v.toInteger());
    case Field::Type::Real: return v.toDouble();
    case Field::Type::Date: return QDate::fromString(v.toString(), Qt::ISODate);
    case Field::Type::DateTime: return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    default: return v.toVariant();
  }
}

}  // namespace

namespace {

QDir sharedJournalFolder() {
  const QDir folder(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/journals"));
  QDir().mkpath(folder.path());
  return folder;
}

QString sharedJournalPrefix(const QString& path, const QString& layer) {
  const QByteArray key = QCryptographicHash::hash((path + QLatin1Char('|') + layer).toUtf8(), QCryptographicHash::Sha1).toHex();
  return QStringLiteral("pg-%1-").arg(QString::fromLatin1(key));
}

bool processRuns(qint64 pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

}  // namespace

QString orphanedJournal(const QString& path, const QString& layer) {
  const QString prefix = sharedJournalPrefix(path, layer);
  for (const QFileInfo& f : sharedJournalFolder().entryInfoList({prefix + QStringLiteral("*.xhjournal")}, QDir::Files, QDir::Time)) {
    const qint64 pid = f.completeBaseName().mid(prefix.size()).toLongLong();
    if (pid != QCoreApplication::applicationPid() && !processRuns(pid)) return f.absoluteFilePath();
  }
  return {};
}

QString journalPath(const QString& path, const QString& layer) {
  if (PgLayerSource::isPgPath(path)) {
    // One per process: two sessions on one table may run on one machine at once.
    return sharedJournalFolder().filePath(sharedJournalPrefix(path, layer) + QString::number(QCoreApplication::applicationPid()) +
                                          QStringLiteral(".xhjournal"));
  }
  const QFileInfo file(path);
  QString safeLayer = layer;
  safeLayer.replace(QLatin1Char('/'), QLatin1Char('_'));
  return file.absoluteDir().filePath(QStringLiteral(".%1.%2.xhjournal").arg(file.fileName(), safeLayer));
}

Status writeJournal(const QString& file, const Journal& journal) {
  QJsonArray overrides;
  for (const auto& [fid, o] : journal.overrides) {
    if (!o.present) continue;
    QJsonObject entry{{QStringLiteral("fid"), fid}, {QStringLiteral("deleted"), !o.value.has_value()}};
    if (const auto v = journal.versions.find(fid); v != journal.versions.end()) entry.insert(QStringLiteral("version"), v->second);
    if (o.value) {
      entry.insert(QStringLiteral("wkt"), wktOf(o.value->geometry));
      QJsonArray attributes;
      for (const QVariant& v : o.value->attributes) attributes.append(jsonOf(v));
      entry.insert(QStringLiteral("attributes"), attributes);
    }
    overrides.append(entry);
  }
  const QJsonObject root{{QStringLiteral("stamp"), journal.stamp},
                         {QStringLiteral("next_fid"), journal.nextFid},
                         {QStringLiteral("overrides"), overrides}};
  const QFileInfo target(file);
  const QString temp = temporaryBeside(target, QStringLiteral("xhjournal"));
  QString failure;
  {
    QFile out(temp);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 || !out.flush()) {
      failure = out.errorString();
    }
  }
  if (const QString reason = replaceWith(temp, target, failure); !reason.isEmpty()) {
    return Error{ErrorCode::IoFailed, QCoreApplication::translate("EditBuffer", "%1: the edit journal cannot be written (%2).").arg(file, reason)};
  }
  return {};
}

Result<Journal> readJournal(const QString& file, const std::vector<Field>& fields) {
  QFile in(file);
  if (!in.open(QIODevice::ReadOnly)) {
    return Error{ErrorCode::FileNotFound, QCoreApplication::translate("EditBuffer", "%1: the edit journal cannot be read.").arg(file)};
  }
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &error);
  if (doc.isNull()) {
    return Error{ErrorCode::CorruptFile,
                 QCoreApplication::translate("EditBuffer", "%1: the edit journal is damaged (%2).").arg(file, error.errorString())};
  }
  const QJsonObject root = doc.object();
  Journal journal;
  journal.stamp = root.value(QStringLiteral("stamp")).toString();
  journal.nextFid = root.value(QStringLiteral("next_fid")).toInteger(-1);
  for (const QJsonValue& v : root.value(QStringLiteral("overrides")).toArray()) {
    const QJsonObject entry = v.toObject();
    const qint64 fid = entry.value(QStringLiteral("fid")).toInteger();
    FeatureOverride o;
    o.present = true;
    if (entry.contains(QStringLiteral("version"))) journal.versions[fid] = entry.value(QStringLiteral("version")).toInteger();
    if (!entry.value(QStringLiteral("deleted")).toBool()) {
      EditedFeature f;
      f.fid = fid;
      f.geometry = geometryOf(entry.value(QStringLiteral("wkt")).toString());
      const QJsonArray attributes = entry.value(QStringLiteral("attributes")).toArray();
      for (std::size_t i = 0; i < fields.size(); ++i) {
        f.attributes.push_back(i < static_cast<std::size_t>(attributes.size()) ? valueOf(attributes[static_cast<qsizetype>(i)], fields[i]) : QVariant());
      }
      o.value = std::move(f);
    }
    journal.overrides[fid] = std::move(o);
  }
  return journal;
}

}  // namespace xiuhua::gis::detail
