#pragma once

#include "xiuhua/gis/coordinate_transform.h"

#include <QObject>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QStatusBar;

namespace xiuhua::app {

class MapCanvas;
class MapDocument;

// Status bar items: cursor coordinates in the map CRS and as longitude/latitude, a scale box the
// user can type into (1:25000), and a button naming the map CRS.
class MapStatusBar : public QObject {
  Q_OBJECT

 public:
  MapStatusBar(QStatusBar* bar, MapCanvas* canvas, MapDocument* document);
  QComboBox* scaleBox() const { return mScale; }
  QLabel* coordinates() const { return mCoordinates; }

 signals:
  void crsButtonClicked();

 private:
  void showCursor(QPointF mapPoint);
  void updateScale();
  void updateCrs();

  MapCanvas* mCanvas;
  MapDocument* mDocument;
  QLabel* mCoordinates;
  QLabel* mLonLat;
  QComboBox* mScale;
  QPushButton* mCrs;
  std::unique_ptr<gis::CoordinateTransform> mToLonLat;  // GUI thread only
  gis::Crs mToLonLatFor;
};

}  // namespace xiuhua::app
