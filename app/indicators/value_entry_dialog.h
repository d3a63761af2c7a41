#pragma once

#include "xiuhua/indicators/value_store.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace xiuhua::app {

// Enters one value of an indicator; refuses what validateValue refuses, with its message, and
// keeps the dialog open so the user can correct it.
class ValueEntryDialog : public QDialog {
  Q_OBJECT

 public:
  // subunits: names offered for an indicator broken down by 街镇/网格 (any other may be typed).
  ValueEntryDialog(const indicators::Indicator& indicator, int year, const QStringList& subunits = {},
                   QWidget* parent = nullptr);
  // The value to store; valid after the dialog was accepted.
  const indicators::IndicatorValue& value() const { return mValue; }

  QLineEdit* valueEdit() const { return mValueEdit; }
  QSpinBox* yearBox() const { return mYear; }
  QSpinBox* monthBox() const { return mMonth; }  // 0 = a yearly value
  QComboBox* subunitBox() const { return mSubunit; }
  QLabel* problemLabel() const { return mProblem; }
  // Validates and accepts, or shows the problem; what OK does.
  bool tryAccept();

 private:
  indicators::Indicator mIndicator;
  indicators::IndicatorValue mValue;
  QSpinBox* mYear;
  QSpinBox* mMonth;
  QLineEdit* mValueEdit;
  QComboBox* mSubunit;
  QLineEdit* mAuthor;
  QLineEdit* mNote;
  QLabel* mProblem;
};

}  // namespace xiuhua::app
