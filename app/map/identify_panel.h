#pragma once

#include <QPointF>
#include <QTreeWidget>

namespace xiuhua::app {

class MapDocument;

// Identify results: for each visible layer, top first, the features under the clicked point
// with all their attributes, and raster values. Identified features are selected on the map.
class IdentifyPanel : public QTreeWidget {
  Q_OBJECT

 public:
  explicit IdentifyPanel(MapDocument* document, QWidget* parent = nullptr);
  // Returns the number of features found.
  int identify(QPointF mapPoint, double toleranceMapUnits);

 private:
  MapDocument* mDocument;
};

}  // namespace xiuhua::app
