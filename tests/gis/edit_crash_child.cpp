// The process edit_crash_test kills: edits a layer in an editing session, then stops at a
// dangerous moment and waits to be killed (SIGKILL).
//
//   edit_crash_child <session|save|full> <layer file> <layer name> <ready file> [stage]
//
// The edits, always the same (the test knows them): a feature added (name "新增", year 2026, at
// 611000,3471000), the first feature's name set to "改名", the second feature's geometry replaced
// (at 610000,3470000), the third feature deleted. Then, with "session", it writes the ready file
// and sleeps; with "save", it saves and, when the save reaches `stage` (default: the GeoPackage's
// transaction written but not committed, or a shapefile half swapped), writes the ready file and
// sleeps there. With "full", the disk is full for the save: no file may grow past 64 bytes
// (RLIMIT_FSIZE; the writes fail as on a full disk), and the save's message goes to stderr.
// Exit codes: 2 bad arguments, 3 the layer cannot be read or edited, 4 the save ended without
// reaching the stage, 5 the save failed (full), 6 the save succeeded although the disk was full.
#include "edit/layer_save.h"
#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "xiuhua/gis/vector_reader.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <csignal>
#include <cstdio>

#include <sys/resource.h>

namespace {

using xiuhua::gis::Geometry;

// A small geometry of the layer's type with its first vertex at (x, y) (EPSG:4549 metres).
Geometry shapeAt(Geometry::Type type, double x, double y) {
  switch (type) {
    case Geometry::Type::Point: return Geometry::point({x, y});
    case Geometry::Type::Line: return Geometry(Geometry::Type::Line, {Geometry::Part{Geometry::Ring{{x, y}, {x + 50, y + 50}}}});
    default:
      return Geometry(Geometry::Type::Polygon,
                      {Geometry::Part{Geometry::Ring{{x, y}, {x + 50, y}, {x + 50, y + 50}, {x, y + 50}, {x, y}}}});
  }
}

[[noreturn]] void readyAndWait(const QString& readyFile) {
  QFile ready(readyFile);
  if (ready.open(QIODevice::WriteOnly)) ready.write("ready\n");
  ready.close();
  for (;;) QThread::sleep(3600);
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QStringList args = app.arguments();
  if (args.size() < 5 || (args[1] != QLatin1String("session") && args[1] != QLatin1String("save") && args[1] != QLatin1String("full"))) {
    std::fputs("usage: edit_crash_child <session|save|full> <layer file> <layer name> <ready file> [stage]\n", stderr);
    return 2;
  }
  using namespace xiuhua::gis;
  ReadOptions options;
  options.layerName = args[3];
  auto data = VectorReader::read(args[2], options);
  if (!data.ok() || data.value()->featureCount() < 3) return 3;
  const std::shared_ptr<const VectorData> layer = data.value();
  auto started = EditBuffer::start(layer, false);
  if (!started.ok()) {
    std::fprintf(stderr, "%s\n", started.error().message.toUtf8().constData());
    return 3;
  }
  EditBuffer* buffer = started.value().get();
  const Geometry::Type type = layer->geometryType;
  FeatureEditCommand::addFeature(buffer, shapeAt(type, 611000, 3471000), {QStringLiteral("新增"), 2026}, QStringLiteral("add"))->redo();
  FeatureEditCommand::changeAttribute(buffer, layer->fids[0], 0, QStringLiteral("改名"), QStringLiteral("rename"))->redo();
  FeatureEditCommand::changeGeometry(buffer, layer->fids[1], shapeAt(type, 610000, 3470000), QStringLiteral("move"))->redo();
  FeatureEditCommand::deleteFeatures(buffer, {layer->fids[2]}, QStringLiteral("delete"))->redo();

  const QString readyFile = args[4];
  if (args[1] == QLatin1String("session")) readyAndWait(readyFile);

  if (args[1] == QLatin1String("full")) {
    std::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails (EFBIG) instead of killing us
    const rlimit limit{64, 64};
    setrlimit(RLIMIT_FSIZE, &limit);
    const auto saved = buffer->save();
    if (saved.ok()) return 6;
    std::fprintf(stderr, "%s\n", saved.error().message.toUtf8().constData());
    return 5;
  }

  const QString stage = args.size() > 5 ? args[5] : QString();
  detail::setSaveHook([&](const char* reached) {
    const QString name = QString::fromLatin1(reached);
    const bool wanted = stage.isEmpty() ? (name == QLatin1String("transaction-written") || name == QLatin1String("swap-half-done"))
                                        : name == stage;
    if (wanted) readyAndWait(readyFile);
  });
  const auto saved = buffer->save();
  std::fprintf(stderr, "the save ended without reaching the stage: %s\n",
               saved.ok() ? "saved" : saved.error().message.toUtf8().constData());
  return 4;
}
