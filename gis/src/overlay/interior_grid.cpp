#include "overlay/interior_grid.h"

#include "geos_context.h"

#include <algorithm>
#include <cmath>

namespace xiuhua::gis::detail {

namespace {

constexpr std::uint8_t kBoundary = 0;
constexpr std::uint8_t kInside = 1;
constexpr std::uint8_t kOutside = 2;

// floor(v) as a cell index, kept within [-1, limit] so that far-off values cannot overflow.
int cellIndex(double v, int limit) {
  const double f = std::floor(v);
  if (!(f >= 0)) return -1;  // also NaN
  return f >= limit ? limit : static_cast<int>(f);
}

}  // namespace

InteriorGrid::InteriorGrid(const Geometry& polygon, const GEOSPreparedGeometry* prepared, double cellSize, int maxSide) {
  const QRectF box = polygon.boundingBox();
  if (polygon.type() != Geometry::Type::Polygon || prepared == nullptr || !box.isValid() || !(cellSize > 0) || maxSide < 1) {
    return;
  }
  mX0 = box.left();
  mY0 = box.top();
  const double width = box.right() - mX0;
  const double height = box.bottom() - mY0;
  mCell = std::max({cellSize, width / maxSide, height / maxSide});
  // floor(extent / cell) + 1 cells: the polygon's far edge still falls in the last cell.
  mNx = cellIndex(width / mCell, maxSide) + 1;
  mNy = cellIndex(height / mCell, maxSide) + 1;
  mKind.assign(static_cast<std::size_t>(mNx) * static_cast<std::size_t>(mNy), kInside);
  markBoundary(polygon);
  classify(prepared);
  const auto stride = static_cast<std::size_t>(mNx + 1);
  mInsideSums.assign(stride * static_cast<std::size_t>(mNy + 1), 0);
  mOutsideSums.assign(mInsideSums.size(), 0);
  for (int j = 0; j < mNy; ++j) {
    for (int i = 0; i < mNx; ++i) {
      const std::uint8_t kind = mKind[static_cast<std::size_t>(j) * static_cast<std::size_t>(mNx) + static_cast<std::size_t>(i)];
      const std::size_t at = static_cast<std::size_t>(j + 1) * stride + static_cast<std::size_t>(i + 1);
      const std::size_t left = at - 1;
      const std::size_t up = at - stride;
      const std::size_t diagonal = up - 1;
      mInsideSums[at] = mInsideSums[left] + mInsideSums[up] - mInsideSums[diagonal] + (kind == kInside ? 1 : 0);
      mOutsideSums[at] = mOutsideSums[left] + mOutsideSums[up] - mOutsideSums[diagonal] + (kind == kOutside ? 1 : 0);
    }
  }
}

int InteriorGrid::column(double x) const { return cellIndex((x - mX0) / mCell, mNx); }
int InteriorGrid::row(double y) const { return cellIndex((y - mY0) / mCell, mNy); }

// Every cell that a boundary point maps to (by column() and row()) becomes a boundary cell: each
// segment is cut into pieces shorter than half a cell, and the cells under each piece's box, grown
// by a margin far above rounding, are marked.
void InteriorGrid::markBoundary(const Geometry& polygon) {
  const double margin = mCell * 1e-6;
  const double step = mCell * 0.5;
  auto mark = [&](double x0, double y0, double x1, double y1) {
    const int i0 = std::max(0, column(std::min(x0, x1) - margin));
    const int i1 = std::min(mNx - 1, column(std::max(x0, x1) + margin));
    const int j0 = std::max(0, row(std::min(y0, y1) - margin));
    const int j1 = std::min(mNy - 1, row(std::max(y0, y1) + margin));
    for (int j = j0; j <= j1; ++j) {
      for (int i = i0; i <= i1; ++i) mKind[static_cast<std::size_t>(j) * static_cast<std::size_t>(mNx) + static_cast<std::size_t>(i)] = kBoundary;
    }
  };
  for (const Geometry::Part& part : polygon.parts()) {
    for (const Geometry::Ring& ring : part) {
      for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
        const QPointF a = ring[k];
        const QPointF b = ring[k + 1];
        const double length = std::hypot(b.x() - a.x(), b.y() - a.y());
        const int pieces = std::max(1, static_cast<int>(std::ceil(length / step)));
        QPointF from = a;
        for (int p = 1; p <= pieces; ++p) {
          const double t = static_cast<double>(p) / pieces;
          const QPointF to = p == pieces ? b : a + (b - a) * t;
          mark(from.x(), from.y(), to.x(), to.y());
          from = to;
        }
      }
    }
  }
}

// Runs of non-boundary cells along each row: one point test at the first cell's centre.
void InteriorGrid::classify(const GEOSPreparedGeometry* prepared) {
  GEOSContextHandle_t ctx = geosContext();
  for (int j = 0; j < mNy; ++j) {
    std::uint8_t* cells = mKind.data() + static_cast<std::size_t>(j) * static_cast<std::size_t>(mNx);
    for (int i = 0; i < mNx;) {
      if (cells[i] == kBoundary) {
        ++i;
        continue;
      }
      int end = i;
      while (end < mNx && cells[end] != kBoundary) ++end;
      const double cx = mX0 + (i + 0.5) * mCell;
      const double cy = mY0 + (j + 0.5) * mCell;
      std::uint8_t kind = kBoundary;  // unsure: leave the run to the exact test
      if (column(cx) == i && row(cy) == j) {
        const GeosGeomPtr centre(GEOSGeom_createPointFromXY_r(ctx, cx, cy));
        const char inside = centre ? GEOSPreparedIntersects_r(ctx, prepared, centre.get()) : 2;
        if (inside == 1) kind = kInside;
        if (inside == 0) kind = kOutside;
      }
      std::fill(cells + i, cells + end, kind);
      i = end;
    }
  }
}

int InteriorGrid::count(const std::vector<std::int32_t>& sums, int i0, int j0, int i1, int j1) const {
  const auto stride = static_cast<std::size_t>(mNx + 1);
  auto at = [&](int i, int j) { return sums[static_cast<std::size_t>(j) * stride + static_cast<std::size_t>(i)]; };
  return at(i1 + 1, j1 + 1) - at(i0, j1 + 1) - at(i1 + 1, j0) + at(i0, j0);
}

InteriorGrid::Place InteriorGrid::locate(const QRectF& box) const {
  if (mNx == 0 || !box.isValid()) return Place::Unknown;
  const int i0 = column(box.left());
  const int i1 = column(box.right());
  const int j0 = row(box.top());
  const int j1 = row(box.bottom());
  if (i1 < 0 || j1 < 0 || i0 >= mNx || j0 >= mNy) return Place::Outside;  // beyond the polygon's box
  const bool within = i0 >= 0 && j0 >= 0 && i1 < mNx && j1 < mNy;
  const int ci0 = std::max(i0, 0);
  const int cj0 = std::max(j0, 0);
  const int ci1 = std::min(i1, mNx - 1);
  const int cj1 = std::min(j1, mNy - 1);
  const int cells = (ci1 - ci0 + 1) * (cj1 - cj0 + 1);
  if (cells <= 4) {  // a box over a few cells (the usual case): read them, not the tables
    bool inside = within;
    bool outside = true;
    for (int j = cj0; j <= cj1; ++j) {
      for (int i = ci0; i <= ci1; ++i) {
        const std::uint8_t kind = mKind[static_cast<std::size_t>(j) * static_cast<std::size_t>(mNx) + static_cast<std::size_t>(i)];
        inside = inside && kind == kInside;
        outside = outside && kind == kOutside;
      }
    }
    return inside ? Place::Inside : outside ? Place::Outside : Place::Unknown;
  }
  if (within && count(mInsideSums, ci0, cj0, ci1, cj1) == cells) return Place::Inside;
  if (count(mOutsideSums, ci0, cj0, ci1, cj1) == cells) return Place::Outside;
  return Place::Unknown;
}

}  // namespace xiuhua::gis::detail
