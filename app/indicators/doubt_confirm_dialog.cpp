#include "indicators/doubt_confirm_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace xiuhua::app {

DoubtConfirmDialog::DoubtConfirmDialog(const indicators::Indicator& indicator, indicators::ValueStore& store, QWidget* parent)
    : QDialog(parent), mIndicator(indicator), mStore(store), mUnit(new QComboBox(this)), mBasis(new QComboBox(this)),
      mReason(new QPlainTextEdit(this)), mAuthor(new QLineEdit(this)), mProblem(new QLabel(this)) {
  setWindowTitle(tr("Confirm — %1").arg(indicator.nameZh));
  mUnit->addItem(tr("%1 (as the catalog has it)").arg(indicator.unit), indicator.unit);
  if (!indicator.doubtUnit.isEmpty() && indicator.doubtUnit != indicator.unit) {
    mUnit->addItem(tr("%1 (what the doubt suggests)").arg(indicator.doubtUnit), indicator.doubtUnit);
  }
  mBasis->addItem(tr("(unchanged)"), QString());
  for (const QString& basis : {QStringLiteral("户籍"), QStringLiteral("常住")}) mBasis->addItem(basis, basis);
  mReason->setPlaceholderText(tr("Why: the department's answer, the plan's other figures, the previous period …"));
  mProblem->setStyleSheet(QStringLiteral("color: #b2182b;"));
  mProblem->setWordWrap(true);
  auto* doubt = new QLabel(indicator.doubt, this);
  doubt->setWordWrap(true);
  auto* evidence = new QLabel(QStringLiteral("“%1”").arg(indicator.doubtEvidence), this);
  evidence->setWordWrap(true);
  auto* form = new QFormLayout(this);
  form->addRow(tr("Indicator"), new QLabel(QStringLiteral("%1 %2").arg(indicator.code, indicator.nameZh), this));
  form->addRow(tr("Target"), new QLabel(indicators::targetSummary(indicator), this));
  form->addRow(tr("Doubt"), doubt);
  form->addRow(tr("The plan says"), evidence);
  form->addRow(tr("Unit"), mUnit);
  if (!indicator.populationBasis.isEmpty() || indicator.unit == QStringLiteral("平方米/人")) form->addRow(tr("Population"), mBasis);
  form->addRow(tr("Reason"), mReason);
  form->addRow(tr("Confirmed by"), mAuthor);
  form->addRow(mProblem);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &DoubtConfirmDialog::tryAccept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool DoubtConfirmDialog::tryAccept() {
  const gis::Status s = mStore.confirmIndicator(mIndicator.code, mUnit->currentData().toString(), mBasis->currentData().toString(),
                                                mReason->toPlainText(), mAuthor->text().trimmed());
  if (!s) {
    mProblem->setText(s.error().message);
    return false;
  }
  accept();
  return true;
}

}  // namespace xiuhua::app
