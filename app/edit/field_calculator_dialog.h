#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace xiuhua::app {

class EditChecks;
class LayerEditing;
class MapDocument;

// Sets one field of many features of an edited layer from an expression (SQLite syntax, fields by
// name, $area, $length, $x, $y, $id), for all features, the selected ones, or those a condition
// picks. Every new value passes the field's constraints; the update is one undo step.
class FieldCalculatorDialog : public QDialog {
  Q_OBJECT

 public:
  FieldCalculatorDialog(MapDocument* document, LayerEditing* editing, EditChecks* checks, QString layerId, QWidget* parent = nullptr);

  QComboBox* fieldBox() const { return mField; }
  QPlainTextEdit* expressionEdit() const { return mExpression; }
  QLineEdit* whereEdit() const { return mWhere; }
  QCheckBox* selectedOnly() const { return mSelectedOnly; }
  // Computes and applies; false (the reason shown in the dialog) when refused.
  bool apply();
  int updatedCount() const { return mUpdated; }
  const QString& problem() const { return mProblem; }
  void accept() override;

 private:
  void fail(const QString& message);

  MapDocument* mDocument;
  LayerEditing* mEditing;
  EditChecks* mChecks;
  QString mLayerId;
  QComboBox* mField;
  QPlainTextEdit* mExpression;
  QLineEdit* mWhere;
  QCheckBox* mSelectedOnly;
  QLabel* mMessage;
  QString mProblem;
  int mUpdated = 0;
};

}  // namespace xiuhua::app
