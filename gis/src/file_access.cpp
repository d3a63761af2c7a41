#include "xiuhua/gis/file_access.h"

#include <QFileInfo>

namespace xiuhua::gis {

bool isMarkedReadOnly(const QString& path) {
  const QFileInfo file(path);
  return file.exists() && !file.permissions().testAnyFlags(QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther);
}

}  // namespace xiuhua::gis
