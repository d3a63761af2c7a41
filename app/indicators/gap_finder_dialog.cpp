#include "indicators/gap_finder_dialog.h"

#include "document/layer_resolver.h"
#include "document/map_document.h"
#include "indicators/result_layer_group.h"
#include "indicators/what_if_dialog.h"
#include "xiuhua/indicators/metrics/computation_store.h"
#include "xiuhua/indicators/metrics/indicator_computation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEventLoop>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>

namespace xiuhua::app {

namespace {

QTableWidgetItem* item(const QString& text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter) {
  auto* i = new QTableWidgetItem(text);
  i->setTextAlignment(align);
  return i;
}

std::vector<gis::LayerSpec> specsOf(const MapDocument& document) {
  std::vector<gis::LayerSpec> specs;
  for (const LayerState& l : document.layers()) specs.push_back(l.spec);
  return specs;
}

}  // namespace

GapFinderDialog::GapFinderDialog(MapDocument* document, const indicators::Indicator& indicator, const indicators::MetricBinding& binding,
                                 int year, QUndoStack* undo, QWidget* parent)
    : QDialog(parent), mDocument(document), mIndicator(indicator), mBinding(binding), mYear(year), mUndo(undo), mArea(new QDoubleSpinBox(this)),
      mRadius(new QLabel(this)), mCandidates(new QComboBox(this)), mSpacing(new QDoubleSpinBox(this)), mCount(new QSpinBox(this)),
      mTable(new QTableWidget(this)), mSummary(new QLabel(this)) {
  setWindowTitle(tr("Find coverage gaps — %1 %2, %3").arg(indicator.code, indicator.nameZh).arg(year));
  auto coverage = indicators::coverageParamsOf(binding, year, layerResolver(specsOf(*document)));
  if (coverage.ok()) mCoverage = coverage.value();
  mArea->setRange(0, 1e7);
  mArea->setDecimals(0);
  mArea->setSingleStep(500);
  mArea->setSuffix(tr(" m²"));
  // A facility in the largest tier by default: what the indicator's best facilities serve.
  mArea->setValue(mCoverage && !mCoverage->tiers.empty() ? mCoverage->tiers.back().minArea : 0);
  mCandidates->addItem(tr("(anywhere in the sub-units)"), QString());
  for (const LayerState& l : document->layers()) {
    if (l.spec.kind == gis::LayerSpec::Kind::Vector && l.data && l.data->geometryType == gis::Geometry::Type::Polygon) {
      mCandidates->addItem(l.spec.name, l.spec.id);
    }
  }
  mSpacing->setRange(10, 5000);
  mSpacing->setDecimals(0);
  mSpacing->setSingleStep(50);
  mSpacing->setValue(250);
  mSpacing->setSuffix(tr(" m"));
  mCount->setRange(1, 50);
  mCount->setValue(5);
  mTable->setColumnCount(5);
  mTable->setHorizontalHeaderLabels({tr("Rank"), tr("Sub-unit"), tr("Gain (points)"), tr("Newly covered (ha)"), tr("Value after")});
  mTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  mTable->verticalHeader()->hide();
  mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mSummary->setWordWrap(true);
  if (!coverage.ok()) mSummary->setText(coverage.error().message);
  auto* form = new QFormLayout;
  form->addRow(tr("New facility area"), mArea);
  form->addRow(tr("Service radius"), mRadius);
  form->addRow(tr("Candidate land"), mCandidates);
  form->addRow(tr("Candidate spacing"), mSpacing);
  form->addRow(tr("Number of sites"), mCount);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  QPushButton* findButton = buttons->addButton(tr("Find"), QDialogButtonBox::ActionRole);
  mMapButton = buttons->addButton(tr("Show on map"), QDialogButtonBox::ActionRole);
  mScenarioButton = buttons->addButton(tr("Try as a scenario"), QDialogButtonBox::ActionRole);
  mMapButton->setEnabled(false);
  mScenarioButton->setEnabled(false);
  findButton->setEnabled(mCoverage.has_value());
  connect(findButton, &QPushButton::clicked, this, &GapFinderDialog::find);
  connect(mMapButton, &QPushButton::clicked, this, &GapFinderDialog::showOnMap);
  connect(mScenarioButton, &QPushButton::clicked, this, &GapFinderDialog::tryAsScenario);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(mArea, &QDoubleSpinBox::valueChanged, this, &GapFinderDialog::updateRadius);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(mSummary);
  layout->addWidget(mTable, 1);
  layout->addWidget(buttons);
  resize(620, 560);
  updateRadius();
}

void GapFinderDialog::updateRadius() {
  if (!mCoverage) return;
  if (mCoverage->radius) {
    mRadius->setText(tr("%1 m").arg(*mCoverage->radius));
    return;
  }
  const double r = indicators::radiusForArea(mCoverage->tiers, mArea->value());
  mRadius->setText(r > 0 ? tr("%1 m (by the facility's area)").arg(r) : tr("below the smallest tier: make the facility larger"));
}

QString GapFinderDialog::groupName(const indicators::Indicator& indicator, int year) {
  return tr("Coverage gaps · %1 · %2").arg(indicator.code).arg(year);
}

bool GapFinderDialog::find() {
  if (!mCoverage) return false;
  indicators::GapFinderParams params;
  params.coverage = *mCoverage;
  params.facilityArea = mArea->value();
  params.spacing = mSpacing->value();
  params.count = mCount->value();
  if (const QString id = mCandidates->currentData().toString(); !id.isEmpty()) {
    params.candidates = layerResolver(specsOf(*mDocument))(id).value_or(gis::SourceRef{});
  }
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  auto progress = std::make_shared<std::atomic<double>>(0.0);
  indicators::MetricRun run;
  run.resultLayers = true;
  run.cancel = cancel.get();
  run.progress = [progress](double p) { progress->store(p); };
  QFutureWatcher<gis::Result<indicators::GapFinderResult>> watcher;
  QProgressDialog dialog(tr("Ranking candidate sites…"), tr("Cancel"), 0, 1000, this);
  dialog.setWindowTitle(windowTitle());
  // Modal: nothing can close this dialog or start another search while the nested loop runs.
  dialog.setWindowModality(Qt::ApplicationModal);
  dialog.setMinimumDuration(300);
  dialog.setAutoClose(false);
  dialog.setAutoReset(false);
  QTimer poll;
  connect(&poll, &QTimer::timeout, &dialog, [&] { dialog.setValue(static_cast<int>(progress->load() * 1000)); });
  connect(&dialog, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
  QEventLoop loop;
  connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
  watcher.setFuture(QtConcurrent::run([params, run] { return indicators::findCoverageGaps(params, run); }));
  poll.start(100);
  if (!watcher.isFinished()) loop.exec();
  poll.stop();
  dialog.disconnect(this);  // closing a progress dialog emits canceled()
  dialog.close();
  auto result = watcher.result();
  if (!result.ok()) {
    mSummary->setText(result.error().code == gis::ErrorCode::Cancelled ? tr("The search was cancelled.") : result.error().message);
    return false;
  }
  mResult = std::move(result).value();
  showResult(*mResult);
  const bool any = !mResult->sites.empty();
  mMapButton->setEnabled(any);
  mScenarioButton->setEnabled(any);
  return any;
}

void GapFinderDialog::showResult(const indicators::GapFinderResult& r) {
  mTable->setRowCount(static_cast<int>(r.sites.size()));
  for (int i = 0; i < static_cast<int>(r.sites.size()); ++i) {
    const indicators::GapSite& s = r.sites[static_cast<std::size_t>(i)];
    mTable->setItem(i, 0, item(QString::number(s.rank)));
    mTable->setItem(i, 1, item(s.zone, Qt::AlignLeft | Qt::AlignVCenter));
    QTableWidgetItem* gain = item(QStringLiteral("+%1").arg(s.gainPoints, 0, 'f', 2));
    gain->setForeground(QColor(0, 120, 50));
    mTable->setItem(i, 2, gain);
    mTable->setItem(i, 3, item(QString::number(s.gainArea / 10000.0, 'f', 2)));
    mTable->setItem(i, 4, item(s.valueAfter ? QStringLiteral("%1 %").arg(*s.valueAfter * 100, 0, 'f', 2) : QStringLiteral("–")));
  }
  const double points = r.base.value && r.after.value ? (*r.after.value - *r.base.value) * 100 : 0.0;
  if (r.sites.empty()) {
    mSummary->setText(tr("No candidate site would cover land that is not covered yet (%1 candidates tested).").arg(r.candidates));
    return;
  }
  mSummary->setText(tr("%1 sites with a %2 m radius raise the district from %3 % to %4 % (+%5 points); %6 candidate sites "
                       "tested in %7 s. Each site counts only what the sites above it leave uncovered.")
                        .arg(r.sites.size())
                        .arg(r.radius)
                        .arg(r.base.value.value_or(0) * 100, 0, 'f', 2)
                        .arg(r.after.value.value_or(0) * 100, 0, 'f', 2)
                        .arg(points, 0, 'f', 2)
                        .arg(r.candidates)
                        .arg(r.seconds, 0, 'f', 2));
}

QStringList GapFinderDialog::showOnMap() {
  if (!mResult) return {};
  const QString file = explorationFileFor(mDocument, mIndicator.code + QStringLiteral("_gaps"), mYear);
  const std::vector<ResultLayerLook> looks = {  // bottom first
      {QStringLiteral("site_service_areas"), tr("Service areas of the proposed sites"), QColor(255, 127, 0, 50), QColor(230, 85, 13)},
      {QStringLiteral("sites"), tr("Proposed sites"), QColor(230, 85, 13), QColor(255, 255, 255), 9}};
  auto shown = showResultLayerGroup(mDocument, file, mResult->layers, groupName(mIndicator, mYear), looks);
  if (!shown.ok()) {
    mSummary->setText(shown.error().message);
    return {};
  }
  return QStringList(shown->begin(), shown->end());
}

WhatIfDialog* GapFinderDialog::tryAsScenario() {
  const QStringList ids = showOnMap();
  if (ids.size() < 2) return nullptr;
  auto* whatIf = new WhatIfDialog(mDocument, mIndicator, mBinding, mYear, mUndo, parentWidget());
  whatIf->setCanvas(mCanvas);
  whatIf->setAttribute(Qt::WA_DeleteOnClose);
  whatIf->proposedLayer()->setCurrentIndex(whatIf->proposedLayer()->findData(ids.back()));  // the sites
  whatIf->show();
  whatIf->compute();
  return whatIf;
}

}  // namespace xiuhua::app
