#pragma once

#include "xiuhua/indicators/value_store.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace xiuhua::app {

// Enters one value of an indicator; refuses what validateValue refuses, with its message, and
// keeps the dialog open so the user can correct it.
class ValueEntryDialog : public QDialog {
  Q_OBJECT

 public:
  ValueEntryDialog(const indicators::Indicator& indicator, int year, QWidget* parent = nullptr);
  // The value to store; valid after the dialog was accepted.
  const indicators::IndicatorValue& value() const { return mValue; }

  QLineEdit* valueEdit() const { return mValueEdit; }
  QSpinBox* yearBox() const { return mYear; }
  QLabel* problemLabel() const { return mProblem; }
  // Validates and accepts, or shows the problem; what OK does.
  bool tryAccept();

 private:
  indicators::Indicator mIndicator;
  indicators::IndicatorValue mValue;
  QSpinBox* mYear;
  QLineEdit* mValueEdit;
  QLineEdit* mSubunit;
  QLineEdit* mAuthor;
  QLineEdit* mNote;
  QLabel* mProblem;
};

}  // namespace xiuhua::app
