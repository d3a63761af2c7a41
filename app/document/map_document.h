#pragma once

#include "document/layer_state.h"
#include "xiuhua/gis/map_viewport.h"
#include "xiuhua/gis/render_job.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <map>
#include <vector>

namespace xiuhua::app {

// The open project: its layers in layer-tree order (top first), the map CRS, and the data loaded
// for each layer. Loading and reprojection run on worker threads; results come back through
// queued signals, and a result for a superseded request is dropped (per-layer generation).
// Thread affinity: GUI thread only.
class MapDocument : public QObject {
  Q_OBJECT

 public:
  explicit MapDocument(QObject* parent = nullptr);
  ~MapDocument() override;

  // Replaces the current project only if the file loads; otherwise nothing changes.
  gis::Status openProject(const QString& path);
  gis::Status saveProject(const QString& path);
  void newProject();
  const QString& projectPath() const { return mProjectPath; }
  // The project's title, else its file name, else "Untitled".
  QString title() const;
  bool isModified() const { return mModified; }
  // The project file cannot be changed (gis::Database::isWritable): it is shown and reported
  // from, and saving it means saving under another name.
  bool isReadOnly() const;

  // Adds every layer of the file (all layers of a GeoPackage). Returns the new layer ids, or
  // the error naming the file; nothing already open changes on failure. Opens the file on the
  // calling thread: the GUI uses addLayersFromFileInBackground.
  gis::Result<QStringList> addLayersFromFile(const QString& path);
  // The same, opening the file on a worker; failures come as problem(), and isLoading() is true
  // until the layers are added.
  void addLayersFromFileInBackground(const QString& path);
  QStringList addLayers(std::vector<gis::LayerSpec> specs);
  void addLayer(gis::LayerSpec spec);
  void removeLayer(const QString& id);

  const std::vector<LayerState>& layers() const { return mLayers; }
  const LayerState* layer(const QString& id) const;
  int layerCount() const { return static_cast<int>(mLayers.size()); }
  bool isLoading() const;
  // True when the layer's loaded data is in the current map CRS (false while it is reprojected).
  bool isCurrent(const LayerState& state) const;

  void setLayerVisible(const QString& id, bool visible);
  void renameLayer(const QString& id, const QString& name);
  void setLayerGroup(const QString& id, const QString& group);
  // Sets the top-first order and each layer's group in one step (from the layer tree); ids not
  // listed keep their relative order at the end.
  void arrangeLayers(const std::vector<std::pair<QString, QString>>& idsAndGroups);
  void setVectorStyle(const QString& id, const gis::VectorStyle& style);
  void setRasterStyle(const QString& id, const gis::RasterStyle& style);
  // Declares the layer's CRS (e.g. "GCJ02" for an Amap export) and reprojects it.
  gis::Status declareLayerCrs(const QString& id, const QString& definition);
  // Re-reads every layer read from this file (after it was edited in place).
  void reloadSource(const QString& path);
  // Reads one layer from its source again (a shared table another user changed).
  void reloadLayer(const QString& id);
  // Shows the layer from data in memory (e.g. its edits), projected again on a worker; the source is
  // not read.
  void setLayerData(const QString& id, std::shared_ptr<const gis::VectorData> data);
  // Re-reads a shapefile with the given encoding ("" = automatic).
  void setLayerEncoding(const QString& id, const QString& encoding);
  // Draws a PostGIS table per view from the server or reads it whole (and loads it again so).
  void setLayerStreaming(const QString& id, gis::LayerSpec::Streaming streaming);
  // Replaces invalid geometries by GEOS-repaired ones, in memory, on a worker; returns how many
  // will be repaired (the layer reloads when done).
  int repairGeometries(const QString& id);
  void setSelection(const QString& id, std::vector<int> features);
  void clearSelections();

  const gis::Crs& mapCrs() const { return mMapCrs; }
  void setMapCrs(const gis::Crs& crs);
  QRectF fullExtent() const;
  QRectF savedExtent() const { return mSavedExtent; }
  void setCurrentExtent(const QRectF& extent) { mCurrentExtent = extent; }
  QRectF currentExtent() const { return mCurrentExtent; }

  gis::RenderSnapshot snapshot(const gis::MapViewport& viewport) const;

 signals:
  void projectReset();
  void projectSaved();
  void layersChanged();                 // order, names, visibility, groups, membership
  void layerReread(const QString& id);  // read from its source again (just before layerLoaded)
  void layerLoaded(const QString& id);  // data arrived (or failed: see LayerState::error)
  void allLayersLoaded();
  void styleChanged(const QString& id);
  void validityChecked(const QString& id);  // LayerState::invalidGeometries is set
  void selectionChanged(const QString& id);
  void mapCrsChanged();
  void problem(const QString& message);  // a non-fatal problem to show the user

 private:
  LayerState* find(const QString& id);
  // Loads (or re-projects) the layer on a worker. With `repair`, those features' geometries are
  // made valid (GEOS) on the worker first.
  void load(LayerState& state, bool reread, std::shared_ptr<const std::vector<int>> repair = nullptr);
  void checkValidity(const QString& id, std::shared_ptr<const gis::VectorData> data);
  void markModified();
  // Keeps each group's layers together (at its first layer's place), as the layer tree shows them.
  void keepGroupsTogether();

  std::vector<LayerState> mLayers;
  // Work in flight per layer id: a newer request cancels and supersedes the older one.
  struct LoadJob {
    std::uint64_t generation = 0;
    std::shared_ptr<std::atomic<bool>> cancel;
  };
  struct ValidityJob {
    std::shared_ptr<const gis::VectorData> data;
    std::shared_ptr<std::atomic<bool>> cancel;
  };
  void cancelAllJobs();
  std::map<QString, LoadJob> mLoads;
  std::map<QString, ValidityJob> mValidityInFlight;
  gis::Crs mMapCrs;
  QString mProjectPath;
  QString mTitle;
  QRectF mSavedExtent;
  QRectF mCurrentExtent;
  bool mModified = false;
  int mPendingProbes = 0;  // files being opened by addLayersFromFileInBackground
  std::uint64_t mNextGeneration = 1;
};

}  // namespace xiuhua::app
