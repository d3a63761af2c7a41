#pragma once

#include "xiuhua/gis/feature_source.h"
#include "xiuhua/gis/map_viewport.h"
#include "xiuhua/gis/projected_layer.h"
#include "xiuhua/gis/raster_grid.h"
#include "xiuhua/gis/style.h"

#include <QColor>
#include <QImage>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace xiuhua::gis {

// One layer as the renderer sees it: shared immutable data plus a copy of its style.
struct RenderLayer {
  std::shared_ptr<const ProjectedLayer> vector;  // exactly one of vector / raster / streamed is set
  std::shared_ptr<const RasterGrid> raster;
  VectorStyle vectorStyle;
  RasterStyle rasterStyle;
  std::shared_ptr<const std::vector<int>> selection;  // sorted feature indices to highlight
  // A layer fetched per view from its source (a big PostGIS table): only what the view meets, and
  // features below a pixel and a half as one pixel without their geometry.
  std::shared_ptr<const FeatureSource> streamed;
};

// Everything a render needs, taken on the GUI thread and never changed afterwards, so a worker
// may draw it while the user goes on editing the live project.
struct RenderSnapshot {
  MapViewport viewport;
  std::vector<RenderLayer> layers;  // drawn in order: first is the bottom
  QColor background = Qt::white;
  std::uint64_t generation = 0;     // newer snapshots have larger numbers
  // Device pixels per viewport pixel: 1 on screen; e.g. 300/96 for a map printed at 300 dpi, where
  // line widths, point sizes and labels keep their size on paper and only get sharper.
  double pixelRatio = 1.0;
};

struct RenderStats {
  int featuresDrawn = 0;
  int featuresConsidered = 0;
  bool cancelled = false;
  QStringList problems;  // a streamed layer that could not be read (the server away …), naming it
};

// Draws the snapshot into an ARGB image. Polls cancel between features; a cancelled render
// returns a partial image with stats.cancelled set. Safe to call on any thread.
// The image has viewport.size() × pixelRatio device pixels (its devicePixelRatio set).
QImage renderMap(const RenderSnapshot& snapshot, const std::atomic<bool>& cancel,
                 RenderStats* stats = nullptr);
// Draws the snapshot's layers (not its background) with a painter whose coordinates are the
// viewport's pixels: onto an SVG generator the map stays vectors. Same cancellation as renderMap.
RenderStats paintMap(QPainter& painter, const RenderSnapshot& snapshot, const std::atomic<bool>& cancel);

}  // namespace xiuhua::gis
