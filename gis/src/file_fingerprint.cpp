#include "xiuhua/gis/file_fingerprint.h"

#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/gis/postgis/pg_tables.h"

#include "data_files.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <map>
#include <mutex>
#include <tuple>

namespace xiuhua::gis {
namespace {

QString cachedSha256(const QFileInfo& file) {
  using Key = std::tuple<QString, qint64, qint64>;
  static std::mutex mutex;
  static std::map<Key, QString> cache;
  const Key key{file.absoluteFilePath(), file.size(), file.lastModified().toMSecsSinceEpoch()};
  {
    const std::lock_guard lock(mutex);
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
  }
  QFile f(file.absoluteFilePath());
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!f.open(QIODevice::ReadOnly) || !hash.addData(&f)) return {};
  const QString hex = QString::fromLatin1(hash.result().toHex());
  const std::lock_guard lock(mutex);
  cache[key] = hex;
  return hex;
}

}  // namespace

QString fileSha256(const QString& path) { return cachedSha256(QFileInfo(path)); }

QJsonArray fileFingerprint(const QString& path) {
  QJsonArray out;
  for (const QFileInfo& f : detail::dataFiles(path)) {
    out.append(QJsonObject{{QStringLiteral("name"), f.fileName()},
                           {QStringLiteral("size"), f.size()},
                           {QStringLiteral("modified"), f.lastModified().toMSecsSinceEpoch()},
                           {QStringLiteral("sha256"), cachedSha256(f)}});
  }
  return out;
}

QJsonArray sourceFingerprint(const QString& path, const QString& layer) {
  if (!PgLayerSource::isPgPath(path)) return fileFingerprint(path);
  auto source = PgLayerSource::parse(path, layer);
  if (!source.ok()) return {};
  auto connection = PgConnection::open(source->connection);
  if (!connection.ok()) return {};
  auto fingerprint = pgTableFingerprint(*connection.value(), source->schema, source->table);
  return fingerprint.ok() ? QJsonArray{fingerprint.value()} : QJsonArray();
}

bool sourceFingerprintHolds(const QJsonArray& recorded, const QString& path, const QString& layer) {
  if (!PgLayerSource::isPgPath(path)) return fingerprintHolds(recorded, path);
  return !recorded.isEmpty() && recorded == sourceFingerprint(path, layer);
}

bool fingerprintHolds(const QJsonArray& recorded, const QString& path) {
  const QList<QFileInfo> files = detail::dataFiles(path);
  if (files.size() != recorded.size()) return false;
  for (qsizetype i = 0; i < files.size(); ++i) {
    const QJsonObject r = recorded[i].toObject();
    const QFileInfo& f = files[i];
    if (r.value(QStringLiteral("name")).toString() != f.fileName() || r.value(QStringLiteral("size")).toInteger() != f.size()) return false;
    if (r.value(QStringLiteral("modified")).toInteger() == f.lastModified().toMSecsSinceEpoch()) continue;
    const QString sha = r.value(QStringLiteral("sha256")).toString();
    if (sha.isEmpty() || sha != cachedSha256(f)) return false;
  }
  return true;
}

}  // namespace xiuhua::gis
