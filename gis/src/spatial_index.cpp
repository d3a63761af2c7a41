#include "xiuhua/gis/spatial_index.h"

#include "geos_context.h"
#include "spatial_index_access.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace xiuhua::gis {

using detail::geosContext;
using detail::GeosGeomPtr;

namespace {

// A geometry whose envelope is the rectangle: its diagonal (a point when the box is one). The
// tree keeps only envelopes, and a two-point line is the cheapest geometry to build.
GeosGeomPtr makeBox(const QRectF& r) {
  GEOSContextHandle_t ctx = geosContext();
  const double x0 = r.left();
  const double y0 = r.top();
  const double x1 = std::max(r.right(), x0);
  const double y1 = std::max(r.bottom(), y0);
  if (x0 == x1 && y0 == y1) return GeosGeomPtr(GEOSGeom_createPointFromXY_r(ctx, x0, y0));
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, 2, 2);
  GEOSCoordSeq_setXY_r(ctx, seq, 0, x0, y0);
  GEOSCoordSeq_setXY_r(ctx, seq, 1, x1, y1);
  return GeosGeomPtr(GEOSGeom_createLineString_r(ctx, seq));
}

void collectItem(void* item, void* userdata) {
  auto* out = static_cast<std::vector<int>*>(userdata);
  out->push_back(static_cast<int>(reinterpret_cast<std::intptr_t>(item)) - 1);
}

}  // namespace

struct SpatialIndex::Impl {
  GEOSSTRtree* tree = nullptr;
  ~Impl() {
    if (tree != nullptr) GEOSSTRtree_destroy_r(geosContext(), tree);
  }
};

SpatialIndex::SpatialIndex(const std::vector<QRectF>& boxes)
    : mImpl(std::make_unique<Impl>()), mSize(boxes.size()) {
  mImpl->tree = GEOSSTRtree_create_r(geosContext(), 10);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    if (!std::isfinite(boxes[i].left()) || !std::isfinite(boxes[i].top())) continue;  // no geometry
    const GeosGeomPtr box = makeBox(boxes[i]);
    if (!box) continue;
    // Items are stored as index + 1 so that no item is a null pointer.
    GEOSSTRtree_insert_r(geosContext(), mImpl->tree, box.get(),
                         reinterpret_cast<void*>(static_cast<std::intptr_t>(i) + 1));
  }
  // GEOS builds the tree lazily on the first query; do it now so that later concurrent queries
  // only read.
  std::vector<int> ignored;
  const GeosGeomPtr probe = makeBox(QRectF(0, 0, 0, 0));
  if (probe) GEOSSTRtree_query_r(geosContext(), mImpl->tree, probe.get(), collectItem, &ignored);
}

SpatialIndex::~SpatialIndex() = default;

namespace detail {

void SpatialIndexAccess::query(const SpatialIndex& index, const GEOSGeometry* geometry, std::vector<int>& out) {
  out.clear();
  if (geometry == nullptr) return;
  GEOSSTRtree_query_r(geosContext(), index.mImpl->tree, geometry, collectItem, &out);
  std::sort(out.begin(), out.end());
}

}  // namespace detail

std::vector<int> SpatialIndex::query(const QRectF& rect) const {
  std::vector<int> result;
  const GeosGeomPtr box = makeBox(rect.normalized());
  if (!box) return result;
  GEOSSTRtree_query_r(geosContext(), mImpl->tree, box.get(), collectItem, &result);
  std::sort(result.begin(), result.end());
  return result;
}

}  // namespace xiuhua::gis
