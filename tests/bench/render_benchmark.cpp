// Map viewer performance on a large layer: open, first full-extent frame, and a redraw of a view
// showing 1% of the extent. Run:  build/tests/bench/render_benchmark
// XIUHUA_BENCH_FEATURES sets the polygon count (default 1,000,000); the GeoPackage is generated
// once into XIUHUA_BENCH_DIR (default: bench-data/ in the working directory).
#include "polygon_grid_generator.h"
#include "xiuhua/gis/projected_layer.h"
#include "xiuhua/gis/render_job.h"
#include "xiuhua/gis/vector_reader.h"

#include <benchmark/benchmark.h>

#include <QDir>

#include <cmath>
#include <QGuiApplication>

#include <sys/resource.h>

using namespace xiuhua;

namespace {

int featureCount() {
  const QByteArray env = qgetenv("XIUHUA_BENCH_FEATURES");
  return env.isEmpty() ? 1000000 : env.toInt();
}

QString dataPath() {
  const QString dir = qEnvironmentVariable("XIUHUA_BENCH_DIR", QStringLiteral("bench-data"));
  QDir().mkpath(dir);
  return QDir(dir).absoluteFilePath(QStringLiteral("parcels_%1.gpkg").arg(featureCount()));
}

double peakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Opened once and shared by the render benchmarks.
std::shared_ptr<const gis::ProjectedLayer>& sharedLayer() {
  static std::shared_ptr<const gis::ProjectedLayer> layer;
  if (!layer) {
    auto data = gis::VectorReader::read(dataPath());
    layer = gis::ProjectedLayer::build(data.value(), data.value()->crs, data.value()->crs).value();
  }
  return layer;
}

gis::RenderSnapshot snapshotFor(const QRectF& extent) {
  gis::RenderSnapshot s;
  s.viewport = gis::MapViewport::fitting(extent, QSize(1600, 1000), 0.0);
  gis::RenderLayer layer;
  layer.vector = sharedLayer();
  s.layers.push_back(layer);
  return s;
}

void BM_OpenLayer(benchmark::State& state) {
  for (auto _ : state) {
    auto data = gis::VectorReader::read(dataPath());
    auto layer = gis::ProjectedLayer::build(data.value(), data.value()->crs, data.value()->crs);
    benchmark::DoNotOptimize(layer.ok());
  }
  state.counters["features"] = featureCount();
  state.counters["peak_rss_MiB"] = peakRssMiB();
}

void BM_FirstFullExtentFrame(benchmark::State& state) {
  const gis::RenderSnapshot s = snapshotFor(sharedLayer()->extent());
  const std::atomic<bool> cancel(false);
  gis::RenderStats stats;
  for (auto _ : state) benchmark::DoNotOptimize(gis::renderMap(s, cancel, &stats));
  state.counters["drawn"] = stats.featuresDrawn;
  state.counters["peak_rss_MiB"] = peakRssMiB();
}

// The same frame, coloured by a text field (categorized style): the per-feature class lookup.
void BM_FullExtentFrameCategorized(benchmark::State& state) {
  gis::RenderSnapshot s = snapshotFor(sharedLayer()->extent());
  gis::VectorStyle& style = s.layers.front().vectorStyle;
  style.field = QStringLiteral("name");
  gis::buildCategories(style, sharedLayer()->source());
  const std::atomic<bool> cancel(false);
  for (auto _ : state) benchmark::DoNotOptimize(gis::renderMap(s, cancel));
}

// A view showing 1/range(0) of the layer's area: the cost should follow what is visible.
void BM_RedrawView(benchmark::State& state) {
  const QRectF full = sharedLayer()->extent();
  const double side = 1.0 / std::sqrt(static_cast<double>(state.range(0)));
  const QRectF view(full.center(), full.size() * side);
  const gis::RenderSnapshot s = snapshotFor(view);
  const std::atomic<bool> cancel(false);
  gis::RenderStats stats;
  for (auto _ : state) benchmark::DoNotOptimize(gis::renderMap(s, cancel, &stats));
  state.counters["drawn"] = stats.featuresDrawn;
}

}  // namespace

BENCHMARK(BM_OpenLayer)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_FirstFullExtentFrame)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_FullExtentFrameCategorized)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_RedrawView)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)
    ->Repetitions(5)->ReportAggregatesOnly(true);

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  if (!bench::ensurePolygonGrid(dataPath(), featureCount())) {
    fprintf(stderr, "cannot write %s\n", qPrintable(dataPath()));
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
