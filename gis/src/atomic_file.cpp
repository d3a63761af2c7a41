#include "atomic_file.h"

#include <QDir>
#include <QFile>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace xiuhua::gis::detail {

QString temporaryBeside(const QFileInfo& target, const QString& suffix) {
  return target.absoluteDir().filePath(
      QStringLiteral(".%1-%2.%3").arg(target.completeBaseName(), QUuid::createUuid().toString(QUuid::Id128).left(8), suffix));
}

QString replaceWith(const QString& temp, const QFileInfo& target, const QString& writeError) {
  if (!writeError.isEmpty()) {
    QFile::remove(temp);
    return writeError;
  }
  if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(target.absoluteFilePath()).constData()) == 0) return {};
  const QString reason = QString::fromLocal8Bit(std::strerror(errno));
  QFile::remove(temp);
  return reason;
}

}  // namespace xiuhua::gis::detail
