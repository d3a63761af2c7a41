#pragma once

#include "xiuhua/indicators/indicator.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace xiuhua::app {

// Edits an indicator's baseline and target (value, wording, year). Refuses text that is not a
// number and a baseline year that is not before the target year, keeping the dialog open.
class TargetDialog : public QDialog {
  Q_OBJECT

 public:
  TargetDialog(const indicators::Indicator& indicator, QWidget* parent = nullptr);
  const indicators::Indicator& indicator() const { return mIndicator; }
  QLineEdit* targetValueEdit() const { return mTargetValue; }
  QLabel* problemLabel() const { return mProblem; }
  bool tryAccept();

 private:
  indicators::Indicator mIndicator;
  QLineEdit* mTargetValue;
  QLineEdit* mTargetText;
  QSpinBox* mTargetYear;
  QLineEdit* mBaselineValue;
  QSpinBox* mBaselineYear;
  QLabel* mProblem;
};

}  // namespace xiuhua::app
