#include "xiuhua/gis/file_fingerprint.h"

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

// The data file and its side files that exist, main file first.
QList<QFileInfo> dataFiles(const QString& path) {
  const QFileInfo main(path);
  QList<QFileInfo> files{main, QFileInfo(main.absoluteFilePath() + QStringLiteral("-wal"))};
  if (main.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0) {
    for (const char* side : {"dbf", "shx", "prj", "cpg", "DBF", "SHX", "PRJ", "CPG"}) {
      files << QFileInfo(main.absoluteDir().filePath(main.completeBaseName() + QLatin1Char('.') + QLatin1String(side)));
    }
  }
  QList<QFileInfo> existing;
  for (const QFileInfo& f : files) {
    if (f.isFile()) existing << f;
  }
  return existing;
}

QString sha256(const QFileInfo& file) {
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

QJsonArray fileFingerprint(const QString& path) {
  QJsonArray out;
  for (const QFileInfo& f : dataFiles(path)) {
    out.append(QJsonObject{{QStringLiteral("name"), f.fileName()},
                           {QStringLiteral("size"), f.size()},
                           {QStringLiteral("modified"), f.lastModified().toMSecsSinceEpoch()},
                           {QStringLiteral("sha256"), sha256(f)}});
  }
  return out;
}

bool fingerprintHolds(const QJsonArray& recorded, const QString& path) {
  const QList<QFileInfo> files = dataFiles(path);
  if (files.size() != recorded.size()) return false;
  for (qsizetype i = 0; i < files.size(); ++i) {
    const QJsonObject r = recorded[i].toObject();
    const QFileInfo& f = files[i];
    if (r.value(QStringLiteral("name")).toString() != f.fileName() || r.value(QStringLiteral("size")).toInteger() != f.size()) return false;
    if (r.value(QStringLiteral("modified")).toInteger() == f.lastModified().toMSecsSinceEpoch()) continue;
    const QString sha = r.value(QStringLiteral("sha256")).toString();
    if (sha.isEmpty() || sha != sha256(f)) return false;
  }
  return true;
}

}  // namespace xiuhua::gis
