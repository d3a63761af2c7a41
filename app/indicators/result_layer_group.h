#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/gis/vector_writer.h"

#include <QColor>
#include <QString>

#include <vector>

namespace xiuhua::app {

class MapDocument;

// How one computed layer looks on the map.
struct ResultLayerLook {
  QString layer;  // its name in the computed layers
  QString name;   // the display name
  QColor fill;
  QColor stroke;
  double pointSize = 7;
};

// Where the exploration layers named `name` for a year go: beside the project
// (indicators::layersFileFor), or, for a read-only project (the installed demo), in the user's cache
// folder — the project's folder is not written.
QString explorationFileFor(const MapDocument* document, const QString& name, int year);

// Writes computed layers (a what-if, the gap finder's sites…) to a GeoPackage beside the project
// and shows those with a look as one layer group of the map, bottom first, replacing the group's
// earlier layers. Returns the ids of the layers added; fails, naming the file, when it cannot write.
gis::Result<std::vector<QString>> showResultLayerGroup(MapDocument* document, const QString& file,
                                                       const std::vector<gis::LayerToWrite>& layers, const QString& group,
                                                       const std::vector<ResultLayerLook>& looks);

}  // namespace xiuhua::app
