#pragma once

#include "map/map_tool.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace xiuhua::gis {
class ProjectedLayer;
class Snapper;
}  // namespace xiuhua::gis

namespace xiuhua::app {

class MapDocument;

// Snapping of the editing tools to vertices and segments of chosen layers, as the planner set it:
// on or off, which layers, to what, and how near (screen pixels or map units). The snapping index
// (gis::Snapper, map CRS) is built when first needed and again when a chosen layer changes.
class Snapping : public QObject {
  Q_OBJECT

 public:
  struct Settings {
    bool enabled = true;
    double tolerance = 10;
    bool inPixels = true;  // false: map units
    bool vertices = true;
    bool segments = true;
    QStringList layers;  // layer ids
    bool operator==(const Settings&) const = default;
  };

  explicit Snapping(MapDocument* document);
  ~Snapping() override;

  const Settings& settings() const { return mSettings; }
  void setSettings(const Settings& settings);
  // Adds a layer to snap to (e.g. the one editing starts on).
  void addLayer(const QString& layerId);
  // Where the cursor snaps, for the canvas (see SnapFunction).
  std::optional<SnapCue> snap(QPointF cursor, double unitsPerPixel, const MapTool& tool) const;

 signals:
  void settingsChanged();

 private:
  void rebuild() const;

  MapDocument* mDocument;
  Settings mSettings;
  mutable std::unique_ptr<gis::Snapper> mSnapper;
  mutable std::vector<QString> mSourceLayers;  // snapper source → layer id
  mutable std::vector<std::shared_ptr<const gis::ProjectedLayer>> mSourceData;
  mutable bool mDirty = true;
};

}  // namespace xiuhua::app
