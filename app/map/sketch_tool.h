#pragma once

#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/map_viewport.h"

#include <QObject>
#include <QPointF>

#include <optional>
#include <vector>

class QPainter;

namespace xiuhua::app {

// Drawing a point, a line or a polygon on the map (map CRS), e.g. a proposed park: a click places a
// point or adds a vertex; a double click or Enter ends a line, and closes a polygon (so does a click
// on its first vertex);
// Backspace takes the last vertex back; Escape ends the sketch. A polygon that is not valid (its
// edges cross) is refused, with GEOS's reason and where, and stays open for correction. The map
// canvas feeds it the events and lets it paint over the map.
class SketchTool : public QObject {
  Q_OBJECT

 public:
  enum class Shape { Point, Line, Polygon };
  explicit SketchTool(Shape shape, QObject* parent = nullptr);

  Shape shape() const { return mShape; }
  const std::vector<QPointF>& vertices() const { return mVertices; }

  // The canvas's events, in map coordinates; `closeTolerance`: map units within which a click on
  // the first vertex closes the polygon.
  void click(QPointF map, double closeTolerance);
  void doubleClick(QPointF map);
  void move(QPointF map);
  // Enter, Backspace, Escape; false for other keys.
  bool key(int key);
  void paint(QPainter& painter, const gis::MapViewport& viewport) const;

 signals:
  void finished(const gis::Geometry& geometry);  // map CRS; the tool then starts the next one
  void refused(const QString& reason);
  void ended();  // Escape: the planner is done
  void changed();

 private:
  void close();

  Shape mShape;
  std::vector<QPointF> mVertices;
  std::optional<QPointF> mCursor;
};

}  // namespace xiuhua::app
