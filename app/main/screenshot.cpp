#include "main/screenshot.h"

#include "document/map_document.h"
#include "main/main_window.h"
#include "map/map_canvas.h"

#include <QApplication>
#include <QTextStream>
#include <QTimer>

namespace xiuhua::app {

namespace {
constexpr int kPollMs = 100;
constexpr int kMaxPolls = 1800;  // three minutes: a fresh ASan build loads slowly
}  // namespace

ScreenshotTaker::ScreenshotTaker(MainWindow* window, MapDocument* document, QString path, QObject* parent)
    : QObject(parent), mWindow(window), mDocument(document), mPath(std::move(path)) {
  QTimer::singleShot(kPollMs, this, &ScreenshotTaker::poll);
}

void ScreenshotTaker::poll() {
  const bool ready = !mDocument->isLoading() && mWindow->canvas()->isRenderComplete();
  // Several quiet polls in a row: no layer arriving and no render pending.
  mStablePolls = ready ? mStablePolls + 1 : 0;
  if (mStablePolls >= 3) {
    const bool ok = mWindow->grab().save(mPath, "PNG");
    QTextStream err(stderr);
    if (!ok) err << "xiuhua: cannot write the screenshot to " << mPath << "\n";
    QApplication::exit(ok ? 0 : 1);
    return;
  }
  if (++mPolls > kMaxPolls) {
    QTextStream(stderr) << "xiuhua: the map did not finish rendering in time; no screenshot written\n";
    QApplication::exit(1);
    return;
  }
  QTimer::singleShot(kPollMs, this, &ScreenshotTaker::poll);
}

}  // namespace xiuhua::app
