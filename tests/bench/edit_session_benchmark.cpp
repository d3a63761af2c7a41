// Editing a large GeoPackage layer (issue 6): reading 1,000,000 polygons, starting an editing
// session on them, and changing one feature's attribute and geometry and saving — time, memory,
// and how many rows of the feature table the save wrote (it must be the one edited, not the layer).
//
//   build/tests/bench/edit_session_benchmark --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// XIUHUA_BENCH_FEATURES sets the polygon count (default 1,000,000). The generated layer
// (tests/bench/polygon_grid_generator.h, shared with render_benchmark) lives in XIUHUA_BENCH_DIR
// (default /tmp/xiuhua-bench); the benchmark edits a fresh copy of it with a counting trigger.
#include "polygon_grid_generator.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "xiuhua/gis/vector_reader.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

#include <malloc.h>
#include <sys/resource.h>

using namespace xiuhua;

namespace {

int featureCount() {
  const QByteArray env = qgetenv("XIUHUA_BENCH_FEATURES");
  return env.isEmpty() ? 1000000 : env.toInt();
}

QString benchDir() {
  const QString dir = qEnvironmentVariable("XIUHUA_BENCH_DIR", QStringLiteral("/tmp/xiuhua-bench"));
  QDir().mkpath(dir);
  return dir;
}

QString gridPath() { return QDir(benchDir()).absoluteFilePath(QStringLiteral("parcels_%1.gpkg").arg(featureCount())); }
QString editPath() { return QDir(benchDir()).absoluteFilePath(QStringLiteral("edit_session_%1.gpkg").arg(featureCount())); }

double peakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

// Heap in use (glibc): what objects hold, unlike the RSS, which keeps freed pages.
double heapInUseMiB() { return static_cast<double>(mallinfo2().uordblks) / (1024.0 * 1024.0); }

// A fresh copy of the grid, with a trigger counting every row of the feature table that SQLite
// inserts, updates or deletes (the independent measure of what a save rewrites).
bool prepareCopy() {
  if (!bench::ensurePolygonGrid(gridPath(), featureCount())) return false;
  for (const QString& f : QDir(benchDir()).entryList({QStringLiteral("*edit_session_*")}, QDir::Files | QDir::Hidden)) {
    QFile::remove(QDir(benchDir()).filePath(f));  // the copy, and any journal or lock of an earlier run
  }
  if (!QFile::copy(gridPath(), editPath())) return false;
  auto db = gis::Database::open(editPath());
  if (!db.ok()) return false;
  return db.value()
      ->exec(QStringLiteral("CREATE TABLE bench_rows_written(n INTEGER); INSERT INTO bench_rows_written VALUES(0);"
                            "CREATE TRIGGER bench_count_update AFTER UPDATE ON parcels BEGIN UPDATE bench_rows_written SET n = n + 1; END;"
                            "CREATE TRIGGER bench_count_insert AFTER INSERT ON parcels BEGIN UPDATE bench_rows_written SET n = n + 1; END;"
                            "CREATE TRIGGER bench_count_delete AFTER DELETE ON parcels BEGIN UPDATE bench_rows_written SET n = n + 1; END;"))
      .ok();
}

qint64 rowsWritten() {
  auto db = gis::Database::open(editPath());
  if (!db.ok()) return -1;
  auto rows = db.value()->query(QStringLiteral("SELECT n FROM bench_rows_written"));
  return rows.ok() && !rows->empty() ? rows.value()[0][0].toLongLong() : -1;
}

// Read once and shared by the session benchmarks.
std::shared_ptr<const gis::VectorData>& sharedLayer() {
  static std::shared_ptr<const gis::VectorData> layer;
  if (!layer) layer = gis::VectorReader::read(editPath()).value();
  return layer;
}

void BM_ReadLayer(benchmark::State& state) {
  std::size_t features = 0;
  for (auto _ : state) {
    auto data = gis::VectorReader::read(editPath());
    if (!data.ok()) {
      state.SkipWithError("the layer cannot be read");
      return;
    }
    features = data.value()->featureCount();
    benchmark::DoNotOptimize(data);
  }
  state.counters["features"] = static_cast<double>(features);
  state.counters["peak_rss_MiB"] = peakRssMiB();
}

void BM_StartSession(benchmark::State& state) {
  const auto data = sharedLayer();
  double added = 0;
  for (auto _ : state) {
    const double before = heapInUseMiB();
    auto buffer = gis::EditBuffer::start(data, false);
    if (!buffer.ok()) {
      state.SkipWithError("the session cannot start");
      return;
    }
    added = heapInUseMiB() - before;  // what the session itself holds
    state.PauseTiming();
    buffer.value().reset();  // the lock released for the next iteration
    state.ResumeTiming();
  }
  state.counters["session_heap_MiB"] = added;
  state.counters["peak_rss_MiB"] = peakRssMiB();
}

// One feature's name and geometry changed, then saved: each iteration writes a real change (the
// values alternate with the iteration number).
void BM_EditOneFeatureAndSave(benchmark::State& state) {
  const auto data = sharedLayer();
  auto started = gis::EditBuffer::start(data, false);
  if (!started.ok()) {
    state.SkipWithError("the session cannot start");
    return;
  }
  gis::EditBuffer* buffer = started.value().get();
  const qint64 fid = data->fids[data->fids.size() / 2];
  const gis::Geometry original = data->geometries[data->fids.size() / 2];
  const qint64 rowsBefore = rowsWritten();
  qint64 saves = 0;
  for (auto _ : state) {
    gis::Geometry moved = original;
    for (auto& part : moved.parts()) {
      for (auto& ring : part) {
        for (QPointF& p : ring) p += QPointF(static_cast<double>(saves % 7 + 1), 0.0);
      }
    }
    gis::FeatureEditCommand::changeAttribute(buffer, fid, 1, QStringLiteral("改过 %1").arg(saves), QStringLiteral("rename"))->redo();
    gis::FeatureEditCommand::changeGeometry(buffer, fid, std::move(moved), QStringLiteral("move"))->redo();
    if (!buffer->save().ok()) {
      state.SkipWithError("the save failed");
      return;
    }
    ++saves;
  }
  state.counters["feature_rows_written_per_save"] = static_cast<double>(rowsWritten() - rowsBefore) / static_cast<double>(saves);
  state.counters["peak_rss_MiB"] = peakRssMiB();
}

}  // namespace

BENCHMARK(BM_ReadLayer)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_StartSession)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_EditOneFeatureAndSave)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (!prepareCopy()) {
    std::fprintf(stderr, "cannot prepare %s\n", qPrintable(editPath()));
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
