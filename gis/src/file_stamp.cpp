#include "xiuhua/gis/file_stamp.h"

#include "data_files.h"

#include <QDateTime>
#include <QStringList>

namespace xiuhua::gis {

QString fileStamp(const QString& path) {
  QStringList parts;
  for (const QFileInfo& info : detail::dataFiles(path)) {
    parts << QStringLiteral("%1:%2:%3").arg(info.fileName()).arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
  }
  return parts.join(QLatin1Char(';'));
}

}  // namespace xiuhua::gis
