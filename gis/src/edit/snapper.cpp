#include "xiuhua/gis/edit/snapper.h"

#include <cmath>

#include "overlay/local_geometries.h"

namespace xiuhua::gis {

namespace {

// Keeps the nearer hit; on a tie the earlier one (sources and features are visited in order).
void keepNearer(std::optional<SnapResult>& best, const SnapResult& candidate) {
  if (!best || candidate.distance < best->distance) best = candidate;
}

}  // namespace

int Snapper::addSource(std::vector<Geometry> geometries, bool vertices, bool segments) {
  Source source;
  source.index =
      std::make_unique<SpatialIndex>(detail::boxesOf(geometries));  // empty ones: NaN, left out
  source.geometries = std::move(geometries);
  source.vertices = vertices;
  source.segments = segments;
  mSources.push_back(std::move(source));
  return static_cast<int>(mSources.size()) - 1;
}

std::optional<SnapResult> Snapper::snap(QPointF p, double tolerance,
                                        const std::function<bool(int, std::size_t)>& skip) const {
  if (!(tolerance >= 0) || !std::isfinite(tolerance) || !std::isfinite(p.x()) ||
      !std::isfinite(p.y())) {
    return std::nullopt;
  }
  const QRectF near(p.x() - tolerance, p.y() - tolerance, 2 * tolerance, 2 * tolerance);
  std::optional<SnapResult> vertex;
  std::optional<SnapResult> segment;
  for (std::size_t s = 0; s < mSources.size(); ++s) {
    const Source& source = mSources[s];
    if (!source.vertices && !source.segments) continue;
    const int sourceIndex = static_cast<int>(s);
    for (const int i : source.index->query(near)) {
      const auto feature = static_cast<std::size_t>(i);
      if (skip && skip(sourceIndex, feature)) continue;
      measure(source, sourceIndex, feature, p, tolerance, vertex, segment);
    }
  }
  return vertex ? vertex : segment;
}

void Snapper::measure(const Source& source, int sourceIndex, std::size_t feature, QPointF p,
                      double tolerance, std::optional<SnapResult>& vertex,
                      std::optional<SnapResult>& segment) {
  const Geometry& g = source.geometries[feature];
  if (source.vertices) {
    if (const auto hit = nearestVertex(g, p, tolerance)) {
      keepNearer(vertex, {SnapResult::Kind::Vertex, hit->point, hit->distance, sourceIndex, feature,
                          hit->ref});
    }
  }
  // Once a vertex is within tolerance no segment point can win; stop measuring segments.
  if (source.segments && !vertex) {
    if (const auto hit = nearestSegment(g, p, tolerance)) {
      keepNearer(segment, {SnapResult::Kind::Segment, hit->point, hit->distance, sourceIndex,
                           feature, hit->ref});
    }
  }
}

}  // namespace xiuhua::gis
