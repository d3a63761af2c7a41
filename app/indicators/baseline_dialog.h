#pragma once

#include "xiuhua/indicators/value_store.h"

#include <QDialog>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace xiuhua::app {

// Gives a row without a plan baseline a baseline, with its source (required), recorded in the
// project's audit: from then on progress has an expected path for it.
class BaselineDialog : public QDialog {
  Q_OBJECT

 public:
  BaselineDialog(const indicators::Indicator& indicator, indicators::ValueStore& store, QWidget* parent = nullptr);
  QSpinBox* yearBox() const { return mYear; }
  QDoubleSpinBox* valueBox() const { return mValue; }
  QLineEdit* sourceEdit() const { return mSource; }
  bool tryAccept();

 private:
  const indicators::Indicator mIndicator;
  indicators::ValueStore& mStore;
  QSpinBox* mYear;
  QDoubleSpinBox* mValue;
  QLineEdit* mSource;
  QLineEdit* mAuthor;
  QLabel* mProblem;
};

}  // namespace xiuhua::app
