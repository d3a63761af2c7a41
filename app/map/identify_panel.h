#pragma once

#include <QPointF>
#include <QTreeWidget>

namespace xiuhua::app {

class MapDocument;
struct LayerState;

// Identify results: for each visible layer, top first, the features under the clicked point
// with all their attributes, and raster values. Identified features are selected on the map.
class IdentifyPanel : public QTreeWidget {
  Q_OBJECT

 public:
  explicit IdentifyPanel(MapDocument* document, QWidget* parent = nullptr);
  // Returns the number of features found.
  int identify(QPointF mapPoint, double toleranceMapUnits);

 private:
  // A layer drawn per view from the server: asked at the point (not selected: it holds no rows).
  int identifyStreamed(const LayerState& layer, QPointF mapPoint, double tolerance);
  MapDocument* mDocument;
};

}  // namespace xiuhua::app
