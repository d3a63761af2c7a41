// One cold open and the first frames of a big layer, as the map shows it: the layer opened as the
// document opens it (app::loadLayer: a file read whole and indexed; a PostGIS table above the row
// threshold streamed per view), then a full-extent frame, a 1 % view and a 0.01 % view, 1600×1000.
// Prints one JSON line: {"open_s", "full_s", "view1_s", "view001_s", "drawn_full", "peak_mb"}.
// tests/bench/first_frame_bench.py drives it (GeoPackage against PostGIS, fresh processes).
//   first_frame --make-gpkg PATH COUNT        writes the polygon grid (polygon_grid_generator)
//   first_frame --source SRC [--layer L] [--stream]
#include "document/layer_loader.h"
#include "polygon_grid_generator.h"
#include "xiuhua/gis/render_job.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/resource.h>

#include <cmath>
#include <cstdio>

using namespace xiuhua;

namespace {

double peakMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

QString option(const QStringList& args, const QString& name) {
  const auto i = args.indexOf(name);
  return i >= 0 && i + 1 < args.size() ? args[i + 1] : QString();
}

// Seconds to draw the view showing `share` of the extent's area around its centre.
double frame(const gis::RenderLayer& layer, const QRectF& extent, double share, int* drawn) {
  gis::RenderSnapshot snapshot;
  const double side = std::sqrt(share);
  snapshot.viewport = gis::MapViewport::fitting(QRectF(extent.center() - QPointF(extent.width() * side / 2, extent.height() * side / 2),
                                                       extent.size() * side),
                                                QSize(1600, 1000), 0.0);
  snapshot.layers.push_back(layer);
  const std::atomic<bool> never(false);
  gis::RenderStats stats;
  QElapsedTimer timer;
  timer.start();
  const QImage image = gis::renderMap(snapshot, never, &stats);
  const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
  if (!stats.problems.isEmpty()) {
    std::fprintf(stderr, "first_frame: %s\n", qPrintable(stats.problems.join(QLatin1Char('\n'))));
    std::exit(1);
  }
  if (drawn != nullptr) *drawn = stats.featuresDrawn;
  return image.isNull() ? -1 : seconds;
}

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  const QStringList args = QCoreApplication::arguments();
  if (args.size() == 4 && args[1] == QLatin1String("--make-gpkg")) return bench::ensurePolygonGrid(args[2], args[3].toInt()) ? 0 : 1;
  gis::LayerSpec spec;
  spec.source = option(args, QStringLiteral("--source"));
  spec.sourceLayer = option(args, QStringLiteral("--layer"));
  spec.streaming = args.contains(QStringLiteral("--stream")) ? gis::LayerSpec::Streaming::Always : gis::LayerSpec::Streaming::Never;
  if (spec.source.isEmpty()) {
    std::fprintf(stderr, "usage: first_frame --source SRC [--layer L] [--stream] | --make-gpkg PATH COUNT\n");
    return 2;
  }
  QElapsedTimer timer;
  timer.start();
  const gis::Crs map = gis::Crs::fromEpsg(4549);
  const app::LoadedLayer loaded = app::loadLayer(spec, map, nullptr);
  const double open = static_cast<double>(timer.nsecsElapsed()) / 1e9;
  if (!loaded.error.isEmpty()) {
    std::fprintf(stderr, "first_frame: %s\n", qPrintable(loaded.error));
    return 1;
  }
  gis::RenderLayer layer;
  layer.vector = loaded.projected;
  layer.streamed = loaded.streamed;
  const QRectF extent = loaded.projected ? loaded.projected->extent() : loaded.streamed->extent();
  int drawn = 0;
  const double full = frame(layer, extent, 1.0, &drawn);
  const double view1 = frame(layer, extent, 0.01, nullptr);
  const double view001 = frame(layer, extent, 0.0001, nullptr);
  const QJsonObject out{{QStringLiteral("open_s"), open},       {QStringLiteral("full_s"), full},
                        {QStringLiteral("view1_s"), view1},     {QStringLiteral("view001_s"), view001},
                        {QStringLiteral("drawn_full"), drawn},  {QStringLiteral("streamed"), loaded.streamed != nullptr},
                        {QStringLiteral("peak_mb"), peakMb()}};
  std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
  return 0;
}
