#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace xiuhua::app {

class PgConnectionBox;

// Where a project's indicator values live: the project file, or a schema on a PostgreSQL server
// shared by the 责任单位 that report into one plan. Copies the project's catalog, values and
// audit into an empty schema, joins a schema that holds the district's values, or stops sharing
// (the values the file had are read again). Tells where they are now.
class SharedValuesDialog : public QDialog {
  Q_OBJECT

 public:
  explicit SharedValuesDialog(const QString& projectPath, QWidget* parent = nullptr);

  PgConnectionBox* connection() const { return mConnection; }
  void setSchema(const QString& schema);
  void setJoin(bool join);
  // Shares as the fields say; the result is in statusText(). True when it worked.
  bool share();
  bool stopSharing();
  QString statusText() const;
  QString whereText() const;

 signals:
  // The project's values moved: whoever holds a value store of the project opens it again.
  void valuesMoved();

 private:
  void showWhere();

  QString mProject;
  PgConnectionBox* mConnection;
  QLineEdit* mSchema;
  QRadioButton* mCopy;
  QRadioButton* mJoin;
  QLabel* mWhere;
  QPushButton* mShare;
  QPushButton* mStop;
};

}  // namespace xiuhua::app
