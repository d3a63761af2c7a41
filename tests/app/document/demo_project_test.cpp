// The user's copy of the shipped (read-only) demo project.
#include "document/demo_project.h"
#include "support/demo_copy.h"
#include "support/temp_dir.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/gis/project.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace xiuhua::app {
namespace {

// Every file under folder, relative, sorted.
QStringList filesUnder(const QString& folder) {
  QStringList files;
  QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
  while (it.hasNext()) files << QDir(folder).relativeFilePath(it.next());
  files.sort();
  return files;
}

QByteArray contentsOf(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The demo as installed: every file read-only (0444).
QString installedDemo(const test::TempDir& dir) {
  const QString project = test::copyDemoProject(dir.path(QString()), QStringLiteral("share/xiuhua/demo"));
  QDirIterator it(QFileInfo(project).absolutePath(), QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) QFile::setPermissions(it.next(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
  return project;
}

TEST(DemoProject, IsCopiedWritableAndWhole) {
  test::TempDir dir;
  const QString shipped = installedDemo(dir);
  ASSERT_FALSE(shipped.isEmpty());
  ASSERT_FALSE(gis::Database::isWritable(shipped));
  const QString folder = dir.path(QStringLiteral("文档/Xiuhua/jiading-demo"));
  auto copy = demo_project::copyTo(shipped, folder);
  ASSERT_TRUE(copy.ok()) << copy.error().message.toStdString();
  EXPECT_EQ(copy.value(), QDir(folder).filePath(QStringLiteral("jiading-demo.xhp")));
  EXPECT_TRUE(gis::Database::isWritable(copy.value()));

  // The same files (the project rewritten by SQLite, the rest byte for byte), all writable.
  const QString shippedFolder = QFileInfo(shipped).absolutePath();
  EXPECT_EQ(filesUnder(folder), filesUnder(shippedFolder));
  for (const QString& file : filesUnder(folder)) {
    EXPECT_TRUE(QFileInfo(QDir(folder).filePath(file)).permission(QFile::WriteOwner)) << file.toStdString();  // root too
    if (file != QLatin1String("jiading-demo.xhp")) {
      EXPECT_EQ(contentsOf(QDir(folder).filePath(file)), contentsOf(QDir(shippedFolder).filePath(file))) << file.toStdString();
    }
  }
  auto original = gis::ProjectFile::load(shipped);
  auto copied = gis::ProjectFile::load(copy.value());
  ASSERT_TRUE(original.ok() && copied.ok());
  ASSERT_EQ(copied->layers.size(), original->layers.size());
  for (std::size_t i = 0; i < copied->layers.size(); ++i) {
    // The data are named relative to the project: the copy reads its own files.
    EXPECT_EQ(QDir(folder).relativeFilePath(copied->layers[i].source), QDir(shippedFolder).relativeFilePath(original->layers[i].source));
    EXPECT_TRUE(copied->layers[i].source.startsWith(folder)) << copied->layers[i].source.toStdString();
  }
  // Nothing left beside the copy (no temporary folder).
  EXPECT_EQ(QDir(QFileInfo(folder).absolutePath()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList{QStringLiteral("jiading-demo")});
}

TEST(DemoProject, AnExistingCopyIsKeptWithTheUsersWork) {
  test::TempDir dir;
  const QString shipped = installedDemo(dir);
  const QString folder = dir.path(QStringLiteral("copy"));
  auto first = demo_project::copyTo(shipped, folder);
  ASSERT_TRUE(first.ok());
  {
    auto db = gis::Database::open(first.value());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->exec(QStringLiteral("UPDATE xh_project SET value = '我的嘉定' WHERE key = 'title'")).ok());
  }
  auto second = demo_project::copyTo(shipped, folder);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value(), first.value());
  auto project = gis::ProjectFile::load(second.value());
  ASSERT_TRUE(project.ok());
  EXPECT_EQ(project->title, QStringLiteral("我的嘉定"));
}

TEST(DemoProject, AFolderHoldingSomethingElseIsLeftAlone) {
  test::TempDir dir;
  const QString shipped = installedDemo(dir);
  ASSERT_TRUE(QDir().mkpath(dir.path(QStringLiteral("我的资料"))));
  const QString mine = dir.write(QStringLiteral("我的资料/notes.txt"), "keep me");
  auto copy = demo_project::copyTo(shipped, QFileInfo(mine).absolutePath());
  ASSERT_FALSE(copy.ok());
  EXPECT_TRUE(copy.error().message.contains(QStringLiteral("我的资料"))) << copy.error().message.toStdString();
  EXPECT_EQ(filesUnder(QFileInfo(mine).absolutePath()), QStringList{QStringLiteral("notes.txt")});
  EXPECT_EQ(contentsOf(mine), QByteArray("keep me"));
}

TEST(DemoProject, AFailedCopyLeavesNothing) {
  test::TempDir dir;
  ASSERT_TRUE(QDir().mkpath(dir.path(QStringLiteral("demo"))));
  const QString broken = dir.write(QStringLiteral("demo/jiading-demo.xhp"), QByteArray(4096, 'x'));
  ASSERT_EQ(QFileInfo(broken).size(), 4096);
  const QString parent = dir.path(QStringLiteral("目标"));
  ASSERT_TRUE(QDir().mkpath(parent));
  auto copy = demo_project::copyTo(broken, QDir(parent).filePath(QStringLiteral("jiading-demo")));
  ASSERT_FALSE(copy.ok());
  EXPECT_TRUE(copy.error().message.contains(broken)) << copy.error().message.toStdString();
  EXPECT_TRUE(QDir(parent).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
}

TEST(DemoProject, IsFoundWhereXiuhuaDemoDirSays) {
  test::TempDir dir;
  const QString shipped = installedDemo(dir);
  qputenv("XIUHUA_DEMO_DIR", QFileInfo(shipped).absolutePath().toUtf8());
  EXPECT_EQ(demo_project::shippedProject(), shipped);
  qunsetenv("XIUHUA_DEMO_DIR");
}

}  // namespace
}  // namespace xiuhua::app
