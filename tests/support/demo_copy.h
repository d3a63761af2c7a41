#pragma once

// A copy of the demo project (its data folder, as the project names its data by relative paths)
// in a folder the test owns, so tests that edit or compute never touch the shipped demo.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace xiuhua::test {

// Copies the demo's folder (the committed project of DEMO_DATA_DIR, or another such folder: the
// demo built with its history, BUILT_DEMO_DIR) into root/folder (without SQLite's -wal/-shm files);
// returns the project file's path, or an empty string when a file could not be copied.
inline QString copyDemoProject(const QString& root, const QString& folder, const QString& from = QStringLiteral(DEMO_DATA_DIR),
                               const QString& projectFile = QStringLiteral("jiading-demo.xhp")) {
  const QDir source(from);
  QDirIterator it(source.path(), QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString file = it.next();
    if (file.endsWith(QLatin1String("-wal")) || file.endsWith(QLatin1String("-shm"))) continue;
    const QString target = QDir(root).filePath(folder + QLatin1Char('/') + source.relativeFilePath(file));
    QDir().mkpath(QFileInfo(target).path());
    if (!QFile::copy(file, target)) return {};
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
  }
  return QDir(root).filePath(folder + QLatin1Char('/') + projectFile);
}

// The demo as built with its history (data/CMakeLists.txt) copied to the folder; the project file's
// path, or an empty string.
inline QString copyBuiltDemo(const QString& folder) {
  return copyDemoProject(QFileInfo(folder).absolutePath(), QFileInfo(folder).fileName(), QStringLiteral(BUILT_DEMO_DIR));
}

// The Putuo demo (the plans' shares and per-capita figures) as built with its history.
inline QString copyBuiltPutuoDemo(const QString& folder) {
  return copyDemoProject(QFileInfo(folder).absolutePath(), QFileInfo(folder).fileName(), QStringLiteral(BUILT_PUTUO_DEMO_DIR),
                         QStringLiteral("putuo-demo.xhp"));
}

}  // namespace xiuhua::test
