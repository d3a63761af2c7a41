#pragma once

#include <QRectF>

#include <memory>
#include <vector>

namespace xiuhua::gis {

namespace detail {
struct SpatialIndexAccess;  // gis-internal queries by GEOS geometry (no box to build)
}

// A packed R-tree (GEOS STRtree) over item bounding boxes. Built once in the constructor;
// afterwards query() is const and may be called from several threads at once.
class SpatialIndex {
 public:
  // Boxes with non-finite coordinates (features without geometry) are left out.
  explicit SpatialIndex(const std::vector<QRectF>& boxes);
  ~SpatialIndex();
  SpatialIndex(const SpatialIndex&) = delete;
  SpatialIndex& operator=(const SpatialIndex&) = delete;

  // Indices of the items whose box intersects the rectangle, in ascending order.
  std::vector<int> query(const QRectF& rect) const;
  std::size_t size() const { return mSize; }

 private:
  friend struct detail::SpatialIndexAccess;
  struct Impl;
  std::unique_ptr<Impl> mImpl;
  std::size_t mSize = 0;
};

}  // namespace xiuhua::gis
