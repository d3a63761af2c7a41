#pragma once

#include <QPointF>
#include <optional>
#include <vector>

#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/result.h"

namespace xiuhua::gis {

// Widget-free geometry edits for the map's editing tools. Every function takes the geometry by
// const reference and returns a new one; coordinates are in the geometry's CRS, and so are
// distances and tolerances (the caller converts pixels to map units). Vertices that an edit does
// not touch are kept bit for bit. Any thread (GEOS work uses the calling thread's context).
//
// A polygon ring may be stored closed (last == first, as GDAL reads it) or open. In a closed ring
// the last vertex is the first one again: hit tests report it as vertex 0, and moving or deleting
// vertex 0 (or the last) keeps the ring closed. Line parts are never treated as rings, even when
// their ends coincide.

// A vertex of a geometry: part index, ring index within the part (always 0 for points and lines),
// vertex index within the ring.
struct VertexRef {
  int part = -1;
  int ring = -1;
  int vertex = -1;
  bool isValid() const { return part >= 0 && ring >= 0 && vertex >= 0; }
  bool operator==(const VertexRef&) const = default;
};

struct VertexHit {
  VertexRef ref;
  QPointF point;        // the vertex
  double distance = 0;  // from the query point
};

// The segment from ref.vertex to ref.vertex + 1 (for an open polygon ring, the last vertex's
// segment closes the ring back to vertex 0); point is the closest point on it to the query point.
struct SegmentHit {
  VertexRef ref;
  QPointF point;
  double distance = 0;
};

// The vertex nearest p among those within tolerance (distance <= tolerance); the first in storage
// order on a tie. nullopt when none is that near or the geometry is empty.
std::optional<VertexHit> nearestVertex(const Geometry& g, QPointF p, double tolerance);
// The segment nearest p among lines' and rings' segments within tolerance; nullopt for points.
std::optional<SegmentHit> nearestSegment(const Geometry& g, QPointF p, double tolerance);

// Moves one vertex; in a closed polygon ring the first and last vertices move together.
// Refused (InvalidArgument) for a reference that does not name a vertex of g.
Result<Geometry> moveVertex(const Geometry& g, VertexRef v, QPointF to);
// Inserts `at` after segment.vertex (i.e. into the segment segment.vertex → +1). Refused for points
// and for a reference that does not name a segment.
Result<Geometry> insertVertex(const Geometry& g, VertexRef segment, QPointF at);
// Removes a vertex. Refused with a message when a line would keep fewer than 2 points, a ring
// fewer than 3 distinct points, for a point geometry, or for a reference that names no vertex.
Result<Geometry> deleteVertex(const Geometry& g, VertexRef v);

Geometry translated(const Geometry& g, QPointF delta);
// Rotation about centre; multiples of 90° are exact (no 1e-17 residue from cos(90°)).
Geometry rotated(const Geometry& g, QPointF centre, double degreesCounterClockwise);
// The GEOS centroid (of the area for polygons, the length for lines, the points for points);
// nullopt for an empty geometry.
std::optional<QPointF> centreOf(const Geometry& g);

// Splits the line part nearest `at` (within tolerance) at the closest point on it: result[0] = the
// geometry with that part cut to the piece from its start to the split point (other parts of a
// multi-line stay in result[0]), result[1] = a one-part line from the split point to the part's
// end. Both pieces keep the original vertices exactly; the split point is computed on the segment
// (a vertex when `at` projects onto one). Refused with a clear message when `at` is farther than
// tolerance from the line, when the split point is within tolerance of the part's start or end
// (nothing to split), or when g is not a line.
Result<std::vector<Geometry>> splitLineAt(const Geometry& line, QPointF at, double tolerance);

// Merges features into one geometry of `type` with GEOS: polygons unioned (touching or overlapping
// parts dissolve), lines unioned and line-merged (GEOSLineMerge) so that lines meeting end to end
// become one part, points collected (all parts, in input order). Refused when the inputs are not
// all of `type`, when there are fewer than 2, or when GEOS fails (message says why).
Result<Geometry> mergeGeometries(const std::vector<Geometry>& geometries, Geometry::Type type);

}  // namespace xiuhua::gis
