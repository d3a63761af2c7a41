#include "xiuhua/gis/overlay/site_selection.h"

#include "geos_context.h"
#include "overlay/local_geometries.h"
#include "overlay/parallel.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/spatial_index.h"

#include "translate.h"
#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <queue>
#include <set>
#include <utility>

namespace xiuhua::gis {

namespace {

constexpr double kMaxCandidates = 250000;  // a grid beyond this is a spacing mistake, not a search

QString tr(const char* text) { return detail::translate("Overlay", text); }

bool finiteBox(const QRectF& b) {
  return std::isfinite(b.left()) && std::isfinite(b.top()) && std::isfinite(b.right()) && std::isfinite(b.bottom());
}

// The area (times the density) of the land in `land` that the prepared cover reaches.
double reachedLand(const GEOSGeometry* cover, const GEOSPreparedGeometry* prepared, const GEOSGeometry* land) {
  GEOSContextHandle_t ctx = detail::geosContext();
  if (land == nullptr || GEOSPreparedIntersects_r(ctx, prepared, land) != 1) return 0;
  if (GEOSPreparedContains_r(ctx, prepared, land) == 1) return detail::areaOf(land);
  const detail::GeosGeomPtr part(GEOSIntersection_r(ctx, cover, land));
  return detail::areaOf(part.get());
}

// The uncovered land of each target, shrinking as sites are chosen, with the gain a cover would
// add to it.
class UncoveredLand {
 public:
  UncoveredLand(std::vector<Geometry> land, std::vector<double> density)
      : mLand(std::move(land)), mDensity(std::move(density)), mIndex(detail::boxesOf(mLand)) {}

  // Gain of the cover, with GEOS copies from `local` (one per thread) or, without, fresh ones.
  double gain(const Geometry& cover, detail::LocalGeometries* local) const {
    if (cover.isEmpty() || !finiteBox(cover.boundingBox())) return 0;
    const detail::GeosGeomPtr g = detail::toGeos(cover);
    if (!g) return 0;
    const detail::PreparedPtr prepared(GEOSPrepare_r(detail::geosContext(), g.get()));
    PreciseSum sum;
    for (int t : mIndex.query(cover.boundingBox())) {
      const auto i = static_cast<std::size_t>(t);
      if (!(mDensity[i] > 0) || mLand[i].isEmpty()) continue;
      if (local != nullptr) {
        sum.add(mDensity[i] * reachedLand(g.get(), prepared.get(), local->get(i)));
      } else {
        const detail::GeosGeomPtr land = detail::toGeos(mLand[i]);
        sum.add(mDensity[i] * reachedLand(g.get(), prepared.get(), land.get()));
      }
    }
    return sum.value();
  }

  // Takes the cover's land away (GEOS difference).
  void cut(const Geometry& cover) {
    const detail::GeosGeomPtr g = detail::toGeos(cover);
    if (!g) return;
    GEOSContextHandle_t ctx = detail::geosContext();
    for (int t : mIndex.query(cover.boundingBox())) {
      const auto i = static_cast<std::size_t>(t);
      if (mLand[i].isEmpty()) continue;
      const detail::GeosGeomPtr land = detail::toGeos(mLand[i]);
      if (!land || GEOSIntersects_r(ctx, g.get(), land.get()) != 1) continue;
      const detail::GeosGeomPtr rest(GEOSDifference_r(ctx, land.get(), g.get()));
      mLand[i] = rest ? detail::fromGeos(rest.get()) : Geometry();
      if (mLand[i].type() != Geometry::Type::Polygon) mLand[i] = Geometry();
    }
  }

  const std::vector<Geometry>& land() const { return mLand; }

 private:
  std::vector<Geometry> mLand;
  std::vector<double> mDensity;
  SpatialIndex mIndex;  // boxes of the base's uncovered land: a superset as the land shrinks
};

struct Ranked {
  double gain = 0;
  int candidate = 0;
  std::size_t round = 0;  // the number of sites chosen when the gain was computed
  bool operator<(const Ranked& o) const {  // the queue's top: largest gain, then first candidate
    return gain != o.gain ? gain < o.gain : candidate > o.candidate;
  }
};

}  // namespace

Result<CandidateSites> candidateSites(const std::vector<Geometry>& areas, double spacing, int threads) {
  if (!(spacing > 0) || !std::isfinite(spacing)) {
    return Error{ErrorCode::InvalidArgument, tr("The spacing of candidate sites must be a positive distance.")};
  }
  double cells = 0;
  for (const Geometry& a : areas) {
    if (!a.isEmpty()) cells += (a.boundingBox().width() / spacing + 1) * (a.boundingBox().height() / spacing + 1);
  }
  if (cells > kMaxCandidates) {
    return Error{ErrorCode::InvalidArgument,
                 tr("A spacing of %1 m would test about %2 candidate sites; choose a larger spacing (at most %3 sites).")
                     .arg(spacing)
                     .arg(std::llround(cells))
                     .arg(static_cast<qint64>(kMaxCandidates))};
  }
  std::vector<std::vector<QPointF>> inside(areas.size());
  detail::parallelFor(
      areas.size(), threads,
      [&](int) {
        return [&](std::size_t i) {
          if (areas[i].isEmpty() || areas[i].type() != Geometry::Type::Polygon) return;
          GEOSContextHandle_t ctx = detail::geosContext();
          const detail::GeosGeomPtr g = detail::toGeos(areas[i]);
          if (!g) return;
          const detail::PreparedPtr prepared(GEOSPrepare_r(ctx, g.get()));
          const QRectF box = areas[i].boundingBox();
          // Multiples of the spacing (k · spacing, not sums): overlapping areas share points exactly.
          for (double row = std::ceil(box.top() / spacing); row * spacing <= box.bottom(); ++row) {
            for (double col = std::ceil(box.left() / spacing); col * spacing <= box.right(); ++col) {
              const double x = col * spacing;
              const double y = row * spacing;
              const detail::GeosGeomPtr p(GEOSGeom_createPointFromXY_r(ctx, x, y));
              if (p && GEOSPreparedContains_r(ctx, prepared.get(), p.get()) == 1) inside[i].emplace_back(x, y);
            }
          }
        };
      },
      nullptr, {}, 1);
  std::vector<std::size_t> empty;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    if (inside[i].empty() && !areas[i].isEmpty()) empty.push_back(i);
  }
  std::vector<Geometry> small;
  for (std::size_t i : empty) small.push_back(areas[i]);
  const std::vector<QPointF> surface = pointsOnSurface(small, threads);
  for (std::size_t k = 0; k < empty.size(); ++k) {
    if (std::isfinite(surface[k].x())) inside[empty[k]].push_back(surface[k]);
  }
  CandidateSites out;
  std::set<std::pair<double, double>> seen;  // areas that overlap share their grid points
  for (std::size_t i = 0; i < areas.size(); ++i) {
    for (const QPointF& p : inside[i]) {
      if (!seen.insert({p.x(), p.y()}).second) continue;
      out.points.push_back(p);
      out.area.push_back(static_cast<int>(i));
    }
  }
  return out;
}

Result<std::vector<SiteChoice>> chooseSites(const CoverageScenarios& scenarios, const std::vector<Geometry>& candidateCovers,
                                            const SiteSelectionOptions& options) {
  const ZonalCoverageInput& input = scenarios.input();
  const ZonalCoverage& base = scenarios.base();
  if (base.uncoveredParts.size() != input.targets.size()) {
    return Error{ErrorCode::InvalidArgument, tr("The gap finder needs the base coverage with its uncovered land (keepParts).")};
  }
  if (options.byWeight && input.targetWeights.size() != input.targets.size()) {
    return Error{ErrorCode::InvalidArgument, tr("Ranking sites by weight needs target weights.")};
  }
  std::vector<double> density(input.targets.size(), 1.0);
  if (options.byWeight) {
    const std::vector<double> targetAreas = areas(input.targets, options.overlay.threads);
    for (std::size_t t = 0; t < density.size(); ++t) density[t] = targetAreas[t] > 0 ? input.targetWeights[t] / targetAreas[t] : 0.0;
  }
  UncoveredLand land(base.uncoveredParts, std::move(density));
  auto isCancelled = [&] { return options.overlay.cancel != nullptr && options.overlay.cancel->load(); };

  // Every candidate's gain against the base.
  std::vector<double> gains(candidateCovers.size(), 0.0);
  detail::parallelFor(
      candidateCovers.size(), options.overlay.threads,
      [&](int) {
        auto local = std::make_shared<detail::LocalGeometries>(land.land());
        return [&, local](std::size_t c) { gains[c] = land.gain(candidateCovers[c], local.get()); };
      },
      options.overlay.cancel,
      [&](std::size_t done) {
        if (options.overlay.progress) options.overlay.progress(done, candidateCovers.size());
      },
      16);
  if (isCancelled()) return Error{ErrorCode::Cancelled, tr("The gap finder was cancelled.")};

  std::priority_queue<Ranked> queue;
  for (std::size_t c = 0; c < gains.size(); ++c) {
    if (gains[c] > 0) queue.push({gains[c], static_cast<int>(c), 0});
  }
  std::vector<SiteChoice> chosen;
  CoverageScenarios::Change change;
  AreaPair beforeArea = base.all;
  AreaPair beforeWeight = base.weightedAll;
  while (static_cast<int>(chosen.size()) < options.count && !queue.empty()) {
    if (isCancelled()) return Error{ErrorCode::Cancelled, tr("The gap finder was cancelled.")};
    Ranked top = queue.top();
    queue.pop();
    if (top.round != chosen.size()) {  // stale: its gain against what is uncovered now
      top.gain = land.gain(candidateCovers[static_cast<std::size_t>(top.candidate)], nullptr);
      top.round = chosen.size();
      // Rounding can leave a sliver of a square metre where the overlay saw nothing new.
      if (top.gain > 1e-6) queue.push(top);
      continue;
    }
    change.added.push_back(candidateCovers[static_cast<std::size_t>(top.candidate)]);
    OverlayOptions quiet = options.overlay;
    quiet.progress = nullptr;  // the progress reported is the ranking's
    auto outcome = scenarios.evaluate(change, quiet);
    if (!outcome.ok()) return outcome.error();
    SiteChoice site;
    site.candidate = top.candidate;
    site.area = outcome->coverage.all.covered - beforeArea.covered;
    site.weight = outcome->coverage.weightedAll.covered - beforeWeight.covered;
    if (!((options.byWeight ? site.weight : site.area) > 0)) {  // a sliver the overlay does not see: the next one
      change.added.pop_back();
      continue;
    }
    beforeArea = outcome->coverage.all;
    beforeWeight = outcome->coverage.weightedAll;
    site.after = std::move(outcome->coverage);
    chosen.push_back(std::move(site));
    land.cut(change.added.back());
  }
  return chosen;
}

}  // namespace xiuhua::gis
