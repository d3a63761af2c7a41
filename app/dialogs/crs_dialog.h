#pragma once

#include "xiuhua/gis/crs.h"

#include <QDialog>

#include <optional>

namespace xiuhua::app {

class CrsSelector;

// A small dialog around CrsSelector that only accepts a definition PROJ can parse.
class CrsDialog : public QDialog {
  Q_OBJECT

 public:
  CrsDialog(const QString& title, const gis::Crs& current, QWidget* parent = nullptr);
  // Shows the dialog; the chosen CRS, or nullopt when cancelled.
  static std::optional<gis::Crs> ask(QWidget* parent, const QString& title, const gis::Crs& current);
  gis::Crs chosen() const;

 private:
  CrsSelector* mSelector;
};

}  // namespace xiuhua::app
