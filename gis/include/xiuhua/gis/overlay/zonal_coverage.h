#pragma once

#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/overlay/overlay_options.h"
#include "xiuhua/gis/result.h"

#include <QPointF>

#include <vector>

namespace xiuhua::gis {

// What share of the target land lies inside the union of the cover polygons, for the whole and per
// zone: covered = area(T ∩ ∪covers ∩ zone), total = area(T ∩ zone), where T is the union of the
// targets minus the union of the exclusions (overlapping targets count once).
//
// Exact (GEOS overlay on the actual polygons) and fast: per target polygon, only nearby covers are
// looked at (STRtree); a prepared-contains test settles fully covered and uncovered polygons; a
// local union is built only for partly covered ones. Targets are processed on worker threads, each
// with its own GEOS context and its own copies of the geometries it touches; the sums are taken in
// target order, so the answer does not depend on the number of threads.
struct ZonalCoverageInput {
  std::vector<Geometry> targets;     // polygons, valid (see repairGeometries)
  std::vector<Geometry> covers;      // polygons, valid (e.g. service-radius buffers)
  std::vector<Geometry> exclusions;  // polygons removed from the targets (may be empty)
  std::vector<Geometry> zones;       // polygons, e.g. 街镇 or 网格 (may be empty)
  // Optional, for speed: for each cover, points and a distance such that everything within that
  // distance of one of the points lies inside the cover (a buffer's source vertices, and its
  // radius × cos(π / 2·segments) because the arcs are chords). A target within one such disk is
  // fully covered without an overlay test. Empty: not used.
  std::vector<std::vector<QPointF>> coverCores;
  std::vector<double> coreRadii;
  // Optional weights (e.g. population) of the targets, each spread evenly over its polygon: the
  // weighted results count weight × the share of the polygon's area. Empty: no weights.
  std::vector<double> targetWeights;
  // Keep, per target, its covered and uncovered land (for coverage maps). Costs memory and time.
  bool keepParts = false;
};

struct ZonalCoverage {
  AreaPair all;                 // the whole target land
  std::vector<AreaPair> zones;  // one per input zone, in input order
  AreaPair outside;             // target land outside every zone
  int overlappingTargets = 0;   // targets that overlapped an earlier one (counted once)
  // Targets GEOS could not overlay (a topology failure): left out of the sums, never silently —
  // callers must report them.
  std::vector<int> failedTargets;
  // With targetWeights: the covered and total weight, whole, per zone and outside the zones.
  AreaPair weightedAll;
  std::vector<AreaPair> weightedZones;
  AreaPair weightedOutside;
  // With keepParts: per target, the land covered and not covered (after overlaps and exclusions).
  std::vector<Geometry> coveredParts;
  std::vector<Geometry> uncoveredParts;
};

enum class CoverageMethod {
  Indexed,  // the fast method above
  Naive,    // buffer union → target union → intersections, one thread (a reference for checks;
            // no weights)
};

Result<ZonalCoverage> zonalCoverage(const ZonalCoverageInput& input, const OverlayOptions& options = {},
                                    CoverageMethod method = CoverageMethod::Indexed);

}  // namespace xiuhua::gis
