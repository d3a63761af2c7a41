#pragma once

#include "xiuhua/indicators/value_store.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace xiuhua::app {

// Assesses the status of a qualitative target (完成市级下达目标, 力争前三 …) for a year, with the
// reason, which is required.
class AssessmentDialog : public QDialog {
  Q_OBJECT

 public:
  AssessmentDialog(const indicators::Indicator& indicator, int year, QWidget* parent = nullptr);
  const indicators::Assessment& assessment() const { return mAssessment; }
  QComboBox* statusBox() const { return mStatus; }
  QPlainTextEdit* reasonEdit() const { return mReason; }
  bool tryAccept();

 private:
  indicators::Assessment mAssessment;
  QComboBox* mStatus;
  QPlainTextEdit* mReason;
  QLineEdit* mAuthor;
  QLabel* mProblem;
};

}  // namespace xiuhua::app
