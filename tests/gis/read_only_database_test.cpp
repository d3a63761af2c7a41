// A project this process may not change is opened read-only: reads work, writes fail with a message
// naming the file, and nothing is created beside it.
#include "support/temp_dir.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/gis/file_access.h"
#include "xiuhua/gis/project.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

namespace xiuhua::gis {
namespace {

const char* kSchema = "CREATE TABLE IF NOT EXISTS xh_things(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);"
                      "CREATE INDEX IF NOT EXISTS xh_things_name ON xh_things(name);"
                      "CREATE TABLE IF NOT EXISTS xh_more(code TEXT PRIMARY KEY, value REAL);";

// A WAL-mode database with one table of two rows, written and closed (checkpointed).
QString writeDatabase(const test::TempDir& dir, const QString& name) {
  const QString path = dir.path(name);
  EXPECT_TRUE(QDir().mkpath(QFileInfo(path).absolutePath()));
  Project project;
  project.title = QStringLiteral("只读");
  project.mapCrs = Crs::fromEpsg(4549);
  EXPECT_TRUE(ProjectFile::save(project, path).ok());
  auto db = Database::open(path);
  EXPECT_TRUE(db.ok());
  EXPECT_FALSE((*db)->isReadOnly());
  EXPECT_TRUE((*db)->exec(QStringLiteral("CREATE TABLE xh_things(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);"
                                         "INSERT INTO xh_things(name) VALUES('公园'), ('站点');")).ok());
  return path;
}

QStringList filesIn(const QString& folder) { return QDir(folder).entryList(QDir::Files | QDir::Hidden); }

QByteArray contentsOf(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void markReadOnly(const QString& path) {
  ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser | QFile::ReadGroup | QFile::ReadOther));
}

TEST(ReadOnlyDatabase, AFileMarkedReadOnlyIsReadButNeverWrittenNorAccompanied) {
  test::TempDir dir;
  const QString path = writeDatabase(dir, QStringLiteral("项目.xhp"));
  markReadOnly(path);
  const QByteArray before = contentsOf(path);
  const QStringList filesBefore = filesIn(QFileInfo(path).absolutePath());
  EXPECT_FALSE(Database::isWritable(path));  // also for root: the file's mode bits say read-only

  auto db = Database::open(path);
  ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
  EXPECT_TRUE((*db)->isReadOnly());
  auto rows = (*db)->query(QStringLiteral("SELECT name FROM xh_things ORDER BY id"));
  ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
  ASSERT_EQ(rows->size(), 2U);
  EXPECT_EQ(rows->at(1).at(0).toString(), QStringLiteral("站点"));

  // The schema: the table it has is used, the one it lacks is empty, not an error.
  ASSERT_TRUE((*db)->ensureSchema(QString::fromLatin1(kSchema)).ok());
  auto things = (*db)->query(QStringLiteral("SELECT COUNT(*) FROM xh_things"));
  auto more = (*db)->query(QStringLiteral("SELECT COUNT(*) FROM xh_more"));
  ASSERT_TRUE(things.ok() && more.ok());
  EXPECT_EQ(things->front().front().toInt(), 2);
  EXPECT_EQ(more->front().front().toInt(), 0);
  // … and cannot be written into, though it is only in memory: the write would vanish unseen.
  auto intoMemory = (*db)->query(QStringLiteral("INSERT INTO xh_more VALUES('JD14-13', 66.7)"));
  ASSERT_FALSE(intoMemory.ok());
  EXPECT_EQ(intoMemory.error().message, Database::readOnlyMessage(path));
  EXPECT_FALSE((*db)->exec(QStringLiteral("SELECT 1; DELETE FROM xh_more;")).ok());
  EXPECT_FALSE((*db)->createTemporary(QStringLiteral("DELETE FROM xh_things")).ok());

  // Every kind of write is refused with the file named.
  const Status begin = (*db)->beginWrite();
  ASSERT_FALSE(begin.ok());
  EXPECT_TRUE(begin.error().message.contains(path)) << begin.error().message.toStdString();
  EXPECT_TRUE(begin.error().message.contains(QStringLiteral("read-only")));
  const Status insert = (*db)->exec(QStringLiteral("INSERT INTO xh_things(name) VALUES('道路')"));
  ASSERT_FALSE(insert.ok());
  EXPECT_EQ(insert.error().message, Database::readOnlyMessage(path));
  auto update = (*db)->query(QStringLiteral("UPDATE xh_things SET name = ?"), {QStringLiteral("x")});
  ASSERT_FALSE(update.ok());
  EXPECT_EQ(update.error().message, Database::readOnlyMessage(path));
  EXPECT_FALSE((*db)->requireWritable().ok());

  // Saving the project in place is refused as well; under another name it is a writable copy.
  auto project = ProjectFile::load(path);
  ASSERT_TRUE(project.ok()) << project.error().message.toStdString();
  EXPECT_EQ(project->title, QStringLiteral("只读"));
  const Status saved = ProjectFile::save(project.value(), path);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().message, Database::readOnlyMessage(path));
  const QString copy = dir.path(QStringLiteral("副本/项目.xhp"));
  ASSERT_TRUE(QDir().mkpath(QFileInfo(copy).absolutePath()));
  ASSERT_TRUE((*db)->copyTo(copy).ok());
  EXPECT_TRUE(Database::isWritable(copy));
  auto copied = Database::open(copy);
  ASSERT_TRUE(copied.ok());
  EXPECT_FALSE((*copied)->isReadOnly());
  EXPECT_TRUE((*copied)->exec(QStringLiteral("INSERT INTO xh_things(name) VALUES('道路')")).ok());

  db.value().reset();
  EXPECT_EQ(contentsOf(path), before);
  EXPECT_EQ(filesIn(QFileInfo(path).absolutePath()), filesBefore);  // no -wal, -shm or -journal
}

TEST(ReadOnlyDatabase, AProtectedFileIsReadWithWhatItsWalHolds) {
  test::TempDir dir;
  const QString path = writeDatabase(dir, QStringLiteral("项目.xhp"));
  // Another program has it open and has written a row that is still only in the -wal.
  auto writer = Database::open(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->exec(QStringLiteral("PRAGMA wal_autocheckpoint=0; INSERT INTO xh_things(name) VALUES('第三');")).ok());
  ASSERT_GT(QFileInfo(path + QStringLiteral("-wal")).size(), 0);
  markReadOnly(path);
  auto reader = Database::open(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message.toStdString();
  EXPECT_TRUE((*reader)->isReadOnly());
  auto rows = (*reader)->query(QStringLiteral("SELECT COUNT(*) FROM xh_things"));
  ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
  EXPECT_EQ(rows->front().front().toInt(), 3);  // not the 2 of the main file alone
  reader.value().reset();
  writer.value().reset();
  ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
}

TEST(ReadOnlyDatabase, AProjectInstalledInASystemDataFolderIsReadOnlyForRootToo) {
  test::TempDir dir;
  const QString installed = writeDatabase(dir, QStringLiteral("share/xiuhua/demo/项目.xhp"));  // rw-r--r--, as dpkg installs it
  const QString mine = writeDatabase(dir, QStringLiteral("home/项目.xhp"));
  const QByteArray previous = qgetenv("XDG_DATA_DIRS");
  qputenv("XDG_DATA_DIRS", dir.path(QStringLiteral("share")).toUtf8());  // as /usr/share is by default
  EXPECT_TRUE(isProtectedFile(installed));
  EXPECT_FALSE(Database::isWritable(installed));
  EXPECT_FALSE(isProtectedFile(mine));
  EXPECT_TRUE(Database::isWritable(mine));
  const QStringList filesBefore = filesIn(QFileInfo(installed).absolutePath());
  {
    auto db = Database::open(installed);
    ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
    EXPECT_TRUE((*db)->isReadOnly());
    auto rows = (*db)->query(QStringLiteral("SELECT COUNT(*) FROM xh_things"));
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows->front().front().toInt(), 2);
    EXPECT_FALSE((*db)->exec(QStringLiteral("DELETE FROM xh_things")).ok());
    // Nor is a copy of it saved into the system folder.
    const QString beside = dir.path(QStringLiteral("share/xiuhua/demo/副本.xhp"));
    const Status copied = (*db)->copyTo(beside);
    ASSERT_FALSE(copied.ok());
    EXPECT_EQ(copied.error().message, Database::readOnlyMessage(beside));
  }
  EXPECT_EQ(filesIn(QFileInfo(installed).absolutePath()), filesBefore);
  if (previous.isNull()) {
    qunsetenv("XDG_DATA_DIRS");
  } else {
    qputenv("XDG_DATA_DIRS", previous);
  }
  EXPECT_FALSE(isProtectedFile(installed));
}

TEST(ReadOnlyDatabase, AWalProjectInAFolderItMayNotWriteIsReadWithoutItsSideFiles) {
  if (geteuid() == 0) GTEST_SKIP() << "root may write into any folder; the file-mode case above covers root";
  test::TempDir dir;
  const QString path = writeDatabase(dir, QStringLiteral("只读目录/项目.xhp"));
  const QString folder = QFileInfo(path).absolutePath();
  ASSERT_TRUE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
  EXPECT_FALSE(Database::isWritable(path));  // the file itself is writable: the folder decides
  auto db = Database::open(path);
  ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
  EXPECT_TRUE((*db)->isReadOnly());
  auto rows = (*db)->query(QStringLiteral("SELECT COUNT(*) FROM xh_things"));
  ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
  EXPECT_EQ(rows->front().front().toInt(), 2);
  EXPECT_TRUE(ProjectFile::load(path).ok());
  db.value().reset();
  EXPECT_EQ(filesIn(folder), QStringList{QStringLiteral("项目.xhp")});
  ASSERT_TRUE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

TEST(ReadOnlyDatabase, AWritableProjectIsOpenedForWriting) {
  test::TempDir dir;
  const QString path = writeDatabase(dir, QStringLiteral("项目.xhp"));
  EXPECT_TRUE(Database::isWritable(path));
  auto db = Database::open(path);
  ASSERT_TRUE(db.ok());
  EXPECT_FALSE((*db)->isReadOnly());
  ASSERT_TRUE((*db)->ensureSchema(QString::fromLatin1(kSchema)).ok());
  EXPECT_TRUE((*db)->exec(QStringLiteral("INSERT INTO xh_more VALUES('JD14-13', 66.7)")).ok());
  // The schema went into the file, not into memory.
  auto reopened = Database::open(path);
  ASSERT_TRUE(reopened.ok());
  auto more = (*reopened)->query(QStringLiteral("SELECT value FROM xh_more"));
  ASSERT_TRUE(more.ok());
  ASSERT_EQ(more->size(), 1U);
  EXPECT_DOUBLE_EQ(more->front().front().toDouble(), 66.7);
}

}  // namespace
}  // namespace xiuhua::gis
