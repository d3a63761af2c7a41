#include "document/shared_layer_watcher.h"

#include "document/map_document.h"
#include "xiuhua/gis/postgis/pg_change_listener.h"
#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/gis/source_ref.h"

#include <QFutureWatcher>
#include <QSocketNotifier>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>

namespace xiuhua::app {

struct SharedLayerWatcher::Listener {
  std::shared_ptr<gis::PgChangeListener> listener;
  std::unique_ptr<QSocketNotifier> notifier;
  bool opening = false;
};

namespace {

// What a worker found about one table: whether it has the change trigger, and its stamp now.
struct Probe {
  bool ok = false;
  bool trigger = false;
  QString stamp;
};

Probe probeTable(const QString& source, const QString& layer, bool withTrigger) {
  Probe p;
  auto table = gis::PgLayerSource::parse(source, layer);
  if (!table.ok()) return p;
  auto c = gis::PgConnection::open(table->connection);
  if (!c.ok()) return p;
  if (withTrigger) {
    auto has = gis::pgHasChangeTrigger(*c.value(), table->schema, table->table);
    p.trigger = has.ok() && has.value();
  }
  auto stamp = gis::pgChangeStamp(*c.value(), table->schema, table->table);
  if (!stamp.ok()) return p;
  p.stamp = stamp.value();
  p.ok = true;
  return p;
}

}  // namespace

SharedLayerWatcher::SharedLayerWatcher(MapDocument* document) : QObject(document), mDocument(document), mPoll(new QTimer(this)) {
  mPoll->setInterval(1000);
  connect(mPoll, &QTimer::timeout, this, &SharedLayerWatcher::poll);
  connect(document, &MapDocument::layersChanged, this, &SharedLayerWatcher::rescan);
  connect(document, &MapDocument::projectReset, this, &SharedLayerWatcher::rescan);
  rescan();
}

SharedLayerWatcher::~SharedLayerWatcher() = default;

QString SharedLayerWatcher::mode(const QString& layerId) const {
  const auto it = mLayers.find(layerId);
  return it == mLayers.end() ? QString() : it->second.mode;
}

void SharedLayerWatcher::rescan() {
  std::map<QString, Watched> now;
  for (const LayerState& s : mDocument->layers()) {
    if (s.spec.kind != gis::LayerSpec::Kind::Vector || !gis::isDatabaseSource(s.spec.source)) continue;
    const auto old = mLayers.find(s.spec.id);
    if (old != mLayers.end() && old->second.source == s.spec.source && old->second.layer == s.spec.sourceLayer) {
      now[s.spec.id] = old->second;
    } else {
      now[s.spec.id] = Watched{s.spec.source, s.spec.sourceLayer, {}, {}, false};
    }
  }
  mLayers = std::move(now);
  for (auto it = mListeners.begin(); it != mListeners.end();) {
    const bool used = std::any_of(mLayers.begin(), mLayers.end(), [&](const auto& l) { return l.second.source == it->first; });
    it = used || it->second->opening ? std::next(it) : mListeners.erase(it);
  }
  for (auto& [id, w] : mLayers) {
    if (w.mode.isEmpty() && !w.busy) probe(id);
  }
  if (mLayers.empty()) {
    mPoll->stop();
    mListeners.clear();
  } else if (!mPoll->isActive()) {
    mPoll->start();
  }
}

// The first look at a layer's table: announced by the trigger, or polled.
void SharedLayerWatcher::probe(const QString& id) {
  Watched& w = mLayers[id];
  w.busy = true;
  auto* watcher = new QFutureWatcher<Probe>(this);
  connect(watcher, &QFutureWatcher<Probe>::finished, this, [this, watcher, id] {
    watcher->deleteLater();
    const auto it = mLayers.find(id);
    if (it == mLayers.end()) return;
    const Probe p = watcher->result();
    it->second.busy = false;
    if (!p.ok) return;  // the server unreachable: tried again at the next poll
    // Polled until the LISTEN connection is open: a change meanwhile is not lost.
    it->second.mode = QStringLiteral("poll");
    it->second.announced = p.trigger;
    it->second.stamp = p.stamp;
    if (p.trigger) listen(it->second.source);
    emit watching(id, it->second.mode);
  });
  watcher->setFuture(QtConcurrent::run(probeTable, w.source, w.layer, true));
}

void SharedLayerWatcher::listen(const QString& source) {
  std::unique_ptr<Listener>& slot = mListeners[source];
  if (!slot) slot = std::make_unique<Listener>();
  if (slot->listener || slot->opening) return;
  slot->opening = true;
  using Opened = std::shared_ptr<gis::PgChangeListener>;
  auto* watcher = new QFutureWatcher<Opened>(this);
  connect(watcher, &QFutureWatcher<Opened>::finished, this, [this, watcher, source] {
    watcher->deleteLater();
    const auto it = mListeners.find(source);
    if (it == mListeners.end()) return;
    Listener& l = *it->second;
    l.opening = false;
    // The connection is the GUI thread's from here on.
    l.listener = watcher->result();
    if (!l.listener || l.listener->socket() < 0) {
      l.listener.reset();
      return;
    }
    l.notifier = std::make_unique<QSocketNotifier>(l.listener->socket(), QSocketNotifier::Read);
    connect(l.notifier.get(), &QSocketNotifier::activated, this, [this, source] { notified(source); });
    notified(source);  // what arrived while it was being set up
    // Announced from now on; a change after the last poll and before LISTEN was not announced,
    // so the stamp is compared once more.
    for (auto& [id, w] : mLayers) {
      if (w.source != source || !w.announced || w.mode.isEmpty()) continue;
      w.mode = QStringLiteral("notify");
      emit watching(id, w.mode);
      checkStamp(id);
    }
  });
  watcher->setFuture(QtConcurrent::run([source]() -> Opened {
    auto info = gis::PgConnectionInfo::parse(source.mid(3));
    if (!info.ok()) return nullptr;
    auto opened = gis::PgChangeListener::open(info.value());
    return opened.ok() ? Opened(std::move(opened).value()) : nullptr;
  }));
}

void SharedLayerWatcher::notified(const QString& source) {
  const auto it = mListeners.find(source);
  if (it == mListeners.end() || !it->second->listener) return;
  auto tables = it->second->listener->changedTables();
  if (!tables.ok()) {
    it->second->notifier.reset();
    it->second->listener.reset();  // lost: the layers fall back to polling until it reopens
    for (auto& [id, w] : mLayers) {
      if (w.source == source) w.mode.clear();
    }
    return;
  }
  for (const auto& [id, w] : mLayers) {
    if (w.source == source && tables->contains(w.layer)) mDocument->reloadLayer(id);
  }
}

void SharedLayerWatcher::poll() {
  for (auto& [id, w] : mLayers) {
    if (w.busy) continue;
    if (w.mode.isEmpty()) {
      probe(id);
      continue;
    }
    if (w.mode == QLatin1String("poll")) checkStamp(id);
  }
}

void SharedLayerWatcher::checkStamp(const QString& id) {
  Watched& w = mLayers[id];
  if (w.busy) return;
  w.busy = true;
  auto* watcher = new QFutureWatcher<Probe>(this);
  connect(watcher, &QFutureWatcher<Probe>::finished, this, [this, watcher, id] {
    watcher->deleteLater();
    const auto it = mLayers.find(id);
    if (it == mLayers.end()) return;
    it->second.busy = false;
    const Probe p = watcher->result();
    if (!p.ok || p.stamp == it->second.stamp) return;
    it->second.stamp = p.stamp;
    mDocument->reloadLayer(id);
  });
  watcher->setFuture(QtConcurrent::run(probeTable, w.source, w.layer, false));
}

}  // namespace xiuhua::app
