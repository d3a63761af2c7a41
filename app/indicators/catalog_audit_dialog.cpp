#include "indicators/catalog_audit_dialog.h"

#include "indicators/baseline_dialog.h"
#include "indicators/doubt_confirm_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace xiuhua::app {
namespace {

bool hasOpen(const indicators::AuditRow& row, const QString& kind = {}) {
  return std::any_of(row.items.begin(), row.items.end(),
                     [&](const indicators::AuditItem& i) { return i.open && (kind.isEmpty() || i.kind == kind); });
}

}  // namespace

CatalogAuditDialog::CatalogAuditDialog(indicators::ValueStore& store, QWidget* parent)
    : QDialog(parent), mStore(store), mTree(new QTreeWidget(this)), mOnlyOpen(new QCheckBox(tr("Only rows with open items"), this)),
      mSummary(new QLabel(this)), mConfirm(new QPushButton(tr("Confirm…"), this)), mBaseline(new QPushButton(tr("Add baseline…"), this)) {
  setWindowTitle(tr("Catalog audit"));
  resize(980, 640);
  mTree->setObjectName(QStringLiteral("catalogAudit"));
  mTree->setHeaderLabels({tr("Indicator"), tr("Target"), tr("Open")});
  mTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  mTree->setWordWrap(true);
  mTree->setUniformRowHeights(false);
  mSummary->setWordWrap(true);
  mConfirm->setToolTip(tr("Answer the row's doubt: the unit (or population) it is in, with a reason; 待确认 until then"));
  mBaseline->setToolTip(tr("Give the row a baseline with its source: its progress then has an expected path"));
  auto* actions = new QHBoxLayout;
  actions->addWidget(mOnlyOpen);
  actions->addStretch();
  actions->addWidget(mConfirm);
  actions->addWidget(mBaseline);
  auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(mSummary);
  layout->addWidget(mTree, 1);
  layout->addLayout(actions);
  layout->addWidget(close);
  connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(mOnlyOpen, &QCheckBox::toggled, this, &CatalogAuditDialog::fill);
  connect(mTree, &QTreeWidget::currentItemChanged, this, &CatalogAuditDialog::updateButtons);
  connect(mConfirm, &QPushButton::clicked, this, &CatalogAuditDialog::confirmSelected);
  connect(mBaseline, &QPushButton::clicked, this, &CatalogAuditDialog::addBaselineToSelected);
  fill();
}

void CatalogAuditDialog::fill() {
  const indicators::AuditRow* before = selectedRow();
  const QString current = before != nullptr ? before->indicator.code : QString();
  auto rows = indicators::catalogAudit(mStore);
  mRows = rows.ok() ? std::move(rows).value() : std::vector<indicators::AuditRow>{};
  mTree->clear();
  int open = 0;
  int openRows = 0;
  for (std::size_t r = 0; r < mRows.size(); ++r) {
    const indicators::AuditRow& row = mRows[r];
    const int rowOpen = static_cast<int>(std::count_if(row.items.begin(), row.items.end(), [](const auto& i) { return i.open; }));
    open += rowOpen;
    openRows += rowOpen > 0 ? 1 : 0;
    if (row.items.empty() || (mOnlyOpen->isChecked() && rowOpen == 0)) continue;
    auto* top = new QTreeWidgetItem(mTree, {QStringLiteral("%1 %2").arg(row.indicator.code, row.indicator.nameZh),
                                            indicators::targetSummary(row.indicator), rowOpen > 0 ? QString::number(rowOpen) : QString()});
    top->setData(0, Qt::UserRole, static_cast<int>(r));
    top->setToolTip(0, QStringLiteral("%1: “%2”").arg(row.indicator.planRef, row.indicator.quote));
    if (rowOpen > 0) top->setForeground(2, QColor(0xb2, 0x18, 0x2b));
    for (const indicators::AuditItem& item : row.items) {
      auto* child = new QTreeWidgetItem(top, {(item.open ? QStringLiteral("● ") : QStringLiteral("○ ")) + item.text});
      child->setFirstColumnSpanned(true);
      child->setToolTip(0, item.text);
      child->setData(0, Qt::UserRole, static_cast<int>(r));
      if (item.open) child->setForeground(0, QColor(0xb2, 0x18, 0x2b));
    }
    top->setExpanded(rowOpen > 0);
    if (row.indicator.code == current) mTree->setCurrentItem(top);
  }
  mSummary->setText(tr("%1 rows; %2 open items in %3 rows (● open, ○ for information). The status of a row with an open doubt "
                       "reads 待确认; a row without a baseline shows its value and distance to the target (无基期值).")
                        .arg(mRows.size()).arg(open).arg(openRows));
  updateButtons();
}

const indicators::AuditRow* CatalogAuditDialog::selectedRow() const {
  const QTreeWidgetItem* item = mTree->currentItem();
  if (item == nullptr) return nullptr;
  const int r = item->data(0, Qt::UserRole).toInt();
  return r >= 0 && static_cast<std::size_t>(r) < mRows.size() ? &mRows[static_cast<std::size_t>(r)] : nullptr;
}

void CatalogAuditDialog::updateButtons() {
  const indicators::AuditRow* row = selectedRow();
  mConfirm->setEnabled(row != nullptr && !row->indicator.doubt.isEmpty());
  mBaseline->setEnabled(row != nullptr && hasOpen(*row, QStringLiteral("no_baseline")));
}

void CatalogAuditDialog::select(const QString& code) {
  for (int i = 0; i < mTree->topLevelItemCount(); ++i) {
    QTreeWidgetItem* item = mTree->topLevelItem(i);
    const int r = item->data(0, Qt::UserRole).toInt();
    if (mRows[static_cast<std::size_t>(r)].indicator.code == code) {
      mTree->setCurrentItem(item);
      mTree->scrollToItem(item);
      return;
    }
  }
}

void CatalogAuditDialog::confirmSelected() {
  const indicators::AuditRow* row = selectedRow();
  if (row == nullptr) return;
  DoubtConfirmDialog dialog(row->indicator, mStore, this);
  if (dialog.exec() != QDialog::Accepted) return;
  fill();
  emit decided();
}

void CatalogAuditDialog::addBaselineToSelected() {
  const indicators::AuditRow* row = selectedRow();
  if (row == nullptr) return;
  BaselineDialog dialog(row->indicator, mStore, this);
  if (dialog.exec() != QDialog::Accepted) return;
  fill();
  emit decided();
}

}  // namespace xiuhua::app
