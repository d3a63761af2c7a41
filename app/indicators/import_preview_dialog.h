#pragma once

#include "xiuhua/indicators/value_exchange.h"

#include <QDialog>

class QTreeWidget;

namespace xiuhua::app {

// Shows what a value import will change — each row with its line, indicator, year, sub-unit, the
// current and the new value — before anything is written. Accept to import.
class ImportPreviewDialog : public QDialog {
  Q_OBJECT

 public:
  ImportPreviewDialog(const indicators::ValueImportPlan& plan, const indicators::Catalog& catalog,
                      QWidget* parent = nullptr);
  QTreeWidget* rows() const { return mRows; }

 private:
  QTreeWidget* mRows;
};

}  // namespace xiuhua::app
