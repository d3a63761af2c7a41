#include "data_files.h"

#include <QDir>

namespace xiuhua::gis::detail {

QList<QFileInfo> dataFiles(const QString& path) {
  const QFileInfo main(path);
  if (main.isDir()) return QDir(main.absoluteFilePath()).entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
  QList<QFileInfo> files{main, QFileInfo(main.absoluteFilePath() + QStringLiteral("-wal"))};
  const QString suffix = main.suffix().toLower();
  if (suffix == QLatin1String("shp") || suffix == QLatin1String("dbf")) {
    for (const char* side : {"shp", "dbf", "shx", "prj", "cpg", "SHP", "DBF", "SHX", "PRJ", "CPG"}) {
      if (main.suffix() == QLatin1String(side)) continue;
      files << QFileInfo(main.absoluteDir().filePath(main.completeBaseName() + QLatin1Char('.') + QLatin1String(side)));
    }
  }
  QList<QFileInfo> existing;
  for (const QFileInfo& f : files) {
    if (f.isFile() && !existing.contains(f)) existing << f;
  }
  return existing;
}

}  // namespace xiuhua::gis::detail
