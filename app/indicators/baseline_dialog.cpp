#include "indicators/baseline_dialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <limits>

namespace xiuhua::app {

BaselineDialog::BaselineDialog(const indicators::Indicator& indicator, indicators::ValueStore& store, QWidget* parent)
    : QDialog(parent), mIndicator(indicator), mStore(store), mYear(new QSpinBox(this)), mValue(new QDoubleSpinBox(this)),
      mSource(new QLineEdit(this)), mAuthor(new QLineEdit(this)), mProblem(new QLabel(this)) {
  setWindowTitle(tr("Baseline — %1").arg(indicator.nameZh));
  mYear->setRange(1949, std::max(1950, indicator.targetYear - 1));
  mYear->setValue(indicator.period.isValid() ? indicator.period.first - 1 : indicator.targetYear - 5);
  mValue->setRange(-std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
  mValue->setDecimals(4);
  mValue->setSuffix(QLatin1Char(' ') + indicator.unit);
  mSource->setPlaceholderText(tr("Where the figure comes from: a statistical yearbook, the department's report …"));
  mProblem->setStyleSheet(QStringLiteral("color: #b2182b;"));
  mProblem->setWordWrap(true);
  auto* note = new QLabel(tr("The plan gives no baseline for this target. A baseline recorded here, with its source, gives "
                             "progress an expected path; the plan's own figures are never replaced."),
                          this);
  note->setWordWrap(true);
  auto* form = new QFormLayout(this);
  form->addRow(note);
  form->addRow(tr("Indicator"), new QLabel(QStringLiteral("%1 %2").arg(indicator.code, indicator.nameZh), this));
  form->addRow(tr("Target"), new QLabel(indicators::targetSummary(indicator), this));
  form->addRow(tr("Year"), mYear);
  form->addRow(tr("Baseline"), mValue);
  form->addRow(tr("Source"), mSource);
  form->addRow(tr("Entered by"), mAuthor);
  form->addRow(mProblem);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &BaselineDialog::tryAccept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool BaselineDialog::tryAccept() {
  const gis::Status s = mStore.setBaseline(mIndicator.code, mYear->value(), mValue->value(), mSource->text(), mAuthor->text().trimmed());
  if (!s) {
    mProblem->setText(s.error().message);
    return false;
  }
  accept();
  return true;
}

}  // namespace xiuhua::app
