// Attribute table on a 1,000,000-row layer: sorting by a numeric and a text column (pinyin
// collation), filtering by text, and fetching the rows a scrolled view shows.
// Run: build/tests/bench/table_benchmark
#include "table/attribute_sort.h"
#include "table/attribute_table_model.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QSortFilterProxyModel>

using namespace xiuhua;

namespace {

std::shared_ptr<const gis::VectorData> makeLayer(int rows) {
  auto data = std::make_shared<gis::VectorData>();
  data->fields = {{QStringLiteral("parcel_id"), gis::Field::Type::Integer},
                  {QStringLiteral("area_m2"), gis::Field::Type::Real},
                  {QStringLiteral("name"), gis::Field::Type::String}};
  const QString kinds[] = {QStringLiteral("居住用地"), QStringLiteral("公园绿地"), QStringLiteral("美丽街区")};
  for (int i = 0; i < rows; ++i) {
    data->attributes.push_back({QVariant::fromValue<qlonglong>(i), static_cast<double>((static_cast<qint64>(i) * 7919) % 100000) / 10.0,
                                kinds[i % 3] + QString::number(i % 1000)});
    data->fids.push_back(i);
    data->geometries.emplace_back();
  }
  return data;
}

const std::shared_ptr<const gis::VectorData>& layer() {
  static const auto data = makeLayer(qEnvironmentVariableIntValue("XIUHUA_BENCH_ROWS") > 0 ? qEnvironmentVariableIntValue("XIUHUA_BENCH_ROWS") : 1000000);
  return data;
}

// What a header click costs: the order (on a worker thread in the app) and applying it.
void sortBy(benchmark::State& state, int column) {
  app::AttributeTableModel model;
  model.setLayerData(layer());
  for (auto _ : state) {
    model.setFeatureOrder(app::sortedFeatureOrder(*layer(), column, true));
    benchmark::DoNotOptimize(model.featureAt(0));
  }
}

void BM_SortByNumber(benchmark::State& state) { sortBy(state, 1); }
void BM_SortByText(benchmark::State& state) { sortBy(state, 2); }

void BM_FilterText(benchmark::State& state) {
  app::AttributeTableModel model;
  model.setLayerData(layer());
  QSortFilterProxyModel proxy;
  proxy.setSourceModel(&model);
  proxy.setFilterKeyColumn(2);
  int i = 0;
  for (auto _ : state) {
    proxy.setFilterFixedString(QStringLiteral("公园绿地%1").arg(++i % 100));
    benchmark::DoNotOptimize(proxy.rowCount());
  }
}

// What one screenful of scrolling costs: 40 rows × 3 columns of display text, anywhere.
void BM_ScrollPage(benchmark::State& state) {
  app::AttributeTableModel model;
  model.setLayerData(layer());
  int top = 0;
  for (auto _ : state) {
    top = (top + 200003) % 999960;
    for (int r = top; r < top + 40; ++r) {
      for (int c = 0; c < 3; ++c) benchmark::DoNotOptimize(model.data(model.index(r, c)));
    }
  }
}

}  // namespace

BENCHMARK(BM_SortByNumber)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_SortByText)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_FilterText)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ScrollPage)->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
