#include "indicators/assessment_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace xiuhua::app {

AssessmentDialog::AssessmentDialog(const indicators::Indicator& indicator, int year, QWidget* parent)
    : QDialog(parent), mStatus(new QComboBox(this)), mReason(new QPlainTextEdit(this)), mAuthor(new QLineEdit(this)),
      mProblem(new QLabel(this)) {
  setWindowTitle(tr("Assess — %1").arg(indicator.nameZh));
  mAssessment.code = indicator.code;
  mAssessment.year = year;
  for (auto s : {indicators::Status::Achieved, indicators::Status::OnTrack, indicators::Status::Behind,
                 indicators::Status::SeverelyBehind}) {
    mStatus->addItem(indicators::statusName(s), static_cast<int>(s));
  }
  mReason->setPlaceholderText(tr("Why: the municipal assessment, a ranking, a report …"));
  mProblem->setStyleSheet(QStringLiteral("color: #b2182b;"));
  auto* form = new QFormLayout(this);
  form->addRow(tr("Indicator"), new QLabel(QStringLiteral("%1 %2").arg(indicator.code, indicator.nameZh), this));
  form->addRow(tr("Target"), new QLabel(indicator.targetText, this));
  form->addRow(tr("Year"), new QLabel(QString::number(year), this));
  form->addRow(tr("Status"), mStatus);
  form->addRow(tr("Reason"), mReason);
  form->addRow(tr("Assessed by"), mAuthor);
  form->addRow(mProblem);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &AssessmentDialog::tryAccept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool AssessmentDialog::tryAccept() {
  if (mReason->toPlainText().trimmed().isEmpty()) {
    mProblem->setText(tr("Give the reason for the assessment."));
    return false;
  }
  mAssessment.status = static_cast<indicators::Status>(mStatus->currentData().toInt());
  mAssessment.reason = mReason->toPlainText().trimmed();
  mAssessment.author = mAuthor->text().trimmed();
  accept();
  return true;
}

}  // namespace xiuhua::app
