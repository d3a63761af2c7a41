#pragma once

#include "document/demo_project.h"

#include <QMainWindow>
#include <QPointer>

class QCloseEvent;
class QMenu;
class QStackedWidget;
class QTreeView;
class QDockWidget;

namespace xiuhua::app {

class AttributeTableWidget;
class EditingController;
class IndicatorDashboard;
class IdentifyPanel;
class LayerTreeModel;
class MapCanvas;
class MapDocument;
class MapStatusBar;
class MessageBar;
class ReportBuilderDialog;
class StartPage;

// Wires the document, the map canvas, the docks and the actions together. Handlers here only
// forward to the pieces that do the work.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(MapDocument* document, QWidget* parent = nullptr);

  MapCanvas* canvas() const { return mCanvas; }
  LayerTreeModel* layerTree() const { return mLayerModel; }
  QTreeView* layerTreeView() const { return mLayerView; }
  IdentifyPanel* identifyPanel() const { return mIdentify; }
  AttributeTableWidget* attributeTable() const { return mTable; }
  MessageBar* messageBar() const { return mMessages; }
  IndicatorDashboard* dashboard() const { return mDashboard; }
  StartPage* startPage() const { return mStartPage; }
  // True while the start page stands where the map goes (no project, no layer).
  bool isShowingStartPage() const;
  EditingController* editing() const { return mEditing; }
  void showDashboard();

  // Opens the project; false (the reason in the message bar) when it could not be opened.
  bool openProject(const QString& path);
  // Opens the user's copy of the shipped demo project, copying it to the documents folder first
  // when there is none yet (the installed demo is read-only). False, with the reason in the
  // message bar, when there is no demo or it cannot be copied.
  bool openDemoProject(demo_project::Demo which = demo_project::Demo::Jiading);
  // The message bar's hint on a first start: nothing opened and nothing opened before.
  void suggestDemoProject();
  void addLayers(const QStringList& paths);
  void openAttributeTable(const QString& layerId);
  void showLayerProperties(const QString& layerId, int page = 0);
  // Asks for a file (GeoPackage, Shapefile, GeoJSON) and exports the layer to it; with a path
  // given, exports there without asking. Problems go to the message bar.
  bool exportLayerTo(const QString& layerId, QString path = {});
  // Shows the report builder for the project (non-modal; the one already open is raised); nullptr,
  // with a message, when the project was never saved.
  ReportBuilderDialog* openReportBuilder();

 signals:
  // The user picked another UI language ("zh_CN" or "en").
  void languageChangeRequested(const QString& language);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createMenus();
  void createDocks();
  void connectDocument();
  QString currentLayerId() const;
  void zoomToLayer(const QString& layerId);
  void zoomToSelection(const QString& layerId);
  bool saveProject(bool askForPath);
  void chooseMapCrs();
  // Compares readings of a layer's text and sets the one chosen (EncodingDialog).
  void chooseEncoding(const QString& layerId);
  void updateRecentMenu();
  // The start page while nothing is open, the map once a project or a layer is.
  void updateCentralPage();
  void browseForProject();
  void browseForLayers();
  void installChangeTrigger(const QString& layerId);
  void rememberRecent(const QString& path);
  void showAbout();
  void layerContextMenu(const QPoint& pos);
  void warnAboutMissingCrs(const QString& layerId);
  // Asks whether to save unsaved changes; false when the user cancels (or saving failed).
  bool maybeSave();

  static const char* const kSaveAsAction;
  static const char* const kOpenDemoAction;
  static const char* const kEncodingAction;  // followed by the layer id
  static const char* const kReadWholeAction;  // followed by the layer id

  MapDocument* mDocument;
  MapCanvas* mCanvas;
  MessageBar* mMessages;
  MapStatusBar* mStatus;
  LayerTreeModel* mLayerModel;
  QTreeView* mLayerView;
  IdentifyPanel* mIdentify;
  AttributeTableWidget* mTable;
  QDockWidget* mTableDock;
  QDockWidget* mIdentifyDock;
  IndicatorDashboard* mDashboard;
  QDockWidget* mDashboardDock;
  EditingController* mEditing = nullptr;
  QMenu* mRecentMenu = nullptr;
  QStackedWidget* mCentralStack = nullptr;
  StartPage* mStartPage = nullptr;
  QString mCurrentLayerBeforeReset;
  QPointer<ReportBuilderDialog> mReportBuilder;
};

}  // namespace xiuhua::app
