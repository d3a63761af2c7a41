#include "document/demo_project.h"

#include "xiuhua/gis/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

namespace xiuhua::app::demo_project {
namespace {

QString projectName(Demo demo) { return demo == Demo::Putuo ? QStringLiteral("putuo-demo") : QStringLiteral("jiading-demo"); }
QString folderName(Demo demo) { return demo == Demo::Putuo ? QStringLiteral("demo-putuo") : QStringLiteral("demo"); }

bool isSqliteSideFile(const QString& name) {
  return name.endsWith(QLatin1String("-wal")) || name.endsWith(QLatin1String("-shm")) || name.endsWith(QLatin1String("-journal"));
}

// Copies every file under from (but the project and SQLite's side files) to to, writable by the user.
gis::Status copyFiles(const QDir& from, const QDir& to, const QString& project) {
  QDirIterator it(from.absolutePath(), QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QFileInfo source(it.next());
    if (source.absoluteFilePath() == project || isSqliteSideFile(source.fileName())) continue;
    const QString target = to.filePath(from.relativeFilePath(source.absoluteFilePath()));
    if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source.absoluteFilePath(), target) ||
        !QFile::setPermissions(target, QFile::permissions(target) | QFile::ReadOwner | QFile::WriteOwner)) {
      return gis::Error{gis::ErrorCode::IoFailed, QCoreApplication::translate("DemoProject", "%1: cannot copy the demo file to %2.").arg(source.absoluteFilePath(), target)};
    }
  }
  return {};
}

}  // namespace

QString shippedProject(Demo demo) {
  QStringList folders;
  const QString folder = folderName(demo);
  if (!qEnvironmentVariableIsEmpty("XIUHUA_DEMO_DIR")) {
    const QDir jiading(qEnvironmentVariable("XIUHUA_DEMO_DIR"));
    folders << (demo == Demo::Jiading ? jiading.path() : jiading.filePath(QStringLiteral("../") + folder));
  }
  const QDir bin(QCoreApplication::applicationDirPath());
  // Installed; then in a build tree, the demo built with its history (data/CMakeLists.txt), else the
  // committed project it is built from.
  folders << bin.filePath(QStringLiteral("../share/xiuhua/") + folder) << bin.filePath(QStringLiteral("../") + folder)
          << bin.filePath(QStringLiteral("../../data/") + folder);
  for (const QString& f : folders) {
    const QString path = QDir::cleanPath(QDir(f).filePath(projectName(demo) + QStringLiteral(".xhp")));
    if (QFileInfo(path).isFile()) return path;
  }
  return {};
}

QString defaultCopyFolder(Demo demo) {
  const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  return QDir(documents.isEmpty() ? QDir::homePath() : documents).filePath(QStringLiteral("Xiuhua/") + projectName(demo));
}

gis::Result<QString> copyTo(const QString& shippedProject, const QString& folder) {
  const QFileInfo project(shippedProject);
  const QDir target(folder);
  const QString copiedProject = target.filePath(project.fileName());
  if (QFileInfo(copiedProject).isFile()) return copiedProject;
  if (target.exists()) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      QCoreApplication::translate("DemoProject", "%1 exists but holds no copy of the demo project: choose another folder.").arg(QDir::toNativeSeparators(folder))};
  }
  const QString parent = QFileInfo(target.absolutePath()).absolutePath();
  const QString temporary = QDir(parent).filePath(QStringLiteral(".%1.partial-%2").arg(target.dirName(), QUuid::createUuid().toString(QUuid::Id128).left(8)));
  if (!QDir().mkpath(temporary)) {
    return gis::Error{gis::ErrorCode::IoFailed, QCoreApplication::translate("DemoProject", "%1: cannot create the folder for the demo project.").arg(QDir::toNativeSeparators(parent))};
  }
  auto fail = [&](const gis::Error& error) -> gis::Result<QString> {
    QDir(temporary).removeRecursively();
    return error;
  };
  auto db = gis::Database::openReadOnly(project.absoluteFilePath());  // the source stays as it is
  if (!db.ok()) return fail(db.error());
  if (gis::Status s = (*db)->copyTo(QDir(temporary).filePath(project.fileName())); !s) return fail(s.error());
  db.value().reset();
  if (gis::Status s = copyFiles(project.absoluteDir(), QDir(temporary), project.absoluteFilePath()); !s) return fail(s.error());
  if (!QDir().rename(temporary, target.absolutePath())) {
    // Another Xiuhua made the copy meanwhile: that one is the user's.
    if (QFileInfo(copiedProject).isFile()) {
      QDir(temporary).removeRecursively();
      return copiedProject;
    }
    return fail(gis::Error{gis::ErrorCode::IoFailed, QCoreApplication::translate("DemoProject", "%1: cannot move the copied demo project there.")
                                                         .arg(QDir::toNativeSeparators(folder))});
  }
  return copiedProject;
}

}  // namespace xiuhua::app::demo_project
