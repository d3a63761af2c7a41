#pragma once

#include <QObject>
#include <QString>

namespace xiuhua::app {

class MainWindow;
class MapDocument;

// Waits until every layer has loaded and the map shows a finished render, then writes a PNG of
// the main window and quits the application (exit code 0, or 1 with a message on failure).
class ScreenshotTaker : public QObject {
  Q_OBJECT

 public:
  ScreenshotTaker(MainWindow* window, MapDocument* document, QString path, QObject* parent = nullptr);

 private:
  void poll();
  MainWindow* mWindow;
  MapDocument* mDocument;
  QString mPath;
  int mPolls = 0;
  int mStablePolls = 0;
};

}  // namespace xiuhua::app
