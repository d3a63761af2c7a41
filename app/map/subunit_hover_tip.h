#pragma once

#include <QObject>
#include <QPoint>
#include <QPointF>
#include <QString>

class QTimer;

namespace xiuhua::app {

class MapCanvas;
class MapDocument;

// Hovering over a sub-unit of a computed indicator layer (a visible polygon layer with the fields
// name and indicator_value, as coverage maps have) shows a tooltip: the sub-unit's name, its value
// and the numerator and denominator behind it (e.g. covered and total land in m²). The lookup waits
// until the pointer rests for a moment.
class SubunitHoverTip : public QObject {
  Q_OBJECT

 public:
  SubunitHoverTip(MapCanvas* canvas, MapDocument* document);
  // The tooltip text for a point of the map (map CRS); empty when no such sub-unit is there.
  QString textAt(QPointF mapPoint) const;

 private:
  void show();

  MapCanvas* mCanvas;
  MapDocument* mDocument;
  QTimer* mRest;
  QPointF mMapPoint;
};

}  // namespace xiuhua::app
