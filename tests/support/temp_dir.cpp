#include "support/temp_dir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace xiuhua::test {

TempDir::TempDir() {
  mRoot = QDir(mDir.path()).filePath(QStringLiteral("嘉定 数据"));
  QDir().mkpath(mRoot);
}

QString TempDir::path(const QString& name) const { return QDir(mRoot).filePath(name); }

QString TempDir::write(const QString& name, const QByteArray& bytes) const {
  QFile f(path(name));
  if (f.open(QIODevice::WriteOnly)) f.write(bytes);
  return path(name);
}

QString TempDir::copy(const QString& source, const QString& newBaseName) const {
  const QFileInfo info(source);
  const QString base = newBaseName.isEmpty() ? info.completeBaseName() : newBaseName;
  const bool shapefile = info.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0;
  const QStringList suffixes = shapefile ? QStringList{QStringLiteral("shp"), QStringLiteral("shx"),
                                                       QStringLiteral("dbf"), QStringLiteral("prj"),
                                                       QStringLiteral("cpg")}
                                         : QStringList{info.suffix()};
  for (const QString& s : suffixes) {
    const QString from = info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + s);
    if (QFileInfo::exists(from)) QFile::copy(from, path(base + QLatin1Char('.') + s));
  }
  return path(base + QLatin1Char('.') + info.suffix());
}

}  // namespace xiuhua::test
