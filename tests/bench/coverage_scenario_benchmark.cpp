// What-if speed (issue 5): adding one proposed park to the demo district's park coverage
// (公园绿地500米服务半径覆盖率, tiers 2000:300,5000:500 over land_code LIKE 'R%', per 街镇),
// recomputed incrementally from a kept base against a full recomputation, in the same run.
// Usage: coverage_scenario_benchmark [--benchmark_repetitions=N] (reads data/demo/jiading.gpkg).
#include "xiuhua/gis/overlay/coverage_scenarios.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"
#include "xiuhua/gis/vector_reader.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

namespace {

using namespace xiuhua::gis;

std::vector<Geometry> readLayer(const char* layer, const char* where = "") {
  ReadOptions options;
  options.layerName = QString::fromLatin1(layer);
  options.where = QString::fromUtf8(where);
  options.fields = QStringList();
  auto data = VectorReader::read(QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg"), options);
  if (!data.ok()) {
    std::fprintf(stderr, "%s\n", qPrintable(data.error().message));
    std::exit(1);
  }
  return (*data)->geometries;
}

std::vector<double> tierRadii(const std::vector<Geometry>& parks) {
  std::vector<double> radii;
  for (const double a : areas(parks)) radii.push_back(a >= 5000 ? 500.0 : a >= 2000 ? 300.0 : 0.0);
  return radii;
}

// The demo's inputs (already in EPSG:4549) and one proposed 100 × 80 m park in 外冈镇.
struct Demo {
  ZonalCoverageInput input;
  std::vector<Geometry> proposed;
  Demo() {
    const std::vector<Geometry> parks = readLayer("parks", "open_year <= 2024");
    input.covers = bufferEach(parks, tierRadii(parks));
    input.targets = readLayer("residential_land", "land_code LIKE 'R%'");
    input.zones = readLayer("subdistricts");
    const Geometry park(Geometry::Type::Polygon, {Geometry::Part{Geometry::Ring{
                                                     {609700, 3473200}, {609800, 3473200}, {609800, 3473280}, {609700, 3473280}, {609700, 3473200}}}});
    proposed = bufferEach({park}, {500.0});
  }
};

const Demo& demo() {
  static const Demo d;
  return d;
}

void BM_FullRecomputationWithOneMorePark(benchmark::State& state) {
  ZonalCoverageInput input = demo().input;
  input.covers.push_back(demo().proposed.front());
  for (auto _ : state) {
    auto result = zonalCoverage(input);
    benchmark::DoNotOptimize(result);
  }
  state.counters["targets"] = static_cast<double>(input.targets.size());
}
BENCHMARK(BM_FullRecomputationWithOneMorePark)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_IncrementalWithOneMorePark(benchmark::State& state) {
  static const CoverageScenarios scenarios = CoverageScenarios::build(demo().input).value();
  CoverageScenarios::Change change;
  change.added = demo().proposed;
  std::size_t recomputed = 0;
  for (auto _ : state) {
    auto outcome = scenarios.evaluate(change);
    recomputed = outcome.value().recomputed.size();
    benchmark::DoNotOptimize(outcome);
  }
  state.counters["recomputed"] = static_cast<double>(recomputed);
}
BENCHMARK(BM_IncrementalWithOneMorePark)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
