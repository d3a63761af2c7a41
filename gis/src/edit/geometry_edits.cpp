#include "xiuhua/gis/edit/geometry_edits.h"

#include "translate.h"
#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "geos_context.h"
#include "overlay/local_geometries.h"
#include "xiuhua/gis/geometry_validity.h"

namespace xiuhua::gis {

using detail::geosContext;
using detail::GeosGeomPtr;

namespace {

QString tr(const char* text) { return detail::translate("GeometryEdits", text); }

Error refused(const char* text) { return Error{ErrorCode::InvalidArgument, tr(text)}; }

double distance(QPointF a, QPointF b) { return std::hypot(a.x() - b.x(), a.y() - b.y()); }

// A polygon ring stored with its first vertex repeated at the end.
bool isClosedRing(const Geometry& g, const Geometry::Ring& ring) {
  return g.type() == Geometry::Type::Polygon && ring.size() > 1 && ring.front() == ring.back();
}

// Vertices a hit test reports: a closed ring's repeated last vertex is vertex 0 again.
std::size_t distinctVertexCount(const Geometry& g, const Geometry::Ring& ring) {
  return isClosedRing(g, ring) ? ring.size() - 1 : ring.size();
}

// Segments of a line or ring; an open polygon ring has its closing segment (last → 0) as well.
std::size_t segmentCount(const Geometry& g, const Geometry::Ring& ring) {
  if (g.type() == Geometry::Type::Point || ring.size() < 2) return 0;
  const bool openRing = g.type() == Geometry::Type::Polygon && !isClosedRing(g, ring);
  return openRing && ring.size() >= 3 ? ring.size() : ring.size() - 1;
}

QPointF segmentEnd(const Geometry::Ring& ring, std::size_t i) {
  return ring[(i + 1) % ring.size()];
}

// The closest point to p on the segment a→b; exactly a or b when p projects beyond an end.
QPointF closestOnSegment(QPointF a, QPointF b, QPointF p) {
  const double dx = b.x() - a.x();
  const double dy = b.y() - a.y();
  const double length2 = dx * dx + dy * dy;
  if (!(length2 > 0)) return a;
  const double t = ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2;
  if (!(t > 0)) return a;
  if (t >= 1) return b;
  return {a.x() + t * dx, a.y() + t * dy};
}

// The ring a reference names, or null when it names none.
template <typename G>
auto* ringOf(G& g, VertexRef v) {
  using RingPtr = decltype(&g.parts()[0][0]);
  if (!v.isValid() || static_cast<std::size_t>(v.part) >= g.parts().size()) return RingPtr{nullptr};
  auto& part = g.parts()[static_cast<std::size_t>(v.part)];
  if (static_cast<std::size_t>(v.ring) >= part.size()) return RingPtr{nullptr};
  return &part[static_cast<std::size_t>(v.ring)];
}

Error noSuchVertex() { return refused("The vertex does not exist in this geometry."); }

template <typename F>
Geometry mapPoints(const Geometry& g, F f) {
  Geometry out = g;
  for (Geometry::Part& part : out.parts()) {
    for (Geometry::Ring& ring : part) {
      for (QPointF& p : ring) p = f(p);
    }
  }
  return out;
}

// Cosine and sine of the angle; exact for multiples of 90°.
std::pair<double, double> cosSin(double degrees) {
  const double quarter = degrees / 90.0;
  if (std::isfinite(quarter) && quarter == std::round(quarter)) {
    const auto k = static_cast<long long>(std::fmod(std::round(quarter), 4.0) + 4) % 4;
    static constexpr std::array<std::pair<double, double>, 4> kTable{
        {{1, 0}, {0, 1}, {-1, 0}, {0, -1}}};
    return kTable[static_cast<std::size_t>(k)];
  }
  const double radians = degrees * std::numbers::pi / 180.0;
  return {std::cos(radians), std::sin(radians)};
}

QString typeName(Geometry::Type type) {
  switch (type) {
    case Geometry::Type::Point:
      return tr("point");
    case Geometry::Type::Line:
      return tr("line");
    case Geometry::Type::Polygon:
      return tr("polygon");
    case Geometry::Type::Empty:
      break;
  }
  return tr("empty");
}

}  // namespace

std::optional<VertexHit> nearestVertex(const Geometry& g, QPointF p, double tolerance) {
  std::optional<VertexHit> best;
  for (std::size_t pi = 0; pi < g.parts().size(); ++pi) {
    const Geometry::Part& part = g.parts()[pi];
    for (std::size_t ri = 0; ri < part.size(); ++ri) {
      const Geometry::Ring& ring = part[ri];
      const std::size_t n = distinctVertexCount(g, ring);
      for (std::size_t vi = 0; vi < n; ++vi) {
        const double d = distance(ring[vi], p);
        if (d <= tolerance && (!best || d < best->distance)) {
          best = VertexHit{
              {static_cast<int>(pi), static_cast<int>(ri), static_cast<int>(vi)}, ring[vi], d};
        }
      }
    }
  }
  return best;
}

std::optional<SegmentHit> nearestSegment(const Geometry& g, QPointF p, double tolerance) {
  std::optional<SegmentHit> best;
  for (std::size_t pi = 0; pi < g.parts().size(); ++pi) {
    const Geometry::Part& part = g.parts()[pi];
    for (std::size_t ri = 0; ri < part.size(); ++ri) {
      const Geometry::Ring& ring = part[ri];
      const std::size_t n = segmentCount(g, ring);
      for (std::size_t si = 0; si < n; ++si) {
        const QPointF q = closestOnSegment(ring[si], segmentEnd(ring, si), p);
        const double d = distance(q, p);
        if (d <= tolerance && (!best || d < best->distance)) {
          best =
              SegmentHit{{static_cast<int>(pi), static_cast<int>(ri), static_cast<int>(si)}, q, d};
        }
      }
    }
  }
  return best;
}

Result<Geometry> moveVertex(const Geometry& g, VertexRef v, QPointF to) {
  Geometry out = g;
  Geometry::Ring* ring = ringOf(out, v);
  const auto vi = static_cast<std::size_t>(v.vertex);
  if (ring == nullptr || vi >= ring->size()) return noSuchVertex();
  if (isClosedRing(out, *ring) && (vi == 0 || vi + 1 == ring->size())) {
    ring->front() = to;
    ring->back() = to;
  } else {
    (*ring)[vi] = to;
  }
  return out;
}

Result<Geometry> insertVertex(const Geometry& g, VertexRef segment, QPointF at) {
  if (g.type() == Geometry::Type::Point)
    return refused("A point has no segment to add a vertex to.");
  Geometry out = g;
  Geometry::Ring* ring = ringOf(out, segment);
  const auto si = static_cast<std::size_t>(segment.vertex);
  if (ring == nullptr || si >= segmentCount(out, *ring))
    return refused("The segment does not exist in this geometry.");
  ring->insert(ring->begin() + static_cast<std::ptrdiff_t>(si + 1), at);
  return out;
}

Result<Geometry> deleteVertex(const Geometry& g, VertexRef v) {
  if (g.type() == Geometry::Type::Point) {
    return refused("A point has only one vertex; delete the feature instead.");
  }
  Geometry out = g;
  Geometry::Ring* ring = ringOf(out, v);
  const auto vi = static_cast<std::size_t>(v.vertex);
  if (ring == nullptr || vi >= ring->size()) return noSuchVertex();
  if (g.type() == Geometry::Type::Line && ring->size() <= 2) {
    return refused("A line needs at least 2 vertices; this vertex cannot be deleted.");
  }
  const bool closed = isClosedRing(out, *ring);
  if (g.type() == Geometry::Type::Polygon && distinctVertexCount(out, *ring) <= 3) {
    return refused("A polygon ring needs at least 3 vertices; this vertex cannot be deleted.");
  }
  if (closed && (vi == 0 || vi + 1 == ring->size())) {
    ring->erase(ring->begin());
    ring->back() = ring->front();
  } else {
    ring->erase(ring->begin() + static_cast<std::ptrdiff_t>(vi));
  }
  return out;
}

Geometry translated(const Geometry& g, QPointF delta) {
  return mapPoints(g, [delta](QPointF p) { return p + delta; });
}

Geometry rotated(const Geometry& g, QPointF centre, double degreesCounterClockwise) {
  const std::pair<double, double> cs = cosSin(degreesCounterClockwise);
  const double c = cs.first;
  const double s = cs.second;
  return mapPoints(g, [c, s, centre](QPointF p) {
    const double x = p.x() - centre.x();
    const double y = p.y() - centre.y();
    return QPointF(centre.x() + c * x - s * y, centre.y() + s * x + c * y);
  });
}

std::optional<QPointF> centreOf(const Geometry& g) {
  const GeosGeomPtr geos = detail::toGeos(g);
  if (!geos) return std::nullopt;
  const GeosGeomPtr centroid(GEOSGetCentroid_r(geosContext(), geos.get()));
  if (!centroid || GEOSisEmpty_r(geosContext(), centroid.get()) != 0) return std::nullopt;
  double x = 0;
  double y = 0;
  if (GEOSGeomGetX_r(geosContext(), centroid.get(), &x) == 0 ||
      GEOSGeomGetY_r(geosContext(), centroid.get(), &y) == 0) {
    return std::nullopt;
  }
  return QPointF(x, y);
}

Result<std::vector<Geometry>> splitLineAt(const Geometry& line, QPointF at, double tolerance) {
  if (line.type() != Geometry::Type::Line) return refused("Only a line can be split at a point.");
  // The nearest segment of any part, by exact segment math so that every vertex stays as it was.
  std::optional<SegmentHit> hit = nearestSegment(line, at, tolerance);
  if (!hit)
    return refused("The split point is not on the line (farther from it than the tolerance).");
  const auto pi = static_cast<std::size_t>(hit->ref.part);
  const auto si = static_cast<std::size_t>(hit->ref.vertex);
  const Geometry::Ring& ring = line.parts()[pi][static_cast<std::size_t>(hit->ref.ring)];
  const QPointF q = hit->point;
  if (distance(q, ring.front()) <= tolerance || distance(q, ring.back()) <= tolerance) {
    return refused("The split point is at an end of the line; there is nothing to split.");
  }
  // q lies on segment si → si + 1; when it is one of the segment's vertices that vertex is shared.
  const auto begin = ring.begin();
  Geometry::Ring first;
  Geometry::Ring second;
  if (q == ring[si]) {
    first.assign(begin, begin + static_cast<std::ptrdiff_t>(si + 1));
    second.assign(begin + static_cast<std::ptrdiff_t>(si), ring.end());
  } else if (q == ring[si + 1]) {
    first.assign(begin, begin + static_cast<std::ptrdiff_t>(si + 2));
    second.assign(begin + static_cast<std::ptrdiff_t>(si + 1), ring.end());
  } else {
    first.assign(begin, begin + static_cast<std::ptrdiff_t>(si + 1));
    first.push_back(q);
    second.push_back(q);
    second.insert(second.end(), begin + static_cast<std::ptrdiff_t>(si + 1), ring.end());
  }
  Geometry head = line;
  head.parts()[pi] = Geometry::Part{std::move(first)};
  std::vector<Geometry> out;
  out.push_back(std::move(head));
  out.emplace_back(Geometry::Type::Line,
                   std::vector<Geometry::Part>{Geometry::Part{std::move(second)}});
  return out;
}

Result<Geometry> mergeGeometries(const std::vector<Geometry>& geometries, Geometry::Type type) {
  if (geometries.size() < 2) return refused("Select at least two features to merge.");
  for (std::size_t i = 0; i < geometries.size(); ++i) {
    if (geometries[i].type() != type || geometries[i].isEmpty() || type == Geometry::Type::Empty) {
      return Error{ErrorCode::InvalidArgument,
                   tr("Only features of one geometry type can be merged: feature %1 of the "
                      "selection is not a %2.")
                       .arg(i + 1)
                       .arg(typeName(type))};
    }
  }
  if (type == Geometry::Type::Point) {
    std::vector<Geometry::Part> parts;
    for (const Geometry& g : geometries)
      parts.insert(parts.end(), g.parts().begin(), g.parts().end());
    return Geometry(type, std::move(parts));
  }
  GeosGeomPtr united = detail::unaryUnion(geometries);
  if (!united && type == Geometry::Type::Polygon) {
    // Invalid rings (self-intersections, as drawn or digitised) make the overlay fail; unite their
    // valid equivalents, which cover the same area.
    std::vector<Geometry> valid;
    valid.reserve(geometries.size());
    for (const Geometry& g : geometries) valid.push_back(makeValid(g));
    united = detail::unaryUnion(valid);
  }
  if (united && type == Geometry::Type::Line)
    united.reset(GEOSLineMerge_r(geosContext(), united.get()));
  const Geometry merged = united ? detail::fromGeos(united.get()) : Geometry();
  if (merged.type() != type || merged.isEmpty()) {
    const QString why = united ? tr("the result is not a %1").arg(typeName(type))
                               : QString::fromStdString(detail::geosLastMessage());
    return Error{ErrorCode::GeometryInvalid, tr("The features cannot be merged: %1").arg(why)};
  }
  return merged;
}

}  // namespace xiuhua::gis
