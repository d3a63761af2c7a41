#include "xiuhua/gis/overlay/coverage_scenarios.h"

#include "geos_context.h"
#include "overlay/coverage_sums.h"
#include "overlay/coverage_worker.h"
#include "overlay/local_geometries.h"
#include "xiuhua/gis/spatial_index.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace xiuhua::gis {

namespace {

bool interiorsMeet(const QRectF& a, const QRectF& b) {
  return a.left() < b.right() && b.left() < a.right() && a.top() < b.bottom() && b.top() < a.bottom();
}

// What is covered after and not before, and before and not after (GEOS differences).
std::pair<Geometry, Geometry> changedLand(const Geometry& before, const Geometry& after) {
  if (before.isEmpty() || after.isEmpty()) return {after, before};
  GEOSContextHandle_t ctx = detail::geosContext();
  const detail::GeosGeomPtr a = detail::toGeos(before);
  const detail::GeosGeomPtr b = detail::toGeos(after);
  if (!a || !b) return {};
  const detail::GeosGeomPtr gained(GEOSDifference_r(ctx, b.get(), a.get()));
  const detail::GeosGeomPtr lost(GEOSDifference_r(ctx, a.get(), b.get()));
  auto polygonal = [](const GEOSGeometry* g) {
    Geometry out = detail::fromGeos(g);
    return out.type() == Geometry::Type::Polygon && detail::areaOf(g) > 0 ? out : Geometry();
  };
  return {polygonal(gained.get()), polygonal(lost.get())};
}

bool finite(const QRectF& b) { return std::isfinite(b.left()) && std::isfinite(b.top()) && std::isfinite(b.right()) && std::isfinite(b.bottom()); }

}  // namespace

struct CoverageScenarios::State {
  ZonalCoverageInput input;
  std::vector<detail::TargetShare> shares;  // the base, per target (without parts)
  ZonalCoverage base;
  std::vector<QRectF> targetBoxes;
  std::vector<QRectF> coverBoxes;
  std::vector<QRectF> zoneBoxes;
  std::unique_ptr<SpatialIndex> targetIndex;
};

CoverageScenarios::CoverageScenarios(std::unique_ptr<State> state) : mState(std::move(state)) {}
CoverageScenarios::CoverageScenarios(CoverageScenarios&&) noexcept = default;
CoverageScenarios& CoverageScenarios::operator=(CoverageScenarios&&) noexcept = default;
CoverageScenarios::~CoverageScenarios() = default;

const ZonalCoverage& CoverageScenarios::base() const { return mState->base; }
const ZonalCoverageInput& CoverageScenarios::input() const { return mState->input; }

Result<CoverageScenarios> CoverageScenarios::build(ZonalCoverageInput input, const OverlayOptions& options) {
  auto state = std::make_unique<State>();
  state->input = std::move(input);
  auto shares = detail::computeShares(state->input, options);
  if (!shares.ok()) return shares.error();
  state->shares = std::move(shares).value();
  state->base = detail::sumShares(state->input, state->shares, false);
  if (state->input.keepParts) {
    for (detail::TargetShare& s : state->shares) {
      state->base.coveredParts.push_back(std::move(s.coveredPart));
      state->base.uncoveredParts.push_back(std::move(s.uncoveredPart));
      s.coveredPart = Geometry();
      s.uncoveredPart = Geometry();
    }
  }
  state->targetBoxes = detail::boxesOf(state->input.targets);
  state->coverBoxes = detail::boxesOf(state->input.covers);
  state->zoneBoxes = detail::boxesOf(state->input.zones);
  state->targetIndex = std::make_unique<SpatialIndex>(state->targetBoxes);
  return CoverageScenarios(std::move(state));
}

Result<CoverageScenarios::Outcome> CoverageScenarios::evaluate(const Change& change, const OverlayOptions& options) const {
  const State& s = *mState;
  const ZonalCoverageInput& base = s.input;
  std::set<int> removed;
  for (int r : change.removed) {
    if (r < 0 || static_cast<std::size_t>(r) >= base.covers.size()) {
      return Error{ErrorCode::InvalidArgument,
                   QCoreApplication::translate("Overlay", "There is no cover #%1 to take away (the base has %2).").arg(r).arg(base.covers.size())};
    }
    removed.insert(r);
  }
  // The targets a changed cover reaches (by box: a superset, recomputed exactly).
  std::vector<QRectF> changedBoxes = detail::boxesOf(change.added);
  for (int r : removed) changedBoxes.push_back(s.coverBoxes[static_cast<std::size_t>(r)]);
  std::set<int> affected;
  for (const QRectF& box : changedBoxes) {
    if (!finite(box)) continue;
    for (int t : s.targetIndex->query(box)) affected.insert(t);
  }
  // With them, every earlier target that overlaps one of them: it still cuts them (overlapping
  // targets count once), though its own share stays.
  std::set<int> context = affected;
  for (int t : affected) {
    const QRectF& box = s.targetBoxes[static_cast<std::size_t>(t)];
    for (int j : s.targetIndex->query(box)) {
      if (j < t && interiorsMeet(box, s.targetBoxes[static_cast<std::size_t>(j)])) context.insert(j);
    }
  }
  const std::vector<int> targets(context.begin(), context.end());  // ascending: "earlier" keeps its meaning

  // A small input: those targets, and the covers, exclusions and zones near them.
  ZonalCoverageInput local;
  local.keepParts = base.keepParts;
  std::vector<QRectF> localBoxes;
  for (int t : targets) {
    local.targets.push_back(base.targets[static_cast<std::size_t>(t)]);
    localBoxes.push_back(s.targetBoxes[static_cast<std::size_t>(t)]);
    if (!base.targetWeights.empty()) local.targetWeights.push_back(base.targetWeights[static_cast<std::size_t>(t)]);
  }
  const SpatialIndex localIndex(localBoxes);
  auto near = [&](const QRectF& box) { return finite(box) && !localIndex.query(box).empty(); };
  for (std::size_t c = 0; c < base.covers.size(); ++c) {
    if (removed.count(static_cast<int>(c)) > 0 || !near(s.coverBoxes[c])) continue;
    local.covers.push_back(base.covers[c]);
    if (c < base.coverCores.size() && c < base.coreRadii.size()) {
      local.coverCores.push_back(base.coverCores[c]);
      local.coreRadii.push_back(base.coreRadii[c]);
    } else {
      local.coverCores.emplace_back();
      local.coreRadii.push_back(0);
    }
  }
  for (const Geometry& g : change.added) local.covers.push_back(g);  // no cores: the overlay decides
  const std::vector<QRectF> exclusionBoxes = detail::boxesOf(base.exclusions);
  for (std::size_t e = 0; e < base.exclusions.size(); ++e) {
    if (near(exclusionBoxes[e])) local.exclusions.push_back(base.exclusions[e]);
  }
  std::vector<int> zoneOf;  // local zone → base zone
  for (std::size_t z = 0; z < base.zones.size(); ++z) {
    if (!near(s.zoneBoxes[z])) continue;
    local.zones.push_back(base.zones[z]);
    zoneOf.push_back(static_cast<int>(z));
  }
  auto localShares = detail::computeShares(local, options);
  if (!localShares.ok()) return localShares.error();

  Outcome outcome;
  std::vector<detail::TargetShare> shares = s.shares;
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const int t = targets[k];
    if (affected.count(t) == 0) continue;
    detail::TargetShare& share = (*localShares)[k];
    for (detail::ZoneShare& z : share.zones) z.zone = zoneOf[static_cast<std::size_t>(z.zone)];
    outcome.recomputed.push_back(t);
    if (base.keepParts) {
      auto [gained, lost] = changedLand(s.base.coveredParts[static_cast<std::size_t>(t)], share.coveredPart);
      outcome.newlyCovered.push_back(std::move(gained));
      outcome.newlyUncovered.push_back(std::move(lost));
    }
    share.coveredPart = Geometry();
    share.uncoveredPart = Geometry();
    shares[static_cast<std::size_t>(t)] = std::move(share);
  }
  outcome.coverage = detail::sumShares(base, shares, false);
  return outcome;
}

}  // namespace xiuhua::gis
