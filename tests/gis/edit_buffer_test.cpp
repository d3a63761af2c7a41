// Editing sessions: undoable edits, saving only what changed (GeoPackage) or swapping in whole new
// files (Shapefile, in its own encoding), the journal that survives a crash, the lock that keeps a
// second planner out, and saves that never leave a file half written.
#include "support/parks_fixture.h"
#include "support/shapefile_fixture.h"
#include "support/temp_dir.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "xiuhua/gis/vector_editor.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/gis/vector_writer.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QUndoStack>

namespace xiuhua::gis {
namespace {

using test::square;

QString makeParks(const test::TempDir& dir) { return test::writeParks(dir, QStringLiteral("设施.gpkg"), QStringLiteral("open_year"), 5); }

std::shared_ptr<const VectorData> read(const QString& path, const QString& layer = {}) {
  ReadOptions options;
  options.layerName = layer;
  return VectorReader::read(path, options).value();
}

QByteArray hashOf(const QString& path) {
  QFile f(path);
  EXPECT_TRUE(f.open(QIODevice::ReadOnly));
  return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

TEST(EditBuffer, EditsUndoRedoAndSaveOnlyWhatChangedInAGeoPackage) {
  test::TempDir dir;
  const QString path = makeParks(dir);
  // Every row the save writes is logged by a trigger: unchanged parks must not be rewritten.
  {
    auto db = Database::open(path).value();
    ASSERT_TRUE(db->exec(QStringLiteral("CREATE TABLE written(fid INTEGER); CREATE TRIGGER log_update AFTER UPDATE ON parks "
                                        "BEGIN INSERT INTO written VALUES(new.fid); END;"))
                    .ok());
  }
  auto buffer = EditBuffer::start(read(path, QStringLiteral("parks"))).value();
  QUndoStack undo;
  undo.push(FeatureEditCommand::addFeature(buffer.get(), square(606000, 3461000, 80), {QStringLiteral("新公园"), 2025}, QStringLiteral("add")).release());
  undo.push(FeatureEditCommand::changeAttribute(buffer.get(), 2, 1, 2030, QStringLiteral("year")).release());
  undo.push(FeatureEditCommand::deleteFeatures(buffer.get(), {4}, QStringLiteral("delete")).release());
  // A drag: three moves of park 1, one step.
  for (int k = 1; k <= 3; ++k) {
    undo.push(FeatureEditCommand::changeGeometry(buffer.get(), 1, square(600000 + 10 * k, 3460000, 100), QStringLiteral("move"), true).release());
  }
  EXPECT_EQ(undo.count(), 4);
  EXPECT_EQ(buffer->fids(), (std::vector<qint64>{1, 2, 3, 5, -1}));
  EXPECT_EQ(buffer->feature(2)->attributes[1].toInt(), 2030);
  EXPECT_NEAR(buffer->feature(1)->geometry.parts()[0][0][0].x(), 600030, 1e-9);
  // Undo everything: as on disk; redo everything: back.
  while (undo.canUndo()) undo.undo();
  EXPECT_FALSE(buffer->isModified());
  EXPECT_EQ(buffer->fids(), (std::vector<qint64>{1, 2, 3, 4, 5}));
  while (undo.canRedo()) undo.redo();
  EXPECT_EQ(buffer->fids(), (std::vector<qint64>{1, 2, 3, 5, -1}));
  EXPECT_NEAR(buffer->feature(1)->geometry.parts()[0][0][0].x(), 600030, 1e-9);

  const QByteArray before = hashOf(path);
  auto saved = buffer->save();
  ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
  ASSERT_EQ(saved->count(-1), 1U);
  EXPECT_FALSE(buffer->isModified());
  EXPECT_NE(hashOf(path), before);
  const auto data = read(path, QStringLiteral("parks"));
  ASSERT_EQ(data->featureCount(), 5U);
  EXPECT_EQ(data->attributes[1][1].toInt(), 2030);
  EXPECT_EQ(data->attributes[4][0].toString(), QStringLiteral("新公园"));
  EXPECT_EQ(data->fids[4], saved->at(-1));
  EXPECT_NEAR(data->geometries[0].parts()[0][0][0].x(), 600030, 1e-9);
  // Until rebased, the session reads the saved parks as saved.
  EXPECT_EQ(buffer->feature(saved->at(-1))->attributes[0].toString(), QStringLiteral("新公园"));
  auto db = Database::open(path).value();
  auto written = db->query(QStringLiteral("SELECT fid FROM written ORDER BY fid")).value();
  ASSERT_EQ(written.size(), 2U);  // parks 1 (moved) and 2 (year): no other row was rewritten
  EXPECT_EQ(written[0][0].toLongLong(), 1);
  EXPECT_EQ(written[1][0].toLongLong(), 2);
  buffer->rebase(data);
  EXPECT_EQ(buffer->fids().size(), 5U);
}

TEST(EditBuffer, ASecondSessionIsToldWhoHoldsTheLayerAndChangesOnDiskAreNotOverwritten) {
  test::TempDir dir;
  const QString path = makeParks(dir);
  auto first = EditBuffer::start(read(path, QStringLiteral("parks"))).value();
  const auto second = EditBuffer::start(read(path, QStringLiteral("parks")));
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(second.error().message.contains(QStringLiteral("设施.gpkg"))) << second.error().message.toStdString();
  EXPECT_TRUE(second.error().message.contains(QString::number(QCoreApplication::applicationPid())) ||
              second.error().message.contains(QStringLiteral("process")))
      << second.error().message.toStdString();

  // Another program writes the file meanwhile: the save refuses, the edits stay.
  FeatureEditCommand::changeAttribute(first.get(), 3, 0, QStringLiteral("改名"), QStringLiteral("rename"))->redo();
  ASSERT_TRUE(VectorEditor::open(SourceRef::parse(path + QStringLiteral("|layername=parks")))
                  .value()
                  ->add({square(609000, 3469000, 50)}, Crs(), {{{QStringLiteral("name"), QStringLiteral("别人加的")}}})
                  .ok());
  const auto refused = first->save();
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(QStringLiteral("changed on disk"))) << refused.error().message.toStdString();
  EXPECT_TRUE(first->isModified());
  EXPECT_EQ(read(path, QStringLiteral("parks"))->attributes[5][0].toString(), QStringLiteral("别人加的"));

  first.reset();  // the lock goes with the session
  EXPECT_TRUE(EditBuffer::start(read(path, QStringLiteral("parks")), false).ok());
}

TEST(EditBuffer, AFileMarkedReadOnlyIsNotEditedEvenByRoot) {
  test::TempDir dir;
  const QString path = makeParks(dir);
  ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
  const QByteArray before = hashOf(path);
  const QStringList filesBefore = QDir(dir.path(QString())).entryList(QDir::Files | QDir::Hidden);
  const auto refused = EditBuffer::start(read(path, QStringLiteral("parks")));
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(path)) << refused.error().message.toStdString();
  EXPECT_TRUE(refused.error().message.contains(QStringLiteral("read-only"))) << refused.error().message.toStdString();
  EXPECT_EQ(hashOf(path), before);
  EXPECT_EQ(QDir(dir.path(QString())).entryList(QDir::Files | QDir::Hidden), filesBefore);  // not even a lock file
  ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
  EXPECT_TRUE(EditBuffer::start(read(path, QStringLiteral("parks"))).ok());
}

TEST(EditBuffer, UnsavedEditsComeBackFromTheJournalAfterACrash) {
  test::TempDir dir;
  const QString path = makeParks(dir);
  const QByteArray original = hashOf(path);
  {
    auto buffer = EditBuffer::start(read(path, QStringLiteral("parks"))).value();
    FeatureEditCommand::addFeature(buffer.get(), square(607000, 3462000, 60), {QStringLiteral("口袋公园"), 2025}, QStringLiteral("add"))->redo();
    FeatureEditCommand::deleteFeatures(buffer.get(), {2}, QStringLiteral("delete"))->redo();
    FeatureEditCommand::changeAttribute(buffer.get(), 3, 0, QStringLiteral("更名公园"), QStringLiteral("rename"))->redo();
    // The session ends without saving (as when the process is killed): the file is untouched.
  }
  EXPECT_EQ(hashOf(path), original);
  ASSERT_TRUE(EditBuffer::hasJournal(path, QStringLiteral("parks")));
  auto restored = EditBuffer::start(read(path, QStringLiteral("parks"))).value();
  EXPECT_TRUE(restored->restoredFromJournal());
  EXPECT_EQ(restored->fids(), (std::vector<qint64>{1, 3, 4, 5, -1}));
  EXPECT_EQ(restored->feature(3)->attributes[0].toString(), QStringLiteral("更名公园"));
  EXPECT_EQ(restored->feature(-1)->attributes[1].toLongLong(), 2025);
  EXPECT_EQ(restored->feature(-1)->geometry.type(), Geometry::Type::Polygon);
  // New fids go on from where the journal left them.
  EXPECT_EQ(restored->newFid(), -2);
  ASSERT_TRUE(restored->save().ok());
  EXPECT_FALSE(EditBuffer::hasJournal(path, QStringLiteral("parks")));
  EXPECT_EQ(read(path, QStringLiteral("parks"))->featureCount(), 5U);

  // A journal made against another version of the file is kept, not applied.
  FeatureEditCommand::changeAttribute(restored.get(), 1, 0, QStringLiteral("甲"), QStringLiteral("rename"))->redo();
  restored.reset();
  ASSERT_TRUE(VectorEditor::open(SourceRef::parse(path + QStringLiteral("|layername=parks"))).value()->remove({5}).ok());
  auto later = EditBuffer::start(read(path, QStringLiteral("parks"))).value();
  EXPECT_FALSE(later->restoredFromJournal());
  EXPECT_FALSE(later->journalProblem().isEmpty());
  EXPECT_FALSE(later->isModified());
}

QString makeGbkShapefile(const test::TempDir& dir) { return test::writeGbkSections(dir, 3, false); }

TEST(EditBuffer, AShapefileIsRewrittenBesideAndSwappedInInItsOwnEncoding) {
  test::TempDir dir;
  const QString path = makeGbkShapefile(dir);
  auto data = read(path);
  ASSERT_EQ(data->attributes[0][0].toString(), QStringLiteral("架空"));
  const QString encoding = data->encoding.name;
  auto fileBytes = [](const QString& file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
  };
  const QByteArray cpgBefore = fileBytes(dir.path(QStringLiteral("架空线.cpg")));
  const QByteArray dbfHeaderBefore = fileBytes(dir.path(QStringLiteral("架空线.dbf"))).mid(29, 1);
  ASSERT_FALSE(cpgBefore.isEmpty());
  auto buffer = EditBuffer::start(data).value();
  // The first section is buried this year; a new section is added.
  FeatureEditCommand::changeAttribute(buffer.get(), 0, 0, QStringLiteral("入地"), QStringLiteral("bury"))->redo();
  Geometry line(Geometry::Type::Line, {Geometry::Part{Geometry::Ring{{600400, 3460000}, {600450, 3460050}}}});
  FeatureEditCommand::addFeature(buffer.get(), line, {QStringLiteral("架空")}, QStringLiteral("add"))->redo();
  FeatureEditCommand::deleteFeatures(buffer.get(), {1}, QStringLiteral("delete"))->redo();
  auto saved = buffer->save();
  ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
  const auto after = read(path);
  ASSERT_EQ(after->featureCount(), 3U);
  EXPECT_EQ(after->encoding.name, encoding);  // still GBK: its .cpg and language id kept
  EXPECT_EQ(fileBytes(dir.path(QStringLiteral("架空线.cpg"))), cpgBefore);  // the very same declaration
  EXPECT_EQ(fileBytes(dir.path(QStringLiteral("架空线.dbf"))).mid(29, 1), dbfHeaderBefore);
  EXPECT_EQ(after->attributes[0][0].toString(), QStringLiteral("入地"));
  EXPECT_EQ(after->attributes[2][0].toString(), QStringLiteral("架空"));
  // Nothing left behind: no backups, no temporary folder.
  const QStringList left = QDir(dir.path(QString())).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
  for (const QString& name : left) {
    EXPECT_FALSE(name.contains(QStringLiteral("xhbak")) || name.contains(QStringLiteral("saving"))) << name.toStdString();
  }
}

TEST(EditBuffer, AFailedSwapPutsTheOriginalFilesBack) {
  test::TempDir dir;
  const QString path = makeGbkShapefile(dir);
  std::map<QString, QByteArray> original;
  for (const char* ext : {"shp", "shx", "dbf", "prj", "cpg"}) {
    const QString f = dir.path(QStringLiteral("架空线.") + QLatin1String(ext));
    if (QFile::exists(f)) original[f] = hashOf(f);
  }
  auto buffer = EditBuffer::start(read(path)).value();
  FeatureEditCommand::deleteFeatures(buffer.get(), {0}, QStringLiteral("delete"))->redo();
  // The .dbf's backup name is taken by a folder with a file in it: the swap cannot back it up.
  ASSERT_TRUE(QDir().mkpath(dir.path(QStringLiteral("架空线.dbf.xhbak/占位"))));
  const auto failed = buffer->save();
  ASSERT_FALSE(failed.ok());
  EXPECT_TRUE(failed.error().message.contains(QStringLiteral("架空线"))) << failed.error().message.toStdString();
  EXPECT_TRUE(buffer->isModified());  // the edits are still there
  for (const auto& [file, hash] : original) EXPECT_EQ(hashOf(file), hash) << file.toStdString();
  EXPECT_EQ(read(path)->featureCount(), 3U);
}

TEST(EditBuffer, ASwapCutShortByACrashIsUndoneWhenTheNextSessionStarts) {
  test::TempDir dir;
  const QString path = makeGbkShapefile(dir);
  const QByteArray dbf = hashOf(dir.path(QStringLiteral("架空线.dbf")));
  // As if the process died mid-swap: .shp and .dbf backed up, only a new .shp moved in.
  ASSERT_TRUE(QFile::rename(path, path + QStringLiteral(".xhbak")));
  ASSERT_TRUE(QFile::rename(dir.path(QStringLiteral("架空线.dbf")), dir.path(QStringLiteral("架空线.dbf.xhbak"))));
  ASSERT_TRUE(QFile::copy(path + QStringLiteral(".xhbak"), path));
  EXPECT_TRUE(read(path)->fields.empty());  // no .dbf: the attributes are gone as it stands
  // Starting a session puts the old files back.
  ASSERT_TRUE(QFile::exists(dir.path(QStringLiteral("架空线.dbf.xhbak"))));
  std::shared_ptr<VectorData> fake = std::make_shared<VectorData>();
  fake->path = path;
  fake->driver = QStringLiteral("ESRI Shapefile");
  EXPECT_TRUE(EditBuffer::start(fake, false).ok());
  EXPECT_EQ(hashOf(dir.path(QStringLiteral("架空线.dbf"))), dbf);
  EXPECT_FALSE(QFile::exists(dir.path(QStringLiteral("架空线.dbf.xhbak"))));
  EXPECT_EQ(read(path)->featureCount(), 3U);
}

}  // namespace
}  // namespace xiuhua::gis
