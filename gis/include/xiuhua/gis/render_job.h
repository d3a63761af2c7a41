#pragma once

#include "xiuhua/gis/map_viewport.h"
#include "xiuhua/gis/projected_layer.h"
#include "xiuhua/gis/raster_grid.h"
#include "xiuhua/gis/style.h"

#include <QColor>
#include <QImage>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace xiuhua::gis {

// One layer as the renderer sees it: shared immutable data plus a copy of its style.
struct RenderLayer {
  std::shared_ptr<const ProjectedLayer> vector;  // exactly one of vector / raster is set
  std::shared_ptr<const RasterGrid> raster;
  VectorStyle vectorStyle;
  RasterStyle rasterStyle;
  std::shared_ptr<const std::vector<int>> selection;  // sorted feature indices to highlight
};

// Everything a render needs, taken on the GUI thread and never changed afterwards, so a worker
// may draw it while the user goes on editing the live project.
struct RenderSnapshot {
  MapViewport viewport;
  std::vector<RenderLayer> layers;  // drawn in order: first is the bottom
  QColor background = Qt::white;
  std::uint64_t generation = 0;     // newer snapshots have larger numbers
};

struct RenderStats {
  int featuresDrawn = 0;
  int featuresConsidered = 0;
  bool cancelled = false;
};

// Draws the snapshot into an ARGB image. Polls cancel between features; a cancelled render
// returns a partial image with stats.cancelled set. Safe to call on any thread.
QImage renderMap(const RenderSnapshot& snapshot, const std::atomic<bool>& cancel,
                 RenderStats* stats = nullptr);

}  // namespace xiuhua::gis
