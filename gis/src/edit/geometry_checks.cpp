#include "xiuhua/gis/edit/geometry_checks.h"

#include "geos_context.h"
#include "xiuhua/gis/geometry_validity.h"

#include "translate.h"
#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <utility>

namespace xiuhua::gis {

namespace {

using Ring = Geometry::Ring;
using Part = Geometry::Part;
using Kind = GeometryIssue::Kind;
using Orientation = GeometryCheckOptions::Orientation;

QString tr(const char* text, int n = -1) { return detail::translate("GeometryChecks", text, n); }

// GEOS's validity reasons (TopologyValidationError, IsValidOp), so they can be translated.
[[maybe_unused]] constexpr const char* kGeosReasons[] = {
    QT_TRANSLATE_NOOP("GeometryChecks", "Self-intersection"),
    QT_TRANSLATE_NOOP("GeometryChecks", "Ring Self-intersection"),
    QT_TRANSLATE_NOOP("GeometryChecks", "Hole lies outside shell"),
    QT_TRANSLATE_NOOP("GeometryChecks", "Holes are nested"),
    QT_TRANSLATE_NOOP("GeometryChecks", "Interior is disconnected"),
    QT_TRANSLATE_NOOP("GeometryChecks", "Nested shells"),
    QT_TRANSLATE_NOOP("GeometryChecks", "Duplicate Rings"),
    QT_TRANSLATE_NOOP("GeometryChecks", "Too few distinct points in geometry component"),
    QT_TRANSLATE_NOOP("GeometryChecks", "Invalid Coordinate"),
    QT_TRANSLATE_NOOP("GeometryChecks", "Ring is not closed"),
};

QString coordinate(double v) { return QString::number(v, 'g', 12); }

bool isClosed(const Ring& ring) { return ring.size() >= 2 && ring.front() == ring.back(); }

// Exact comparison: QPointF::operator== is fuzzy, but the checks must agree with GEOS, which is not.
bool same(QPointF a, QPointF b) { return a.x() == b.x() && a.y() == b.y(); }

bool near(QPointF a, QPointF b, double tolerance) {
  return same(a, b) || std::hypot(a.x() - b.x(), a.y() - b.y()) < tolerance;
}

std::size_t distinctPoints(const Ring& ring) {
  std::vector<std::pair<double, double>> points;
  points.reserve(ring.size());
  for (const QPointF& p : ring) points.emplace_back(p.x(), p.y());
  std::sort(points.begin(), points.end());
  return static_cast<std::size_t>(std::unique(points.begin(), points.end()) - points.begin());
}

// Shoelace over the ring taken as closed (a closing point adds nothing): > 0 counter-clockwise
// with y up, CRS units squared.
double signedArea(const Ring& ring) {
  double sum = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const QPointF& a = ring[i];
    const QPointF& b = ring[(i + 1) % ring.size()];
    sum += a.x() * b.y() - b.x() * a.y();
  }
  return sum / 2;
}

double perimeter(const Ring& ring) {
  double sum = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const QPointF& a = ring[i];
    const QPointF& b = ring[(i + 1) % ring.size()];
    sum += std::hypot(b.x() - a.x(), b.y() - a.y());
  }
  return sum;
}

// The indices of the vertices repair removes as duplicates, ascending. Greedy: a vertex is a
// duplicate when it is near the last vertex kept before it. The first vertex is always kept; so is
// a ring's closing point (the first again) and a line's last point (its neighbour goes instead),
// so ends and closure do not move.
std::vector<std::size_t> duplicateVertices(const Ring& ring, bool asRing, double tolerance) {
  std::vector<std::size_t> removed;
  if (ring.size() < 2) return removed;
  const std::size_t end = asRing && isClosed(ring) ? ring.size() - 1 : ring.size();
  std::vector<std::size_t> kept{0};
  for (std::size_t i = 1; i < end; ++i) {
    if (!near(ring[i], ring[kept.back()], tolerance)) {
      kept.push_back(i);
    } else if (!asRing && i + 1 == end) {
      // A line's last point stays: drop the kept vertices it is near instead (never the first).
      while (kept.size() > 1 && near(ring[i], ring[kept.back()], tolerance)) {
        removed.push_back(kept.back());
        kept.pop_back();
      }
      if (near(ring[i], ring[kept.back()], tolerance)) removed.push_back(i);
    } else {
      removed.push_back(i);
    }
  }
  if (asRing) {  // the vertices before the (possibly implicit) closing point, near the first
    while (kept.size() > 1 && near(ring[kept.back()], ring.front(), tolerance)) {
      removed.push_back(kept.back());
      kept.pop_back();
    }
  }
  std::sort(removed.begin(), removed.end());
  return removed;
}

Ring withoutVertices(const Ring& ring, const std::vector<std::size_t>& removed) {
  if (removed.empty()) return ring;
  Ring out;
  out.reserve(ring.size() - removed.size());
  std::size_t next = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    if (next < removed.size() && removed[next] == i) {
      ++next;
    } else {
      out.push_back(ring[i]);
    }
  }
  return out;
}

bool isDegenerate(const Ring& ring, Geometry::Type type) {
  switch (type) {
    case Geometry::Type::Point: return ring.empty();
    case Geometry::Type::Line: return distinctPoints(ring) < 2;
    case Geometry::Type::Polygon: return distinctPoints(ring) < 3;
    case Geometry::Type::Empty: return false;
  }
  return false;
}

// The part without its degenerate rings; nullopt when nothing of it is left (or its exterior is).
std::optional<Part> usablePart(const Part& part, Geometry::Type type) {
  if (part.empty() || isDegenerate(part.front(), type)) return std::nullopt;
  if (type != Geometry::Type::Polygon) return Part{part.front()};
  Part out{part.front()};
  for (std::size_t r = 1; r < part.size(); ++r) {
    if (!isDegenerate(part[r], type)) out.push_back(part[r]);
  }
  return out;
}

QString tooFewPointsReason(const Part& part, std::size_t r, Geometry::Type type) {
  const Ring& ring = part[r];
  const int distinct = static_cast<int>(distinctPoints(ring));
  if (type == Geometry::Type::Point) return tr("Point without coordinates");
  if (type == Geometry::Type::Line) {
    if (ring.size() < 2) return tr("Line with %n point(s)", static_cast<int>(ring.size()));
    return tr("Line whose %n points are all at the same place", static_cast<int>(ring.size()));
  }
  return r == 0 ? tr("Exterior ring with %n distinct point(s), at least 3 needed", distinct)
                : tr("Hole with %n distinct point(s), at least 3 needed", distinct);
}

GeometryIssue issue(Kind kind, QString reason, QPointF location, int part, int ring = -1, int vertex = -1) {
  return GeometryIssue{kind, std::move(reason), location, part, ring, vertex};
}

QString duplicateReason(const Ring& ring, std::size_t i, double tolerance) {
  const QPointF& p = ring[i];
  const bool equalToNeighbour = (i > 0 && same(ring[i - 1], p)) || (i + 1 < ring.size() && same(ring[i + 1], p));
  if (equalToNeighbour || tolerance <= 0) return tr("Duplicate vertex");
  return tr("Vertex closer than %1 to its neighbour").arg(coordinate(tolerance));
}

std::optional<GeometryIssue> orientationIssue(const Part& part, std::size_t r, Orientation orientation) {
  const double exterior = signedArea(part.front());
  if (exterior == 0) return std::nullopt;  // no orientation to speak of; validity reports it
  if (r == 0) {
    if (orientation == Orientation::CounterClockwiseExterior && exterior < 0) {
      return issue(Kind::RingOrientation, tr("Exterior ring is clockwise; counter-clockwise is required"),
                   part.front().front(), -1, 0);
    }
    if (orientation == Orientation::ClockwiseExterior && exterior > 0) {
      return issue(Kind::RingOrientation, tr("Exterior ring is counter-clockwise; clockwise is required"),
                   part.front().front(), -1, 0);
    }
    return std::nullopt;
  }
  const double hole = signedArea(part[r]);
  if (hole != 0 && (hole > 0) == (exterior > 0)) {
    return issue(Kind::RingOrientation, tr("Hole oriented like its exterior"), part[r].front(), -1,
                 static_cast<int>(r));
  }
  return std::nullopt;
}

// Mean width 2·area/perimeter of a polygon part, CRS units; nullopt without a perimeter.
std::optional<double> meanWidth(const Part& part) {
  double area = std::abs(signedArea(part.front()));
  double length = perimeter(part.front());
  for (std::size_t r = 1; r < part.size(); ++r) {
    area -= std::abs(signedArea(part[r]));
    length += perimeter(part[r]);
  }
  if (length <= 0) return std::nullopt;
  return 2 * std::max(area, 0.0) / length;
}

bool isSliver(const Part& part, double sliverWidth) {
  if (sliverWidth <= 0) return false;
  const std::optional<double> width = meanWidth(part);
  return width && *width < sliverWidth;
}

// Where to show a polygon part: the centroid of its exterior (the vertex mean when it has no area).
QPointF partCentre(const Part& part) {
  const Ring& ring = part.front();
  double cx = 0;
  double cy = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const QPointF& a = ring[i];
    const QPointF& b = ring[(i + 1) % ring.size()];
    const double cross = a.x() * b.y() - b.x() * a.y();
    cx += (a.x() + b.x()) * cross;
    cy += (a.y() + b.y()) * cross;
  }
  const double area = signedArea(ring);
  if (area != 0) return {cx / (6 * area), cy / (6 * area)};
  QPointF sum;
  for (const QPointF& p : ring) sum += p;
  return ring.empty() ? QPointF() : sum / static_cast<double>(ring.size());
}

GeometryIssue invalidIssue(const ValidityProblem& problem, int part) {
  const QByteArray reason = problem.reason.toUtf8();
  const QString text = tr("%1 at (%2, %3)")
                           .arg(tr(reason.constData()), coordinate(problem.location.x()),
                                coordinate(problem.location.y()));
  return issue(Kind::Invalid, text, problem.location, part);
}

void orientPart(Part& part, Orientation orientation) {
  double exterior = signedArea(part.front());
  if ((orientation == Orientation::CounterClockwiseExterior && exterior < 0) ||
      (orientation == Orientation::ClockwiseExterior && exterior > 0)) {
    std::reverse(part.front().begin(), part.front().end());
    exterior = -exterior;
  }
  if (exterior == 0) return;
  for (std::size_t r = 1; r < part.size(); ++r) {
    const double hole = signedArea(part[r]);
    if (hole != 0 && (hole > 0) == (exterior > 0)) std::reverse(part[r].begin(), part[r].end());
  }
}

// The polygons of g made valid: each invalid part by GEOS MakeValid (its polygons kept, slivers it
// leaves dropped), then, if the parts overlap or share edges, their union — MakeValid on the whole
// would take the overlap away (it keeps areas covered an odd number of times). nullopt when no
// polygon is left.
std::optional<Geometry> validPolygons(const Geometry& g, double sliverWidth) {
  std::vector<Part> parts;
  for (const Part& part : g.parts()) {
    const Geometry single(Geometry::Type::Polygon, {part});
    if (!findValidityProblem(single)) {
      parts.push_back(part);
      continue;
    }
    Geometry fixed = makeValid(single);
    if (fixed.type() != Geometry::Type::Polygon) continue;
    for (Part& p : fixed.parts()) {
      if (!isSliver(p, sliverWidth)) parts.push_back(std::move(p));
    }
  }
  if (parts.empty()) return std::nullopt;
  Geometry fixed(Geometry::Type::Polygon, std::move(parts));
  if (!findValidityProblem(fixed)) return fixed;
  const detail::GeosGeomPtr geos = detail::toGeos(fixed);
  if (!geos) return std::nullopt;
  const detail::GeosGeomPtr merged(GEOSUnaryUnion_r(detail::geosContext(), geos.get()));
  Geometry result = detail::fromGeos(merged.get());
  if (result.type() != Geometry::Type::Polygon) return std::nullopt;
  return result;
}

Error nothingLeft() {
  return Error{ErrorCode::GeometryInvalid,
               tr("Nothing is left of the geometry after repair: every part is degenerate or a sliver.")};
}

}  // namespace

std::vector<GeometryIssue> checkGeometry(const Geometry& geometry, const GeometryCheckOptions& options) {
  std::vector<GeometryIssue> tooFew, duplicates, orientation, slivers, invalid;
  if (geometry.isEmpty()) return {};
  const Geometry::Type type = geometry.type();
  std::vector<Part> usable;  // the parts GEOS can judge, for the whole-geometry validity check
  bool allPartsValid = true;
  for (std::size_t p = 0; p < geometry.parts().size(); ++p) {
    const Part& part = geometry.parts()[p];
    const int partIndex = static_cast<int>(p);
    if (part.empty()) {
      tooFew.push_back(issue(Kind::TooFewPoints, tr("Part without coordinates"), {}, partIndex));
      continue;
    }
    const std::size_t rings = type == Geometry::Type::Polygon ? part.size() : 1;
    for (std::size_t r = 0; r < rings; ++r) {
      const Ring& ring = part[r];
      const int ringIndex = static_cast<int>(r);
      if (isDegenerate(ring, type)) {
        tooFew.push_back(issue(Kind::TooFewPoints, tooFewPointsReason(part, r, type),
                               ring.empty() ? QPointF() : ring.front(), partIndex, ringIndex));
        continue;
      }
      if (type == Geometry::Type::Point) continue;
      for (std::size_t v : duplicateVertices(ring, type == Geometry::Type::Polygon, options.duplicateTolerance)) {
        duplicates.push_back(issue(Kind::DuplicateVertex, duplicateReason(ring, v, options.duplicateTolerance),
                                   ring[v], partIndex, ringIndex, static_cast<int>(v)));
      }
      if (type == Geometry::Type::Polygon && !isDegenerate(part.front(), type)) {
        if (std::optional<GeometryIssue> found = orientationIssue(part, r, options.orientation)) {
          found->part = partIndex;
          orientation.push_back(std::move(*found));
        }
      }
    }
    const std::optional<Part> judged = usablePart(part, type);
    if (!judged || type == Geometry::Type::Point) continue;
    if (const std::optional<ValidityProblem> problem = findValidityProblem(Geometry(type, {*judged}))) {
      invalid.push_back(invalidIssue(*problem, partIndex));
      allPartsValid = false;
    } else if (type == Geometry::Type::Polygon && isSliver(*judged, options.sliverWidth)) {
      slivers.push_back(issue(Kind::Sliver,
                              tr("Sliver: %1 wide on average, less than %2")
                                  .arg(coordinate(*meanWidth(*judged)), coordinate(options.sliverWidth)),
                              partCentre(*judged), partIndex));
    }
    usable.push_back(*judged);
  }
  if (allPartsValid && usable.size() > 1) {
    if (const std::optional<ValidityProblem> problem = findValidityProblem(Geometry(type, std::move(usable)))) {
      invalid.push_back(invalidIssue(*problem, -1));
    }
  }
  std::vector<GeometryIssue> issues = std::move(tooFew);
  for (std::vector<GeometryIssue>* more : {&duplicates, &orientation, &slivers, &invalid}) {
    std::move(more->begin(), more->end(), std::back_inserter(issues));
  }
  return issues;
}

std::vector<FeatureIssue> checkGeometries(const std::vector<Geometry>& geometries,
                                          const GeometryCheckOptions& options,
                                          const std::atomic<bool>* cancel) {
  std::vector<FeatureIssue> found;
  for (std::size_t i = 0; i < geometries.size(); ++i) {
    if (cancel != nullptr && cancel->load()) break;
    for (GeometryIssue& issue : checkGeometry(geometries[i], options)) found.push_back({i, std::move(issue)});
  }
  return found;
}

Result<Geometry> repairGeometry(const Geometry& geometry, const GeometryCheckOptions& options) {
  if (geometry.isEmpty()) return geometry;
  const Geometry::Type type = geometry.type();
  std::vector<Part> parts;
  for (const Part& part : geometry.parts()) {
    Part cleaned;
    const std::size_t rings = type == Geometry::Type::Polygon ? part.size() : std::min<std::size_t>(part.size(), 1);
    for (std::size_t r = 0; r < rings; ++r) {
      Ring ring = type == Geometry::Type::Point
                      ? part[r]
                      : withoutVertices(part[r], duplicateVertices(part[r], type == Geometry::Type::Polygon,
                                                                   options.duplicateTolerance));
      if (!isDegenerate(ring, type)) {
        cleaned.push_back(std::move(ring));
      } else if (r == 0) {
        break;  // without its exterior, the holes of a part mean nothing
      }
    }
    if (cleaned.empty()) continue;
    // Thinness is judged on valid parts only: an invalid one (a bow-tie) is repaired first.
    const bool sliver = type == Geometry::Type::Polygon && isSliver(cleaned, options.sliverWidth) &&
                        !findValidityProblem(Geometry(type, {cleaned}));
    if (!sliver) parts.push_back(std::move(cleaned));
  }
  if (parts.empty()) return nothingLeft();
  Geometry repaired(type, std::move(parts));
  if (type == Geometry::Type::Point) return repaired;

  if (findValidityProblem(repaired)) {
    if (type == Geometry::Type::Polygon) {
      std::optional<Geometry> fixed = validPolygons(repaired, options.sliverWidth);
      if (!fixed) return nothingLeft();
      repaired = std::move(*fixed);
    } else {
      repaired = makeValid(repaired);
    }
    if (repaired.type() != type || findValidityProblem(repaired)) return nothingLeft();
  }
  if (type == Geometry::Type::Polygon) {
    for (Part& part : repaired.parts()) orientPart(part, options.orientation);
  }
  return repaired;
}

}  // namespace xiuhua::gis
