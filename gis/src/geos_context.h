#pragma once

// Internal: the calling thread's GEOS context, RAII for GEOS geometries, and conversion between
// gis::Geometry and GEOS. Never in public headers.
#include <geos_c.h>

#include "xiuhua/gis/geometry.h"

#include <memory>
#include <string>

namespace xiuhua::gis::detail {

// The GEOS context of the calling thread, created on first use, destroyed at thread exit.
GEOSContextHandle_t geosContext();
// The last error or notice GEOS reported on this thread.
const std::string& geosLastMessage();

struct GeosGeomDeleter {
  void operator()(GEOSGeometry* g) const;
};
using GeosGeomPtr = std::unique_ptr<GEOSGeometry, GeosGeomDeleter>;

// Builds a GEOS geometry in this thread's context; null for an empty geometry or on failure.
GeosGeomPtr toGeos(const Geometry& geometry);
// Converts back; curves are not produced by GEOS, collections are flattened by dimension.
Geometry fromGeos(const GEOSGeometry* geometry);

}  // namespace xiuhua::gis::detail
