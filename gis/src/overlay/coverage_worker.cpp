#include "overlay/coverage_worker.h"

#include "geos_context.h"
#include "overlay/parallel.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <future>
#include <utility>

namespace xiuhua::gis::detail {

namespace {

// Grid cells about the size of a typical target: most targets then span a few cells, and only
// those near a polygon's boundary are left to GEOS. The sides cap the memory per polygon.
constexpr int kCoverGridSide = 128;
constexpr int kZoneGridSide = 256;

bool finiteBox(const QRectF& b) { return std::isfinite(b.left()) && std::isfinite(b.top()) && std::isfinite(b.width()) && std::isfinite(b.height()); }

// Closed boxes meet (touching counts, as in the spatial index).
bool boxesMeet(const QRectF& a, const QRectF& b) {
  return a.left() <= b.right() && b.left() <= a.right() && a.top() <= b.bottom() && b.top() <= a.bottom();
}

// Boxes that share interior (not just an edge): only such targets can overlap.
bool interiorsMeet(const QRectF& a, const QRectF& b) {
  return a.left() < b.right() && b.left() < a.right() && a.top() < b.bottom() && b.top() < a.bottom();
}

double typicalSize(const std::vector<QRectF>& boxes) {
  std::vector<double> sizes;
  sizes.reserve(boxes.size());
  for (const QRectF& b : boxes) {
    if (finiteBox(b) && (b.width() > 0 || b.height() > 0)) sizes.push_back(std::max(b.width(), b.height()));
  }
  if (sizes.empty()) return 0;
  auto middle = sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2);
  std::nth_element(sizes.begin(), middle, sizes.end());
  return *middle;
}

// One grid per polygon, built on worker threads (each prepares its polygons in its own GEOS
// context for the point tests; the grids hold no GEOS objects).
std::vector<InteriorGrid> interiorGrids(const std::vector<Geometry>& polygons, double cellSize, int maxSide,
                                        const OverlayOptions& options) {
  std::vector<InteriorGrid> grids(polygons.size());
  if (!(cellSize > 0)) return grids;
  parallelFor(
      polygons.size(), options.threads,
      [&](int) {
        return [&](std::size_t i) {
          const GeosGeomPtr geometry = toGeos(polygons[i]);
          if (!geometry) return;
          const PreparedPtr prepared(GEOSPrepare_r(geosContext(), geometry.get()));
          if (prepared) grids[i] = InteriorGrid(polygons[i], prepared.get(), cellSize, maxSide);
        };
      },
      options.cancel);
  return grids;
}

// Spreads the low 16 bits of v to the even bits of the result.
std::uint32_t spreadBits(std::uint32_t v) {
  v &= 0xFFFF;
  v = (v | (v << 8)) & 0x00FF00FF;
  v = (v | (v << 4)) & 0x0F0F0F0F;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

// The targets that have a box, in Z-order of their box centres: runs of it are neighbours.
std::vector<std::size_t> spatialOrder(const std::vector<QRectF>& boxes) {
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  for (const QRectF& b : boxes) {
    if (!finiteBox(b)) continue;
    x0 = std::min(x0, b.center().x());
    y0 = std::min(y0, b.center().y());
    x1 = std::max(x1, b.center().x());
    y1 = std::max(y1, b.center().y());
  }
  std::vector<std::pair<std::uint32_t, std::size_t>> keyed;
  keyed.reserve(boxes.size());
  const double sx = x1 > x0 ? 65535.0 / (x1 - x0) : 0.0;
  const double sy = y1 > y0 ? 65535.0 / (y1 - y0) : 0.0;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    if (!finiteBox(boxes[i])) continue;
    const auto qx = static_cast<std::uint32_t>((boxes[i].center().x() - x0) * sx);
    const auto qy = static_cast<std::uint32_t>((boxes[i].center().y() - y0) * sy);
    keyed.emplace_back(spreadBits(qx) | (spreadBits(qy) << 1), i);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::size_t> order;
  order.reserve(keyed.size());
  for (const auto& k : keyed) order.push_back(k.second);
  return order;
}

// The items of `batch` (ascending) whose box meets `box`, ascending.
void sieve(const std::vector<int>& batch, const std::vector<QRectF>& boxes, const QRectF& box, std::vector<int>& out) {
  out.clear();
  for (int k : batch) {
    if (boxesMeet(boxes[static_cast<std::size_t>(k)], box)) out.push_back(k);
  }
}

}  // namespace

CoverageShared::CoverageShared(const ZonalCoverageInput& in, const OverlayOptions& options)
    : input(in),
      targetBoxes(boxesOf(in.targets)),
      coverBoxes(boxesOf(in.covers)),
      exclusionBoxes(boxesOf(in.exclusions)),
      zoneBoxes(boxesOf(in.zones)),
      order(spatialOrder(targetBoxes)),
      shares(in.targets.size()) {
  // The grids are built on worker threads while this one builds the indexes.
  const double cellSize = typicalSize(targetBoxes);
  auto grids = std::async(std::launch::async, [&] {
    coverGrids = interiorGrids(in.covers, cellSize, kCoverGridSide, options);
    zoneGrids = interiorGrids(in.zones, cellSize, kZoneGridSide, options);
  });
  targetIndex = std::make_unique<SpatialIndex>(targetBoxes);
  coverIndex = std::make_unique<SpatialIndex>(coverBoxes);
  exclusionIndex = std::make_unique<SpatialIndex>(exclusionBoxes);
  zoneIndex = std::make_unique<SpatialIndex>(zoneBoxes);
  grids.get();
}

Result<std::vector<TargetShare>> computeShares(const ZonalCoverageInput& input, const OverlayOptions& options) {
  CoverageShared shared(input, options);
  const std::size_t n = input.targets.size();
  std::function<void(std::size_t)> progress;
  if (options.progress) {
    progress = [&](std::size_t batches) { options.progress(std::min(n, batches * CoverageShared::kBatch), n); };
  }
  parallelFor(
      shared.batchCount(), options.threads,
      [&](int) { return [worker = CoverageWorker(shared)](std::size_t batch) mutable { worker.processBatch(batch); }; },
      options.cancel, progress, 1);
  if (options.cancel != nullptr && options.cancel->load()) {
    return Error{ErrorCode::Cancelled, QCoreApplication::translate("Overlay", "The computation was cancelled.")};
  }
  return std::move(shared.shares);
}

CoverageWorker::CoverageWorker(CoverageShared& shared)
    : mShared(shared), mInput(shared.input), mTargets(shared.input.targets), mCovers(shared.input.covers),
      mExclusions(shared.input.exclusions), mZones(shared.input.zones) {}

void CoverageWorker::processBatch(std::size_t batch) {
  const std::size_t begin = batch * CoverageShared::kBatch;
  const std::size_t end = std::min(mShared.order.size(), begin + CoverageShared::kBatch);
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  for (std::size_t k = begin; k < end; ++k) {
    const QRectF& b = mShared.targetBoxes[mShared.order[k]];
    x0 = std::min(x0, b.left());
    y0 = std::min(y0, b.top());
    x1 = std::max(x1, b.right());
    y1 = std::max(y1, b.bottom());
  }
  if (begin >= end) return;
  const QRectF box(QPointF(x0, y0), QPointF(x1, y1));
  mBatchTargets = mShared.targetIndex->query(box);
  mBatchCovers = mShared.coverIndex->query(box);
  mBatchExclusions = mShared.exclusionIndex->size() > 0 ? mShared.exclusionIndex->query(box) : std::vector<int>();
  mBatchZones = mShared.zoneIndex->size() > 0 ? mShared.zoneIndex->query(box) : std::vector<int>();
  for (std::size_t k = begin; k < end; ++k) process(mShared.order[k]);
  for (std::size_t t : mTouched) mTargets.release(t);
  mTouched.clear();
}

void CoverageWorker::process(std::size_t i) {
  const GEOSGeometry* source = mTargets.get(i);
  mTouched.push_back(i);
  if (source == nullptr) return;
  TargetShare& share = mShared.shares[i];
  if (i < mInput.targetWeights.size()) {
    const double area = areaOf(source);
    share.density = area > 0 ? mInput.targetWeights[i] / area : 0.0;
  }
  GeosGeomPtr owned;  // set once the target is cut (by earlier targets or exclusions)
  if (!cutOverlaps(i, source, owned) || !cutExclusions(i, owned)) {
    share.failed = true;
    return;
  }
  const GEOSGeometry* target = owned ? owned.get() : source;
  share.total = areaOf(target);
  if (share.total <= 0) return;

  // Covered part: all, none (no cover meets it), or what is left after cutting away the covers
  // that meet it.
  const bool full = coveredWhole(i, target);
  GeosGeomPtr uncovered;
  if (full) {
    share.covered = share.total;
  } else if (!mMeeting.empty()) {
    uncovered = cutAway(target, mMeeting);
    if (!uncovered) {
      share.failed = true;
      return;
    }
    share.covered = std::clamp(share.total - areaOf(uncovered.get()), 0.0, share.total);
  }
  if (mInput.keepParts) keepParts(share, target, full, uncovered.get());
  if (!mBatchZones.empty() && !splitByZones(i, target, full, uncovered.get())) share.failed = true;
}

// Overlapping targets count once: cuts away every earlier target whose interior meets this one.
bool CoverageWorker::cutOverlaps(std::size_t i, const GEOSGeometry* source, GeosGeomPtr& owned) {
  GEOSContextHandle_t ctx = geosContext();
  const QRectF& box = mShared.targetBoxes[i];
  for (int j : mBatchTargets) {
    if (static_cast<std::size_t>(j) >= i) break;  // ascending
    if (!interiorsMeet(box, mShared.targetBoxes[static_cast<std::size_t>(j)])) continue;
    const GEOSGeometry* earlier = mTargets.get(static_cast<std::size_t>(j));
    mTouched.push_back(static_cast<std::size_t>(j));
    const GEOSGeometry* current = owned ? owned.get() : source;
    // A cheap intersects test first: most neighbours are apart; relate only for those that meet.
    if (earlier == nullptr || GEOSIntersects_r(ctx, current, earlier) != 1 ||
        GEOSRelatePattern_r(ctx, current, earlier, "T********") != 1) {
      continue;
    }
    owned.reset(GEOSDifference_r(ctx, current, earlier));
    mShared.shares[i].overlapped = true;
    if (!owned) return false;
  }
  return true;
}

bool CoverageWorker::cutExclusions(std::size_t i, GeosGeomPtr& owned) {
  GEOSContextHandle_t ctx = geosContext();
  sieve(mBatchExclusions, mShared.exclusionBoxes, mShared.targetBoxes[i], mUnsure);
  for (int e : mUnsure) {
    const GEOSGeometry* current = owned ? owned.get() : mTargets.get(i);
    const GEOSPreparedGeometry* exclusion = mExclusions.prepared(static_cast<std::size_t>(e));
    if (exclusion == nullptr || GEOSPreparedIntersects_r(ctx, exclusion, current) != 1) continue;
    owned.reset(GEOSDifference_r(ctx, current, mExclusions.get(static_cast<std::size_t>(e))));
    if (!owned) return false;
  }
  return true;
}

bool CoverageWorker::coveredWhole(std::size_t i, const GEOSGeometry* target) {
  GEOSContextHandle_t ctx = geosContext();
  const QRectF& box = mShared.targetBoxes[i];  // the uncut target's: it holds the cut one too
  mMeeting.clear();
  mUnsure.clear();
  // The grids settle most covers from the box alone; containment is settled for every candidate
  // before any overlay.
  for (int c : mBatchCovers) {
    if (!boxesMeet(mShared.coverBoxes[static_cast<std::size_t>(c)], box)) continue;
    const InteriorGrid::Place place = mShared.coverGrids[static_cast<std::size_t>(c)].locate(box);
    if (place == InteriorGrid::Place::Inside) return true;
    if (place == InteriorGrid::Place::Unknown) mUnsure.push_back(c);
  }
  for (int c : mUnsure) {
    if (withinCore(i, static_cast<std::size_t>(c))) return true;
  }
  for (int c : mUnsure) {
    const GEOSPreparedGeometry* cover = mCovers.prepared(static_cast<std::size_t>(c));
    // Intersects first: it is cheap, and many candidates do not even meet the target.
    if (cover == nullptr || GEOSPreparedIntersects_r(ctx, cover, target) != 1) continue;
    if (GEOSPreparedContains_r(ctx, cover, target) == 1) return true;
    mMeeting.push_back(c);
  }
  return false;
}

// Whether the (whole, uncut) target lies within one core disk of the cover: then the cover
// contains it. Distance to a point is convex, so checking the target's vertices suffices.
bool CoverageWorker::withinCore(std::size_t target, std::size_t cover) const {
  if (cover >= mInput.coverCores.size() || cover >= mInput.coreRadii.size()) return false;
  const double r2 = mInput.coreRadii[cover] * mInput.coreRadii[cover];
  for (const QPointF& f : mInput.coverCores[cover]) {
    bool inside = true;
    for (const Geometry::Part& part : mInput.targets[target].parts()) {
      if (part.empty()) continue;
      for (const QPointF& v : part.front()) {  // the shell bounds the holes
        const double dx = v.x() - f.x();
        const double dy = v.y() - f.y();
        if (dx * dx + dy * dy > r2) {
          inside = false;
          break;
        }
      }
      if (!inside) break;
    }
    if (inside) return true;
  }
  return false;
}

// The target minus the covers that meet it. Each cover is first clipped to the target's box (a
// cheap linear cut), so the overlay sees a few segments rather than a whole buffer; the exact
// difference still decides. Null when GEOS fails even on the unclipped cover.
GeosGeomPtr CoverageWorker::cutAway(const GEOSGeometry* target, const std::vector<int>& covers) {
  GEOSContextHandle_t ctx = geosContext();
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  envelopeOf(target, x0, y0, x1, y1);
  GeosGeomPtr rest(GEOSGeom_clone_r(ctx, target));
  for (int c : covers) {
    const GEOSGeometry* cover = mCovers.get(static_cast<std::size_t>(c));
    const GeosGeomPtr clipped(GEOSClipByRect_r(ctx, cover, x0, y0, x1, y1));
    GeosGeomPtr next(clipped ? GEOSDifference_r(ctx, rest.get(), clipped.get()) : nullptr);
    if (!next) next.reset(GEOSDifference_r(ctx, rest.get(), cover));
    if (!next) return nullptr;
    rest = std::move(next);
    if (GEOSisEmpty_r(ctx, rest.get()) == 1) break;
  }
  return rest;
}

void CoverageWorker::keepParts(TargetShare& share, const GEOSGeometry* target, bool full, const GEOSGeometry* uncovered) {
  if (full) {
    share.coveredPart = fromGeos(target);
  } else if (uncovered == nullptr) {
    share.uncoveredPart = fromGeos(target);
  } else {
    const GeosGeomPtr covered(GEOSDifference_r(geosContext(), target, uncovered));
    share.coveredPart = fromGeos(covered.get());
    share.uncoveredPart = fromGeos(uncovered);
  }
}

// A zone that contains the target takes all of it (the grids settle nearly every target inside a
// zone from its box); otherwise the target is split by intersection. False when GEOS fails.
bool CoverageWorker::splitByZones(std::size_t i, const GEOSGeometry* target, bool full, const GEOSGeometry* uncovered) {
  GEOSContextHandle_t ctx = geosContext();
  TargetShare& share = mShared.shares[i];
  const QRectF& box = mShared.targetBoxes[i];
  mUnsure.clear();
  for (int z : mBatchZones) {
    if (!boxesMeet(mShared.zoneBoxes[static_cast<std::size_t>(z)], box)) continue;
    const InteriorGrid::Place place = mShared.zoneGrids[static_cast<std::size_t>(z)].locate(box);
    if (place == InteriorGrid::Place::Inside) {
      share.zones.push_back({z, share.covered, share.total});
      return true;
    }
    if (place == InteriorGrid::Place::Unknown) mUnsure.push_back(z);
  }
  for (int z : mUnsure) {
    const GEOSPreparedGeometry* zone = mZones.prepared(static_cast<std::size_t>(z));
    if (zone != nullptr && GEOSPreparedContains_r(ctx, zone, target) == 1) {
      share.zones.push_back({z, share.covered, share.total});
      return true;
    }
  }
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  envelopeOf(target, x0, y0, x1, y1);
  for (int z : mUnsure) {
    const GEOSPreparedGeometry* zone = mZones.prepared(static_cast<std::size_t>(z));
    if (zone == nullptr || GEOSPreparedIntersects_r(ctx, zone, target) != 1) continue;
    // The zone cut to the target's box first: the overlay then sees a few of its segments.
    const GEOSGeometry* zoneGeometry = mZones.get(static_cast<std::size_t>(z));
    const GeosGeomPtr clipped(GEOSClipByRect_r(ctx, zoneGeometry, x0, y0, x1, y1));
    const GEOSGeometry* local = clipped ? clipped.get() : zoneGeometry;
    GeosGeomPtr inZone(GEOSIntersection_r(ctx, target, local));
    if (!inZone && local != zoneGeometry) {  // a clip with stray lines or points: the whole zone
      local = zoneGeometry;
      inZone.reset(GEOSIntersection_r(ctx, target, local));
    }
    if (!inZone) return false;
    const double total = areaOf(inZone.get());
    if (total <= 0) continue;
    double coveredInZone = 0;
    if (full) {
      coveredInZone = total;
    } else if (uncovered != nullptr) {
      const GeosGeomPtr part(GEOSIntersection_r(ctx, uncovered, local));
      if (!part) return false;
      coveredInZone = std::clamp(total - areaOf(part.get()), 0.0, total);
    }
    share.zones.push_back({z, coveredInZone, total});
  }
  return true;
}

}  // namespace xiuhua::gis::detail
