#include "document/layer_editing.h"

#include "document/map_document.h"
#include "xiuhua/gis/coordinate_transform.h"
#include "xiuhua/gis/source_ref.h"

#include <QUndoStack>

#include <set>

namespace xiuhua::app {

struct LayerEditing::Session {
  std::unique_ptr<gis::EditBuffer> buffer;
  std::unique_ptr<QUndoStack> undo;
  int restored = 0;
  bool awaitingReload = false;  // saved: rebase when the layer has been read again
};

LayerEditing::LayerEditing(MapDocument* document) : QObject(document), mDocument(document) {
  // After a save the layer is read again: the session goes on from the file as saved. A shared
  // table is also read again when another user changed it: the session goes on from it, its own
  // edits (and the versions they were made on) kept and shown over it.
  connect(document, &MapDocument::layerLoaded, this, [this](const QString& id) {
    Session* s = session(id);
    const LayerState* layer = mDocument->layer(id);
    if (s == nullptr || !s->awaitingReload || layer == nullptr || !layer->data) return;
    s->awaitingReload = false;
    s->buffer->rebase(layer->data);
    if (s->buffer->isModified()) show(id);  // edits made while it was read
    emit editingChanged(id);
  });
  connect(document, &MapDocument::layerReread, this, [this](const QString& id) {
    Session* s = session(id);
    const LayerState* layer = mDocument->layer(id);
    if (s != nullptr && layer != nullptr && gis::isDatabaseSource(layer->spec.source)) s->awaitingReload = true;
  });
  connect(document, &MapDocument::projectReset, this, [this] { mSessions.clear(); });
}

LayerEditing::~LayerEditing() = default;

LayerEditing::Session* LayerEditing::session(const QString& layerId) const {
  const auto it = mSessions.find(layerId);
  return it == mSessions.end() ? nullptr : it->second.get();
}

gis::Status LayerEditing::start(const QString& layerId) {
  if (isEditing(layerId)) return {};
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr || layer->spec.kind != gis::LayerSpec::Kind::Vector) {
    return gis::Error{gis::ErrorCode::InvalidArgument, tr("Only vector layers can be edited.")};
  }
  if (const QString refusal = layer->wholeLayerRefusal(); !refusal.isEmpty()) return gis::Error{gis::ErrorCode::InvalidArgument, refusal};
  if (!layer->data || layer->loading) {
    return gis::Error{gis::ErrorCode::InvalidArgument, tr("%1 is still loading; edit it when it is on the map.").arg(layer->spec.name)};
  }
  auto buffer = gis::EditBuffer::start(layer->data);
  if (!buffer.ok()) return buffer.error();
  auto s = std::make_unique<Session>();
  s->buffer = std::move(buffer).value();
  s->undo = std::make_unique<QUndoStack>();
  s->restored = s->buffer->restoredFromJournal() ? static_cast<int>(s->buffer->overrides().size()) : 0;
  if (!s->buffer->journalProblem().isEmpty()) emit problem(s->buffer->journalProblem());
  connect(s->undo.get(), &QUndoStack::indexChanged, this, [this, layerId] {
    show(layerId);
    emit editingChanged(layerId);
  });
  const bool restored = s->restored > 0;
  mSessions[layerId] = std::move(s);
  if (restored) show(layerId);
  emit editingChanged(layerId);
  return {};
}

bool LayerEditing::isEditing(const QString& layerId) const { return session(layerId) != nullptr; }
bool LayerEditing::isModified(const QString& layerId) const {
  const Session* s = session(layerId);
  return s != nullptr && s->buffer->isModified();
}

QStringList LayerEditing::editedLayers() const {
  QStringList ids;
  for (const auto& [id, s] : mSessions) ids << id;
  return ids;
}

QStringList LayerEditing::modifiedLayers() const {
  QStringList ids;
  for (const auto& [id, s] : mSessions) {
    if (s->buffer->isModified()) ids << id;
  }
  return ids;
}

gis::EditBuffer* LayerEditing::buffer(const QString& layerId) const {
  const Session* s = session(layerId);
  return s != nullptr ? s->buffer.get() : nullptr;
}

QUndoStack* LayerEditing::undoStack(const QString& layerId) const {
  const Session* s = session(layerId);
  return s != nullptr ? s->undo.get() : nullptr;
}

int LayerEditing::restoredEdits(const QString& layerId) const {
  const Session* s = session(layerId);
  return s != nullptr ? s->restored : 0;
}

void LayerEditing::push(const QString& layerId, std::unique_ptr<gis::FeatureEditCommand> command) {
  Session* s = session(layerId);
  if (s == nullptr || !command) return;
  command->setReport([this](const QString& p) { emit problem(p); });  // the stack's owner outlives the tool
  s->undo->push(command.release());  // redo() runs; indexChanged shows it
}

gis::Result<qint64> LayerEditing::addDrawn(const QString& layerId, const gis::Geometry& mapGeometry, gis::AttributeRow attributes,
                                           const QString& text) {
  Session* s = session(layerId);
  const LayerState* layer = mDocument->layer(layerId);
  if (s == nullptr || layer == nullptr) return gis::Error{gis::ErrorCode::InvalidArgument, tr("The layer is not being edited.")};
  gis::Geometry geometry = mapGeometry;
  const gis::Crs layerCrs = layer->effectiveCrs();
  if (layerCrs.isValid() && mDocument->mapCrs().isValid() && !(layerCrs == mDocument->mapCrs())) {
    auto transform = gis::CoordinateTransform::create(mDocument->mapCrs(), layerCrs);
    if (!transform.ok()) return transform.error();
    for (gis::Geometry::Part& part : geometry.parts()) {
      for (gis::Geometry::Ring& ring : part) {
        if (!(*transform)->transform(ring)) {
          return gis::Error{gis::ErrorCode::TransformFailed, tr("The drawn feature cannot be put into the layer's coordinate system.")};
        }
      }
    }
  }
  auto command = gis::FeatureEditCommand::addFeature(s->buffer.get(), std::move(geometry), std::move(attributes), text);
  const qint64 fid = command->fids().front();
  push(layerId, std::move(command));
  return fid;
}

int LayerEditing::rowOf(const QString& layerId, qint64 fid) const {
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr || !layer->data) return -1;
  const auto& fids = layer->data->fids;
  const auto it = std::find(fids.begin(), fids.end(), fid);
  return it == fids.end() ? -1 : static_cast<int>(it - fids.begin());
}

void LayerEditing::show(const QString& layerId) {
  Session* s = session(layerId);
  if (s == nullptr) return;
  // The layer as edited: the file's features with the session's changes (a copy: the map draws
  // it on its own threads).
  const gis::VectorData& base = s->buffer->base();
  auto data = std::make_shared<gis::VectorData>();
  data->path = base.path;
  data->layerName = base.layerName;
  data->driver = base.driver;
  data->geometryType = base.geometryType;
  data->crs = base.crs;
  data->encoding = base.encoding;
  data->fields = base.fields;
  const std::vector<qint64> fids = s->buffer->fids();
  data->fids.reserve(fids.size());
  data->geometries.reserve(fids.size());
  data->attributes.reserve(fids.size());
  for (qint64 fid : fids) {
    std::optional<gis::EditedFeature> f = s->buffer->feature(fid);
    if (!f) continue;
    data->fids.push_back(fid);
    data->geometries.push_back(std::move(f->geometry));
    data->attributes.push_back(std::move(f->attributes));
  }
  data->extent = base.extent;
  for (const gis::Geometry& g : data->geometries) {
    if (!g.isEmpty()) data->extent = data->extent.united(g.boundingBox());
  }
  // The selection is rows of the data shown: the same features stay selected in the new rows.
  std::set<qint64> selected;
  const LayerState* layer = mDocument->layer(layerId);
  if (layer != nullptr && layer->data && layer->selection) {
    for (int row : *layer->selection) {
      if (row >= 0 && static_cast<std::size_t>(row) < layer->data->fids.size()) selected.insert(layer->data->fids[static_cast<std::size_t>(row)]);
    }
  }
  std::vector<int> rows;
  for (std::size_t row = 0; row < data->fids.size() && !selected.empty(); ++row) {
    if (selected.count(data->fids[row]) != 0) rows.push_back(static_cast<int>(row));
  }
  mDocument->setLayerData(layerId, std::move(data));
  if (!selected.empty()) mDocument->setSelection(layerId, std::move(rows));
}

gis::Status LayerEditing::save(const QString& layerId) {
  Session* s = session(layerId);
  if (s == nullptr) return {};
  auto saved = s->buffer->save();
  if (!saved.ok()) return saved.error();
  s->undo->clear();
  reloadFile(s->buffer->base().path);
  emit editingChanged(layerId);
  return {};
}

void LayerEditing::settled(const QString& layerId) {
  Session* s = session(layerId);
  if (s == nullptr) return;
  s->undo->clear();  // its steps led to edits the settling changed
  reloadFile(s->buffer->base().path);  // theirs, where kept, shown
  emit editingChanged(layerId);
}

void LayerEditing::reloadFile(const QString& path) {
  // Every layer of the file is read again: the sessions on its other layers go on from the file
  // as read, their unsaved edits shown over it again.
  for (auto& [id, session] : mSessions) {
    if (session->buffer->base().path == path) session->awaitingReload = true;
  }
  mDocument->reloadSource(path);
}

void LayerEditing::stop(const QString& layerId) {
  const auto it = mSessions.find(layerId);
  if (it == mSessions.end()) return;
  const QString path = it->second->buffer->base().path;
  const bool modified = it->second->buffer->isModified();
  it->second->buffer->discard();
  mSessions.erase(it);  // the lock goes with it (unless another layer of the file is edited)
  if (modified) reloadFile(path);  // the file's features again
  emit editingChanged(layerId);
}

}  // namespace xiuhua::app
