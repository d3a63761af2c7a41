// Crash safety with a real crash: edit_crash_child edits a layer and is killed (SIGKILL) mid-session
// or at the dangerous moments of a save. Afterwards the file holds exactly what it held before,
// its side files are byte-identical once the next session has recovered them, the dead process's
// lock does not block the next session, and that session restores exactly the journaled edits.
#include "support/parks_fixture.h"
#include "support/shapefile_fixture.h"
#include "support/temp_dir.h"
#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/gis/vector_writer.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <map>

namespace xiuhua::gis {
namespace {

// What the child does (see edit_crash_child.cpp), as known answers.
const QString kAddedName = QStringLiteral("新增");
constexpr qlonglong kAddedYear = 2026;
constexpr QPointF kAddedAt{611000, 3471000};
const QString kRenamed = QStringLiteral("改名");
constexpr QPointF kMovedTo{610000, 3470000};

struct Case {
  const char* name;
  bool shapefile;
  const char* mode;   // session | save
  const char* stage;  // for save: where the child stops ("" = its default)
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.name; }

using test::square;

QString makeGeoPackage(const test::TempDir& dir) { return test::writeParks(dir, QStringLiteral("公园.gpkg"), QStringLiteral("year"), 4); }

// Four overhead-line sections in a GBK shapefile (fids 0–3).
QString makeShapefile(const test::TempDir& dir) { return test::writeGbkSections(dir, 4, true); }

std::shared_ptr<const VectorData> read(const QString& path, const QString& layer) {
  ReadOptions options;
  options.layerName = layer;
  auto data = VectorReader::read(path, options);
  EXPECT_TRUE(data.ok()) << (data.ok() ? "" : data.error().message.toStdString());
  return data.ok() ? data.value() : std::make_shared<VectorData>();
}

bool sameGeometry(const Geometry& a, const Geometry& b) {
  if (a.type() != b.type() || a.parts().size() != b.parts().size()) return false;
  for (std::size_t p = 0; p < a.parts().size(); ++p) {
    if (a.parts()[p].size() != b.parts()[p].size()) return false;
    for (std::size_t r = 0; r < a.parts()[p].size(); ++r) {
      const Geometry::Ring& ra = a.parts()[p][r];
      const Geometry::Ring& rb = b.parts()[p][r];
      if (ra.size() != rb.size()) return false;
      for (std::size_t i = 0; i < ra.size(); ++i) {
        if (ra[i].x() != rb[i].x() || ra[i].y() != rb[i].y()) return false;
      }
    }
  }
  return true;
}

// Every fid, geometry (exact coordinates) and attribute the same.
void expectSameFeatures(const VectorData& now, const VectorData& before) {
  ASSERT_EQ(now.fids, before.fids);
  ASSERT_EQ(now.featureCount(), before.featureCount());
  for (std::size_t i = 0; i < before.featureCount(); ++i) {
    EXPECT_TRUE(sameGeometry(now.geometries[i], before.geometries[i])) << "fid " << before.fids[i];
    EXPECT_EQ(now.attributes[i], before.attributes[i]) << "fid " << before.fids[i];
  }
}

// The layer's own files (not locks, journals or backups) and their hashes.
std::map<QString, QByteArray> layerFiles(const QString& path) {
  const QFileInfo main(path);
  std::map<QString, QByteArray> files;
  for (const QFileInfo& f : main.absoluteDir().entryInfoList(QDir::Files)) {
    if (f.completeBaseName() != main.completeBaseName()) continue;
    QFile in(f.absoluteFilePath());
    if (in.open(QIODevice::ReadOnly)) files[f.fileName()] = QCryptographicHash::hash(in.readAll(), QCryptographicHash::Sha256);
  }
  return files;
}

// Starts the child, waits (at most a minute) until it says it is at the moment asked for, and
// kills it there.
::testing::AssertionResult runAndKill(const Case& c, const QString& path, const QString& layer, const QString& ready) {
  QProcess child;
  child.setProgram(QStringLiteral(EDIT_CRASH_CHILD));
  QStringList args{QLatin1String(c.mode), path, layer, ready};
  if (qstrlen(c.stage) > 0) args << QLatin1String(c.stage);
  child.setArguments(args);
  child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
  child.start();
  if (!child.waitForStarted(30000)) return ::testing::AssertionFailure() << "the child did not start: " << child.errorString().toStdString();
  QElapsedTimer clock;
  clock.start();
  while (!QFileInfo::exists(ready)) {
    if (child.state() == QProcess::NotRunning) {
      return ::testing::AssertionFailure() << "the child ended (exit code " << child.exitCode() << ") before it was ready";
    }
    if (clock.elapsed() > 60000) {
      child.kill();
      child.waitForFinished(10000);
      return ::testing::AssertionFailure() << "the child was not ready after 60 s";
    }
    QThread::msleep(20);
  }
  child.kill();  // SIGKILL: no destructor, no clean-up runs
  if (!child.waitForFinished(30000)) return ::testing::AssertionFailure() << "the killed child did not end";
  if (child.exitStatus() != QProcess::CrashExit) return ::testing::AssertionFailure() << "the child was not killed";
  return ::testing::AssertionSuccess();
}

class EditCrash : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    mPath = GetParam().shapefile ? makeShapefile(mDir) : makeGeoPackage(mDir);
    mLayer = GetParam().shapefile ? QStringLiteral("架空线") : QStringLiteral("parks");
    mBefore = read(mPath, mLayer);
    ASSERT_EQ(mBefore->featureCount(), 4U);
    mFilesBefore = layerFiles(mPath);
    ASSERT_TRUE(runAndKill(GetParam(), mPath, mLayer, mDir.path(QStringLiteral("ready"))));
  }

  // What the next start of the application does: a shapefile swap cut short is undone by the
  // next editing session (started here on the bare path), a GeoPackage is read as it is. Either
  // way the dead child's lock must not stand in the way.
  std::shared_ptr<const VectorData> nextStart() {
    if (GetParam().shapefile) {
      auto bare = std::make_shared<VectorData>();
      bare->path = mPath;
      bare->layerName = mLayer;
      bare->driver = QStringLiteral("ESRI Shapefile");
      auto recovered = EditBuffer::start(bare, false);
      EXPECT_TRUE(recovered.ok()) << (recovered.ok() ? "" : recovered.error().message.toStdString());
    }
    return read(mPath, mLayer);
  }

  // The session that follows restores the four journaled edits, exactly.
  std::unique_ptr<EditBuffer> expectRestored(std::shared_ptr<const VectorData> data) {
    auto started = EditBuffer::start(std::move(data));
    EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message.toStdString());
    if (!started.ok()) return nullptr;
    std::unique_ptr<EditBuffer> buffer = std::move(started).value();
    EXPECT_TRUE(buffer->restoredFromJournal()) << buffer->journalProblem().toStdString();
    EXPECT_EQ(buffer->overrides().size(), 4U);
    const auto& fids = mBefore->fids;
    EXPECT_EQ(buffer->fids(), (std::vector<qint64>{fids[0], fids[1], fids[3], -1}));
    const auto renamed = buffer->feature(fids[0]);
    EXPECT_TRUE(renamed && renamed->attributes == (AttributeRow{kRenamed, mBefore->attributes[0][1]}));
    EXPECT_TRUE(renamed && sameGeometry(renamed->geometry, mBefore->geometries[0]));
    const auto moved = buffer->feature(fids[1]);
    EXPECT_TRUE(moved && moved->attributes == mBefore->attributes[1]);
    EXPECT_TRUE(moved && sameGeometry(moved->geometry, expectedShape(kMovedTo)));
    EXPECT_FALSE(buffer->feature(fids[2]).has_value());
    const auto added = buffer->feature(-1);
    EXPECT_TRUE(added && added->attributes == (AttributeRow{kAddedName, kAddedYear}));
    EXPECT_TRUE(added && sameGeometry(added->geometry, expectedShape(kAddedAt)));
    return buffer;
  }

  // The child's shapes: a 50 m square, or a line 50 m north-east, from the point.
  Geometry expectedShape(QPointF at) const {
    const double x = at.x();
    const double y = at.y();
    if (GetParam().shapefile) return Geometry(Geometry::Type::Line, {Geometry::Part{Geometry::Ring{{x, y}, {x + 50, y + 50}}}});
    return square(x, y, 50);
  }

  test::TempDir mDir;
  QString mPath;
  QString mLayer;
  std::shared_ptr<const VectorData> mBefore;
  std::map<QString, QByteArray> mFilesBefore;
};

TEST_P(EditCrash, TheFileIsIntactAndTheJournaledEditsComeBack) {
  const auto after = nextStart();
  expectSameFeatures(*after, *mBefore);
  if (GetParam().shapefile) {
    EXPECT_EQ(layerFiles(mPath), mFilesBefore);  // every side file, byte for byte
  }
  for (const QString& name : QDir(mDir.path(QString())).entryList(QDir::Files | QDir::Hidden)) {
    EXPECT_FALSE(name.endsWith(QLatin1String(".xhbak"))) << name.toStdString();
  }
  ASSERT_TRUE(EditBuffer::hasJournal(mPath, mLayer));
  expectRestored(after);
}

TEST_P(EditCrash, TheRestoredEditsAreSavedAndReadBack) {
  auto buffer = expectRestored(nextStart());
  ASSERT_TRUE(buffer);
  auto saved = buffer->save();
  ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
  buffer.reset();
  EXPECT_FALSE(EditBuffer::hasJournal(mPath, mLayer));
  const auto now = read(mPath, mLayer);
  // Features 1, 2 (edited), 4, then the added one; a GeoPackage keeps the fids.
  ASSERT_EQ(now->featureCount(), 4U);
  if (!GetParam().shapefile) {
    EXPECT_EQ(now->fids, (std::vector<std::int64_t>{mBefore->fids[0], mBefore->fids[1], mBefore->fids[3], saved->at(-1)}));
  }
  EXPECT_EQ(now->attributes[0], (AttributeRow{kRenamed, mBefore->attributes[0][1]}));
  EXPECT_TRUE(sameGeometry(now->geometries[0], mBefore->geometries[0]));
  EXPECT_EQ(now->attributes[1], mBefore->attributes[1]);
  EXPECT_TRUE(sameGeometry(now->geometries[1], expectedShape(kMovedTo)));
  EXPECT_EQ(now->attributes[2], mBefore->attributes[3]);
  EXPECT_TRUE(sameGeometry(now->geometries[2], mBefore->geometries[3]));
  EXPECT_EQ(now->attributes[3], (AttributeRow{kAddedName, kAddedYear}));
  EXPECT_TRUE(sameGeometry(now->geometries[3], expectedShape(kAddedAt)));
}

INSTANTIATE_TEST_SUITE_P(KilledMidSessionOrSave, EditCrash,
                         ::testing::Values(Case{"GeoPackageMidSession", false, "session", ""},
                                           Case{"GeoPackageMidTransaction", false, "save", "transaction-written"},
                                           Case{"ShapefileMidSession", true, "session", ""},
                                           Case{"ShapefileNewFilesWritten", true, "save", "new-files-written"},
                                           Case{"ShapefileOriginalsBackedUp", true, "save", "originals-backed-up"},
                                           Case{"ShapefileHalfSwapped", true, "save", "swap-half-done"}),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// A full disk during the save (the child may not grow any file past 64 bytes): the save fails and
// says so, naming the file; the layer is exactly as it was; the edits are still journaled and come
// back in the next session.
class EditFullDisk : public ::testing::TestWithParam<bool> {};

TEST_P(EditFullDisk, TheSaveFailsTheFileIsIntactAndTheEditsAreKept) {
  test::TempDir dir;
  const bool shapefile = GetParam();
  const QString path = shapefile ? makeShapefile(dir) : makeGeoPackage(dir);
  const QString layer = shapefile ? QStringLiteral("架空线") : QStringLiteral("parks");
  const auto before = read(path, layer);
  const auto filesBefore = layerFiles(path);
  QProcess child;
  child.setProgram(QStringLiteral(EDIT_CRASH_CHILD));
  child.setArguments({QStringLiteral("full"), path, layer, dir.path(QStringLiteral("ready"))});
  child.start();
  ASSERT_TRUE(child.waitForFinished(60000));
  const QString message = QString::fromUtf8(child.readAllStandardError());
  ASSERT_EQ(child.exitCode(), 5) << message.toStdString();
  EXPECT_TRUE(message.contains(QFileInfo(path).fileName())) << message.toStdString();
  expectSameFeatures(*read(path, layer), *before);
  if (shapefile) {
    // The next session's start leaves nothing of the failed save behind.
    auto bare = std::make_shared<VectorData>(*before);
    ASSERT_TRUE(EditBuffer::start(bare, false).ok());
    EXPECT_EQ(layerFiles(path), filesBefore);
  }
  auto restored = EditBuffer::start(read(path, layer));
  ASSERT_TRUE(restored.ok()) << restored.error().message.toStdString();
  EXPECT_TRUE((*restored)->restoredFromJournal()) << (*restored)->journalProblem().toStdString();
  EXPECT_EQ((*restored)->overrides().size(), 4U);
}

INSTANTIATE_TEST_SUITE_P(GeoPackageAndShapefile, EditFullDisk, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& info) { return info.param ? "Shapefile" : "GeoPackage"; });

// Two planners, one file: while another process edits the layer, a session here is refused and
// told that process's id; a save of that file's other edits is not possible from here either.
TEST(EditConcurrency, ASecondProcessIsToldWhoHoldsTheFile) {
  test::TempDir dir;
  const QString path = makeGeoPackage(dir);
  const QString ready = dir.path(QStringLiteral("ready"));
  QProcess child;
  child.setProgram(QStringLiteral(EDIT_CRASH_CHILD));
  child.setArguments({QStringLiteral("session"), path, QStringLiteral("parks"), ready});
  child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
  child.start();
  ASSERT_TRUE(child.waitForStarted(30000));
  QElapsedTimer clock;
  clock.start();
  while (!QFileInfo::exists(ready) && clock.elapsed() < 60000 && child.state() != QProcess::NotRunning) QThread::msleep(20);
  ASSERT_TRUE(QFileInfo::exists(ready));
  const auto refused = EditBuffer::start(read(path, QStringLiteral("parks")));
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(QString::number(child.processId()))) << refused.error().message.toStdString();
  child.kill();
  ASSERT_TRUE(child.waitForFinished(30000));
  // Its lock dies with it.
  EXPECT_TRUE(EditBuffer::start(read(path, QStringLiteral("parks")), false).ok());
}

}  // namespace
}  // namespace xiuhua::gis
