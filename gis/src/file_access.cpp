#include "xiuhua/gis/file_access.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace xiuhua::gis {
namespace {

// The file's canonical path; for a file not there yet, its folder's canonical path and its name.
QString canonicalPath(const QFileInfo& file) {
  if (file.exists()) return file.canonicalFilePath();
  const QString folder = QFileInfo(file.absolutePath()).canonicalFilePath();
  return folder.isEmpty() ? QString() : folder + QLatin1Char('/') + file.fileName();
}

bool inSystemDataFolder(const QFileInfo& file) {
  const QString canonical = canonicalPath(file);
  if (canonical.isEmpty()) return false;
  const QString own = QFileInfo(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).canonicalFilePath();  // ~/.local/share
  // Debian's own, whatever $XDG_DATA_DIRS says (sudo -E, a desktop session that sets its own).
  QStringList folders = QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation);
  folders << QStringLiteral("/usr/share") << QStringLiteral("/usr/local/share");
  for (const QString& folder : folders) {
    const QString system = QFileInfo(folder).canonicalFilePath();
    if (system.isEmpty() || system == own) continue;
    if (canonical.startsWith(system + QLatin1Char('/'))) return true;
  }
  return false;
}

}  // namespace

bool isProtectedFile(const QString& path) {
  const QFileInfo file(path);
  if (file.exists() && !file.permissions().testAnyFlags(QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther)) return true;
  return inSystemDataFolder(file);
}

}  // namespace xiuhua::gis
