#include "document/map_document.h"

#include "document/layer_loader.h"
#include "document/layer_probe.h"
#include "xiuhua/gis/bounds.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/gis/coordinate_transform.h"
#include "xiuhua/gis/geometry_validity.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QUuid>
#include <QtConcurrent>

#include <algorithm>
#include <exception>

namespace xiuhua::app {

namespace {

QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8); }

int seedFor(const QString& name) { return static_cast<int>(qHash(name) % 97U); }

}  // namespace

MapDocument::MapDocument(QObject* parent) : QObject(parent) { newProject(); }
MapDocument::~MapDocument() { cancelAllJobs(); }

void MapDocument::cancelAllJobs() {
  for (auto& [id, job] : mLoads) job.cancel->store(true);
  for (auto& [id, job] : mValidityInFlight) job.cancel->store(true);
  mLoads.clear();
  mValidityInFlight.clear();
}

void MapDocument::newProject() {
  cancelAllJobs();
  mLayers.clear();
  mMapCrs = gis::Crs::fromEpsg(4549);
  mProjectPath.clear();
  mTitle.clear();
  mSavedExtent = QRectF();
  mModified = false;
  emit projectReset();
  emit layersChanged();
}

gis::Status MapDocument::openProject(const QString& path) {
  auto loaded = gis::ProjectFile::load(path);
  if (!loaded.ok()) return loaded.error();
  gis::Project project = std::move(loaded).value();
  cancelAllJobs();
  mLayers.clear();
  mMapCrs = project.mapCrs.isValid() ? project.mapCrs : gis::Crs::fromEpsg(4549);
  mProjectPath = QFileInfo(path).absoluteFilePath();
  mTitle = project.title;
  mSavedExtent = project.extent;
  mCurrentExtent = project.extent;
  for (gis::LayerSpec& spec : project.layers) {
    LayerState state;
    state.spec = std::move(spec);
    mLayers.push_back(std::move(state));
  }
  keepGroupsTogether();
  mModified = false;
  emit projectReset();
  emit layersChanged();
  for (LayerState& state : mLayers) load(state, true);
  return {};
}

gis::Status MapDocument::saveProject(const QString& path) {
  gis::Project project;
  project.title = mTitle;
  project.mapCrs = mMapCrs;
  project.extent = mCurrentExtent;
  for (const LayerState& state : mLayers) project.layers.push_back(state.spec);
  // Saved under another name: the new file starts as a copy of this one, so its indicator values,
  // computations and saved scenarios go with it.
  if (!mProjectPath.isEmpty() && QFileInfo(path).absoluteFilePath() != mProjectPath && QFileInfo::exists(mProjectPath)) {
    auto db = gis::Database::open(mProjectPath);
    if (!db.ok()) return db.error();
    if (gis::Status s = (*db)->copyTo(path); !s) return s;
  }
  if (gis::Status s = gis::ProjectFile::save(project, path); !s) return s;
  mProjectPath = QFileInfo(path).absoluteFilePath();
  mModified = false;
  emit projectSaved();
  return {};
}

bool MapDocument::isReadOnly() const { return !mProjectPath.isEmpty() && !gis::Database::isWritable(mProjectPath); }

QString MapDocument::title() const {
  if (!mTitle.isEmpty()) return mTitle;
  if (!mProjectPath.isEmpty()) return QFileInfo(mProjectPath).completeBaseName();
  return tr("Untitled");
}

gis::Result<QStringList> MapDocument::addLayersFromFile(const QString& path) {
  auto specs = probeLayerSource(path);
  if (!specs.ok()) return specs.error();
  return addLayers(std::move(specs).value());
}

QStringList MapDocument::addLayers(std::vector<gis::LayerSpec> specs) {
  QStringList ids;
  for (gis::LayerSpec& spec : specs) {
    ids << (spec.id = newId());
    addLayer(std::move(spec));
  }
  return ids;
}

void MapDocument::addLayersFromFileInBackground(const QString& path) {
  ++mPendingProbes;
  auto* watcher = new QFutureWatcher<gis::Result<std::vector<gis::LayerSpec>>>(this);
  connect(watcher, &QFutureWatcher<gis::Result<std::vector<gis::LayerSpec>>>::finished, this, [this, watcher] {
    watcher->deleteLater();
    --mPendingProbes;
    auto specs = watcher->result();
    if (!specs.ok()) {
      emit problem(specs.error().message);
      if (!isLoading()) emit allLayersLoaded();
      return;
    }
    addLayers(std::move(specs).value());
  });
  watcher->setFuture(QtConcurrent::run([path]() -> gis::Result<std::vector<gis::LayerSpec>> {
    try {
      return probeLayerSource(path);
    } catch (const std::exception&) {
      return gis::Error{gis::ErrorCode::IoFailed, tr("%1: not enough memory to open the file.").arg(path)};
    }
  }));
}

void MapDocument::addLayer(gis::LayerSpec spec) {
  if (spec.id.isEmpty()) spec.id = newId();
  LayerState state;
  state.spec = std::move(spec);
  mLayers.insert(mLayers.begin(), std::move(state));
  markModified();
  emit layersChanged();
  load(mLayers.front(), true);
}

void MapDocument::removeLayer(const QString& id) {
  const auto it = std::find_if(mLayers.begin(), mLayers.end(),
                               [&](const LayerState& s) { return s.spec.id == id; });
  if (it == mLayers.end()) return;
  mLayers.erase(it);
  if (auto job = mLoads.find(id); job != mLoads.end()) {
    job->second.cancel->store(true);
    mLoads.erase(job);
  }
  if (auto job = mValidityInFlight.find(id); job != mValidityInFlight.end()) {
    job->second.cancel->store(true);
    mValidityInFlight.erase(job);
  }
  markModified();
  emit layersChanged();
}

const LayerState* MapDocument::layer(const QString& id) const {
  const auto it = std::find_if(mLayers.begin(), mLayers.end(),
                               [&](const LayerState& s) { return s.spec.id == id; });
  return it == mLayers.end() ? nullptr : &*it;
}

LayerState* MapDocument::find(const QString& id) {
  return const_cast<LayerState*>(std::as_const(*this).layer(id));
}

bool MapDocument::isLoading() const {
  return mPendingProbes > 0 || std::any_of(mLayers.begin(), mLayers.end(), [](const LayerState& s) { return s.loading; });
}

bool MapDocument::isCurrent(const LayerState& state) const {
  if (state.projected) return state.projected->mapCrs() == mMapCrs;
  if (state.streamed) return state.streamed->mapCrs() == mMapCrs;
  if (state.raster) return state.raster->mapCrs == mMapCrs;
  return false;
}

void MapDocument::load(LayerState& state, bool reread, std::shared_ptr<const std::vector<int>> repair) {
  const QString id = state.spec.id;
  const std::uint64_t generation = mNextGeneration++;
  if (auto old = mLoads.find(id); old != mLoads.end()) old->second.cancel->store(true);
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  mLoads[id] = LoadJob{generation, cancel};
  state.loading = true;
  state.error.clear();
  auto* watcher = new QFutureWatcher<LoadedLayer>(this);
  connect(watcher, &QFutureWatcher<LoadedLayer>::finished, this, [this, watcher, id, generation, reread] {
    watcher->deleteLater();
    LoadedLayer result = watcher->result();
    LayerState* target = find(id);
    const auto job = mLoads.find(id);
    if (target == nullptr || job == mLoads.end() || job->second.generation != generation) return;  // superseded
    mLoads.erase(job);
    target->loading = false;
    target->error = result.error;
    if (result.error.isEmpty()) {
      if (target->data != result.data) {
        // Feature indices refer to the old data.
        target->invalidGeometries.reset();
        if (target->selection && !target->selection->empty()) {
          target->selection.reset();
          emit selectionChanged(id);
        }
      }
      target->data = result.data;
      target->projected = result.projected;
      target->raster = result.raster;
      target->streamed = result.streamed;
      if (target->raster && target->spec.rasterStyle.maximum <= target->spec.rasterStyle.minimum + 1e-12) {
        target->spec.rasterStyle.minimum = target->raster->minimum;
        target->spec.rasterStyle.maximum = target->raster->maximum;
      }
      const bool vector = target->data || target->streamed;
      if (vector && target->spec.vectorStyle.symbol.fill == gis::Symbol().fill &&
          target->spec.vectorStyle.kind == gis::VectorStyle::Kind::Single) {
        target->spec.vectorStyle.symbol = gis::defaultSymbol(static_cast<int>(target->geometryType()), seedFor(target->spec.name));
      }
    } else {
      emit problem(result.error);
    }
    for (const QString& w : result.warnings) emit problem(w);
    if (result.error.isEmpty() && result.data && !target->invalidGeometries) checkValidity(id, result.data);
    if (reread && result.error.isEmpty()) emit layerReread(id);
    emit layerLoaded(id);
    if (!isLoading()) emit allLayersLoaded();
  });
  const gis::LayerSpec spec = state.spec;
  const gis::Crs mapCrs = mMapCrs;
  std::shared_ptr<const gis::VectorData> existing = reread ? nullptr : state.data;
  watcher->setFuture(QtConcurrent::run([spec, mapCrs, existing, cancel, repair] {
    if (!repair || !existing) return loadLayer(spec, mapCrs, existing, cancel.get());
    try {
      auto repaired = std::make_shared<gis::VectorData>(*existing);
      for (int i : *repair) {
        gis::Geometry& g = repaired->geometries[static_cast<std::size_t>(i)];
        g = gis::makeValid(g);
      }
      return loadLayer(spec, mapCrs, repaired, cancel.get());
    } catch (const std::exception&) {
      LoadedLayer failed;
      failed.error = tr("%1: not enough memory to repair the geometries.").arg(spec.source);
      return failed;
    }
  }));
}

void MapDocument::setLayerVisible(const QString& id, bool visible) {
  if (LayerState* s = find(id); s != nullptr && s->spec.visible != visible) {
    s->spec.visible = visible;
    markModified();
    emit layersChanged();
  }
}

void MapDocument::renameLayer(const QString& id, const QString& name) {
  if (LayerState* s = find(id); s != nullptr && !name.trimmed().isEmpty() && s->spec.name != name) {
    s->spec.name = name.trimmed();
    markModified();
    emit layersChanged();
  }
}

void MapDocument::setLayerGroup(const QString& id, const QString& group) {
  if (LayerState* s = find(id); s != nullptr && s->spec.group != group) {
    s->spec.group = group;
    keepGroupsTogether();
    markModified();
    emit layersChanged();
  }
}

void MapDocument::arrangeLayers(const std::vector<std::pair<QString, QString>>& idsAndGroups) {
  std::vector<LayerState> ordered;
  for (const auto& [id, group] : idsAndGroups) {
    const auto it = std::find_if(mLayers.begin(), mLayers.end(),
                                 [&](const LayerState& s) { return s.spec.id == id; });
    if (it != mLayers.end()) {
      it->spec.group = group;
      ordered.push_back(std::move(*it));
      mLayers.erase(it);
    }
  }
  for (LayerState& rest : mLayers) ordered.push_back(std::move(rest));
  mLayers = std::move(ordered);
  keepGroupsTogether();
  markModified();
  emit layersChanged();
}

void MapDocument::setVectorStyle(const QString& id, const gis::VectorStyle& style) {
  if (LayerState* s = find(id)) {
    s->spec.vectorStyle = style;
    markModified();
    emit styleChanged(id);
  }
}

void MapDocument::setRasterStyle(const QString& id, const gis::RasterStyle& style) {
  if (LayerState* s = find(id)) {
    s->spec.rasterStyle = style;
    markModified();
    emit styleChanged(id);
  }
}

gis::Status MapDocument::declareLayerCrs(const QString& id, const QString& definition) {
  LayerState* s = find(id);
  if (s == nullptr) return gis::Error{gis::ErrorCode::InvalidArgument, tr("No such layer.")};
  if (!definition.isEmpty()) {
    auto crs = gis::Crs::fromUserInput(definition);
    if (!crs.ok()) return crs.error();
  }
  s->spec.declaredCrs = definition;
  markModified();
  // Reuse the data already read unless a re-read (e.g. for a new encoding) is under way.
  load(*s, s->loading || !s->data || s->spec.kind == gis::LayerSpec::Kind::Raster);
  return {};
}

void MapDocument::reloadSource(const QString& path) {
  const QString file = QFileInfo(path).absoluteFilePath();
  for (LayerState& s : mLayers) {
    if (QFileInfo(s.spec.source).absoluteFilePath() == file) load(s, true);
  }
}

void MapDocument::reloadLayer(const QString& id) {
  if (LayerState* s = find(id)) load(*s, true);
}

void MapDocument::setLayerData(const QString& id, std::shared_ptr<const gis::VectorData> data) {
  if (LayerState* s = find(id)) {
    s->data = std::move(data);
    s->invalidGeometries.reset();  // rows of the old data; checked again
    load(*s, false);
  }
}

void MapDocument::setLayerEncoding(const QString& id, const QString& encoding) {
  if (LayerState* s = find(id)) {
    s->spec.encoding = encoding;
    markModified();
    load(*s, true);
  }
}

void MapDocument::setLayerStreaming(const QString& id, gis::LayerSpec::Streaming streaming) {
  if (LayerState* s = find(id); s != nullptr && s->spec.streaming != streaming) {
    s->spec.streaming = streaming;
    markModified();
    load(*s, true);
  }
}

int MapDocument::repairGeometries(const QString& id) {
  LayerState* s = find(id);
  if (s == nullptr || !s->data || !s->invalidGeometries || s->invalidGeometries->empty()) return 0;
  const int count = static_cast<int>(s->invalidGeometries->size());
  load(*s, false, s->invalidGeometries);
  return count;
}

void MapDocument::checkValidity(const QString& id, std::shared_ptr<const gis::VectorData> data) {
  if (auto old = mValidityInFlight.find(id); old != mValidityInFlight.end()) old->second.cancel->store(true);
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  mValidityInFlight[id] = ValidityJob{data, cancel};
  auto* watcher = new QFutureWatcher<std::vector<int>>(this);
  connect(watcher, &QFutureWatcher<std::vector<int>>::finished, this, [this, watcher, id, data] {
    watcher->deleteLater();
    const auto inFlight = mValidityInFlight.find(id);
    if (inFlight == mValidityInFlight.end() || inFlight->second.data != data) return;  // superseded
    mValidityInFlight.erase(inFlight);
    LayerState* s = find(id);
    if (s == nullptr || s->data != data) return;
    s->invalidGeometries = std::make_shared<const std::vector<int>>(watcher->result());
    if (!s->invalidGeometries->empty()) {
      emit problem(tr("%1 (%2): %n invalid geometries (e.g. self-intersections); select or repair "
                      "them in Layer properties.", nullptr, static_cast<int>(s->invalidGeometries->size()))
                       .arg(s->spec.name, QDir::toNativeSeparators(s->spec.source)));
    }
    emit validityChecked(id);
  });
  watcher->setFuture(QtConcurrent::run([data, cancel] {
    try {
      return gis::findInvalidGeometries(data->geometries, cancel.get());
    } catch (const std::exception&) {
      return std::vector<int>();  // out of memory: report nothing rather than end the program
    }
  }));
}

void MapDocument::setSelection(const QString& id, std::vector<int> features) {
  LayerState* s = find(id);
  if (s == nullptr) return;
  std::sort(features.begin(), features.end());
  features.erase(std::unique(features.begin(), features.end()), features.end());
  s->selection = std::make_shared<const std::vector<int>>(std::move(features));
  emit selectionChanged(id);
}

void MapDocument::clearSelections() {
  for (LayerState& s : mLayers) {
    if (s.selection && !s.selection->empty()) {
      s.selection.reset();
      emit selectionChanged(s.spec.id);
    }
  }
}

void MapDocument::setMapCrs(const gis::Crs& crs) {
  if (!crs.isValid() || crs == mMapCrs) return;
  // Keep showing the same place: the current view, transformed into the new CRS.
  mSavedExtent = QRectF();
  if (!mCurrentExtent.isEmpty()) {
    auto transform = gis::CoordinateTransform::create(mMapCrs, crs);
    if (transform.ok()) mSavedExtent = (*transform)->transformBounds(mCurrentExtent);
  }
  mCurrentExtent = mSavedExtent;
  mMapCrs = crs;
  markModified();
  for (LayerState& s : mLayers) load(s, s.spec.kind == gis::LayerSpec::Kind::Raster);
  emit mapCrsChanged();
}

QRectF MapDocument::fullExtent() const {
  gis::Bounds extent;
  for (const LayerState& s : mLayers) {
    if (!isCurrent(s)) continue;
    if (s.projected && !s.projected->source().geometries.empty()) extent.add(s.projected->extent());
    if (s.streamed && !s.streamed->extent().isNull()) extent.add(s.streamed->extent());
    if (s.raster) extent.add(s.raster->extent);
  }
  return extent.rect();
}

gis::RenderSnapshot MapDocument::snapshot(const gis::MapViewport& viewport) const {
  gis::RenderSnapshot snap;
  snap.viewport = viewport;
  for (auto it = mLayers.rbegin(); it != mLayers.rend(); ++it) {
    if (!it->spec.visible || !isCurrent(*it)) continue;  // not yet reprojected after a CRS change
    gis::RenderLayer layer;
    layer.vector = it->projected;
    layer.raster = it->raster;
    layer.streamed = it->streamed;
    layer.vectorStyle = it->spec.vectorStyle;
    layer.rasterStyle = it->spec.rasterStyle;
    layer.selection = it->selection;
    snap.layers.push_back(std::move(layer));
  }
  return snap;
}

void MapDocument::markModified() { mModified = true; }

void MapDocument::keepGroupsTogether() {
  std::vector<LayerState> ordered;
  ordered.reserve(mLayers.size());
  std::vector<bool> taken(mLayers.size(), false);
  for (std::size_t i = 0; i < mLayers.size(); ++i) {
    if (taken[i]) continue;
    const QString group = mLayers[i].spec.group;
    for (std::size_t j = i; j < mLayers.size(); ++j) {
      if (taken[j] || (j != i && (group.isEmpty() || mLayers[j].spec.group != group))) continue;
      taken[j] = true;
      ordered.push_back(std::move(mLayers[j]));
    }
  }
  mLayers = std::move(ordered);
}

}  // namespace xiuhua::app
