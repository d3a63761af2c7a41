#include "map/sketch_tool.h"

#include "xiuhua/gis/geometry_validity.h"

#include <QLineF>
#include <QPainter>
#include <QPainterPath>

namespace xiuhua::app {

namespace {

QString describe(const gis::ValidityProblem& problem) {
  return SketchTool::tr("%1 at %2, %3").arg(problem.reason).arg(problem.location.x(), 0, 'f', 1).arg(problem.location.y(), 0, 'f', 1);
}

}  // namespace

SketchTool::SketchTool(Shape shape, QObject* parent) : MapTool(parent), mShape(shape) {}

void SketchTool::click(const MapToolEvent& event) { add(event.map, 6 * event.unitsPerPixel); }

void SketchTool::addVertex(QPointF map) { add(map, 0); }

void SketchTool::add(QPointF map, double closeTolerance) {
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

void SketchTool::doubleClick(const MapToolEvent& event) {
  if (mShape == Shape::Point || mVertices.empty()) return;
  // The first click of the double click has added the vertex already.
  if (mVertices.back() != event.map) mVertices.push_back(event.map);
  if (mMultiPart && (event.modifiers & Qt::ShiftModifier)) {
    nextPart();
  } else {
    close();
  }
}

void SketchTool::hover(const MapToolEvent& event) {
  mCursor = event.map;
  if (!mVertices.empty()) emit changed();
}

bool SketchTool::key(int key, Qt::KeyboardModifiers modifiers) {
  switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
      if (mMultiPart && (modifiers & Qt::ShiftModifier)) {
        nextPart();
      } else {
        close();
      }
      return true;
    case Qt::Key_Backspace:
      if (!mVertices.empty()) mVertices.pop_back();
      emit changed();
      return true;
    case Qt::Key_Escape:
      mVertices.clear();
      mParts.clear();
      emit changed();
      emit ended();
      return true;
    default: return false;
  }
}

std::optional<gis::Geometry::Ring> SketchTool::currentPart() {
  if (mShape == Shape::Line) {
    if (mVertices.size() < 2) {
      emit refused(tr("A line needs at least two points."));
      return std::nullopt;
    }
    return mVertices;
  }
  if (mVertices.size() < 3) {
    emit refused(tr("A polygon needs at least three corners."));
    return std::nullopt;
  }
  gis::Geometry::Ring ring = mVertices;
  ring.push_back(mVertices.front());
  return ring;
}

bool SketchTool::nextPart() {
  if (mShape == Shape::Point) return false;
  std::optional<gis::Geometry::Ring> ring = currentPart();
  if (!ring) return false;
  if (mShape == Shape::Line) {
    mParts.push_back(gis::Geometry::Part{*ring});
  } else {
    // A ring inside an earlier part is its hole, else a part of its own — whichever GEOS finds
    // valid; neither (it crosses an earlier part) is refused.
    std::optional<gis::ValidityProblem> lastProblem;
    bool placed = false;
    for (gis::Geometry::Part& part : mParts) {
      gis::Geometry::Part withHole = part;
      withHole.push_back(*ring);
      if (!gis::findValidityProblem(gis::Geometry(gis::Geometry::Type::Polygon, {withHole}))) {
        part = std::move(withHole);
        placed = true;
        break;
      }
    }
    if (!placed) {
      std::vector<gis::Geometry::Part> parts = mParts;
      parts.push_back(gis::Geometry::Part{*ring});
      lastProblem = gis::findValidityProblem(gis::Geometry(gis::Geometry::Type::Polygon, parts));
      if (lastProblem) {
        emit refused(tr("The polygon is not valid (%1): move or take back a corner.").arg(describe(*lastProblem)));
        return false;
      }
      mParts = std::move(parts);
    }
  }
  mVertices.clear();
  emit changed();
  return true;
}

gis::Geometry SketchTool::assembled() const {
  return gis::Geometry(mShape == Shape::Line ? gis::Geometry::Type::Line : gis::Geometry::Type::Polygon, mParts);
}

void SketchTool::close() {
  if (mShape == Shape::Point) return;
  if (mVertices.empty() && !mParts.empty()) {  // the last part was ended with Shift: done
    const gis::Geometry geometry = assembled();
    mParts.clear();
    emit changed();
    emit finished(geometry);
    return;
  }
  if (!nextPart()) return;  // refused, and said why
  const gis::Geometry geometry = assembled();
  if (mShape == Shape::Polygon) {
    if (const auto problem = gis::findValidityProblem(geometry)) {
      emit refused(tr("The polygon is not valid (%1): move or take back a corner.").arg(describe(*problem)));
      return;
    }
  }
  mParts.clear();
  emit changed();
  emit finished(geometry);
}

void SketchTool::paint(QPainter& painter, const gis::MapViewport& viewport) const {
  if (mVertices.empty() && mParts.empty()) return;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  const QColor colour(230, 85, 13);
  painter.setPen(QPen(colour, 2));
  // Finished parts of this feature.
  for (const gis::Geometry::Part& part : mParts) {
    QPainterPath path;
    for (const gis::Geometry::Ring& ring : part) {
      QPolygonF pixels;
      for (const QPointF& p : ring) pixels << viewport.toPixel(p);
      if (mShape == Shape::Line) {
        path.addPolygon(pixels);
      } else {
        path.addPolygon(pixels);
        path.closeSubpath();
      }
    }
    painter.setBrush(mShape == Shape::Line ? QBrush(Qt::NoBrush) : QBrush(QColor(230, 85, 13, 60)));
    painter.drawPath(path);
  }
  QPolygonF pixels;
  for (const QPointF& p : mVertices) pixels << viewport.toPixel(p);
  if (mCursor && !mVertices.empty()) pixels << viewport.toPixel(*mCursor);
  if (mShape == Shape::Line) {
    painter.setBrush(Qt::NoBrush);
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
