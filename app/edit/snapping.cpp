#include "edit/snapping.h"

#include "document/map_document.h"
#include "xiuhua/gis/edit/snapper.h"

#include <algorithm>

namespace xiuhua::app {

Snapping::Snapping(MapDocument* document) : QObject(document), mDocument(document) {
  auto dirty = [this] { mDirty = true; };
  connect(document, &MapDocument::layerLoaded, this, [this](const QString& id) {
    if (mSettings.layers.contains(id)) mDirty = true;
  });
  connect(document, &MapDocument::mapCrsChanged, this, dirty);
  connect(document, &MapDocument::layersChanged, this, dirty);
  connect(document, &MapDocument::projectReset, this, [this] {
    mSettings.layers.clear();
    mDirty = true;
  });
}

Snapping::~Snapping() = default;

void Snapping::setSettings(const Settings& settings) {
  if (settings == mSettings) return;
  mSettings = settings;
  mDirty = true;
  emit settingsChanged();
}

void Snapping::addLayer(const QString& layerId) {
  if (mSettings.layers.contains(layerId)) return;
  Settings s = mSettings;
  s.layers << layerId;
  setSettings(s);
}

void Snapping::rebuild() const {
  mSnapper = std::make_unique<gis::Snapper>();
  mSourceLayers.clear();
  mSourceData.clear();
  for (const QString& id : mSettings.layers) {
    const LayerState* layer = mDocument->layer(id);
    if (layer == nullptr || !layer->projected) continue;
    mSnapper->addSource(layer->projected->geometries(), mSettings.vertices, mSettings.segments);
    mSourceLayers.push_back(id);
    mSourceData.push_back(layer->projected);
  }
  mDirty = false;
}

std::optional<SnapCue> Snapping::snap(QPointF cursor, double unitsPerPixel, const MapTool& tool) const {
  if (!mSettings.enabled || mSettings.layers.isEmpty() || (!mSettings.vertices && !mSettings.segments)) return std::nullopt;
  if (mDirty || !mSnapper) rebuild();
  const double tolerance = mSettings.inPixels ? mSettings.tolerance * unitsPerPixel : mSettings.tolerance;
  const std::optional<std::pair<QString, std::vector<qint64>>> excluded = tool.snapExclusion();
  auto skip = [&](int source, std::size_t feature) {
    if (!excluded || mSourceLayers[static_cast<std::size_t>(source)] != excluded->first) return false;
    const auto& fids = mSourceData[static_cast<std::size_t>(source)]->source().fids;
    return feature < fids.size() && std::find(excluded->second.begin(), excluded->second.end(), fids[feature]) != excluded->second.end();
  };
  const std::optional<gis::SnapResult> hit = mSnapper->snap(cursor, tolerance, skip);
  if (!hit) return std::nullopt;
  return SnapCue{hit->kind == gis::SnapResult::Kind::Vertex ? SnapCue::Kind::Vertex : SnapCue::Kind::Segment, hit->point};
}

}  // namespace xiuhua::app
