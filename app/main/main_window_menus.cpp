// MainWindow: menus, toolbar, context menu and the project-file actions.
#include "dialogs/postgis_layer_dialog.h"
#include "indicators/shared_values_dialog.h"
#include "xiuhua/gis/postgis/pg_change_listener.h"
#include "xiuhua/gis/source_ref.h"
#include "dialogs/report_builder_dialog.h"
#include "document/demo_project.h"
#include "document/layer_export.h"
#include "document/map_document.h"
#include "edit/editing_controller.h"
#include "indicators/dashboard_model.h"
#include "indicators/indicator_dashboard.h"
#include "layers/layer_tree_model.h"
#include "main/main_window.h"
#include "main/start_page.h"
#include "map/map_canvas.h"
#include "map/message_bar.h"
#include "xiuhua/gis/library_versions.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

namespace xiuhua::app {
namespace {

const QString kRecentKey = QStringLiteral("recentProjects");

QString vectorFilter() {
  return MainWindow::tr("GIS data (*.shp *.gpkg *.geojson *.json *.kml *.csv *.xlsx *.gdb *.tif *.tiff);;"
                        "All files (*)");
}

}  // namespace

void MainWindow::createMenus() {
  QMenu* project = menuBar()->addMenu(tr("&Project"));
  project->addAction(tr("&New"), QKeySequence::New, this, [this] {
    if (maybeSave()) mDocument->newProject();
  });
  project->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::browseForProject);
  mRecentMenu = project->addMenu(tr("Open &recent"));
  updateRecentMenu();
  QAction* demo = project->addAction(tr("Open the &demo project"), this, [this] { openDemoProject(); });
  demo->setEnabled(!demo_project::shippedProject().isEmpty());
  demo->setStatusTip(tr("Jiading District with synthetic layers and the district plan's indicators, copied to your documents"));
  QAction* putuo = project->addAction(tr("Open the &Putuo demo project"), this, [this] { openDemoProject(demo_project::Demo::Putuo); });
  putuo->setEnabled(!demo_project::shippedProject(demo_project::Demo::Putuo).isEmpty());
  putuo->setStatusTip(tr("Putuo District with synthetic layers: the plan's shares and per-capita figures computed from the map"));
  project->addAction(tr("&Save"), QKeySequence::Save, this, [this] { saveProject(false); });
  project->addAction(tr("Save &as…"), QKeySequence::SaveAs, this, [this] { saveProject(true); });
  project->addSeparator();
  project->addAction(tr("&Add layer…"), QKeySequence(tr("Ctrl+L")), this, &MainWindow::browseForLayers);
  project->addAction(tr("Add &PostGIS layers…"), this, [this] {
    PostgisLayerDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) addLayers(dialog.selectedSources());
  });
  project->addAction(tr("Map &coordinate system…"), this, &MainWindow::chooseMapCrs);
  project->addSeparator();
  project->addAction(tr("E&xit"), QKeySequence::Quit, this, &QWidget::close);

  QToolBar* tools = addToolBar(tr("Map tools"));
  tools->setObjectName(QStringLiteral("mapTools"));
  auto* toolGroup = new QActionGroup(this);
  auto addTool = [&](const QString& text, MapCanvas::Tool tool, const QString& shortcut) {
    QAction* a = tools->addAction(text);
    a->setCheckable(true);
    a->setShortcut(QKeySequence(shortcut));
    toolGroup->addAction(a);
    connect(a, &QAction::triggered, this, [this, tool] { mCanvas->setTool(tool); });
    return a;
  };
  addTool(tr("Pan"), MapCanvas::Tool::Pan, QStringLiteral("P"))->setChecked(true);
  mCanvas->setTool(MapCanvas::Tool::Pan);
  addTool(tr("Zoom box"), MapCanvas::Tool::ZoomBox, QStringLiteral("Z"));
  addTool(tr("Identify"), MapCanvas::Tool::Identify, QStringLiteral("I"));
  tools->addSeparator();

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* full = view->addAction(tr("&Full extent"), QKeySequence(tr("Ctrl+Shift+F")), mCanvas, &MapCanvas::zoomToFullExtent);
  QAction* zoomIn = view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, this, [this] { mCanvas->zoomBy(2.0); });
  QAction* zoomOut = view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, this, [this] { mCanvas->zoomBy(0.5); });
  QAction* toLayer = view->addAction(tr("Zoom to &layer"), this, [this] { zoomToLayer(currentLayerId()); });
  QAction* table = view->addAction(tr("&Attribute table"), QKeySequence(tr("F6")), this, [this] { openAttributeTable(currentLayerId()); });
  tools->addActions({full, zoomIn, zoomOut, toLayer, table});

  QMenu* indicatorsMenu = menuBar()->addMenu(tr("&Indicators"));
  QAction* dashboard = indicatorsMenu->addAction(tr("&Dashboard"), QKeySequence(tr("F7")), this, &MainWindow::showDashboard);
  tools->addAction(dashboard);
  indicatorsMenu->addAction(tr("&Report builder…"), this, [this] { openReportBuilder(); });
  indicatorsMenu->addAction(tr("&Share values on PostGIS…"), this, [this] {
    if (mDocument->projectPath().isEmpty()) {
      QMessageBox::information(this, tr("Share indicator values"), tr("Save the project first: it keeps where its values are."));
      return;
    }
    SharedValuesDialog dialog(mDocument->projectPath(), this);
    connect(&dialog, &SharedValuesDialog::valuesMoved, mDashboard, &IndicatorDashboard::reopen);
    dialog.exec();
  });

  QMenu* settings = menuBar()->addMenu(tr("&Settings"));
  QMenu* language = settings->addMenu(tr("&Language"));
  auto* languages = new QActionGroup(this);
  const QString current = QSettings().value(QStringLiteral("language")).toString();
  for (const auto& [code, name] : {std::pair{QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
                                   std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
    QAction* a = language->addAction(name);
    a->setCheckable(true);
    a->setChecked(current == code || (current.isEmpty() && QLocale().language() == QLocale::Chinese) == (code == QLatin1String("zh_CN")));
    languages->addAction(a);
    connect(a, &QAction::triggered, this, [this, code] { emit languageChangeRequested(code); });
  }

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Xiuhua"), this, &MainWindow::showAbout);
}

bool MainWindow::exportLayerTo(const QString& layerId, QString path) {
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr) return false;
  if (path.isEmpty()) {
    const QString suggested = QDir(QFileInfo(mDocument->projectPath()).absolutePath()).filePath(layer->spec.name + QStringLiteral(".gpkg"));
    path = QFileDialog::getSaveFileName(this, tr("Export layer"), suggested,
                                        tr("GeoPackage (*.gpkg);;Shapefile (*.shp);;GeoJSON (*.geojson)"));
    if (path.isEmpty()) return false;
  }
  if (gis::Status s = exportLayer(*layer, path); !s) {
    mMessages->showMessage(s.error().message);
    return false;
  }
  statusBar()->showMessage(tr("Exported %1 to %2").arg(layer->spec.name, QDir::toNativeSeparators(path)), 5000);
  return true;
}

// A PostGIS table's change trigger: other Xiuhua users then see each change within a second,
// without polling the table. It needs the table's owner; the server's refusal is shown as it is.
void MainWindow::installChangeTrigger(const QString& layerId) {
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr) return;
  auto source = gis::PgLayerSource::parse(layer->spec.source, layer->spec.sourceLayer);
  if (!source.ok()) {
    QMessageBox::warning(this, tr("Announce changes"), source.error().message);
    return;
  }
  const auto answer = QMessageBox::question(
      this, tr("Announce changes"),
      tr("Install Xiuhua's change trigger on %1? After each change of the table it notifies the Xiuhua users who show it "
         "(LISTEN/NOTIFY), so that they see the change at once. It needs the table's owner; it adds a trigger and a function "
         "named xiuhua_notify_change to the table's schema and changes no row.")
          .arg(source->layer()));
  if (answer != QMessageBox::Yes) return;
  auto connection = gis::PgConnection::open(source->connection);
  gis::Status installed = connection.ok() ? gis::pgInstallChangeTrigger(*connection.value(), source->schema, source->table)
                                          : gis::Status(connection.error());
  if (!installed) {
    QMessageBox::warning(this, tr("Announce changes"), installed.error().message);
    return;
  }
  statusBar()->showMessage(tr("%1 now announces its changes to other users.").arg(source->layer()), 5000);
}

void MainWindow::layerContextMenu(const QPoint& pos) {
  const QModelIndex index = mLayerView->indexAt(pos);
  QMenu menu(this);
  if (index.isValid() && !mLayerModel->isGroup(index)) {
    const QString id = mLayerModel->layerId(index);
    menu.addAction(tr("Zoom to layer"), this, [this, id] { zoomToLayer(id); });
    menu.addAction(tr("Open attribute table"), this, [this, id] { openAttributeTable(id); });
    // menu.exec() runs an event loop in which the tree may be rebuilt: look the row up again.
    menu.addAction(tr("Rename"), this, [this, id] {
      const QModelIndex current = mLayerModel->indexOfLayer(id);
      if (current.isValid()) mLayerView->edit(current);
    });
    menu.addAction(tr("Properties…"), this, [this, id] { showLayerProperties(id); });
    menu.addAction(tr("Export…"), this, [this, id] { exportLayerTo(id); });
    menu.addSeparator();
    mEditing->addLayerMenuActions(menu, id);
    if (const LayerState* layer = mDocument->layer(id); layer != nullptr && gis::isDatabaseSource(layer->spec.source)) {
      menu.addAction(tr("Announce changes to other users (install trigger)…"), this, [this, id] { installChangeTrigger(id); });
    }
    menu.addSeparator();
    menu.addAction(tr("Remove layer"), this, [this, id] { mDocument->removeLayer(id); });
  } else if (index.isValid()) {
    const QString group = index.data().toString();
    menu.addAction(tr("Rename group"), this, [this, group] {
      const auto found = mLayerModel->findItems(group);
      if (!found.isEmpty()) mLayerView->edit(found.front()->index());
    });
  }
  menu.addAction(tr("Add group"), this, [this] {
    const QString name = QInputDialog::getText(this, tr("Add group"), tr("Group name"));
    if (!name.trimmed().isEmpty()) mLayerModel->addGroup(name.trimmed());
  });
  menu.exec(mLayerView->viewport()->mapToGlobal(pos));
}

bool MainWindow::saveProject(bool askForPath) {
  QString path = mDocument->projectPath();
  if (mDocument->isReadOnly()) {
    // Suggested beside the user's documents, not in the read-only folder.
    askForPath = true;
    path = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(QFileInfo(path).fileName());
  }
  if (askForPath || path.isEmpty()) {
    path = QFileDialog::getSaveFileName(this, tr("Save project"), path, tr("Xiuhua projects (*.xhp)"));
    if (path.isEmpty()) return false;
    if (!path.endsWith(QLatin1String(".xhp"))) path += QStringLiteral(".xhp");
  }
  if (gis::Status s = mDocument->saveProject(path); !s) {
    QMessageBox::critical(this, tr("Save project"), s.error().message);
    return false;
  }
  rememberRecent(path);
  statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
  return true;
}

bool MainWindow::openDemoProject(demo_project::Demo which) {
  const QString shipped = demo_project::shippedProject(which);
  if (shipped.isEmpty()) {
    mMessages->showMessage(tr("The demo project is not installed (looked for share/xiuhua/demo beside %1).")
                               .arg(QDir::toNativeSeparators(QCoreApplication::applicationDirPath())));
    return false;
  }
  auto copy = demo_project::copyTo(shipped, demo_project::defaultCopyFolder(which));  // openProject asks about unsaved changes
  if (!copy.ok()) {
    mMessages->showMessage(copy.error().message);
    return false;
  }
  if (!openProject(copy.value())) return false;
  statusBar()->showMessage(tr("Opened your copy of the demo project: %1").arg(QDir::toNativeSeparators(copy.value())), 8000);
  return true;
}

void MainWindow::suggestDemoProject() {
  if (demo_project::shippedProject().isEmpty() || !QSettings().value(kRecentKey).toStringList().isEmpty()) return;
  mMessages->showMessage(tr("No project is open. The demo project (Jiading District, synthetic data) shows what Xiuhua "
                            "does: coverage maps, the district plan's indicators and the report."),
                         tr("Open the demo project"), QLatin1String(kOpenDemoAction));
}

void MainWindow::rememberRecent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value(kRecentKey).toStringList();
  recent.removeAll(QFileInfo(path).absoluteFilePath());
  recent.prepend(QFileInfo(path).absoluteFilePath());
  settings.setValue(kRecentKey, recent.mid(0, 10));
  updateRecentMenu();
}

void MainWindow::browseForProject() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(), tr("Xiuhua projects (*.xhp)"));
  if (!path.isEmpty()) openProject(path);
}

void MainWindow::browseForLayers() { addLayers(QFileDialog::getOpenFileNames(this, tr("Add layers"), QString(), vectorFilter())); }

void MainWindow::updateRecentMenu() {
  const QStringList recent = QSettings().value(kRecentKey).toStringList();
  if (mStartPage != nullptr) mStartPage->setRecentProjects(recent);
  if (mRecentMenu == nullptr) return;
  mRecentMenu->clear();
  for (const QString& path : recent) {
    mRecentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openProject(path); });
  }
  mRecentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showAbout() {
  const gis::LibraryVersions versions = gis::libraryVersions();
  QMessageBox::about(
      this, tr("About Xiuhua"),
      tr("<h3>Xiuhua 绣花 %1</h3><p>Desktop GIS for urban-management refinement (城市管理精细化).</p>"
         "<p>Qt %2 · GDAL %3 · GEOS %4 · PROJ %5 · SQLite %6</p>"
         "<p>Demo data: district boundaries 「边界数据：高德开放平台 DataV.GeoAtlas」, for demonstration "
         "only; official 规划资源 data replaces them in production. All 街镇, 网格 and facility layers "
         "of the demo project are SYNTHETIC.</p>"
         "<p>Xiuhua is free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later); it "
         "comes with no warranty. It uses QCustomPlot (GPL-3.0).</p>")
          .arg(QStringLiteral(XIUHUA_VERSION), QString::fromLatin1(qVersion()), versions.gdal,
               versions.geos, versions.proj, versions.sqlite));
}

bool MainWindow::maybeSave() {
  if (!mDocument->isModified() || mDocument->layerCount() == 0) return true;
  const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                            tr("The project has unsaved changes. Save them?"),
                                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
  if (answer == QMessageBox::Cancel) return false;
  return answer == QMessageBox::Discard || saveProject(false);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (mEditing->maybeStopAll() && maybeSave()) {
    event->accept();
  } else {
    event->ignore();
  }
}

ReportBuilderDialog* MainWindow::openReportBuilder() {
  const QString project = mDocument->projectPath();
  if (project.isEmpty()) {
    mMessages->showMessage(tr("Save the project first: the report is made from the indicators kept in the project file."));
    return nullptr;
  }
  if (mReportBuilder && mReportBuilder->isVisible() && mReportBuilder->projectPath() != project) mReportBuilder->close();
  if (mReportBuilder && mReportBuilder->isVisible()) {
    mReportBuilder->raise();
    mReportBuilder->activateWindow();
    return mReportBuilder;
  }
  const int year = mDashboard->model()->year() > 0 ? mDashboard->model()->year() : QDate::currentDate().year();
  mReportBuilder = new ReportBuilderDialog(project, year, this);
  mReportBuilder->setAttribute(Qt::WA_DeleteOnClose);
  mReportBuilder->show();
  return mReportBuilder;
}

}  // namespace xiuhua::app
