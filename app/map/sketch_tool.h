#pragma once

#include "map/map_tool.h"
#include "xiuhua/gis/geometry.h"

#include <QPointF>

#include <optional>
#include <vector>

class QPainter;

namespace xiuhua::app {

// Drawing a point, a line or a polygon on the map (map CRS), e.g. a proposed park: a click places a
// point or adds a vertex; a double click or Enter ends a line, and closes a polygon (so does a click
// on its first vertex);
// Backspace takes the last vertex back; Escape ends the sketch. A polygon that is not valid (its
// edges cross) is refused, with GEOS's reason and where, and stays open for correction. With
// multi-part drawing on, Shift+Enter (or Shift+double-click) ends a part and starts the next one
// of the same feature; a polygon part drawn inside the one before becomes its hole. Vertices can
// also be typed (addVertex). Clicks snap where snapping is on.
class SketchTool : public MapTool {
  Q_OBJECT

 public:
  enum class Shape { Point, Line, Polygon };
  explicit SketchTool(Shape shape, QObject* parent = nullptr);

  Shape shape() const { return mShape; }
  const std::vector<QPointF>& vertices() const { return mVertices; }
  // The parts finished so far of a multi-part feature being drawn (map CRS).
  const std::vector<gis::Geometry::Part>& parts() const { return mParts; }
  void setMultiPart(bool multiPart) { mMultiPart = multiPart; }

  // A vertex at typed coordinates (map CRS), as if clicked there.
  void addVertex(QPointF map);
  // Ends the current part and starts another of the same feature (lines and polygons); false
  // when the part is refused (refused() says why).
  bool nextPart();

  void click(const MapToolEvent& event) override;
  void doubleClick(const MapToolEvent& event) override;
  void hover(const MapToolEvent& event) override;
  // Enter (Shift+Enter: next part), Backspace, Escape; false for other keys.
  bool key(int key, Qt::KeyboardModifiers modifiers) override;
  void paint(QPainter& painter, const gis::MapViewport& viewport) const override;
  bool snaps() const override { return true; }

 signals:
  void finished(const gis::Geometry& geometry);  // map CRS; the tool then starts the next one
  void refused(const QString& reason);
  void ended();  // Escape: the planner is done

 private:
  void close();
  void add(QPointF map, double closeTolerance);
  // The part being drawn as a finished ring/line, or a refusal; nullopt when it is refused.
  std::optional<gis::Geometry::Ring> currentPart();
  gis::Geometry assembled() const;

  Shape mShape;
  bool mMultiPart = true;
  std::vector<gis::Geometry::Part> mParts;
  std::vector<QPointF> mVertices;
  std::optional<QPointF> mCursor;
};

}  // namespace xiuhua::app
