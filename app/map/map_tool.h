#pragma once

#include "xiuhua/gis/map_viewport.h"

#include <QCursor>
#include <QObject>
#include <QPointF>
#include <QString>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

class QPainter;

namespace xiuhua::app {

// Where the cursor snapped: to a vertex or onto a segment of a snapping layer (map CRS).
struct SnapCue {
  enum class Kind { Vertex, Segment };
  Kind kind = Kind::Vertex;
  QPointF point;
};

// A mouse event on the map, in map coordinates. `map` is where the tool should act: the snapped
// point when snapping found one, else the cursor; `cursor` is the cursor itself.
struct MapToolEvent {
  QPointF map;
  QPointF cursor;
  double unitsPerPixel = 1;  // map units per screen pixel (for tolerances given in pixels)
  Qt::KeyboardModifiers modifiers;
  std::optional<SnapCue> snap;
};

// A tool that works on the map: drawing, moving vertices, moving features … The canvas feeds it the
// events (GUI thread) and lets it paint over the map. A press the tool does not take starts a
// pan; a press it takes (press() returns true) is its drag until release. A short press without a
// drag is a click.
class MapTool : public QObject {
  Q_OBJECT

 public:
  using QObject::QObject;

  virtual bool press(const MapToolEvent& /*event*/) { return false; }
  virtual void drag(const MapToolEvent& /*event*/) {}
  virtual void release(const MapToolEvent& /*event*/) {}
  virtual void click(const MapToolEvent& /*event*/) {}
  virtual void doubleClick(const MapToolEvent& /*event*/) {}
  virtual void hover(const MapToolEvent& /*event*/) {}
  // Keys (Enter, Backspace, Delete, Escape …); false for keys the tool does not use.
  virtual bool key(int /*key*/, Qt::KeyboardModifiers /*modifiers*/) { return false; }
  virtual void paint(QPainter& /*painter*/, const gis::MapViewport& /*viewport*/) const {}
  virtual QCursor cursor() const { return Qt::CrossCursor; }
  // Whether the tool uses snapping (the canvas snaps and shows the cue only for those).
  virtual bool snaps() const { return false; }
  // Features not to snap to (the ones being dragged): layer id and fids.
  virtual std::optional<std::pair<QString, std::vector<qint64>>> snapExclusion() const { return std::nullopt; }

 signals:
  void changed();  // repaint
  void problem(const QString& message);  // an edit refused, and why
};

// Snapping as the canvas asks for it: the cursor (map CRS), map units per pixel and the tool in,
// where to snap out (nullopt: nowhere near).
using SnapFunction = std::function<std::optional<SnapCue>(QPointF cursor, double unitsPerPixel, const MapTool& tool)>;

}  // namespace xiuhua::app
