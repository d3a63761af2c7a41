#pragma once

#include "xiuhua/gis/edit/geometry_checks.h"

#include <QDialog>
#include <QPointF>

#include <utility>
#include <vector>

class QTableWidget;

namespace xiuhua::app {

// The geometry problems found before saving: one row per problem (feature, kind, reason); a row
// clicked shows the place on the map. The planner repairs them all (GEOS), keeps them on purpose,
// or goes back to editing. exec() returns a Choice.
class GeometryCheckDialog : public QDialog {
  Q_OBJECT

 public:
  enum class Choice { Cancel = 0, Repair = 2, Keep = 3 };

  GeometryCheckDialog(const std::vector<std::pair<qint64, gis::GeometryIssue>>& issues, std::vector<QPointF> mapPoints,
                      const QString& layerName, QWidget* parent = nullptr);
  QTableWidget* table() const { return mTable; }
  static QString kindName(gis::GeometryIssue::Kind kind);

 signals:
  void showRequested(QPointF mapPoint);

 private:
  QTableWidget* mTable;
  std::vector<QPointF> mPoints;
};

}  // namespace xiuhua::app
