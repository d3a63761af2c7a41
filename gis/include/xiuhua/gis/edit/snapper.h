#pragma once

#include <QPointF>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "xiuhua/gis/edit/geometry_edits.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/spatial_index.h"

namespace xiuhua::gis {

// Where the cursor snaps: a vertex, or the closest point on a segment.
struct SnapResult {
  enum class Kind { Vertex, Segment };
  Kind kind = Kind::Vertex;
  QPointF point;            // in the snapping CRS
  double distance = 0;      // from the query point, CRS units
  int source = -1;          // as returned by Snapper::addSource
  std::size_t feature = 0;  // index into that source's geometries
  VertexRef ref;            // the vertex, or the segment's first vertex (see SegmentHit)
};

// Snaps the cursor to vertices and segments of chosen layers. All geometries and query points are
// in one CRS, the map's (the caller reprojects). Built once per set of layers (each source gets an
// R-tree over its features' boxes), then queried on every mouse move: a query looks only at the
// features whose box lies within the tolerance, then measures them exactly.
//
// Threads: addSource() must not run beside anything else; snap() is const and may be called from
// several threads at once.
class Snapper {
 public:
  // Adds a source (e.g. a layer) whose geometries are in the snapping CRS; returns its index
  // (0, 1, ...). vertices/segments choose what of it can be snapped to (points have only vertices).
  int addSource(std::vector<Geometry> geometries, bool vertices = true, bool segments = true);
  int sourceCount() const { return static_cast<int>(mSources.size()); }

  // The nearest snap target within tolerance (CRS units, distance <= tolerance): a vertex within
  // tolerance wins over a nearer segment point (as QGIS does); among vertices, or among segment
  // points, the nearest wins (on a tie the lowest source, then feature). nullopt when nothing is
  // near. skip(source, feature) leaves features out (e.g. the one whose vertex is being dragged).
  std::optional<SnapResult> snap(QPointF p, double tolerance,
                                 const std::function<bool(int, std::size_t)>& skip = {}) const;

 private:
  struct Source {
    std::vector<Geometry> geometries;
    bool vertices = true;
    bool segments = true;
    std::unique_ptr<SpatialIndex> index;  // over the geometries' boxes; empty ones left out
  };
  // Measures one feature exactly, keeping the nearest vertex and segment hits so far.
  static void measure(const Source& source, int sourceIndex, std::size_t feature, QPointF p,
                      double tolerance, std::optional<SnapResult>& vertex,
                      std::optional<SnapResult>& segment);

  std::vector<Source> mSources;
};

}  // namespace xiuhua::gis
