#pragma once

// Internal: one worker thread's GEOS copies of a shared vector<Geometry>, converted (and prepared)
// on first use. GEOS objects never cross threads: each worker holds its own LocalGeometries and
// destroys them before it ends.
#include "geos_context.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/precise_sum.h"

#include <geos_c.h>

#include <QRectF>

#include <cmath>
#include <memory>
#include <vector>

namespace xiuhua::gis::detail {

struct PreparedDeleter {
  void operator()(const GEOSPreparedGeometry* p) const { GEOSPreparedGeom_destroy_r(geosContext(), p); }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

class LocalGeometries {
 public:
  explicit LocalGeometries(const std::vector<Geometry>& source)
      : mSource(&source), mGeoms(source.size()), mPrepared(source.size()) {}

  // Null for an empty geometry.
  const GEOSGeometry* get(std::size_t i) {
    if (!mGeoms[i] && !mSource->at(i).isEmpty()) mGeoms[i] = toGeos((*mSource)[i]);
    return mGeoms[i].get();
  }
  const GEOSPreparedGeometry* prepared(std::size_t i) {
    if (!mPrepared[i]) {
      const GEOSGeometry* g = get(i);
      if (g == nullptr) return nullptr;
      mPrepared[i].reset(GEOSPrepare_r(geosContext(), g));
    }
    return mPrepared[i].get();
  }
  // Frees the copy (and its prepared form); a later get() converts again.
  void release(std::size_t i) {
    mPrepared[i].reset();
    mGeoms[i].reset();
  }
  std::size_t size() const { return mGeoms.size(); }

 private:
  const std::vector<Geometry>* mSource;
  std::vector<GeosGeomPtr> mGeoms;
  std::vector<PreparedPtr> mPrepared;  // destroyed before mGeoms (declared after)
};

// Area of a GEOS geometry (0 for null).
inline double areaOf(const GEOSGeometry* g) {
  double a = 0;
  if (g != nullptr) GEOSArea_r(geosContext(), g, &a);
  return a;
}

inline double lengthOf(const GEOSGeometry* g) {
  double l = 0;
  if (g != nullptr) GEOSLength_r(geosContext(), g, &l);
  return l;
}

// The envelope of a GEOS geometry as (minx, miny, maxx, maxy) in a QRectF-compatible form.
inline bool envelopeOf(const GEOSGeometry* g, double& x0, double& y0, double& x1, double& y1) {
  return g != nullptr && GEOSGeom_getXMin_r(geosContext(), g, &x0) == 1 && GEOSGeom_getYMin_r(geosContext(), g, &y0) == 1 &&
         GEOSGeom_getXMax_r(geosContext(), g, &x1) == 1 && GEOSGeom_getYMax_r(geosContext(), g, &y1) == 1;
}

// The GEOS union of the geometries (null when there is none, or GEOS fails).
GeosGeomPtr unaryUnion(const std::vector<Geometry>& geometries);

// Boxes of the geometries, for SpatialIndex.
std::vector<QRectF> boxesOf(const std::vector<Geometry>& geometries);

}  // namespace xiuhua::gis::detail
