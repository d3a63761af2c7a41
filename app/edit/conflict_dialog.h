#pragma once

#include "xiuhua/gis/edit/edit_conflict.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace xiuhua::app {

class GeometryComparison;

// What a save to a shared table met: each feature another user changed or deleted (or the server
// refused) since it was read — mine and theirs side by side, field by field with the differences
// marked, and both geometries drawn over each other. The user keeps theirs, takes mine, or merges
// (a choice per field); when every conflict is settled, "Save again" writes the rest.
class ConflictDialog : public QDialog {
  Q_OBJECT

 public:
  ConflictDialog(gis::EditBuffer* buffer, const QString& layerName, QWidget* parent = nullptr);

  // For tests and the buttons: settles the shown conflict.
  void keepTheirs();
  void takeMine();
  void merge();
  void showConflict(int row);
  // For tests: a cell of the comparison (row = field, column 0 field, 1 mine, 2 theirs, 3 choice).
  QString cell(int row, int column) const;
  void chooseTheirs(int fieldRow);
  int remaining() const;

 private:
  void settle(gis::ConflictResolution how);
  void refresh();

  gis::EditBuffer* mBuffer;
  QListWidget* mList;
  QTableWidget* mFields;
  GeometryComparison* mGeometry;
  QLabel* mMessage;
  QPushButton* mKeep;
  QPushButton* mMine;
  QPushButton* mMerge;
  QPushButton* mSaveAgain;
};

}  // namespace xiuhua::app
