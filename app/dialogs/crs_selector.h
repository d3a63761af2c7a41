#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace xiuhua::app {

// Picks a CRS: common Chinese and international systems, GCJ-02/BD-09, or a user PROJ/WKT
// string (e.g. a 上海2000 local definition). definition() is what Crs::fromUserInput takes.
class CrsSelector : public QWidget {
  Q_OBJECT

 public:
  explicit CrsSelector(bool allowNone, QWidget* parent = nullptr);
  void setDefinition(const QString& definition);
  // Empty when "none" is chosen; otherwise an EPSG code, GCJ02/BD09 or the custom text.
  QString definition() const;
  // Empty when definition() parses, else PROJ's reason.
  QString validate() const;

 private:
  void updateState();
  QComboBox* mCombo;
  QPlainTextEdit* mCustom;
  QLabel* mStatus;
};

}  // namespace xiuhua::app
