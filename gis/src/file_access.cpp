#include "xiuhua/gis/file_access.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace xiuhua::gis {
namespace {

bool inSystemDataFolder(const QFileInfo& file) {
  const QString canonical = file.canonicalFilePath();
  if (canonical.isEmpty()) return false;
  const QString own = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);  // ~/.local/share
  for (const QString& folder : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation)) {
    const QString system = QFileInfo(folder).canonicalFilePath();
    if (system.isEmpty() || folder == own || system == QFileInfo(own).canonicalFilePath()) continue;
    if (canonical.startsWith(system + QLatin1Char('/'))) return true;
  }
  return false;
}

}  // namespace

bool isProtectedFile(const QString& path) {
  const QFileInfo file(path);
  if (!file.exists()) return false;
  return !file.permissions().testAnyFlags(QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther) || inSystemDataFolder(file);
}

}  // namespace xiuhua::gis
