#pragma once

#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/result.h"

#include <QPointF>
#include <QString>

#include <atomic>
#include <cstddef>
#include <vector>

namespace xiuhua::gis {

// Geometry checks run before saving edits, and their repair. Widget-free: the GUI lists the
// issues, shows each at its location on the map, and lets the user repair or keep on purpose.
// All coordinates, distances and tolerances are in the geometry's CRS units. Any thread (GEOS
// work uses the calling thread's context).

struct GeometryIssue {
  enum class Kind { Invalid, TooFewPoints, RingOrientation, DuplicateVertex, Sliver };
  Kind kind = Kind::Invalid;
  QString reason;    // user-facing (translated), e.g. "Self-intersection at (5, 5)", "Line with 1 point"
  QPointF location;  // in the geometry's CRS: where to show it on the map
  int part = -1;     // the part/ring concerned, -1 when not one
  int ring = -1;
  int vertex = -1;   // DuplicateVertex: index in the ring of the vertex repair removes; else -1
};

struct GeometryCheckOptions {
  // CRS units: a vertex closer than this to the previous kept vertex (or equal to it, at 0) is a
  // duplicate. Ends of lines and the first vertex of rings are kept; their neighbour goes instead.
  double duplicateTolerance = 0.0;
  // CRS units: a polygon part whose mean width 2·area/perimeter is below this is a sliver; 0: off.
  double sliverWidth = 0.0;
  // Ring orientation to require of exteriors, when the format has one (RFC 7946 GeoJSON:
  // counter-clockwise exteriors). Independent of it, a hole oriented like its exterior is always
  // reported.
  enum class Orientation { Any, CounterClockwiseExterior, ClockwiseExterior };
  Orientation orientation = Orientation::Any;
};

// All the issues of one geometry, in a stable order: too few points first (GEOS cannot judge
// those), then duplicate vertices, ring orientation, slivers, then GEOS validity — per part, and
// for the whole geometry only when every part is valid (e.g. overlapping parts). Rings with too
// few points are left out of the later checks; slivers are judged on GEOS-valid parts only (a
// bow-tie's signed area is 0 but it is not thin). Empty for a good or empty geometry.
std::vector<GeometryIssue> checkGeometry(const Geometry& geometry, const GeometryCheckOptions& options);

struct FeatureIssue {
  std::size_t index;  // into the checked vector
  GeometryIssue issue;
};

// The issues of a layer's features, in feature order. Polls cancel between features and returns
// what it found so far when cancelled.
std::vector<FeatureIssue> checkGeometries(const std::vector<Geometry>& geometries,
                                          const GeometryCheckOptions& options,
                                          const std::atomic<bool>* cancel = nullptr);

// A repaired geometry of the same type: duplicate vertices removed (those checkGeometry reports),
// degenerate rings/lines/parts dropped, slivers dropped (when sliverWidth > 0), then, if still
// invalid, GEOS MakeValid of each invalid part keeping only the parts of the original dimension
// (makeValid; slivers it leaves dropped) and the union of parts that overlap or share edges (so an
// overlap is kept, not cut out), and finally rings oriented by the options (holes opposite to
// their exterior; with Orientation::Any exteriors keep theirs). Error (GeometryInvalid, with a message) when nothing of
// that dimension remains, e.g. a polygon that is a sliver or a line whose points are all equal.
// Repairing a geometry with no issues returns it unchanged (identical coordinates), and so are
// the vertices that no step concerns.
Result<Geometry> repairGeometry(const Geometry& geometry, const GeometryCheckOptions& options);

}  // namespace xiuhua::gis
