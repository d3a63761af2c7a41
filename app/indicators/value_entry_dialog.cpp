#include "indicators/value_entry_dialog.h"

#include "xiuhua/indicators/value_validator.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace xiuhua::app {

ValueEntryDialog::ValueEntryDialog(const indicators::Indicator& indicator, int year, const QStringList& subunits,
                                   QWidget* parent)
    : QDialog(parent), mIndicator(indicator), mYear(new QSpinBox(this)), mMonth(new QSpinBox(this)),
      mValueEdit(new QLineEdit(this)), mSubunit(new QComboBox(this)), mAuthor(new QLineEdit(this)), mNote(new QLineEdit(this)),
      mProblem(new QLabel(this)) {
  setWindowTitle(tr("Enter a value — %1").arg(indicator.nameZh));
  mYear->setRange(1990, 2100);
  mYear->setValue(year);
  mValueEdit->setPlaceholderText(indicator.unit);
  // Month 0 shows as "whole year": the usual yearly value; 1–12 records a monthly reading.
  mMonth->setRange(0, 12);
  mMonth->setSpecialValueText(tr("whole year"));
  mSubunit->setEditable(true);
  mSubunit->addItem(QString());
  mSubunit->addItems(subunits);
  mSubunit->lineEdit()->setPlaceholderText(tr("(whole district)"));
  mProblem->setStyleSheet(QStringLiteral("color: #b2182b;"));
  mProblem->setWordWrap(true);
  auto* form = new QFormLayout(this);
  form->addRow(tr("Indicator"), new QLabel(QStringLiteral("%1 %2").arg(indicator.code, indicator.nameZh), this));
  form->addRow(tr("Target"), new QLabel(indicator.targetValue ? QStringLiteral("%1 %2 (%3)").arg(*indicator.targetValue).arg(indicator.unit).arg(indicator.targetYear)
                                                              : indicator.targetText, this));
  form->addRow(tr("Year"), mYear);
  form->addRow(tr("Month"), mMonth);
  form->addRow(tr("Value (%1)").arg(indicator.unit), mValueEdit);
  if (!indicator.breakdown.isEmpty()) form->addRow(tr("Sub-unit (%1)").arg(indicator.breakdown), mSubunit);
  form->addRow(tr("Entered by"), mAuthor);
  form->addRow(tr("Note"), mNote);
  form->addRow(mProblem);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &ValueEntryDialog::tryAccept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool ValueEntryDialog::tryAccept() {
  auto value = indicators::validateValue(mIndicator, mValueEdit->text(), QString(), mYear->value());
  if (!value.ok()) {
    mProblem->setText(value.error().message);
    return false;
  }
  mValue = {};
  mValue.code = mIndicator.code;
  mValue.year = mYear->value();
  mValue.value = value.value();
  if (mMonth->value() > 0) mValue.month = mMonth->value();
  mValue.subunit = mSubunit->currentText().trimmed();
  if (!mValue.subunit.isEmpty()) mValue.level = mIndicator.breakdown;
  mValue.author = mAuthor->text().trimmed();
  mValue.note = mNote->text().trimmed();
  accept();
  return true;
}

}  // namespace xiuhua::app
