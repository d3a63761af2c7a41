#pragma once

#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/overlay/overlay_options.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"
#include "xiuhua/gis/result.h"

#include <memory>
#include <vector>

namespace xiuhua::gis {

// What-if coverage: a base coverage kept target by target, from which scenarios — covers added,
// covers of the base taken away — are computed by recomputing only the targets that a changed
// cover reaches, with the same exact method (zonalCoverage's); every other target keeps its base
// share. The answer equals a full recomputation up to the order of the sums.
class CoverageScenarios {
 public:
  struct Change {
    std::vector<Geometry> added;  // new covers (valid polygons, e.g. a proposed park's buffer)
    std::vector<int> removed;     // indices of base covers taken away
  };
  struct Outcome {
    ZonalCoverage coverage;       // the scenario's sums (no parts)
    std::vector<int> recomputed;  // the targets whose share was recomputed, ascending
    // With keepParts in the base input: for each recomputed target, the land the change newly
    // covers and the land it no longer covers (empty when none), for maps.
    std::vector<Geometry> newlyCovered;
    std::vector<Geometry> newlyUncovered;
  };

  // Computes the base (input as for zonalCoverage; its parts, with keepParts, are in base()).
  static Result<CoverageScenarios> build(ZonalCoverageInput input, const OverlayOptions& options = {});
  CoverageScenarios(CoverageScenarios&&) noexcept;
  CoverageScenarios& operator=(CoverageScenarios&&) noexcept;
  ~CoverageScenarios();

  const ZonalCoverage& base() const;
  const ZonalCoverageInput& input() const;
  Result<Outcome> evaluate(const Change& change, const OverlayOptions& options = {}) const;

 private:
  struct State;
  explicit CoverageScenarios(std::unique_ptr<State> state);
  std::unique_ptr<State> mState;
};

}  // namespace xiuhua::gis
