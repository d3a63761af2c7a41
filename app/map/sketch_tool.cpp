#include "map/sketch_tool.h"

#include "xiuhua/gis/geometry_validity.h"

#include <QLineF>
#include <QPainter>
#include <QPainterPath>

namespace xiuhua::app {

SketchTool::SketchTool(Shape shape, QObject* parent) : QObject(parent), mShape(shape) {}

void SketchTool::click(QPointF map, double closeTolerance) {
  if (mShape == Shape::Point) {
    emit finished(gis::Geometry::point(map));
    return;
  }
  if (mShape == Shape::Polygon && mVertices.size() >= 3 && QLineF(map, mVertices.front()).length() <= closeTolerance) {
    close();
    return;
  }
  mVertices.push_back(map);
  emit changed();
}

void SketchTool::doubleClick(QPointF map) {
  // A polygon closed by the double click's first click (on the first corner) is done.
  if (mShape == Shape::Point || mVertices.empty()) return;
  // The first click of the double click has added the vertex already.
  if (mVertices.empty() || mVertices.back() != map) mVertices.push_back(map);
  close();
}

void SketchTool::move(QPointF map) {
  mCursor = map;
  if (!mVertices.empty()) emit changed();
}

bool SketchTool::key(int key) {
  switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter: close(); return true;
    case Qt::Key_Backspace:
      if (!mVertices.empty()) mVertices.pop_back();
      emit changed();
      return true;
    case Qt::Key_Escape:
      mVertices.clear();
      emit changed();
      emit ended();
      return true;
    default: return false;
  }
}

void SketchTool::close() {
  if (mShape == Shape::Point) return;
  if (mShape == Shape::Line) {
    if (mVertices.size() < 2) {
      emit refused(tr("A line needs at least two points."));
      return;
    }
    const gis::Geometry line(gis::Geometry::Type::Line, {gis::Geometry::Part{mVertices}});
    mVertices.clear();
    emit changed();
    emit finished(line);
    return;
  }
  if (mVertices.size() < 3) {
    emit refused(tr("A polygon needs at least three corners."));
    return;
  }
  gis::Geometry::Ring ring = mVertices;
  ring.push_back(mVertices.front());
  const gis::Geometry polygon(gis::Geometry::Type::Polygon, {gis::Geometry::Part{ring}});
  if (const auto problem = gis::findValidityProblem(polygon)) {
    emit refused(tr("The polygon is not valid (%1 at %2, %3): move or take back a corner.")
                     .arg(problem->reason)
                     .arg(problem->location.x(), 0, 'f', 1)
                     .arg(problem->location.y(), 0, 'f', 1));
    return;
  }
  mVertices.clear();
  emit changed();
  emit finished(polygon);
}

void SketchTool::paint(QPainter& painter, const gis::MapViewport& viewport) const {
  if (mVertices.empty()) return;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  QPolygonF pixels;
  for (const QPointF& p : mVertices) pixels << viewport.toPixel(p);
  if (mCursor) pixels << viewport.toPixel(*mCursor);
  painter.setPen(QPen(QColor(230, 85, 13), 2));
  if (mShape == Shape::Line) {
    painter.drawPolyline(pixels);
  } else {
    painter.setBrush(QColor(230, 85, 13, 60));
    painter.drawPolygon(pixels);
  }
  painter.setBrush(Qt::white);
  for (const QPointF& p : mVertices) painter.drawEllipse(viewport.toPixel(p), 4, 4);
  painter.restore();
}

}  // namespace xiuhua::app
