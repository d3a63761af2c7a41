#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/result.h"
#include "xiuhua/gis/spatial_index.h"
#include "xiuhua/gis/vector_data.h"

#include <QPointF>
#include <QRectF>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace xiuhua::gis {

// A vector layer's geometries in the map CRS, with a spatial index: what the renderer and the
// identify tool read. Immutable after build (label anchors are computed once, on first use,
// under a once-flag), so render workers share it as std::shared_ptr<const ProjectedLayer>.
class ProjectedLayer {
 public:
  // Transforms every geometry from layerCrs to mapCrs. An invalid layerCrs (a layer whose CRS is
  // unknown and not yet declared) is drawn untransformed. Cancellable between features.
  static Result<std::shared_ptr<const ProjectedLayer>> build(
      std::shared_ptr<const VectorData> source, const Crs& layerCrs, const Crs& mapCrs,
      const std::atomic<bool>* cancel = nullptr);

  const VectorData& source() const { return *mSource; }
  const std::shared_ptr<const VectorData>& sourcePtr() const { return mSource; }
  const std::vector<Geometry>& geometries() const { return *mGeometries; }
  // One box per feature; NaN coordinates for a feature without geometry.
  const std::vector<QRectF>& boxes() const { return mBoxes; }
  // Vertices PROJ could not transform (they are left out of the drawing); 0 when all went well.
  int failedVertexCount() const { return mFailedVertices; }
  const SpatialIndex& index() const { return *mIndex; }
  const QRectF& extent() const { return mExtent; }
  const Crs& mapCrs() const { return mMapCrs; }

  // Indices of features whose box meets the rectangle (map CRS).
  std::vector<int> candidates(const QRectF& rect) const { return mIndex->query(rect); }
  // Features that contain the point (polygons) or lie within tolerance of it (points, lines).
  std::vector<int> featuresAt(QPointF point, double tolerance) const;
  // A point inside each polygon (GEOS point on surface), line midpoint or the point itself.
  const std::vector<QPointF>& labelAnchors() const;

 private:
  ProjectedLayer() = default;
  std::shared_ptr<const VectorData> mSource;
  // The source's own geometries when no transformation is needed (no copy), else mProjected.
  const std::vector<Geometry>* mGeometries = nullptr;
  std::vector<Geometry> mProjected;
  std::vector<QRectF> mBoxes;
  std::unique_ptr<SpatialIndex> mIndex;
  QRectF mExtent;
  Crs mMapCrs;
  int mFailedVertices = 0;
  mutable std::once_flag mAnchorsOnce;
  mutable std::vector<QPointF> mAnchors;
};

}  // namespace xiuhua::gis
