#pragma once

// Internal: a coarse raster of one polygon that settles most "is this box inside or outside the
// polygon?" questions without an overlay. Every cell that a boundary segment comes near is marked
// as boundary; every other cell meets no boundary, so it lies wholly inside the polygon's interior
// or wholly outside, and a run of such cells along a row shares one answer, found by one
// point-in-polygon test (GEOS). A box all of whose cells are inside lies in the interior (so the
// polygon contains anything within the box); a box all of whose cells are outside misses the
// polygon. Anything else is Unknown and needs the exact GEOS test. Built once, then read-only
// and shareable between threads.
#include "xiuhua/gis/geometry.h"

#include <geos_c.h>

#include <QRectF>

#include <cstdint>
#include <vector>

namespace xiuhua::gis::detail {

class InteriorGrid {
 public:
  enum class Place { Inside, Outside, Unknown };

  InteriorGrid() = default;  // knows nothing: every box is Unknown
  // polygon: a valid polygon; prepared: the same polygon prepared in this thread's GEOS context
  // (for the point tests). cellSize > 0 is the wanted cell size; the grid keeps to at most
  // maxSide cells along each side by growing the cells.
  InteriorGrid(const Geometry& polygon, const GEOSPreparedGeometry* prepared, double cellSize, int maxSide = 256);

  Place locate(const QRectF& box) const;

 private:
  int column(double x) const;
  int row(double y) const;
  void markBoundary(const Geometry& polygon);
  void classify(const GEOSPreparedGeometry* prepared);
  // Cells of the given kind in columns [i0, i1] and rows [j0, j1], from the summed-area table.
  int count(const std::vector<std::int32_t>& sums, int i0, int j0, int i1, int j1) const;

  double mX0 = 0;
  double mY0 = 0;
  double mCell = 1;
  int mNx = 0;
  int mNy = 0;
  std::vector<std::uint8_t> mKind;           // per cell: 0 boundary, 1 inside, 2 outside
  std::vector<std::int32_t> mInsideSums;     // (mNx + 1) × (mNy + 1) summed-area tables
  std::vector<std::int32_t> mOutsideSums;
};

}  // namespace xiuhua::gis::detail
