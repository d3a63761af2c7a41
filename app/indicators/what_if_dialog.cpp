#include "indicators/what_if_dialog.h"

#include "document/layer_resolver.h"
#include "document/map_document.h"
#include "indicators/result_layer_group.h"
#include "indicators/proposal_sketch.h"
#include "indicators/scenario_panel.h"
#include "xiuhua/indicators/metrics/computation_store.h"
#include "xiuhua/indicators/metrics/indicator_computation.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace xiuhua::app {

namespace {

const QString kSketch = QStringLiteral("__sketch__");  // the proposed facilities drawn on the map

// "fid IN (…)" for the selected features of a layer; empty when nothing is selected.
QString selectedFids(const LayerState& layer) {
  if (!layer.selection || layer.selection->empty() || !layer.data) return {};
  QStringList fids;
  for (int i : *layer.selection) fids << QString::number(layer.data->fids.at(static_cast<std::size_t>(i)));
  return QStringLiteral("fid IN (%1)").arg(fids.join(QStringLiteral(", ")));
}

QString percent(const std::optional<double>& v) { return v ? QStringLiteral("%1 %").arg(*v * 100, 0, 'f', 2) : QStringLiteral("–"); }

QTableWidgetItem* item(const QString& text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter) {
  auto* i = new QTableWidgetItem(text);
  i->setTextAlignment(align);
  return i;
}

}  // namespace

WhatIfDialog::WhatIfDialog(MapDocument* document, const indicators::Indicator& indicator, const indicators::MetricBinding& binding,
                           int year, QUndoStack* undo, QWidget* parent)
    : QDialog(parent), mDocument(document), mIndicator(indicator), mBinding(binding), mYear(year), mProposed(new QComboBox(this)),
      mOnlySelected(new QCheckBox(tr("Only its selected features"), this)),
      mTakeAway(new QCheckBox(tr("Take away the facilities selected on the map"), this)), mTable(new QTableWidget(this)),
      mSummary(new QLabel(this)), mScenarios(new ScenarioPanel(document, binding, indicator.code, year, undo, this)) {
  setWindowTitle(tr("What if — %1 %2, %3").arg(indicator.code, indicator.nameZh).arg(year));
  mProposed->addItem(tr("(none)"), QString());
  const QString facilitiesId = binding.parameters.value(QStringLiteral("facilities")).toString();
  for (const LayerState& l : document->layers()) {
    if (l.spec.kind == gis::LayerSpec::Kind::Vector && l.spec.id != facilitiesId) mProposed->addItem(l.spec.name, l.spec.id);
  }
  mTable->setColumnCount(4);
  mTable->setHorizontalHeaderLabels({tr("Area"), tr("Now"), tr("Scenario"), tr("Change (points)")});
  mTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  mTable->verticalHeader()->hide();
  mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mSummary->setWordWrap(true);
  // Drawing proposals on the map: points for a point facility layer (bus stops), else polygons.
  const LayerState* facilityLayer = document->layer(facilitiesId);
  const bool points = facilityLayer != nullptr && facilityLayer->data && facilityLayer->data->geometryType == gis::Geometry::Type::Point;
  mSketch = new ProposalSketch(document, nullptr, points ? SketchTool::Shape::Point : SketchTool::Shape::Polygon,
                               explorationFileFor(document, indicator.code + QStringLiteral("_sketch"), year),
                               tr("Sketch · %1 · %2").arg(indicator.code).arg(year), this);
  mDrawButton = new QPushButton(points ? tr("Draw stops on the map") : tr("Draw parks on the map"), this);
  mDrawButton->setCheckable(true);
  mDrawButton->setEnabled(false);
  mDrawButton->setToolTip(tr("Click on the map to place corners; double-click or Enter closes a polygon, Backspace takes a corner "
                             "back, Escape stops drawing. Dragging still pans."));
  connect(mDrawButton, &QPushButton::toggled, this, [this](bool on) { on ? mSketch->start() : mSketch->stop(); });
  connect(mSketch, &ProposalSketch::activeChanged, mDrawButton, &QPushButton::setChecked);
  connect(mSketch, &ProposalSketch::problem, mSummary, &QLabel::setText);
  connect(mSketch, &ProposalSketch::countChanged, this, [this](int count) {
    int index = mProposed->findData(kSketch);
    if (index < 0) {
      mProposed->addItem(QString(), kSketch);
      index = mProposed->count() - 1;
    }
    mProposed->setItemText(index, tr("(%n drawn on the map)", nullptr, count));
    mProposed->setCurrentIndex(index);
    mSummary->setText(tr("%n proposed facilities drawn; Compute to see what they change.", nullptr, count));
  });
  auto* proposedRow = new QHBoxLayout;
  proposedRow->addWidget(mProposed, 1);
  proposedRow->addWidget(mDrawButton);
  // The change by 街镇 or by 网格: the binding's breakdowns.
  mLevel = new QComboBox(this);
  for (const indicators::Breakdown& per : indicators::breakdowns(binding)) mLevel->addItem(per.level);
  mLevel->setEnabled(mLevel->count() > 1);
  auto* form = new QFormLayout;
  form->addRow(tr("Proposed facilities"), proposedRow);
  form->addRow(tr("Change by"), mLevel);
  form->addRow(QString(), mOnlySelected);
  form->addRow(QString(), mTakeAway);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  QPushButton* computeButton = buttons->addButton(tr("Compute"), QDialogButtonBox::ActionRole);
  mMapButton = buttons->addButton(tr("Show on map"), QDialogButtonBox::ActionRole);
  mMapButton->setEnabled(false);
  connect(computeButton, &QPushButton::clicked, this, &WhatIfDialog::compute);
  connect(mMapButton, &QPushButton::clicked, this, &WhatIfDialog::showOnMap);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(mSummary);
  layout->addWidget(mTable, 1);
  layout->addWidget(mScenarios, 1);
  layout->addWidget(buttons);
  connect(mScenarios, &ScenarioPanel::recomputeRequested, this, &WhatIfDialog::computeSaved);
  connect(mScenarios, &ScenarioPanel::problem, mSummary, &QLabel::setText);
  resize(760, 760);
}

void WhatIfDialog::setCanvas(MapCanvas* canvas) {
  mSketch->setCanvas(canvas);
  mDrawButton->setEnabled(canvas != nullptr);
}

bool WhatIfDialog::compute() {
  std::vector<gis::LayerSpec> specs;
  for (const LayerState& l : mDocument->layers()) specs.push_back(l.spec);
  const indicators::LayerResolver resolve = layerResolver(specs);
  auto coverage = indicators::coverageParamsOf(mBinding, mYear, resolve, mLevel->currentIndex());
  if (!coverage.ok()) {
    mSummary->setText(coverage.error().message);
    return false;
  }
  indicators::WhatIfParams params;
  params.coverage = coverage.value();
  const QString proposedId = mProposed->currentData().toString();
  if (proposedId == kSketch) {
    params.add = mSketch->source();
  } else if (!proposedId.isEmpty()) {
    const LayerState* proposed = mDocument->layer(proposedId);
    if (proposed != nullptr) {
      params.add = resolve(proposedId).value_or(gis::SourceRef{});
      if (mOnlySelected->isChecked()) {
        params.addWhere = selectedFids(*proposed);
        if (params.addWhere.isEmpty()) {
          mSummary->setText(tr("No feature of %1 is selected.").arg(proposed->spec.name));
          return false;
        }
      }
    }
  }
  if (mTakeAway->isChecked()) {
    const LayerState* facilities = mDocument->layer(mBinding.parameters.value(QStringLiteral("facilities")).toString());
    params.removeWhere = facilities != nullptr ? selectedFids(*facilities) : QString();
    if (params.removeWhere.isEmpty()) {
      mSummary->setText(tr("Select the facilities to take away on the map first."));
      return false;
    }
  }
  return run(params);
}

bool WhatIfDialog::computeSaved(const indicators::Scenario& scenario) {
  std::vector<gis::LayerSpec> specs;
  for (const LayerState& l : mDocument->layers()) specs.push_back(l.spec);
  auto coverage = indicators::coverageParamsOf(mBinding, mYear, layerResolver(specs), mLevel->currentIndex());
  auto store = indicators::ScenarioStore::open(mDocument->projectPath());
  if (!coverage.ok() || !store.ok()) {
    mSummary->setText(!coverage.ok() ? coverage.error().message : store.error().message);
    return false;
  }
  if (!run((*store)->whatIfParams(scenario, coverage.value()))) return false;
  mSummary->setText(tr("Scenario \"%1\" on today's layers: %2").arg(scenario.name, mSummary->text()));
  mScenarios->setCurrent(nullptr);  // saved already
  return true;
}

bool WhatIfDialog::run(const indicators::WhatIfParams& params) {
  indicators::MetricRun run;
  run.resultLayers = true;  // what the change covers and uncovers, for the map; what a saved scenario keeps
  QApplication::setOverrideCursor(Qt::WaitCursor);
  auto result = indicators::computeWhatIf(params, run);
  QApplication::restoreOverrideCursor();
  if (!result.ok()) {
    mSummary->setText(result.error().message);
    mScenarios->setCurrent(nullptr);
    return false;
  }
  mResult = std::move(result).value();
  showResult(*mResult);
  mMapButton->setEnabled(true);
  mScenarios->setCurrent(&*mResult);
  return true;
}

QString WhatIfDialog::groupName(const indicators::Indicator& indicator, int year) {
  return tr("What if · %1 · %2").arg(indicator.code).arg(year);
}

bool WhatIfDialog::showOnMap() {
  if (!mResult) return false;
  const QString file = explorationFileFor(mDocument, mIndicator.code + QStringLiteral("_whatif"), mYear);
  const QString group = groupName(mIndicator, mYear);
  const std::vector<ResultLayerLook> looks = {  // bottom first
      {QStringLiteral("newly_uncovered"), tr("No longer covered"), QColor(215, 48, 39), QColor(165, 0, 38)},
      {QStringLiteral("newly_covered"), tr("Newly covered"), QColor(102, 189, 99), QColor(0, 104, 55)},
      {QStringLiteral("taken_away"), tr("Facilities taken away"), QColor(0, 0, 0, 0), QColor(215, 48, 39)},
      {QStringLiteral("proposed"), tr("Proposed facilities"), QColor(0, 104, 55), QColor(255, 255, 255)}};
  auto shown = showResultLayerGroup(mDocument, file, mResult->layers, group, looks);
  if (!shown.ok()) {
    mSummary->setText(shown.error().message);
    return false;
  }
  mSummary->setText(mSummary->text() + QLatin1Char(' ') + tr("On the map: layer group \"%1\".").arg(group));
  return true;
}

void WhatIfDialog::showResult(const indicators::WhatIfResult& r) {
  struct Row {
    QString name;
    std::optional<double> base;
    std::optional<double> scenario;
  };
  std::vector<Row> rows;
  for (std::size_t z = 0; z < r.base.zones.size() && z < r.scenario.zones.size(); ++z) {
    rows.push_back({r.base.zones[z].name, r.base.zones[z].value, r.scenario.zones[z].value});
  }
  auto change = [](const Row& row) { return row.base && row.scenario ? *row.scenario - *row.base : 0.0; };
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return std::abs(change(a)) > std::abs(change(b)); });
  rows.insert(rows.begin(), {tr("District"), r.base.value, r.scenario.value});
  mTable->setRowCount(static_cast<int>(rows.size()));
  for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
    const Row& row = rows[static_cast<std::size_t>(i)];
    const double points = change(row) * 100;
    mTable->setItem(i, 0, item(row.name, Qt::AlignLeft | Qt::AlignVCenter));
    mTable->setItem(i, 1, item(percent(row.base)));
    mTable->setItem(i, 2, item(percent(row.scenario)));
    QTableWidgetItem* delta = item(std::abs(points) < 0.005 ? QStringLiteral("0") : QStringLiteral("%1%2").arg(points > 0 ? QStringLiteral("+") : QString()).arg(points, 0, 'f', 2));
    if (points >= 0.005) delta->setForeground(QColor(0, 120, 50));
    if (points <= -0.005) delta->setForeground(QColor(190, 30, 30));
    mTable->setItem(i, 3, delta);
    if (i == 0) {
      QFont bold = mTable->font();
      bold.setBold(true);
      for (int c = 0; c < 4; ++c) mTable->item(i, c)->setFont(bold);
    }
  }
  mSummary->setText(tr("%1 proposed facilities added, %2 taken away: %3 points for the district. %4 parcels recomputed in %5 ms "
                       "(the base took %6 s).")
                        .arg(r.added)
                        .arg(r.removed)
                        .arg(QStringLiteral("%1%2").arg((r.scenario.value.value_or(0) - r.base.value.value_or(0)) >= 0 ? QStringLiteral("+") : QString())
                                 .arg((r.scenario.value.value_or(0) - r.base.value.value_or(0)) * 100, 0, 'f', 2))
                        .arg(r.recomputedTargets)
                        .arg(r.scenarioSeconds * 1000, 0, 'f', 1)
                        .arg(r.baseSeconds, 0, 'f', 2));
}

}  // namespace xiuhua::app
