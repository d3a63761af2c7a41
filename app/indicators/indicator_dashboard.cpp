#include "indicators/indicator_dashboard.h"

#include "document/map_document.h"
#include "indicators/add_values_command.h"
#include "indicators/assessment_dialog.h"
#include "indicators/catalog_audit_dialog.h"
#include "document/coverage_map.h"
#include "indicators/dashboard_filter.h"
#include "indicators/edit_target_command.h"
#include "indicators/import_preview_dialog.h"
#include "indicators/dashboard_model.h"
#include "indicators/stale_indicators.h"
#include "indicators/indicator_chart.h"
#include "indicators/progress_delegate.h"
#include "indicators/spatial_compute_task.h"
#include "indicators/target_dialog.h"
#include "indicators/value_entry_dialog.h"
#include "indicators/gap_finder_dialog.h"
#include "indicators/what_if_dialog.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/indicators/metrics/computation_store.h"
#include "xiuhua/indicators/value_exchange.h"

#include <QComboBox>
#include <QDate>
#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <limits>

namespace xiuhua::app {
namespace {

// The shipped catalogs, compiled into the resources: (resource path, plan name).
const std::vector<std::pair<QString, QString>>& shippedCatalogs() {
  static const std::vector<std::pair<QString, QString>> kCatalogs = {
      {QStringLiteral(":/xiuhua/catalogs/jiading-14th-fyp.csv"), QStringLiteral("嘉定区城市管理精细化“十四五”规划")},
      {QStringLiteral(":/xiuhua/catalogs/putuo-14th-fyp.csv"), QStringLiteral("普陀区城市管理精细化“十四五”规划")},
      {QStringLiteral(":/xiuhua/catalogs/songjiang-2024-2026.csv"), QStringLiteral("松江区城市管理精细化三年行动计划（2024—2026年）")}};
  return kCatalogs;
}

QString sourceLabel(indicators::ValueSource source) {
  switch (source) {
    case indicators::ValueSource::Entered: return IndicatorDashboard::tr("entered");
    case indicators::ValueSource::Computed: return IndicatorDashboard::tr("computed");
    case indicators::ValueSource::Imported: return IndicatorDashboard::tr("imported");
    case indicators::ValueSource::Synthetic: return IndicatorDashboard::tr("synthetic (demonstration, not official)");
  }
  return {};
}

}  // namespace

IndicatorDashboard::IndicatorDashboard(MapDocument* document, QWidget* parent)
    : QWidget(parent), mDocument(document), mModel(new DashboardModel(this)), mFilter(new DashboardFilter(this)),
      mTable(new QTreeView(this)), mChart(new IndicatorChart(this)), mHistory(new QTreeWidget(this)),
      mYear(new QSpinBox(this)), mDepartment(new QComboBox(this)), mNature(new QComboBox(this)),
      mStatus(new QComboBox(this)), mSearch(new QLineEdit(this)), mMessage(new QLabel(this)),
      mLocation(new QLabel(this)), mUndo(new QUndoStack(this)) {
  mFilter->setSourceModel(mModel);
  mTable->setModel(mFilter);
  mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  mTable->setSelectionMode(QAbstractItemView::SingleSelection);
  mTable->setAlternatingRowColors(true);
  mTable->setUniformRowHeights(true);
  mTable->header()->setStretchLastSection(true);
  mTable->setItemDelegateForColumn(DashboardModel::Progress, new ProgressDelegate(mTable));
  mTable->setWordWrap(false);
  // Category headings span the row; a filter that hides rows re-spans what is left.
  auto spanHeadings = [this] {
    for (int r = 0; r < mFilter->rowCount(); ++r) mTable->setFirstColumnSpanned(r, {}, true);
    mTable->expandAll();
  };
  connect(mFilter, &QAbstractItemModel::layoutChanged, this, spanHeadings);
  connect(mFilter, &QAbstractItemModel::modelReset, this, spanHeadings);
  connect(mFilter, &QAbstractItemModel::rowsInserted, this, spanHeadings);
  mYear->setRange(2015, 2035);
  mYear->setValue(QDate::currentDate().year() > 2035 ? 2035 : QDate::currentDate().year() - 1);
  mYear->setPrefix(tr("Year "));
  mNature->addItem(tr("All"), -1);
  mNature->addItem(tr("Binding"), static_cast<int>(indicators::Nature::Binding));
  mNature->addItem(tr("Expected"), static_cast<int>(indicators::Nature::Expected));
  mNature->addItem(tr("Not stated"), static_cast<int>(indicators::Nature::Unstated));
  mStatus->addItem(tr("All statuses"), -1);
  for (auto s : {indicators::Status::Achieved, indicators::Status::OnTrack, indicators::Status::Behind,
                 indicators::Status::SeverelyBehind, indicators::Status::NotMet, indicators::Status::NoBaseline,
                 indicators::Status::Unconfirmed, indicators::Status::NoData, indicators::Status::Manual}) {
    mStatus->addItem(indicators::statusName(s), static_cast<int>(s));
  }
  mSearch->setPlaceholderText(tr("Search indicators…"));
  mSearch->setClearButtonEnabled(true);
  mMessage->setWordWrap(true);
  auto* importButton = new QPushButton(tr("Import catalog…"), this);
  auto* enterButton = new QPushButton(tr("Enter value…"), this);
  auto* chartButton = new QPushButton(tr("Save chart…"), this);
  auto* copyButton = new QPushButton(tr("Copy chart"), this);
  auto* importValuesButton = new QPushButton(tr("Import values…"), this);
  auto* assessButton = new QPushButton(tr("Assess…"), this);
  auto* auditButton = new QPushButton(tr("Catalog audit…"), this);
  auditButton->setToolTip(tr("What the plans leave open or doubtful in the catalog: confirm a doubt, add a baseline"));
  auto* targetButton = new QPushButton(tr("Edit target…"), this);
  // Compute: what changed since the last computation; the arrow's menu forces a full one.
  auto* computeButton = new QToolButton(this);
  auto* computeAction = new QAction(tr("Compute…"), computeButton);
  auto* computeAgain = new QAction(tr("Compute again"), computeButton);
  computeAgain->setToolTip(tr("Compute even the indicators whose settings and input files have not changed"));
  computeButton->setDefaultAction(computeAction);
  computeButton->addAction(computeAgain);
  computeButton->setPopupMode(QToolButton::MenuButtonPopup);
  auto* mapButton = new QPushButton(tr("Coverage map"), this);
  auto* whatIfButton = new QPushButton(tr("What if…"), this);
  auto* gapsButton = new QPushButton(tr("Find gaps…"), this);
  gapsButton->setToolTip(tr("Propose the best sites for a new park or stop: those that would cover the most land left uncovered"));
  whatIfButton->setToolTip(tr("Try proposed parks or stops (a layer of them) or closing selected ones, and see the change by 街镇"));
  mapButton->setToolTip(tr("Show the selected spatial indicator's computed layers for the year on the map: covered and "
                           "uncovered land, the service area and the sub-units against the target"));
  computeAction->setToolTip(tr("Compute the spatial indicators from the map layers (the selected one, or all) for the year"));
  assessButton->setToolTip(tr("Assess the status of a qualitative target, with the reason"));
  // Undo and Redo keep their short names on the buttons (a step's name, "撤销 计算 7 项空间指标（2025
  // 年）", would widen the dock and the window with it); the step is named in the tooltip.
  auto* undoAction = new QAction(tr("Undo"), this);
  auto* redoAction = new QAction(tr("Redo"), this);
  undoAction->setObjectName(QStringLiteral("dashboardUndo"));
  redoAction->setObjectName(QStringLiteral("dashboardRedo"));
  undoAction->setEnabled(false);
  redoAction->setEnabled(false);
  connect(mUndo, &QUndoStack::canUndoChanged, undoAction, &QAction::setEnabled);
  connect(mUndo, &QUndoStack::canRedoChanged, redoAction, &QAction::setEnabled);
  connect(mUndo, &QUndoStack::undoTextChanged, undoAction, [undoAction](const QString& step) {
    undoAction->setToolTip(step.isEmpty() ? tr("Undo") : tr("Undo: %1").arg(step));
  });
  connect(mUndo, &QUndoStack::redoTextChanged, redoAction, [redoAction](const QString& step) {
    redoAction->setToolTip(step.isEmpty() ? tr("Redo") : tr("Redo: %1").arg(step));
  });
  connect(undoAction, &QAction::triggered, mUndo, &QUndoStack::undo);
  connect(redoAction, &QAction::triggered, mUndo, &QUndoStack::redo);
  auto* undo = new QToolButton(this);
  undo->setDefaultAction(undoAction);
  auto* redo = new QToolButton(this);
  redo->setDefaultAction(redoAction);
  auto* filters = new QHBoxLayout;
  for (QWidget* w : std::initializer_list<QWidget*>{mYear, mDepartment, mNature, mStatus}) filters->addWidget(w);
  filters->addWidget(mSearch, 1);
  // The actions in a tool bar: what does not fit goes behind its » button, never widening the dock
  // (and the window with it).
  auto* actions = new QToolBar(this);
  actions->setObjectName(QStringLiteral("dashboardActions"));
  for (QWidget* w : std::initializer_list<QWidget*>{importButton, enterButton, importValuesButton, assessButton, auditButton, targetButton, computeButton,
                                                    mapButton, whatIfButton, gapsButton, undo, redo, chartButton, copyButton}) {
    actions->addWidget(w);
  }
  mHistory->setHeaderLabels({tr("Year"), tr("Value"), tr("Source"), tr("Entered by"), tr("Time"), tr("Note")});
  mHistory->setRootIsDecorated(false);
  auto* detail = new QSplitter(Qt::Horizontal, this);
  detail->addWidget(mChart);
  detail->addWidget(mHistory);
  detail->setStretchFactor(0, 3);
  detail->setStretchFactor(1, 2);
  mChart->setMinimumWidth(420);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(mTable);
  split->addWidget(detail);
  // The table keeps five rows to read even in a low window (a 1280×800 screen gave it two).
  mTable->setMinimumHeight(mTable->fontMetrics().height() * 8);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(filters);
  layout->addWidget(actions);
  layout->addWidget(mMessage);
  layout->addWidget(mLocation);
  layout->addWidget(split, 1);
  mLocation->setObjectName(QStringLiteral("valueLocation"));
  mLocation->setWordWrap(true);
  mLocation->hide();
  // Shared values: other workstations' entries are read in when they come (a cheap check).
  mSharedTimer = new QTimer(this);
  mSharedTimer->setInterval(3000);
  connect(mSharedTimer, &QTimer::timeout, this, &IndicatorDashboard::refreshShared);

  connect(importButton, &QPushButton::clicked, this, &IndicatorDashboard::chooseCatalog);
  connect(enterButton, &QPushButton::clicked, this, &IndicatorDashboard::enterValue);
  connect(assessButton, &QPushButton::clicked, this, &IndicatorDashboard::assess);
  connect(auditButton, &QPushButton::clicked, this, &IndicatorDashboard::openCatalogAudit);
  connect(targetButton, &QPushButton::clicked, this, &IndicatorDashboard::chooseTarget);
  connect(computeAction, &QAction::triggered, this, [this] { computeSpatial(); });
  connect(computeAgain, &QAction::triggered, this, [this] { computeSpatial(false, true); });
  connect(mapButton, &QPushButton::clicked, this, &IndicatorDashboard::showCoverageMap);
  connect(whatIfButton, &QPushButton::clicked, this, &IndicatorDashboard::openWhatIf);
  connect(gapsButton, &QPushButton::clicked, this, &IndicatorDashboard::openGapFinder);
  connect(importValuesButton, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import values"), QString(), tr("Value tables (*.csv *.xlsx)"));
    if (!path.isEmpty()) importValues(path);
  });
  connect(mUndo, &QUndoStack::indexChanged, this, &IndicatorDashboard::reload);
  connect(chartButton, &QPushButton::clicked, this, &IndicatorDashboard::saveChart);
  connect(copyButton, &QPushButton::clicked, mChart, &IndicatorChart::copyToClipboard);
  connect(mYear, &QSpinBox::valueChanged, this, &IndicatorDashboard::reload);
  connect(mDepartment, &QComboBox::currentIndexChanged, this, [this] { mFilter->setDepartment(mDepartment->currentData().toString()); });
  connect(mNature, &QComboBox::currentIndexChanged, this, [this] { mFilter->setNature(mNature->currentData().toInt()); });
  connect(mStatus, &QComboBox::currentIndexChanged, this, [this] { mFilter->setStatus(mStatus->currentData().toInt()); });
  connect(mSearch, &QLineEdit::textChanged, mFilter, &DashboardFilter::setSearch);
  connect(mTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &IndicatorDashboard::showSelected);
  connect(document, &MapDocument::projectReset, this, &IndicatorDashboard::reload);
  connect(document, &MapDocument::projectSaved, this, &IndicatorDashboard::reload);
  reload();
}

IndicatorDashboard::~IndicatorDashboard() {
  // The undo stack (a child) outlives this body: keep its clean-up from calling reload() on a
  // half-destroyed dashboard, and drop its commands while the store they refer to still exists.
  disconnect(mUndo, nullptr, this, nullptr);
  mUndo->clear();
}

void IndicatorDashboard::reload() {
  const QString project = mDocument->projectPath();
  if (mStore && mStore->path() == project) {
    // Same project: keep the connection (the undo commands refer to it) and re-read.
  } else {
    mUndo->clear();  // commands of another project's store
    if (mStore) emit storeClosing();
    mStore.reset();
  }
  if (project.isEmpty()) {
    mModel->setData({}, {}, mYear->value());
    mMessage->setText(tr("Save the project first: its indicators and values are kept in the project file."));
    return;
  }
  if (!mStore) {
    auto store = indicators::ValueStore::open(project);
    if (!store.ok()) {
      mMessage->setText(store.error().message);
      mMessage->show();
      mLocation->hide();
      return;
    }
    mStore = std::move(store).value();
  }
  if (mStore->isShared()) {
    mLocation->setText(tr("Indicator values shared with other units: %1").arg(mStore->location()));
    mSharedTimer->start();
  } else {
    mSharedTimer->stop();
  }
  mLocation->setVisible(mStore->isShared());
  auto stamp = mStore->changeStamp();
  mSharedStamp = stamp.ok() ? stamp.value() : QString();
  auto catalog = mStore->catalog();
  if (!catalog.ok()) {
    mMessage->setText(catalog.error().message);
    mMessage->show();
    return;
  }
  mSeen.clear();
  if (auto latest = mStore->latestValues(); latest.ok()) {
    for (const indicators::IndicatorValue& v : latest.value()) {
      if (!v.month) mSeen[{v.code, v.year, v.subunit}] = v.id;
    }
  }
  std::map<QString, std::map<int, double>> series;
  std::map<QString, std::set<int>> synthetic;
  for (const indicators::Indicator& i : catalog->indicators) {
    auto s = mStore->series(i.code);
    if (s.ok()) series[i.code] = s.value();
    auto invented = mStore->syntheticYears(i.code);
    if (invented.ok() && !invented->empty()) synthetic[i.code] = invented.value();
  }
  const QString current = currentIndicator() != nullptr ? currentIndicator()->code : QString();
  mMessage->setText(catalog->indicators.empty() ? tr("The project has no indicator catalog yet: import one.") : QString());
  mMessage->setVisible(!mMessage->text().isEmpty());
  auto assessments = mStore->latestAssessments(mYear->value());
  mModel->setData(std::move(catalog).value(), std::move(series), mYear->value(),
                  assessments.ok() ? std::move(assessments).value() : std::map<QString, indicators::Assessment>(), std::move(synthetic));
  for (int c = DashboardModel::Code; c < DashboardModel::ColumnCount; ++c) mTable->resizeColumnToContents(c);
  // The spanned headings would widen the code column to the longest category name.
  int codeWidth = 0;
  for (const indicators::Indicator& ind : mModel->catalog().indicators) {
    codeWidth = std::max(codeWidth, mTable->fontMetrics().horizontalAdvance(ind.code));
  }
  mTable->setColumnWidth(DashboardModel::Code, 2 * mTable->indentation() + codeWidth + 16);  // headings and rows are indented
  mTable->setColumnWidth(DashboardModel::Target, std::min(mTable->columnWidth(DashboardModel::Target), 260));
  mTable->setColumnWidth(DashboardModel::Progress, 110);
  refillDepartments();
  refreshStale();
  // Kept across a reload; on a project just opened, the first indicator, so that its chart shows.
  if (!current.isEmpty()) {
    selectIndicator(current);
  } else if (!mModel->catalog().indicators.empty()) {
    selectIndicator(mModel->catalog().indicators.front().code);
  }
}

void IndicatorDashboard::refreshStale() {
  std::vector<gis::LayerSpec> layers;
  for (const LayerState& l : mDocument->layers()) layers.push_back(l.spec);
  mModel->setStale(findStaleIndicators(mDocument->projectPath(), mYear->value(), layers, mEditedLayers ? mEditedLayers() : QStringList()));
}

void IndicatorDashboard::scheduleStaleRefresh() {
  if (mStaleTimer == nullptr) {
    mStaleTimer = new QTimer(this);
    mStaleTimer->setSingleShot(true);
    mStaleTimer->setInterval(300);
    connect(mStaleTimer, &QTimer::timeout, this, &IndicatorDashboard::refreshStale);
  }
  mStaleTimer->start();
}

void IndicatorDashboard::refillDepartments() {
  const QString current = mDepartment->currentData().toString();
  QStringList departments;
  for (const indicators::Indicator& ind : mModel->catalog().indicators) {
    for (const QString& d : ind.responsible) {
      if (!departments.contains(d)) departments << d;
    }
  }
  mDepartment->blockSignals(true);
  mDepartment->clear();
  mDepartment->addItem(tr("All departments"), QString());
  for (const QString& d : departments) mDepartment->addItem(d, d);
  mDepartment->setCurrentIndex(std::max(0, mDepartment->findData(current)));
  mDepartment->blockSignals(false);
}

bool IndicatorDashboard::importCatalog(const QString& path, const QString& plan) {
  if (!mStore) {
    emit problem(tr("Save the project first: its indicators and values are kept in the project file."));
    return false;
  }
  QString file = path;
  QTemporaryDir temp;
  if (path.startsWith(QLatin1Char(':'))) {  // GDAL reads files, not Qt resources
    file = temp.filePath(QFileInfo(path).fileName());
    QFile::copy(path, file);
  }
  auto catalog = indicators::CatalogReader::read(file);
  if (!catalog.ok()) {
    emit problem(catalog.error().message);
    return false;
  }
  if (gis::Status s = mStore->importCatalog(catalog.value(), plan); !s) {
    emit problem(s.error().message);
    return false;
  }
  reload();
  return true;
}

bool IndicatorDashboard::addValue(const indicators::IndicatorValue& value) {
  return pushAdd({value}, tr("Enter %1 %2 = %3").arg(value.code).arg(value.year).arg(value.value));
}

void IndicatorDashboard::reopen() {
  mUndo->clear();  // its commands refer to the store that goes
  if (mStore) emit storeClosing();
  mStore.reset();
  reload();
}

bool IndicatorDashboard::addValueAsRevision(indicators::IndicatorValue value) {
  if (!mStore) return false;
  auto current = mStore->currentValue(value.code, value.year, value.month, value.subunit);
  if (!current.ok()) {
    emit problem(current.error().message);
    return false;
  }
  value.replaces = current->has_value() ? (*current)->id : 0;
  return addValue(value);
}

qint64 IndicatorDashboard::seenValueId(const QString& code, int year, const QString& subunit) const {
  const auto it = mSeen.find({code, year, subunit});
  return it == mSeen.end() ? 0 : it->second;
}

bool IndicatorDashboard::refreshShared() {
  if (!mStore || !mStore->isShared()) return false;
  auto stamp = mStore->changeStamp();
  if (!stamp.ok()) {
    mLocation->setText(stamp.error().message);  // the server is away: say so, keep what is shown
    return false;
  }
  if (stamp.value() == mSharedStamp) return false;
  reload();
  return true;
}

bool IndicatorDashboard::pushAdd(std::vector<indicators::IndicatorValue> values, const QString& text) {
  if (!mStore || values.empty()) return false;
  mConflict.clear();
  auto* command = new AddValuesCommand(mStore.get(), std::move(values), text, [this](const gis::Error& problem) {
    if (problem.code == gis::ErrorCode::EditConflict) {
      mConflict = problem.message;  // the caller offers to enter it again
    } else {
      emit this->problem(problem.message);
    }
  });
  mUndo->push(command);  // runs redo(); a failed command marks itself obsolete and is dropped
  reload();
  return mUndo->count() > 0 && mUndo->command(mUndo->index() - 1) == command;
}

bool IndicatorDashboard::importValues(const QString& path, bool ask) {
  if (!mStore) {
    emit problem(tr("Save the project first: its indicators and values are kept in the project file."));
    return false;
  }
  auto catalog = mStore->catalog();
  if (!catalog.ok()) return false;
  auto plan = indicators::planValueImport(path, catalog.value(), *mStore);
  if (!plan.ok()) {
    emit problem(plan.error().message);
    return false;
  }
  if (ask) {
    ImportPreviewDialog preview(plan.value(), catalog.value(), this);
    if (preview.exec() != QDialog::Accepted) return false;
  }
  return pushAdd(indicators::valuesToWrite(plan.value()), tr("Import %1").arg(QFileInfo(path).fileName()));
}

void IndicatorDashboard::selectIndicator(const QString& code) {
  const QModelIndex index = mFilter->mapFromSource(mModel->indexOf(code));
  if (index.isValid()) mTable->setCurrentIndex(index);
}

const indicators::Indicator* IndicatorDashboard::currentIndicator() const {
  return mModel->indicatorAt(mFilter->mapToSource(mTable->currentIndex()));
}

QStringList IndicatorDashboard::knownSubunits() const {
  QStringList names;
  if (!mStore) return names;
  auto values = mStore->latestValues();
  if (!values.ok()) return names;
  for (const indicators::IndicatorValue& v : values.value()) {
    if (!v.subunit.isEmpty() && !names.contains(v.subunit)) names << v.subunit;
  }
  names.sort();
  return names;
}

void IndicatorDashboard::showSelected() {
  const indicators::Indicator* ind = currentIndicator();
  mHistory->clear();
  if (ind == nullptr || !mStore) {
    mChart->clear();
    return;
  }
  // One level of sub-units in the bars: the catalog's breakdown, else the coarsest one with values
  // (12 街镇 rather than 355 网格, which the coverage map shows).
  QString level = ind->breakdown;
  if (level.isEmpty()) {
    std::size_t fewest = std::numeric_limits<std::size_t>::max();
    auto levels = mStore->subunitLevels(ind->code);
    for (const QString& l : levels.ok() ? levels.value() : QStringList()) {
      auto values = mStore->subunitValues(ind->code, mYear->value(), l);
      if (values.ok() && !values->empty() && values->size() < fewest) {
        level = l;
        fewest = values->size();
      }
    }
  }
  auto subunits = mStore->subunitValues(ind->code, mYear->value(), level);
  auto outside = mStore->notApplicable(ind->code, level);
  mChart->show(*ind, mModel->seriesOf(ind->code),
               subunits.ok() ? subunits.value() : std::map<QString, std::pair<int, double>>(), mYear->value(),
               mModel->syntheticYearsOf(ind->code), outside.ok() ? outside.value() : std::set<QString>());
  auto history = mStore->history(ind->code);
  if (!history.ok()) return;
  for (const indicators::IndicatorValue& v : history.value()) {
    const QString when = v.month ? QStringLiteral("%1-%2").arg(v.year).arg(*v.month, 2, 10, QLatin1Char('0')) : QString::number(v.year);
    new QTreeWidgetItem(mHistory, {when + (v.subunit.isEmpty() ? QString() : QStringLiteral(" · ") + v.subunit),
                                   QLocale().toString(v.value, 'g', 8), sourceLabel(v.source),
                                   v.dbUser.isEmpty() || v.dbUser == v.author ? v.author : QStringLiteral("%1 (%2)").arg(v.author, v.dbUser),
                                   v.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), v.note});
  }
  for (int c = 0; c < mHistory->columnCount() - 1; ++c) mHistory->resizeColumnToContents(c);
}

void IndicatorDashboard::enterValue() {
  const indicators::Indicator* ind = currentIndicator();
  if (ind == nullptr) return;
  ValueEntryDialog dialog(*ind, mYear->value(), knownSubunits(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  indicators::IndicatorValue value = dialog.value();
  // What was shown as current when the dialog opened: another unit's entry since is not replaced unseen.
  value.replaces = seenValueId(value.code, value.year, value.subunit);
  if (addValue(value) || mConflict.isEmpty()) return;
  const QString conflict = mConflict;
  reload();  // theirs, in the table and the history
  if (QMessageBox::question(this, tr("Value entered meanwhile"), conflict + QStringLiteral("\n\n") + tr("Store yours as a revision of theirs?")) ==
      QMessageBox::Yes) {
    addValueAsRevision(value);
  }
}

void IndicatorDashboard::chooseTarget() {
  const indicators::Indicator* ind = currentIndicator();
  if (ind == nullptr) return;
  TargetDialog dialog(*ind, this);
  if (dialog.exec() == QDialog::Accepted) editTarget(dialog.indicator());
}

bool IndicatorDashboard::editTarget(const indicators::Indicator& edited) {
  if (!mStore) return false;
  auto catalog = mStore->catalog();
  if (!catalog.ok()) return false;
  const indicators::Indicator* shown = catalog->find(edited.code);  // with the analysts' decisions applied
  auto before = mStore->definition(edited.code);                     // as the catalog gives it
  if (shown == nullptr || !before.ok()) return false;
  // The edit changes the definition's target (and its baseline only when that was changed): a unit
  // confirmed or a baseline entered with its source stays a decision, not part of the plan's row.
  indicators::Indicator after = before.value();
  after.targetValue = edited.targetValue;
  after.targetText = edited.targetText;
  after.targetYear = edited.targetYear;
  if (edited.baselineValue != shown->baselineValue || edited.baselineYear != shown->baselineYear) {
    after.baselineValue = edited.baselineValue;
    after.baselineYear = edited.baselineYear;
  }
  mUndo->push(new EditTargetCommand(mStore.get(), before.value(), after, [this](const QString& p) { emit problem(p); }));
  return true;  // the stack's indexChanged reloads the dashboard
}

void IndicatorDashboard::assess() {
  const indicators::Indicator* ind = currentIndicator();
  if (ind == nullptr) return;
  if (!ind->isQualitative()) {
    emit problem(tr("%1 has a numeric target: its status follows from its values.").arg(ind->nameZh));
    return;
  }
  AssessmentDialog dialog(*ind, mYear->value(), this);
  if (dialog.exec() == QDialog::Accepted) addAssessment(dialog.assessment());
}

CatalogAuditDialog* IndicatorDashboard::openCatalogAudit() {
  if (!mStore) {
    emit problem(tr("Save the project first: its indicators and values are kept in the project file."));
    return nullptr;
  }
  auto* dialog = new CatalogAuditDialog(*mStore, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  if (const indicators::Indicator* ind = currentIndicator()) dialog->select(ind->code);
  connect(dialog, &CatalogAuditDialog::decided, this, &IndicatorDashboard::reload);
  // The dialog refers to the project's store: it closes before the store goes (another project,
  // or Save as… under a new path).
  connect(this, &IndicatorDashboard::storeClosing, dialog, &QDialog::close);
  dialog->show();
  return dialog;
}

bool IndicatorDashboard::addAssessment(const indicators::Assessment& assessment) {
  if (!mStore) return false;
  if (gis::Status s = mStore->addAssessment(assessment); !s) {
    emit problem(s.error().message);
    return false;
  }
  reload();
  return true;
}

void IndicatorDashboard::saveChart() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), QString(), tr("PNG image (*.png);;SVG drawing (*.svg)"));
  if (!path.isEmpty() && !mChart->save(path)) emit problem(tr("%1: the chart could not be written.").arg(path));
}

void IndicatorDashboard::chooseCatalog() {
  QMenu menu(this);
  for (const auto& [resource, plan] : shippedCatalogs()) {
    menu.addAction(plan, this, [this, resource = resource, plan = plan] { importCatalog(resource, plan); });
  }
  menu.addSeparator();
  menu.addAction(tr("From a file…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import catalog"), QString(), tr("Catalogs (*.csv *.xlsx)"));
    if (!path.isEmpty()) importCatalog(path, QFileInfo(path).completeBaseName());
  });
  menu.exec(QCursor::pos());
}

}  // namespace xiuhua::app
