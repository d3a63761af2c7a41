#include "xiuhua/gis/file_stamp.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace xiuhua::gis {

QString fileStamp(const QString& path) {
  const QFileInfo main(path);
  QStringList files{main.absoluteFilePath(), main.absoluteFilePath() + QStringLiteral("-wal")};
  if (main.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0) {
    for (const char* side : {"dbf", "shx", "prj", "cpg", "DBF", "SHX", "PRJ", "CPG"}) {
      files << main.absoluteDir().filePath(main.completeBaseName() + QLatin1Char('.') + QLatin1String(side));
    }
  }
  QStringList parts;
  for (const QString& f : files) {
    const QFileInfo info(f);
    if (info.exists()) parts << QStringLiteral("%1:%2:%3").arg(info.fileName()).arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
  }
  return parts.join(QLatin1Char(';'));
}

}  // namespace xiuhua::gis
