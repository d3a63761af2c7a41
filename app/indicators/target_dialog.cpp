#include "indicators/target_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace xiuhua::app {
namespace {

QString text(const std::optional<double>& v) { return v ? QString::number(*v, 'g', 12) : QString(); }

}  // namespace

TargetDialog::TargetDialog(const indicators::Indicator& indicator, QWidget* parent)
    : QDialog(parent), mIndicator(indicator), mTargetValue(new QLineEdit(text(indicator.targetValue), this)),
      mTargetText(new QLineEdit(indicator.targetText, this)), mTargetYear(new QSpinBox(this)),
      mBaselineValue(new QLineEdit(text(indicator.baselineValue), this)), mBaselineYear(new QSpinBox(this)),
      mProblem(new QLabel(this)) {
  setWindowTitle(tr("Target — %1").arg(indicator.nameZh));
  mTargetYear->setRange(2000, 2100);
  mTargetYear->setValue(indicator.targetYear);
  mBaselineYear->setRange(0, 2100);
  mBaselineYear->setSpecialValueText(tr("(none)"));
  mBaselineYear->setValue(indicator.baselineYear.value_or(0));
  mProblem->setStyleSheet(QStringLiteral("color: #b2182b;"));
  mProblem->setWordWrap(true);
  auto* form = new QFormLayout(this);
  form->addRow(tr("Indicator"), new QLabel(QStringLiteral("%1 %2").arg(indicator.code, indicator.nameZh), this));
  form->addRow(tr("Target (%1)").arg(indicator.unit), mTargetValue);
  form->addRow(tr("Target wording"), mTargetText);
  form->addRow(tr("Target year"), mTargetYear);
  form->addRow(tr("Baseline (%1)").arg(indicator.unit), mBaselineValue);
  form->addRow(tr("Baseline year"), mBaselineYear);
  form->addRow(mProblem);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &TargetDialog::tryAccept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool TargetDialog::tryAccept() {
  auto number = [&](QLineEdit* edit, std::optional<double>& out) {
    const QString t = edit->text().trimmed();
    if (t.isEmpty()) {
      out.reset();
      return true;
    }
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok) mProblem->setText(tr("\"%1\" is not a number.").arg(t));
    if (ok) out = v;
    return ok;
  };
  indicators::Indicator edited = mIndicator;
  if (!number(mTargetValue, edited.targetValue) || !number(mBaselineValue, edited.baselineValue)) return false;
  edited.targetText = mTargetText->text().trimmed();
  edited.targetYear = mTargetYear->value();
  edited.baselineYear = mBaselineYear->value() > 0 ? std::optional<int>(mBaselineYear->value()) : std::nullopt;
  if (!edited.targetValue && edited.targetText.isEmpty()) {
    mProblem->setText(tr("Give a target value or the target's wording."));
    return false;
  }
  if (edited.baselineYear && *edited.baselineYear >= edited.targetYear) {
    mProblem->setText(tr("The baseline year must be before the target year."));
    return false;
  }
  mIndicator = edited;
  accept();
  return true;
}

}  // namespace xiuhua::app
