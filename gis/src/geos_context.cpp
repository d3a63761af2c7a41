#include "geos_context.h"

#include "xiuhua/gis/library_messages.h"

namespace xiuhua::gis::detail {
namespace {


struct GeosHolder {
  GEOSContextHandle_t ctx = GEOS_init_r();
  std::string lastMessage;
  GeosHolder() {
    GEOSContext_setErrorMessageHandler_r(ctx, &GeosHolder::onMessage, this);
    GEOSContext_setNoticeMessageHandler_r(ctx, &GeosHolder::onMessage, this);
  }
  ~GeosHolder() { GEOS_finish_r(ctx); }
  GeosHolder(const GeosHolder&) = delete;
  GeosHolder& operator=(const GeosHolder&) = delete;
  // GEOS notices and errors are kept for the wrappers (which turn failures into errors with the file
  // named) and pass through Xiuhua's handler as debug messages: the overlay repairs and retries.
  static void onMessage(const char* message, void* userdata) {
    static_cast<GeosHolder*>(userdata)->lastMessage = message != nullptr ? message : "";
    if (message != nullptr) reportLibraryMessage(LibraryMessage::Level::Debug, QStringLiteral("GEOS"), QString::fromUtf8(message));
  }
};

GeosHolder& holder() {
  thread_local GeosHolder h;
  return h;
}

GEOSCoordSequence* makeSequence(GEOSContextHandle_t ctx, const Geometry::Ring& ring, bool close) {
  const bool needsClose = close && !ring.empty() && ring.front() != ring.back();
  const auto n = static_cast<unsigned int>(ring.size() + (needsClose ? 1 : 0));
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, n, 2);
  if (seq == nullptr) return nullptr;
  for (unsigned int i = 0; i < ring.size(); ++i) {
    GEOSCoordSeq_setXY_r(ctx, seq, i, ring[i].x(), ring[i].y());
  }
  if (needsClose) GEOSCoordSeq_setXY_r(ctx, seq, n - 1, ring.front().x(), ring.front().y());
  return seq;
}

Geometry::Ring readSequence(GEOSContextHandle_t ctx, const GEOSCoordSequence* seq) {
  unsigned int n = 0;
  GEOSCoordSeq_getSize_r(ctx, seq, &n);
  Geometry::Ring ring;
  ring.reserve(n);
  for (unsigned int i = 0; i < n; ++i) {
    double x = 0;
    double y = 0;
    GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y);
    ring.emplace_back(x, y);
  }
  return ring;
}

GEOSGeometry* makePolygon(GEOSContextHandle_t ctx, const Geometry::Part& part) {
  if (part.empty() || part.front().size() < 3) return nullptr;
  GEOSGeometry* shell = GEOSGeom_createLinearRing_r(ctx, makeSequence(ctx, part.front(), true));
  if (shell == nullptr) return nullptr;
  std::vector<GEOSGeometry*> holes;
  for (std::size_t i = 1; i < part.size(); ++i) {
    if (part[i].size() < 3) continue;
    if (GEOSGeometry* h = GEOSGeom_createLinearRing_r(ctx, makeSequence(ctx, part[i], true))) {
      holes.push_back(h);
    }
  }
  return GEOSGeom_createPolygon_r(ctx, shell, holes.data(), static_cast<unsigned int>(holes.size()));
}

void collect(GEOSContextHandle_t ctx, const GEOSGeometry* g, Geometry::Type& type,
             std::vector<Geometry::Part>& parts) {
  const int geomType = GEOSGeomTypeId_r(ctx, g);
  switch (geomType) {
    case GEOS_POINT:
      if (GEOSisEmpty_r(ctx, g) == 0) {
        type = Geometry::Type::Point;
        parts.push_back({readSequence(ctx, GEOSGeom_getCoordSeq_r(ctx, g))});
      }
      return;
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
      if (type != Geometry::Type::Polygon) {
        type = Geometry::Type::Line;
        parts.push_back({readSequence(ctx, GEOSGeom_getCoordSeq_r(ctx, g))});
      }
      return;
    case GEOS_POLYGON: {
      if (GEOSisEmpty_r(ctx, g) != 0) return;
      if (type != Geometry::Type::Polygon) parts.clear();
      type = Geometry::Type::Polygon;
      Geometry::Part part;
      part.push_back(readSequence(ctx, GEOSGeom_getCoordSeq_r(ctx, GEOSGetExteriorRing_r(ctx, g))));
      const int holes = GEOSGetNumInteriorRings_r(ctx, g);
      for (int i = 0; i < holes; ++i) {
        part.push_back(
            readSequence(ctx, GEOSGeom_getCoordSeq_r(ctx, GEOSGetInteriorRingN_r(ctx, g, i))));
      }
      parts.push_back(std::move(part));
      return;
    }
    default: {
      const int n = GEOSGetNumGeometries_r(ctx, g);
      for (int i = 0; i < n; ++i) collect(ctx, GEOSGetGeometryN_r(ctx, g, i), type, parts);
    }
  }
}

}  // namespace

GEOSContextHandle_t geosContext() { return holder().ctx; }
const std::string& geosLastMessage() { return holder().lastMessage; }

void GeosGeomDeleter::operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(geosContext(), g); }

GeosGeomPtr toGeos(const Geometry& geometry) {
  if (geometry.isEmpty()) return nullptr;
  GEOSContextHandle_t ctx = geosContext();
  std::vector<GEOSGeometry*> members;
  int collectionType = GEOS_GEOMETRYCOLLECTION;
  for (const Geometry::Part& part : geometry.parts()) {
    GEOSGeometry* g = nullptr;
    switch (geometry.type()) {
      case Geometry::Type::Point:
        if (!part.empty() && !part.front().empty()) {
          g = GEOSGeom_createPointFromXY_r(ctx, part.front().front().x(), part.front().front().y());
        }
        collectionType = GEOS_MULTIPOINT;
        break;
      case Geometry::Type::Line:
        if (!part.empty() && part.front().size() >= 2) {
          g = GEOSGeom_createLineString_r(ctx, makeSequence(ctx, part.front(), false));
        }
        collectionType = GEOS_MULTILINESTRING;
        break;
      case Geometry::Type::Polygon:
        g = makePolygon(ctx, part);
        collectionType = GEOS_MULTIPOLYGON;
        break;
      case Geometry::Type::Empty: break;
    }
    if (g != nullptr) members.push_back(g);
  }
  if (members.empty()) return nullptr;
  if (members.size() == 1) return GeosGeomPtr(members.front());
  return GeosGeomPtr(GEOSGeom_createCollection_r(ctx, collectionType, members.data(),
                                                 static_cast<unsigned int>(members.size())));
}

Geometry fromGeos(const GEOSGeometry* geometry) {
  if (geometry == nullptr) return {};
  Geometry::Type type = Geometry::Type::Empty;
  std::vector<Geometry::Part> parts;
  collect(geosContext(), geometry, type, parts);
  if (parts.empty()) return {};
  return {type, std::move(parts)};
}

}  // namespace xiuhua::gis::detail
