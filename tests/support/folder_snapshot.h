#pragma once

// Every file under a folder (hidden ones too) with the SHA-256 of its bytes: what "nothing in it
// changed or appeared" means to a test.
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QString>

namespace xiuhua::test {

inline QMap<QString, QByteArray> snapshotOf(const QString& folder) {
  QMap<QString, QByteArray> files;
  QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    QFile f(it.next());
    files[QDir(folder).relativeFilePath(f.fileName())] =
        f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray("?");
  }
  return files;
}

}  // namespace xiuhua::test
