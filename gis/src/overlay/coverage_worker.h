#pragma once

// Internal: the indexed method of zonalCoverage, one worker thread at a time. The targets are
// taken in batches of neighbours (a run of the spatial order); each batch asks the spatial
// indexes once for the covers, zones, exclusions and other targets near it, and each target then
// only sieves those lists by box. Interior grids settle most containment questions from a target's
// box; GEOS decides the rest exactly, in the worker's own context, on the worker's own copies.
#include "overlay/interior_grid.h"
#include "overlay/local_geometries.h"
#include "xiuhua/gis/overlay/zonal_coverage.h"
#include "xiuhua/gis/spatial_index.h"

#include <QRectF>

#include <memory>
#include <vector>

namespace xiuhua::gis::detail {

// What one target polygon contributes: its area and covered area, whole and per zone it meets.
struct ZoneShare {
  int zone;
  double covered;
  double total;
};
struct TargetShare {
  double covered = 0;
  double total = 0;
  double density = 0;            // weight per unit of the target's original area
  std::vector<ZoneShare> zones;  // usually one entry; several when the target straddles zones
  bool overlapped = false;
  bool failed = false;   // GEOS could not compute this target's overlay
  Geometry coveredPart;  // with keepParts
  Geometry uncoveredPart;
};

// What the workers share: read-only, except that each share is written by the one worker that
// processes its target.
struct CoverageShared {
  static constexpr std::size_t kBatch = 64;  // targets per batch

  CoverageShared(const ZonalCoverageInput& input, const OverlayOptions& options);
  std::size_t batchCount() const { return (order.size() + kBatch - 1) / kBatch; }

  const ZonalCoverageInput& input;
  std::vector<QRectF> targetBoxes;
  std::vector<QRectF> coverBoxes;
  std::vector<QRectF> exclusionBoxes;
  std::vector<QRectF> zoneBoxes;
  std::vector<std::size_t> order;  // the targets with a box, neighbours next to each other
  std::unique_ptr<SpatialIndex> targetIndex;
  std::unique_ptr<SpatialIndex> coverIndex;
  std::unique_ptr<SpatialIndex> exclusionIndex;
  std::unique_ptr<SpatialIndex> zoneIndex;
  std::vector<InteriorGrid> coverGrids;
  std::vector<InteriorGrid> zoneGrids;
  std::vector<TargetShare> shares;  // one per target
};

// Every target's share, computed on worker threads (fails only when cancelled).
Result<std::vector<TargetShare>> computeShares(const ZonalCoverageInput& input, const OverlayOptions& options);

class CoverageWorker {
 public:
  explicit CoverageWorker(CoverageShared& shared);
  void processBatch(std::size_t batch);

 private:
  void process(std::size_t i);
  bool cutOverlaps(std::size_t i, const GEOSGeometry* source, GeosGeomPtr& owned);
  bool cutExclusions(std::size_t i, GeosGeomPtr& owned);
  // Whether the target is covered whole; else the covers that meet it are in mMeeting.
  bool coveredWhole(std::size_t i, const GEOSGeometry* target);
  bool withinCore(std::size_t target, std::size_t cover) const;
  GeosGeomPtr cutAway(const GEOSGeometry* target, const std::vector<int>& covers);
  void keepParts(TargetShare& share, const GEOSGeometry* target, bool full, const GEOSGeometry* uncovered);
  bool splitByZones(std::size_t i, const GEOSGeometry* target, bool full, const GEOSGeometry* uncovered);

  CoverageShared& mShared;
  const ZonalCoverageInput& mInput;
  LocalGeometries mTargets;  // released after each batch: hundreds of thousands of targets
  LocalGeometries mCovers;
  LocalGeometries mExclusions;
  LocalGeometries mZones;
  // Near the current batch, ascending.
  std::vector<int> mBatchTargets;
  std::vector<int> mBatchCovers;
  std::vector<int> mBatchExclusions;
  std::vector<int> mBatchZones;
  std::vector<std::size_t> mTouched;  // targets converted during the batch
  // Per target, reused.
  std::vector<int> mMeeting;  // covers that meet the target
  std::vector<int> mUnsure;   // candidates the grids could not settle
};

}  // namespace xiuhua::gis::detail
