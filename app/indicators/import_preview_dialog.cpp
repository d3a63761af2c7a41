#include "indicators/import_preview_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace xiuhua::app {

ImportPreviewDialog::ImportPreviewDialog(const indicators::ValueImportPlan& plan, const indicators::Catalog& catalog,
                                         QWidget* parent)
    : QDialog(parent), mRows(new QTreeWidget(this)) {
  setWindowTitle(tr("Import values — %1").arg(QFileInfo(plan.path).fileName()));
  resize(760, 480);
  auto* summary = new QLabel(tr("%1 new, %2 changed, %3 unchanged (not written). Changed values keep the old value in "
                                "the history.").arg(plan.added).arg(plan.changed).arg(plan.unchanged), this);
  summary->setWordWrap(true);
  mRows->setHeaderLabels({tr("Line"), tr("Indicator"), tr("Year"), tr("Sub-unit"), tr("Current"), tr("New"), tr("Change")});
  mRows->setRootIsDecorated(false);
  for (const indicators::ValueImportRow& r : plan.rows) {
    const indicators::Indicator* ind = catalog.find(r.value.code);
    const QString change = !r.previous ? tr("new") : *r.previous == r.value.value ? tr("unchanged") : tr("changed");
    auto* item = new QTreeWidgetItem(mRows, {QString::number(r.line),
                                             ind != nullptr ? QStringLiteral("%1 %2").arg(r.value.code, ind->nameZh) : r.value.code,
                                             QString::number(r.value.year), r.value.subunit,
                                             r.previous ? QLocale().toString(*r.previous, 'g', 10) : QString(),
                                             QLocale().toString(r.value.value, 'g', 10), change});
    if (r.previous && *r.previous != r.value.value) item->setForeground(6, QColor(0xb3, 0x58, 0x06));
  }
  for (int c = 0; c < mRows->columnCount(); ++c) mRows->resizeColumnToContents(c);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  QPushButton* import = buttons->addButton(tr("Import %n values", nullptr, plan.added + plan.changed), QDialogButtonBox::AcceptRole);
  import->setEnabled(plan.added + plan.changed > 0);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary);
  layout->addWidget(mRows, 1);
  layout->addWidget(buttons);
}

}  // namespace xiuhua::app
