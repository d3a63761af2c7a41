#include "document/layer_state.h"

#include "document/layer_loader.h"

#include <QCoreApplication>
#include <QLocale>

namespace xiuhua::app {

gis::Crs LayerState::effectiveCrs() const {
  if (raster) return effectiveLayerCrs(spec, raster->sourceCrs);
  if (streamed) return effectiveLayerCrs(spec, streamed->sourceCrs());
  return effectiveLayerCrs(spec, data ? data->crs : gis::Crs());
}

gis::Geometry::Type LayerState::geometryType() const {
  if (data) return data->geometryType;
  return streamed ? streamed->geometryType() : gis::Geometry::Type::Empty;
}

QString LayerState::wholeLayerRefusal() const {
  if (!streamed) return {};
  const qint64 rows = streamed->estimatedCount().value_or(0);
  return QCoreApplication::translate("LayerState",
                                     "%1 is drawn from the server per view (about %2 rows), not held whole: its attribute table and "
                                     "editing need the whole layer. Choose \"Read the whole layer\" in Layer properties to open them "
                                     "(it takes the memory of every row).")
      .arg(spec.name, QLocale().toString(rows));
}

}  // namespace xiuhua::app
