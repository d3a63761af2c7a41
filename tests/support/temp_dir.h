#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace xiuhua::test {

// A temporary directory whose path has Chinese characters and a space, as users' paths do.
class TempDir {
 public:
  TempDir();
  QString path(const QString& name) const;
  // Writes bytes to a file in the directory and returns its path.
  QString write(const QString& name, const QByteArray& bytes) const;
  // Copies a file (and, for a .shp, its sidecars) into the directory; returns the new path.
  QString copy(const QString& source, const QString& newBaseName = {}) const;

 private:
  QTemporaryDir mDir;
  QString mRoot;
};

}  // namespace xiuhua::test
