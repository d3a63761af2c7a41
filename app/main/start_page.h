#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;

namespace xiuhua::app {

// What the window shows while no project is open (as QGIS does): the recent projects, most recent
// first (a missing one greyed out, saying so), and buttons to open the demo projects, open a project
// or add a layer. It only asks; the main window opens.
class StartPage : public QWidget {
  Q_OBJECT

 public:
  explicit StartPage(QWidget* parent = nullptr);
  void setRecentProjects(const QStringList& paths);
  void setDemoAvailable(bool available);
  void setPutuoDemoAvailable(bool available);
  QListWidget* recentList() const { return mRecent; }

 signals:
  void openRequested(const QString& path);
  void openDemoRequested();
  void openPutuoDemoRequested();
  void browseRequested();
  void addLayersRequested();

 private:
  QListWidget* mRecent;
  QPushButton* mDemo;
  QPushButton* mPutuoDemo;
};

}  // namespace xiuhua::app
