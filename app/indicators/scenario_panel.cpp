#include "indicators/scenario_panel.h"

#include "document/layer_resolver.h"
#include "document/map_document.h"
#include "indicators/promote_scenario_command.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <memory>

namespace xiuhua::app {

namespace {

QString percent(const std::optional<double>& v) { return v ? QStringLiteral("%1 %").arg(*v * 100, 0, 'f', 2) : QStringLiteral("–"); }

QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter) {
  auto* i = new QTableWidgetItem(text);
  i->setTextAlignment(align);
  return i;
}

}  // namespace

ScenarioPanel::ScenarioPanel(MapDocument* document, indicators::MetricBinding binding, QString code, int year, QUndoStack* undo,
                             QWidget* parent)
    : QWidget(parent), mDocument(document), mBinding(std::move(binding)), mCode(std::move(code)), mYear(year), mUndo(undo),
      mName(new QLineEdit(this)), mSave(new QPushButton(tr("Save scenario"), this)), mTable(new QTableWidget(this)) {
  mName->setPlaceholderText(tr("Name of the scenario, e.g. 外冈新公园方案"));
  mSave->setEnabled(false);
  mTable->setColumnCount(8);
  mTable->setHorizontalHeaderLabels(
      {tr("Scenario"), tr("Added"), tr("Taken away"), tr("Now"), tr("Scenario value"), tr("Change (points)"), tr("Saved"), tr("State")});
  mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  mTable->verticalHeader()->hide();
  mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  mTable->setSelectionMode(QAbstractItemView::SingleSelection);
  auto* recompute = new QPushButton(tr("Recompute"), this);
  auto* promoteButton = new QPushButton(tr("Make real…"), this);
  auto* discardButton = new QPushButton(tr("Discard…"), this);
  recompute->setToolTip(tr("Compute the selected scenario again on today's layers and show it above"));
  promoteButton->setToolTip(tr("Add its proposed facilities to the facility layer and remove those it takes away (undoable)"));
  auto* saveRow = new QHBoxLayout;
  saveRow->addWidget(mName, 1);
  saveRow->addWidget(mSave);
  auto* actions = new QHBoxLayout;
  actions->addStretch(1);
  actions->addWidget(recompute);
  actions->addWidget(promoteButton);
  actions->addWidget(discardButton);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(new QLabel(tr("Saved scenarios"), this));
  layout->addLayout(saveRow);
  layout->addWidget(mTable, 1);
  layout->addLayout(actions);
  connect(mSave, &QPushButton::clicked, this, &ScenarioPanel::saveCurrent);
  connect(recompute, &QPushButton::clicked, this, [this] {
    if (const indicators::Scenario* s = selected()) emit recomputeRequested(*s);
  });
  connect(promoteButton, &QPushButton::clicked, this, [this] {
    const indicators::Scenario* s = selected();
    if (s == nullptr) return;
    if (QMessageBox::question(this, tr("Make real"),
                              tr("Add the %1 proposed facilities of \"%2\" to the facility layer and remove the %3 it takes away? "
                                 "The layer's file is changed; Undo takes it back.")
                                  .arg(s->proposed)
                                  .arg(s->name)
                                  .arg(s->removed.size())) == QMessageBox::Yes) {
      promote(s->id);
    }
  });
  connect(discardButton, &QPushButton::clicked, this, [this] {
    const indicators::Scenario* s = selected();
    if (s != nullptr && QMessageBox::question(this, tr("Discard"), tr("Discard the scenario \"%1\"?").arg(s->name)) == QMessageBox::Yes) {
      discard(s->id);
    }
  });
  if (mUndo != nullptr) connect(mUndo, &QUndoStack::indexChanged, this, &ScenarioPanel::reload);
  reload();
}

void ScenarioPanel::setCurrent(const indicators::WhatIfResult* result) {
  mCurrent = result;
  mSave->setEnabled(result != nullptr);
}

const indicators::Scenario* ScenarioPanel::selected() const {
  const int row = mTable->currentRow();
  return row >= 0 && row < static_cast<int>(mScenarios.size()) ? &mScenarios[static_cast<std::size_t>(row)] : nullptr;
}

void ScenarioPanel::reload() {
  mScenarios.clear();
  auto store = indicators::ScenarioStore::open(mDocument->projectPath());
  auto listed = store.ok() ? (*store)->list(mCode, mYear) : gis::Result<std::vector<indicators::Scenario>>(store.error());
  if (!listed.ok()) {
    emit problem(listed.error().message);
  } else {
    mScenarios = std::move(listed).value();
  }
  mTable->setRowCount(static_cast<int>(mScenarios.size()));
  for (int i = 0; i < static_cast<int>(mScenarios.size()); ++i) {
    const indicators::Scenario& s = mScenarios[static_cast<std::size_t>(i)];
    const std::optional<double> base = s.baseValue();
    const std::optional<double> value = s.scenarioValue();
    const double points = base && value ? (*value - *base) * 100 : 0.0;
    mTable->setItem(i, 0, cell(s.name, Qt::AlignLeft | Qt::AlignVCenter));
    mTable->setItem(i, 1, cell(QString::number(s.proposed)));
    mTable->setItem(i, 2, cell(QString::number(s.removed.size())));
    mTable->setItem(i, 3, cell(percent(base)));
    mTable->setItem(i, 4, cell(percent(value)));
    QTableWidgetItem* change = cell(QStringLiteral("%1%2").arg(points >= 0 ? QStringLiteral("+") : QString()).arg(points, 0, 'f', 2));
    change->setForeground(points >= 0.005 ? QColor(0, 120, 50) : points <= -0.005 ? QColor(190, 30, 30) : palette().color(QPalette::Text));
    mTable->setItem(i, 5, change);
    mTable->setItem(i, 6, cell(s.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    mTable->setItem(i, 7, cell(s.promoted.isValid() ? tr("made real %1").arg(s.promoted.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")))
                                                    : tr("proposal"),
                               Qt::AlignLeft | Qt::AlignVCenter));
  }
}

bool ScenarioPanel::saveCurrent() {
  if (mCurrent == nullptr) return false;
  auto store = indicators::ScenarioStore::open(mDocument->projectPath());
  auto saved = store.ok() ? (*store)->save(mName->text(), mCode, mYear, *mCurrent) : gis::Result<qint64>(store.error());
  if (!saved.ok()) {
    emit problem(saved.error().message);
    return false;
  }
  mName->clear();
  reload();
  mTable->selectRow(static_cast<int>(mScenarios.size()) - 1);
  return true;
}

bool ScenarioPanel::promote(qint64 id) {
  const auto found = std::find_if(mScenarios.begin(), mScenarios.end(), [id](const indicators::Scenario& s) { return s.id == id; });
  if (found == mScenarios.end()) return false;
  if (found->promoted.isValid()) {
    emit problem(tr("\"%1\" has been made real already.").arg(found->name));
    return false;
  }
  std::vector<gis::LayerSpec> specs;
  for (const LayerState& l : mDocument->layers()) specs.push_back(l.spec);
  const QString facilitiesId = mBinding.parameters.value(QStringLiteral("facilities")).toString();
  const std::optional<gis::SourceRef> facilities = layerResolver(specs)(facilitiesId);
  if (!facilities) {
    emit problem(tr("The facility layer \"%1\" of %2 is not in the project.").arg(facilitiesId, mCode));
    return false;
  }
  if (mUndo == nullptr) return false;  // making real is an undoable step, or nothing
  // The command outlives this call (and may outlive the panel): it reports through a guarded pointer.
  auto failed = std::make_shared<bool>(false);
  QPointer<ScenarioPanel> panel(this);
  auto* command = new PromoteScenarioCommand(mDocument, mDocument->projectPath(), *found, *facilities,
                                             indicators::promotionAttributes(mBinding, mYear), [failed, panel](const QString& p) {
                                               *failed = true;
                                               if (panel) emit panel->problem(p);
                                             });
  mUndo->push(command);  // runs redo(); a failed one is obsolete and dropped
  reload();
  return !*failed;
}

bool ScenarioPanel::discard(qint64 id) {
  auto store = indicators::ScenarioStore::open(mDocument->projectPath());
  const gis::Status s = store.ok() ? (*store)->discard(id) : gis::Status(store.error());
  if (!s) {
    emit problem(s.error().message);
    return false;
  }
  reload();
  return true;
}

}  // namespace xiuhua::app
