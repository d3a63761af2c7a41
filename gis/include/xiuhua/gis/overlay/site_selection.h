#pragma once

#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/overlay/coverage_scenarios.h"
#include "xiuhua/gis/overlay/overlay_options.h"
#include "xiuhua/gis/result.h"

#include <QPointF>

#include <vector>

namespace xiuhua::gis {

// Candidate sites for a new facility: the points of a square grid (spacing in CRS units, aligned
// on multiples of the spacing) that lie inside the areas (GEOS prepared contains), and for every
// area too small to hold a grid point, one point on its surface. In area order, then row by row.
struct CandidateSites {
  std::vector<QPointF> points;
  std::vector<int> area;  // the area each point lies in
};
Result<CandidateSites> candidateSites(const std::vector<Geometry>& areas, double spacing, int threads = 0);

// The gap finder: the `count` candidates that, added one after the other, cover the most target
// land not yet covered — greedy, each next site counting only what the base and the sites before it
// leave uncovered (lazy evaluation: a site's gain can only shrink as sites are chosen). Ranked by
// covered area, or with `byWeight` by covered weight (the base must have target weights).
//
// The ranking intersects each candidate's cover with the uncovered land (the base must keep parts);
// each chosen site's gains are then those of CoverageScenarios::evaluate — the coverage with the
// sites so far minus the coverage with the sites before — so they are exactly the deltas a scenario
// with those sites shows. Sites that would add nothing are not chosen (fewer than `count` then).
struct SiteChoice {
  int candidate = -1;
  double area = 0;    // target land the site newly covers (m²)
  double weight = 0;  // with target weights: the weight it newly covers
  ZonalCoverage after;  // the coverage with this site and all before it (no parts)
};
struct SiteSelectionOptions {
  int count = 5;
  bool byWeight = false;
  OverlayOptions overlay;  // threads, cancel and progress (the candidates ranked, of all)
};
Result<std::vector<SiteChoice>> chooseSites(const CoverageScenarios& scenarios, const std::vector<Geometry>& candidateCovers,
                                            const SiteSelectionOptions& options = {});

}  // namespace xiuhua::gis
