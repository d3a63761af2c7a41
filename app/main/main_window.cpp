#include "main/main_window.h"

#include "document/demo_project.h"
#include "main/start_page.h"
#include "dialogs/crs_dialog.h"
#include "dialogs/encoding_dialog.h"
#include "dialogs/layer_properties_dialog.h"
#include "document/layer_editing.h"
#include "edit/editing_controller.h"
#include "document/map_document.h"
#include "document/shared_layer_watcher.h"
#include "indicators/dashboard_model.h"
#include "indicators/indicator_dashboard.h"
#include "keyring/saved_connections.h"
#include "layers/layer_tree_model.h"
#include "map/identify_panel.h"
#include "map/map_canvas.h"
#include "map/map_status_bar.h"
#include "map/message_bar.h"
#include "map/subunit_hover_tip.h"
#include "table/attribute_table_widget.h"
#include "xiuhua/gis/bounds.h"
#include "xiuhua/gis/library_messages.h"
#include "xiuhua/gis/vector_reader.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <cstring>

namespace xiuhua::app {

// Message-bar action keys beside the layer ids (which are 8 hex digits).
const char* const MainWindow::kSaveAsAction = "project:save-as";
const char* const MainWindow::kOpenDemoAction = "project:open-demo";
const char* const MainWindow::kEncodingAction = "encoding:";
const char* const MainWindow::kReadWholeAction = "read-whole:";

MainWindow::MainWindow(MapDocument* document, QWidget* parent)
    : QMainWindow(parent), mDocument(document), mCanvas(new MapCanvas(document, this)),
      mMessages(new MessageBar(this)), mStatus(nullptr), mLayerModel(new LayerTreeModel(document, this)),
      mLayerView(new QTreeView(this)), mIdentify(new IdentifyPanel(document, this)),
      mTable(new AttributeTableWidget(document, this)), mTableDock(nullptr), mIdentifyDock(nullptr),
      mDashboard(new IndicatorDashboard(document, this)), mDashboardDock(nullptr) {
  setObjectName(QStringLiteral("mainWindow"));
  mDashboard->setCanvas(mCanvas);
  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(mMessages);
  mStartPage = new StartPage(central);
  mCentralStack = new QStackedWidget(central);
  mCentralStack->addWidget(mCanvas);
  mCentralStack->addWidget(mStartPage);
  layout->addWidget(mCentralStack, 1);
  setCentralWidget(central);
  mStatus = new MapStatusBar(statusBar(), mCanvas, document);
  createDocks();
  createMenus();
  mEditing = new EditingController(document, mCanvas, this, [this] { return currentLayerId(); });
  new SharedLayerWatcher(document);  // PostGIS layers read again when other users change them
  connect(mEditing, &EditingController::problem, this, [this](const QString& m) { mMessages->showMessage(m); });
  connect(mEditing, &EditingController::message, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
  connect(mLayerView->selectionModel(), &QItemSelectionModel::currentChanged, mEditing, &EditingController::refresh);
  mEditing->attachTable(mTable);
  mDashboard->setEditedLayers([this] { return mEditing->editing()->modifiedLayers(); });
  connect(mEditing->editing(), &LayerEditing::editingChanged, mDashboard, &IndicatorDashboard::scheduleStaleRefresh);
  connectDocument();
  // What GDAL, PROJ or GEOS say outside a reader (readers collect their own, named by file) is
  // shown in the message bar, on the GUI thread, never printed raw. The newest window takes them.
  gis::setMessageSink([bar = QPointer<MessageBar>(mMessages)](const gis::LibraryMessage& m) {
    const QString text = m.describe();
    QMetaObject::invokeMethod(
        qApp, [bar, text] {
          if (bar) bar->showMessage(text);
        },
        Qt::QueuedConnection);
  });
  connect(mStartPage, &StartPage::openRequested, this, [this](const QString& path) { openProject(path); });
  connect(mStartPage, &StartPage::openDemoRequested, this, [this] { openDemoProject(); });
  connect(mStartPage, &StartPage::openPutuoDemoRequested, this, [this] { openDemoProject(demo_project::Demo::Putuo); });
  connect(mStartPage, &StartPage::browseRequested, this, &MainWindow::browseForProject);
  connect(mStartPage, &StartPage::addLayersRequested, this, &MainWindow::browseForLayers);
  connect(mDocument, &MapDocument::projectReset, this, &MainWindow::updateCentralPage);
  // A project with indicators opens with its dashboard (it has reloaded by now: connected first).
  connect(mDocument, &MapDocument::projectReset, this, [this] {
    if (!mDashboard->model()->catalog().indicators.empty()) showDashboard();
  });
  connect(mDocument, &MapDocument::layersChanged, this, &MainWindow::updateCentralPage);
  mStartPage->setDemoAvailable(!demo_project::shippedProject().isEmpty());
  mStartPage->setPutuoDemoAvailable(!demo_project::shippedProject(demo_project::Demo::Putuo).isEmpty());
  updateCentralPage();
  resize(1280, 820);
  setWindowIcon(QIcon(QStringLiteral(":/xiuhua/icons/xiuhua.svg")));
  // The passwords the user chose to keep in the desktop keyring, into memory before any project's
  // PostGIS layers open (only connections marked so: otherwise the keyring is not asked).
  const QStringList unread = SavedConnections::holdKeyringPasswords();
  if (!unread.isEmpty()) mMessages->showMessage(unread.join(QLatin1Char('\n')));
}

bool MainWindow::isShowingStartPage() const { return mCentralStack->currentWidget() == mStartPage; }

void MainWindow::updateCentralPage() {
  const bool nothingOpen = mDocument->projectPath().isEmpty() && mDocument->layers().empty();
  mCentralStack->setCurrentWidget(nothingOpen ? static_cast<QWidget*>(mStartPage) : static_cast<QWidget*>(mCanvas));
}

void MainWindow::createDocks() {
  mLayerView->setModel(mLayerModel);
  mLayerView->setHeaderHidden(true);
  mLayerView->setDragDropMode(QAbstractItemView::InternalMove);
  mLayerView->setDefaultDropAction(Qt::MoveAction);
  mLayerView->setSelectionMode(QAbstractItemView::SingleSelection);
  mLayerView->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
  mLayerView->setContextMenuPolicy(Qt::CustomContextMenu);
  mLayerView->setObjectName(QStringLiteral("layerTree"));
  connect(mLayerModel, &QAbstractItemModel::modelReset, mLayerView, &QTreeView::expandAll);
  connect(mLayerModel, &QAbstractItemModel::rowsInserted, mLayerView, &QTreeView::expandAll);
  connect(mLayerView, &QTreeView::customContextMenuRequested, this, &MainWindow::layerContextMenu);
  connect(mLayerView, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
    if (!mLayerModel->isGroup(index)) showLayerProperties(mLayerModel->layerId(index));
  });

  auto* layersDock = new QDockWidget(tr("Layers"), this);
  layersDock->setObjectName(QStringLiteral("layersDock"));
  layersDock->setWidget(mLayerView);
  addDockWidget(Qt::LeftDockWidgetArea, layersDock);

  mIdentifyDock = new QDockWidget(tr("Identify results"), this);
  mIdentifyDock->setObjectName(QStringLiteral("identifyDock"));
  mIdentifyDock->setWidget(mIdentify);
  addDockWidget(Qt::RightDockWidgetArea, mIdentifyDock);
  mIdentifyDock->hide();

  mTableDock = new QDockWidget(tr("Attribute table"), this);
  mTableDock->setObjectName(QStringLiteral("tableDock"));
  mTableDock->setWidget(mTable);
  addDockWidget(Qt::BottomDockWidgetArea, mTableDock);
  mTableDock->hide();
  connect(mTable, &AttributeTableWidget::zoomToSelectionRequested, this, &MainWindow::zoomToSelection);

  mDashboardDock = new QDockWidget(tr("Indicators"), this);
  mDashboardDock->setObjectName(QStringLiteral("dashboardDock"));
  mDashboardDock->setWidget(mDashboard);
  addDockWidget(Qt::BottomDockWidgetArea, mDashboardDock);
  tabifyDockWidget(mTableDock, mDashboardDock);
  mDashboardDock->hide();
  connect(mDashboard, &IndicatorDashboard::problem, this, [this](const QString& m) { mMessages->showMessage(m); });
}

void MainWindow::connectDocument() {
  connect(mDocument, &MapDocument::problem, this, [this](const QString& message) { mMessages->showMessage(message); });
  connect(mCanvas, &MapCanvas::renderProblem, this, [this](const QString& message) { mMessages->showMessage(message); });
  connect(mDocument, &MapDocument::layerLoaded, this, [this](const QString& id) {
    const LayerState* s = mDocument->layer(id);
    if (s != nullptr && s->lacksCrs()) warnAboutMissingCrs(id);
    // An encoding guessed on little evidence (or a wrong .cpg): the user compares and chooses.
    if (s != nullptr && s->data && s->spec.encoding.isEmpty()) {
      if (const QString warning = gis::encodingWarning(*s->data); !warning.isEmpty()) {
        mMessages->showMessage(warning, tr("Choose encoding…"), QLatin1String(kEncodingAction) + id);
      }
    }
  });
  connect(mMessages, &MessageBar::actionTriggered, this, [this](const QString& key) {
    if (key == QLatin1String(kSaveAsAction)) {
      saveProject(true);
    } else if (key == QLatin1String(kOpenDemoAction)) {
      openDemoProject();
    } else if (key.startsWith(QLatin1String(kEncodingAction))) {
      chooseEncoding(key.mid(static_cast<qsizetype>(std::strlen(kEncodingAction))));
    } else if (key.startsWith(QLatin1String(kReadWholeAction))) {
      mDocument->setLayerStreaming(key.mid(static_cast<qsizetype>(std::strlen(kReadWholeAction))), gis::LayerSpec::Streaming::Never);
    } else {
      showLayerProperties(key, static_cast<int>(LayerPropertiesDialog::Page::CoordinateSystem));  // a layer's id
    }
  });
  connect(mCanvas, &MapCanvas::identifyRequested, this, [this](QPointF p, double tolerance) {
    mIdentifyDock->show();
    mIdentify->identify(p, tolerance);
  });
  new SubunitHoverTip(mCanvas, mDocument);  // owned by the canvas
  connect(mStatus, &MapStatusBar::crsButtonClicked, this, &MainWindow::chooseMapCrs);
  auto updateTitle = [this] {
    setWindowTitle(mDocument->isReadOnly() ? tr("%1 (read-only) — Xiuhua 绣花").arg(mDocument->title())
                                           : tr("%1 — Xiuhua 绣花").arg(mDocument->title()));
  };
  connect(mDocument, &MapDocument::projectReset, this, updateTitle);
  auto noteReadOnly = [this] {
    if (!mDocument->isReadOnly()) {
      mMessages->withdraw(QLatin1String(kSaveAsAction));
      return;
    }
    mMessages->showMessage(tr("%1 is read-only: you can look at it and write reports from it, but nothing can be saved "
                              "into it. To compute its indicators, save it under another name; to edit its layers too, "
                              "copy its folder with the data (the demo: Project → Open the demo project).")
                               .arg(QDir::toNativeSeparators(mDocument->projectPath())),
                           tr("Save as…"), QLatin1String(kSaveAsAction));
  };
  connect(mDocument, &MapDocument::projectReset, mMessages, &MessageBar::clear);  // they were about the last project
  connect(mDocument, &MapDocument::projectReset, this, noteReadOnly);
  connect(mDocument, &MapDocument::projectSaved, this, noteReadOnly);
  noteReadOnly();  // a window made anew (another language) on a read-only project
  connect(mDocument, &MapDocument::projectSaved, this, updateTitle);
  updateTitle();
  // The tree is rebuilt from the document on every change: keep the user's current layer.
  connect(mLayerModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] { mCurrentLayerBeforeReset = currentLayerId(); });
  // The tree is cleared (reset) and then filled row by row: the row is found again once it is full.
  connect(mLayerModel, &LayerTreeModel::rebuilt, this, [this] {
    const QModelIndex index = mLayerModel->indexOfLayer(mCurrentLayerBeforeReset);
    if (index.isValid()) mLayerView->setCurrentIndex(index);
  });
}

void MainWindow::warnAboutMissingCrs(const QString& layerId) {
  const LayerState* s = mDocument->layer(layerId);
  const QString problem = s->data && !s->data->crsProblem.isEmpty() ? s->data->crsProblem
                                                                     : tr("the source declares none");
  mMessages->showMessage(
      tr("%1 (%2) has no coordinate system: %3. It is drawn as if it were in the map's coordinate "
         "system, which may misplace it. Declare its coordinate system to place it correctly.")
          .arg(s->spec.name, QDir::toNativeSeparators(s->spec.source), problem),
      tr("Set coordinate system…"), layerId);
}

QString MainWindow::currentLayerId() const {
  const QModelIndex index = mLayerView->currentIndex();
  return index.isValid() && !mLayerModel->isGroup(index) ? mLayerModel->layerId(index) : QString();
}

void MainWindow::zoomToLayer(const QString& layerId) {
  const LayerState* s = mDocument->layer(layerId);
  if (s == nullptr) return;
  if (s->projected) mCanvas->zoomToRect(s->projected->extent());
  if (s->streamed) mCanvas->zoomToRect(s->streamed->extent());
  if (s->raster) mCanvas->zoomToRect(s->raster->extent);
}

void MainWindow::zoomToSelection(const QString& layerId) {
  const LayerState* s = mDocument->layer(layerId);
  if (s == nullptr || !s->projected || !s->selection || s->selection->empty()) return;
  gis::Bounds box;
  for (int i : *s->selection) {
    if (i >= 0 && static_cast<std::size_t>(i) < s->projected->boxes().size()) {
      box.add(s->projected->boxes()[static_cast<std::size_t>(i)]);
    }
  }
  if (box.isEmpty()) return;
  // fitting() adds a margin; a single point keeps the current scale.
  mCanvas->zoomToRect(box.rect());
}

bool MainWindow::openProject(const QString& path) {
  if (!maybeSave()) return false;
  if (gis::Status s = mDocument->openProject(path); !s) {
    mMessages->showMessage(s.error().message);
    return false;
  }
  rememberRecent(path);
  return true;
}

void MainWindow::addLayers(const QStringList& paths) {
  for (const QString& path : paths) mDocument->addLayersFromFileInBackground(path);
}

void MainWindow::showDashboard() {
  const bool wasHidden = mDashboardDock->isHidden();
  mDashboardDock->show();
  mDashboardDock->raise();
  // Shown anew: half the height, enough for five rows of the table and a readable chart.
  if (wasHidden) resizeDocks({mDashboardDock}, {static_cast<int>(height() * 0.5)}, Qt::Vertical);
}

void MainWindow::openAttributeTable(const QString& layerId) {
  const LayerState* s = mDocument->layer(layerId);
  if (s == nullptr || s->spec.kind != gis::LayerSpec::Kind::Vector) return;
  if (const QString refusal = s->wholeLayerRefusal(); !refusal.isEmpty()) {
    mMessages->showMessage(refusal, tr("Read the whole layer"), QLatin1String(kReadWholeAction) + layerId);
    return;
  }
  mTable->showLayer(layerId);
  mTableDock->setWindowTitle(tr("Attribute table — %1").arg(s->spec.name));
  mTableDock->show();
}

void MainWindow::showLayerProperties(const QString& layerId, int page) {
  if (mDocument->layer(layerId) == nullptr) return;
  LayerPropertiesDialog dialog(mDocument, layerId, this);
  dialog.showPage(static_cast<LayerPropertiesDialog::Page>(page));
  dialog.exec();
}

void MainWindow::chooseEncoding(const QString& layerId) {
  const LayerState* s = mDocument->layer(layerId);
  if (s == nullptr || !s->data) return;
  if (const std::optional<QString> chosen = EncodingDialog::ask(s->data, this)) mDocument->setLayerEncoding(layerId, *chosen);
}

void MainWindow::chooseMapCrs() {
  if (const auto crs = CrsDialog::ask(this, tr("Map coordinate system"), mDocument->mapCrs())) {
    mDocument->setMapCrs(*crs);
  }
}

}  // namespace xiuhua::app
