// The indicator report (issue 7): a 30-indicator report of the demo project with a 12-街镇 atlas,
// to PDF — time and peak memory; beside it the same report without the atlas, and the layout
// alone (what the builder's preview waits for before its first page).
//
//   build/tests/bench/report_benchmark --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// The demo project is copied to XIUHUA_BENCH_DIR (default /tmp/xiuhua-bench) and computed for
// 2024 with xiuhua-cli once; the benchmark then writes the report from the copy.
#include "report/indicator_report.h"
#include "report/report_content.h"
#include "report/report_document.h"

#include <benchmark/benchmark.h>

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>

#include <cstdio>

#include <sys/resource.h>

using namespace xiuhua;

namespace {

QString benchDir() {
  const QString dir = qEnvironmentVariable("XIUHUA_BENCH_DIR", QStringLiteral("/tmp/xiuhua-bench"));
  QDir().mkpath(dir);
  return dir;
}

double peakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

// The demo project copied and computed for 2024 (once per run).
QString computedDemo() {
  static QString project;
  if (!project.isEmpty()) return project;
  QDir target(QDir(benchDir()).filePath(QStringLiteral("report_demo")));
  target.removeRecursively();
  QDir().mkpath(target.path());
  QProcess copy;
  copy.start(QStringLiteral("cp"), {QStringLiteral("-r"), QStringLiteral(DEMO_DATA_DIR "/."), target.path()});
  copy.waitForFinished(-1);
  const QString path = target.filePath(QStringLiteral("jiading-demo.xhp"));
  QProcess compute;
  compute.start(QStringLiteral(XIUHUA_CLI), {QStringLiteral("compute"), QStringLiteral("--project"), path, QStringLiteral("--year"),
                                             QStringLiteral("2024")});
  compute.waitForFinished(-1);
  if (compute.exitCode() != 0) {
    std::fprintf(stderr, "compute failed: %s\n", compute.readAllStandardError().constData());
    return {};
  }
  project = path;
  return project;
}

app::ReportOptions options(bool atlas) {
  app::ReportOptions o;
  o.year = 2024;
  o.author = QStringLiteral("嘉定区城市管理精细化工作推进中心");
  for (int i = 1; i <= 30; ++i) o.indicators << QStringLiteral("JD14-%1").arg(i, 2, 10, QLatin1Char('0'));
  if (atlas) o.atlasLevel = QStringLiteral("街镇");
  return o;
}

void BM_ReportToPdf(benchmark::State& state) {
  const QString project = computedDemo();
  if (project.isEmpty()) {
    state.SkipWithError("the demo project could not be computed");
    return;
  }
  const bool atlas = state.range(0) != 0;
  const QString pdf = QDir(benchDir()).filePath(QStringLiteral("report.pdf"));
  int pages = 0;
  for (auto _ : state) {
    const gis::Status s = app::IndicatorReport::write(project, options(atlas), pdf, [&](int, int n) { pages = n; });
    if (!s) {
      state.SkipWithError(s.error().message.toUtf8().constData());
      return;
    }
  }
  state.counters["pages"] = pages;
  state.counters["pdf_MiB"] = static_cast<double>(QFile(pdf).size()) / (1024.0 * 1024.0);
  state.counters["peak_rss_MiB"] = peakRssMiB();
  state.SetLabel(atlas ? "30 indicators + 12-街镇 atlas" : "30 indicators, no atlas");
}
BENCHMARK(BM_ReportToPdf)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

// Reading the project and laying the report out (maps read, nothing drawn): the preview's wait.
void BM_ReportLayout(benchmark::State& state) {
  const QString project = computedDemo();
  if (project.isEmpty()) {
    state.SkipWithError("the demo project could not be computed");
    return;
  }
  const QImage device = app::ReportDocument::printResolutionImage();
  int pages = 0;
  for (auto _ : state) {
    auto content = app::ReportContent::load(project, options(true));
    if (!content.ok()) {
      state.SkipWithError(content.error().message.toUtf8().constData());
      return;
    }
    app::ReportDocument document(*content, device, app::IndicatorReport::printableArea(false, app::ReportDocument::kPrintDpi),
                                 app::ReportDocument::kPrintDpi);
    pages = document.pageCount();
  }
  state.counters["pages"] = pages;
}
BENCHMARK(BM_ReportLayout)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
