#include "xiuhua/gis/projected_layer.h"

#include "geos_context.h"
#include "xiuhua/gis/bounds.h"
#include "xiuhua/gis/coordinate_transform.h"

#include <QCoreApplication>
#include <QLineF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace xiuhua::gis {
Result<std::shared_ptr<const ProjectedLayer>> ProjectedLayer::build(
    std::shared_ptr<const VectorData> source, const Crs& layerCrs, const Crs& mapCrs,
    const std::atomic<bool>* cancel) {
  std::shared_ptr<ProjectedLayer> layer(new ProjectedLayer());
  layer->mMapCrs = mapCrs;
  layer->mGeometries = &source->geometries;
  if (layerCrs.isValid() && mapCrs.isValid() && !(layerCrs == mapCrs)) {
    layer->mProjected = source->geometries;
    layer->mGeometries = &layer->mProjected;
    auto transform = CoordinateTransform::create(layerCrs, mapCrs);
    if (!transform.ok()) {
      return Error{transform.error().code,
                   QStringLiteral("%1: %2").arg(source->path, transform.error().message)};
    }
    std::size_t n = 0;
    for (Geometry& g : layer->mProjected) {
      if (cancel != nullptr && (++n % 1024) == 0 && cancel->load()) {
        return Error{ErrorCode::Cancelled, QCoreApplication::translate("ProjectedLayer", "Cancelled.")};
      }
      for (Geometry::Part& part : g.parts()) {
        for (Geometry::Ring& ring : part) {
          if ((*transform)->transform(ring)) continue;
          const auto failed = std::remove_if(ring.begin(), ring.end(), [](const QPointF& p) {
            return !std::isfinite(p.x()) || !std::isfinite(p.y());
          });
          layer->mFailedVertices += static_cast<int>(ring.end() - failed);
          ring.erase(failed, ring.end());
        }
      }
    }
  }
  layer->mBoxes.reserve(layer->mGeometries->size());
  Bounds extent;
  for (const Geometry& g : *layer->mGeometries) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QRectF box = g.isEmpty() ? QRectF(nan, nan, 0, 0) : g.boundingBox();
    layer->mBoxes.push_back(box);
    if (!g.isEmpty()) extent.add(box);
  }
  layer->mExtent = extent.rect();
  layer->mIndex = std::make_unique<SpatialIndex>(layer->mBoxes);
  layer->mSource = std::move(source);
  return std::shared_ptr<const ProjectedLayer>(std::move(layer));
}

std::vector<int> ProjectedLayer::featuresAt(QPointF point, double tolerance) const {
  const QRectF probe(point.x() - tolerance, point.y() - tolerance, 2 * tolerance, 2 * tolerance);
  std::vector<int> result;
  for (int i : mIndex->query(probe)) {
    if (hitTest((*mGeometries)[static_cast<std::size_t>(i)], point, tolerance)) result.push_back(i);
  }
  return result;
}

const std::vector<QPointF>& ProjectedLayer::labelAnchors() const {
  std::call_once(mAnchorsOnce, [this] {
    mAnchors.reserve(mGeometries->size());
    GEOSContextHandle_t ctx = detail::geosContext();
    for (const Geometry& g : *mGeometries) {
      QPointF anchor;
      if (g.type() == Geometry::Type::Polygon) {
        const detail::GeosGeomPtr geos = detail::toGeos(g);
        const detail::GeosGeomPtr surface(geos ? GEOSPointOnSurface_r(ctx, geos.get()) : nullptr);
        double x = 0;
        double y = 0;
        if (surface && GEOSGeomGetX_r(ctx, surface.get(), &x) == 1 &&
            GEOSGeomGetY_r(ctx, surface.get(), &y) == 1) {
          anchor = QPointF(x, y);
        } else {
          anchor = g.boundingBox().center();
        }
      } else if (g.type() == Geometry::Type::Line && !g.parts().empty()) {
        const Geometry::Ring& line = g.parts().front().front();
        anchor = line.empty() ? QPointF() : line[line.size() / 2];
      } else if (!g.isEmpty()) {
        anchor = g.parts().front().front().front();
      }
      mAnchors.push_back(anchor);
    }
  });
  return mAnchors;
}

}  // namespace xiuhua::gis
