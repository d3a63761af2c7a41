#pragma once

#include "xiuhua/indicators/catalog_audit.h"
#include "xiuhua/indicators/value_store.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace xiuhua::app {

// The catalog audit (the GUI's `indicators audit`): every row with what the plan leaves open or
// doubtful — nature not stated, no baseline, a doubt, a scope, a per-year target — the open items
// marked, for an analyst to work through; a doubt is confirmed and a baseline added from here.
class CatalogAuditDialog : public QDialog {
  Q_OBJECT

 public:
  CatalogAuditDialog(indicators::ValueStore& store, QWidget* parent = nullptr);
  QTreeWidget* tree() const { return mTree; }
  // Selects a row by code (for tests and for the dashboard's current indicator).
  void select(const QString& code);
  void confirmSelected();
  void addBaselineToSelected();

 signals:
  void decided();  // a doubt confirmed or a baseline added: the dashboard reads the catalog again

 private:
  void fill();
  void updateButtons();
  const indicators::AuditRow* selectedRow() const;

  indicators::ValueStore& mStore;
  std::vector<indicators::AuditRow> mRows;
  QTreeWidget* mTree;
  QCheckBox* mOnlyOpen;
  QLabel* mSummary;
  QPushButton* mConfirm;
  QPushButton* mBaseline;
};

}  // namespace xiuhua::app
