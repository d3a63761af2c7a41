#pragma once

#include "xiuhua/indicators/value_store.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace xiuhua::app {

// Answers a catalog row's doubt (its unit, value or population basis): shows the doubt and the
// plan's words that raise it, offers the row's unit and the one it probably means (and, for a
// per-capita row, 户籍 / 常住), and records the answer in the project's audit with a reason.
class DoubtConfirmDialog : public QDialog {
  Q_OBJECT

 public:
  DoubtConfirmDialog(const indicators::Indicator& indicator, indicators::ValueStore& store, QWidget* parent = nullptr);
  QComboBox* unitBox() const { return mUnit; }
  QPlainTextEdit* reasonEdit() const { return mReason; }
  // Records the confirmation; false (the reason shown in the dialog) when the store refuses it.
  bool tryAccept();

 private:
  const indicators::Indicator mIndicator;
  indicators::ValueStore& mStore;
  QComboBox* mUnit;
  QComboBox* mBasis;
  QPlainTextEdit* mReason;
  QLineEdit* mAuthor;
  QLabel* mProblem;
};

}  // namespace xiuhua::app
