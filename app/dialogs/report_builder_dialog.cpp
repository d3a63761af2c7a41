#include "dialogs/report_builder_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "dialogs/report_preview.h"
#include "report/indicator_report.h"
#include "report/report_content.h"
#include "report/report_exports.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/indicators/metrics/computation_store.h"
#include "xiuhua/indicators/value_store.h"

namespace xiuhua::app {

struct ReportBuilderDialog::JobResult {
  gis::Status status;
  std::shared_ptr<const ReportPreviewPages> pages;  // of a preview
  QString message;                                  // what was done
  QString folder;                                   // where the files went
  QStringList warnings;  // what was left out (a map layer that could not be read), named
};

namespace {

constexpr int kCodeRole = Qt::UserRole;

QPushButton* button(const QString& text, QWidget* parent, QList<QPushButton*>* group = nullptr) {
  auto* b = new QPushButton(text, parent);
  b->setAutoDefault(false);
  if (group != nullptr) group->append(b);
  return b;
}

}  // namespace

ReportBuilderDialog::ReportBuilderDialog(const QString& projectPath, int year, QWidget* parent)
    : QDialog(parent), mProject(projectPath), mWatcher(new QFutureWatcher<JobResult>(this)) {
  setWindowTitle(tr("Report builder — %1").arg(QFileInfo(projectPath).fileName()));
  mPreview = new ReportPreview(this);
  auto* splitter = new QSplitter(this);
  splitter->addWidget(createOptionsPane());
  splitter->addWidget(mPreview);
  splitter->setStretchFactor(1, 1);
  splitter->setChildrenCollapsible(false);

  mProgress = new QProgressBar(this);
  mCancel = button(tr("Cancel"), this);
  mCancel->setObjectName(QStringLiteral("cancelJob"));
  connect(mCancel, &QPushButton::clicked, this, &ReportBuilderDialog::cancel);
  auto* progressRow = new QHBoxLayout;
  progressRow->addWidget(mProgress, 1);
  progressRow->addWidget(mCancel);
  mMessage = new QLabel(this);
  mMessage->setWordWrap(true);
  mMessage->setTextFormat(Qt::PlainText);  // file names are shown as they are, lines kept
  mMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
  mOpenFolder = button(tr("Open folder"), this);
  mOpenFolder->hide();
  connect(mOpenFolder, &QPushButton::clicked, this,
          [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(mFolder)); });
  auto* messageRow = new QHBoxLayout;
  messageRow->addWidget(mMessage, 1);
  messageRow->addWidget(mOpenFolder);

  QPushButton* refresh = button(tr("Refresh preview"), this, &mActions);
  QPushButton* pdf = button(tr("Export PDF…"), this, &mActions);
  QPushButton* tables = button(tr("Export tables…"), this, &mActions);
  QPushButton* figures = button(tr("Export maps and charts…"), this, &mActions);
  QPushButton* close = button(tr("Close"), this);
  connect(refresh, &QPushButton::clicked, this, [this] { refreshPreview(); });
  connect(pdf, &QPushButton::clicked, this, [this] { exportPdf(); });
  connect(tables, &QPushButton::clicked, this, [this] { exportTables(); });
  connect(figures, &QPushButton::clicked, this, [this] { exportFigures(); });
  connect(close, &QPushButton::clicked, this, &QDialog::reject);
  auto* buttons = new QHBoxLayout;
  for (QPushButton* b : mActions) buttons->addWidget(b);
  buttons->addStretch();
  buttons->addWidget(close);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter, 1);
  layout->addLayout(progressRow);
  layout->addLayout(messageRow);
  layout->addLayout(buttons);
  connect(mWatcher, &QFutureWatcher<JobResult>::finished, this, &ReportBuilderDialog::finished);
  setBusy(false);
  resize(1300, 860);

  loadChoices();
  auto saved = ReportOptions::load(mProject);
  if (saved.ok()) {
    ReportOptions shown = *saved;
    if (shown.year == 0) shown.year = year;
    setOptions(shown);
  } else {
    mYear->setValue(year);
    showMessage(saved.error().message, true);
  }
  mSaved = options();  // closing without a change keeps the project as it is
}

ReportBuilderDialog::~ReportBuilderDialog() {
  // The job reads the project and writes files: let it stop before the dialog goes.
  if (mRunning) {
    cancel();
    mWatcher->waitForFinished();
  }
}

QWidget* ReportBuilderDialog::createOptionsPane() {
  mOptionsPane = new QWidget(this);
  mYear = new QSpinBox(mOptionsPane);
  mYear->setRange(1990, 2100);
  mTitle = new QLineEdit(mOptionsPane);
  mTitle->setPlaceholderText(tr("The project's title and \"indicator progress report\""));
  mAuthor = new QLineEdit(mOptionsPane);
  mAuthor->setPlaceholderText(tr("Printed on the cover and kept in the PDF"));
  mOrientation = new QComboBox(mOptionsPane);
  mOrientation->addItems({tr("A4 portrait"), tr("A4 landscape")});
  mAtlas = new QComboBox(mOptionsPane);
  mAtlas->setObjectName(QStringLiteral("atlasLevel"));
  auto* form = new QFormLayout;
  form->addRow(tr("Year:"), mYear);
  form->addRow(tr("Title:"), mTitle);
  form->addRow(tr("Compiled by:"), mAuthor);
  form->addRow(tr("Page:"), mOrientation);
  form->addRow(tr("Atlas:"), mAtlas);

  auto* sections = new QGroupBox(tr("Sections"), mOptionsPane);
  mSummary = new QCheckBox(tr("Summary table of the indicators"), sections);
  mSections = new QCheckBox(tr("A section per category, with trend charts"), sections);
  mMaps = new QCheckBox(tr("Coverage maps and per-sub-unit tables"), sections);
  mAppendix = new QCheckBox(tr("Appendix: how computed values were obtained"), sections);
  auto* sectionLayout = new QVBoxLayout(sections);
  for (QCheckBox* c : {mSummary, mSections, mMaps, mAppendix}) sectionLayout->addWidget(c);

  mIndicators = new QTreeWidget(mOptionsPane);
  mIndicators->setObjectName(QStringLiteral("indicators"));
  mIndicators->setHeaderLabels({tr("Indicators")});
  mIndicators->setMinimumHeight(220);
  QPushButton* all = button(tr("Select all"), mOptionsPane);
  QPushButton* none = button(tr("Select none"), mOptionsPane);
  connect(all, &QPushButton::clicked, this, [this] { checkAll(true); });
  connect(none, &QPushButton::clicked, this, [this] { checkAll(false); });
  auto* selection = new QHBoxLayout;
  selection->addWidget(all);
  selection->addWidget(none);
  selection->addStretch();

  auto* layout = new QVBoxLayout(mOptionsPane);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(form);
  layout->addWidget(sections);
  layout->addWidget(mIndicators, 1);
  layout->addLayout(selection);
  mOptionsPane->setMinimumWidth(340);
  return mOptionsPane;
}

// The indicators of the project's catalog by category, and the atlas levels of its bindings.
void ReportBuilderDialog::loadChoices() {
  mAtlas->addItem(tr("No atlas"), QString());
  auto computations = indicators::ComputationStore::open(mProject);
  auto bindings = computations.ok()
                      ? (*computations)->bindings()
                      : gis::Result<std::vector<indicators::MetricBinding>>(computations.error());
  if (bindings.ok()) {
    for (const indicators::MetricBinding& binding : *bindings) {
      for (const indicators::Breakdown& per : indicators::breakdowns(binding)) {
        if (!per.level.isEmpty() && mAtlas->findData(per.level) < 0) mAtlas->addItem(tr("One page per %1").arg(per.level), per.level);
      }
    }
  } else {
    showMessage(bindings.error().message, true);
  }

  auto store = indicators::ValueStore::open(mProject);
  auto catalog = store.ok() ? (*store)->catalog() : gis::Result<indicators::Catalog>(store.error());
  if (!catalog.ok()) {
    showMessage(catalog.error().message, true);
    return;
  }
  for (const QString& category : catalog->categories()) {
    auto* group =
        new QTreeWidgetItem(mIndicators, {category.isEmpty() ? tr("(no category)") : category});
    group->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
    for (const indicators::Indicator& ind : catalog->indicators) {
      if (ind.category != category) continue;
      auto* item = new QTreeWidgetItem(group, {QStringLiteral("%1  %2").arg(ind.code, ind.nameZh)});
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
      item->setData(0, kCodeRole, ind.code);
      item->setCheckState(0, Qt::Checked);
      item->setToolTip(0, ind.nameZh);
    }
  }
  mIndicators->expandAll();
}

ReportOptions ReportBuilderDialog::options() const {
  ReportOptions o;
  o.year = mYear->value();
  o.title = mTitle->text().trimmed();
  o.author = mAuthor->text().trimmed();
  o.landscape = mOrientation->currentIndex() == 1;
  o.summary = mSummary->isChecked();
  o.sections = mSections->isChecked();
  o.maps = mMaps->isChecked();
  o.appendix = mAppendix->isChecked();
  o.atlasLevel = mAtlas->currentData().toString();
  bool all = true;
  for (int g = 0; g < mIndicators->topLevelItemCount(); ++g) {
    const QTreeWidgetItem* group = mIndicators->topLevelItem(g);
    for (int i = 0; i < group->childCount(); ++i) {
      if (group->child(i)->checkState(0) == Qt::Checked) {
        o.indicators << group->child(i)->data(0, kCodeRole).toString();
      } else {
        all = false;
      }
    }
  }
  if (all) o.indicators.clear();  // every indicator, including those the catalog gains later
  return o;
}

void ReportBuilderDialog::setOptions(const ReportOptions& o) {
  if (o.year != 0) mYear->setValue(o.year);
  mTitle->setText(o.title);
  mAuthor->setText(o.author);
  mOrientation->setCurrentIndex(o.landscape ? 1 : 0);
  mSummary->setChecked(o.summary);
  mSections->setChecked(o.sections);
  mMaps->setChecked(o.maps);
  mAppendix->setChecked(o.appendix);
  int atlas = mAtlas->findData(o.atlasLevel);
  if (atlas < 0) {  // a level the bindings no longer have: shown, so the report says what is wrong
    mAtlas->addItem(tr("One page per %1").arg(o.atlasLevel), o.atlasLevel);
    atlas = mAtlas->count() - 1;
  }
  mAtlas->setCurrentIndex(atlas);
  for (int g = 0; g < mIndicators->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = mIndicators->topLevelItem(g);
    for (int i = 0; i < group->childCount(); ++i) {
      const bool chosen = o.indicators.isEmpty() ||
                          o.indicators.contains(group->child(i)->data(0, kCodeRole).toString());
      group->child(i)->setCheckState(0, chosen ? Qt::Checked : Qt::Unchecked);
    }
  }
}

void ReportBuilderDialog::checkAll(bool checked) {
  for (int g = 0; g < mIndicators->topLevelItemCount(); ++g)
    mIndicators->topLevelItem(g)->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
}

bool ReportBuilderDialog::refreshPreview() {
  const ReportOptions o = options();
  const QString project = mProject;
  return start(
      tr("Laying out the report…"),
      [o, project](const std::atomic<bool>& cancel, const auto&) {
        JobResult r;
        auto pages = ReportPreviewPages::build(project, o, &cancel);
        if (!pages.ok()) {
          r.status = pages.error();
          return r;
        }
        r.pages = *pages;
        r.message = tr("The preview has %1 pages.").arg(r.pages->document->pageCount());
        if (!r.pages->document->problems().isEmpty())
          r.message += QLatin1Char(' ') + r.pages->document->problems().join(QLatin1Char(' '));
        return r;
      },
      false);
}

bool ReportBuilderDialog::exportPdf(QString path) {
  const ReportOptions o = options();
  if (path.isEmpty()) {
    const QFileInfo project(mProject);
    path = QFileDialog::getSaveFileName(
        this, tr("Export indicator report"),
        project.absoluteDir().filePath(
            tr("%1 indicator report %2.pdf").arg(project.completeBaseName()).arg(o.year)),
        tr("PDF document (*.pdf)"));
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".pdf");
  }
  const QString project = mProject;
  return start(
      tr("Writing %1…").arg(QDir::toNativeSeparators(path)),
      [o, project, path](const std::atomic<bool>& cancel, const auto& progress) {
        JobResult r;
        r.status = IndicatorReport::write(project, o, path, progress, &cancel, &r.warnings);
        r.message = tr("Report written to %1.").arg(QDir::toNativeSeparators(path));
        r.folder = QFileInfo(path).absolutePath();
        return r;
      },
      true);
}

bool ReportBuilderDialog::exportTables(QString path) {
  if (path.isEmpty()) {
    const QFileInfo project(mProject);
    QString filter;
    path = QFileDialog::getSaveFileName(
        this, tr("Export report tables"),
        project.absoluteDir().filePath(
            tr("%1 report tables %2.xlsx").arg(project.completeBaseName()).arg(mYear->value())),
        tr("Excel workbook (*.xlsx);;CSV, a file per table (*.csv)"), &filter);
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty())
      path +=
          filter.contains(QLatin1String("csv")) ? QStringLiteral(".csv") : QStringLiteral(".xlsx");
  }
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != QLatin1String("xlsx") && suffix != QLatin1String("csv")) {
    showMessage(
        tr("%1: the tables are written as .xlsx or .csv.").arg(QDir::toNativeSeparators(path)),
        true);
    return false;
  }
  const ReportOptions o = options();
  const QString project = mProject;
  return start(
      tr("Writing %1…").arg(QDir::toNativeSeparators(path)),
      [o, project, path](const std::atomic<bool>& cancel, const auto&) {
        JobResult r;
        auto content = ReportContent::load(project, o);
        if (!content.ok()) {
          r.status = content.error();
        } else if (cancel.load()) {
          r.status =
              gis::Error{gis::ErrorCode::Cancelled,
                         tr("Cancelled; %1 was not written.").arg(QDir::toNativeSeparators(path))};
        } else {
          r.status = ReportExports::writeTables(*content, path);
        }
        r.message = tr("Tables written to %1.").arg(QDir::toNativeSeparators(path));
        r.folder = QFileInfo(path).absolutePath();
        return r;
      },
      true);
}

bool ReportBuilderDialog::exportFigures(QString folder) {
  if (folder.isEmpty()) {
    folder = QFileDialog::getExistingDirectory(this, tr("Folder for the maps and charts"),
                                               QFileInfo(mProject).absolutePath());
    if (folder.isEmpty()) return false;
  }
  const ReportOptions o = options();
  const QString project = mProject;
  return start(
      tr("Writing the maps and charts to %1…").arg(QDir::toNativeSeparators(folder)),
      [o, project, folder](const std::atomic<bool>& cancel, const auto&) {
        JobResult r;
        auto content = ReportContent::load(project, o);
        r.status = content.ok()
                       ? ReportExports::writeFigures(*content, folder, &cancel, &r.warnings)
                       : gis::Status(content.error());
        r.message = tr("Maps and charts written to %1.").arg(QDir::toNativeSeparators(folder));
        r.folder = folder;
        return r;
      },
      true);
}

bool ReportBuilderDialog::anyIndicatorChosen() const {
  for (int g = 0; g < mIndicators->topLevelItemCount(); ++g) {
    if (mIndicators->topLevelItem(g)->checkState(0) != Qt::Unchecked) return true;
  }
  return false;
}

bool ReportBuilderDialog::start(const QString& what, Job job, bool saveChoice) {
  if (mRunning) {
    showMessage(tr("Wait for the running job to finish, or cancel it."), true);
    return false;
  }
  if (!anyIndicatorChosen()) {
    showMessage(tr("Choose at least one indicator."), true);
    return false;
  }
  if (saveChoice && !saveOptions()) return false;
  mCancelFlag = std::make_shared<std::atomic<bool>>(false);
  mRunning = true;
  setBusy(true);
  showMessage(what, false);
  mProgress->setRange(0, 0);  // until the job tells how far it is
  // Progress comes from the worker thread; queued to this dialog (dropped if it is gone).
  auto progress = [this](int page, int pages) {
    QMetaObject::invokeMethod(
        this,
        [this, page, pages] {
          mProgress->setRange(0, pages);
          mProgress->setValue(page);
        },
        Qt::QueuedConnection);
  };
  mWatcher->setFuture(QtConcurrent::run(
      [job = std::move(job), flag = mCancelFlag, progress] { return job(*flag, progress); }));
  return true;
}

void ReportBuilderDialog::finished() {
  if (!mRunning) return;  // handled already (done() waited for it)
  mRunning = false;
  const JobResult r = mWatcher->result();
  setBusy(false);
  const bool ok = r.status.ok();
  if (ok) {
    if (r.pages) mPreview->setPages(r.pages);
    mFolder = r.folder;
    // The outcome, then each thing left out on a line of its own, so none goes unnoticed (once:
    // a layer shared by several maps is reported by each).
    QStringList warnings = r.warnings;
    warnings.removeDuplicates();
    if (warnings.isEmpty()) {
      showMessage(r.message, false);
    } else {
      showMessage(r.message + QLatin1Char('\n') + warnings.join(QLatin1Char('\n')), false);
      mMessage->setStyleSheet(QStringLiteral("color: #8a5300;"));  // amber: written, with gaps
    }
  } else {
    showMessage(r.status.error().message, r.status.error().code != gis::ErrorCode::Cancelled);
  }
  mOpenFolder->setVisible(ok && !mFolder.isEmpty());
  emit jobFinished(ok);
}

void ReportBuilderDialog::cancel() {
  if (mRunning && mCancelFlag) mCancelFlag->store(true);
}

bool ReportBuilderDialog::isBusy() const { return mRunning; }

int ReportBuilderDialog::previewPageCount() const { return mPreview->pageCount(); }

QString ReportBuilderDialog::lastMessage() const { return mMessage->text(); }

void ReportBuilderDialog::done(int result) {
  if (mRunning) {
    cancel();
    mWatcher->waitForFinished();
    finished();
  }
  if (anyIndicatorChosen() && options() != mSaved) saveOptions();
  QDialog::done(result);
}

bool ReportBuilderDialog::saveOptions() {
  const ReportOptions o = options();
  // A read-only project (the installed demo) still gives its report; the choice is not kept.
  if (!gis::Database::isWritable(mProject)) return true;
  if (gis::Status s = ReportOptions::save(o, mProject); !s) {
    showMessage(s.error().message, true);
    return false;
  }
  mSaved = o;
  return true;
}

void ReportBuilderDialog::setBusy(bool busy) {
  mOptionsPane->setEnabled(!busy);
  for (QPushButton* b : mActions) b->setEnabled(!busy);
  mProgress->setVisible(busy);
  mCancel->setVisible(busy);
  if (busy) mOpenFolder->hide();
}

void ReportBuilderDialog::showMessage(const QString& text, bool problem) {
  mMessage->setText(text);
  mMessage->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
}

}  // namespace xiuhua::app
