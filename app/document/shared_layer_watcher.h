#pragma once

#include <QObject>
#include <QString>

#include <map>
#include <memory>

class QSocketNotifier;
class QTimer;

namespace xiuhua::gis {
class PgChangeListener;
}

namespace xiuhua::app {

class MapDocument;

// Keeps the document's PostGIS layers current: another user's committed change is read again
// within about a second, without reopening, the user's own unsaved edits kept (LayerEditing goes on
// from the table as read). A table with Xiuhua's change trigger announces its changes (LISTEN/
// NOTIFY: one listening connection per database); a table without it is polled every second (its
// row count and newest row version). Connections and queries run off the UI thread.
class SharedLayerWatcher : public QObject {
  Q_OBJECT

 public:
  explicit SharedLayerWatcher(MapDocument* document);
  ~SharedLayerWatcher() override;

  // How a layer is watched now, for tests and the layer's tooltip: "notify", "poll" or "" (not yet).
  QString mode(const QString& layerId) const;

 signals:
  void watching(const QString& layerId, const QString& mode);

 private:
  struct Watched {
    QString source;  // "PG:…"
    QString layer;   // "schema.table"
    QString mode;    // "notify" only once the LISTEN connection is open; "poll" until then
    QString stamp;   // the last stamp seen
    bool announced = false;  // the table has the change trigger
    bool busy = false;
  };
  struct Listener;

  void rescan();
  void probe(const QString& id);
  void listen(const QString& source);
  void poll();
  // Compares the table's stamp with the last one seen and reloads the layer when it changed.
  void checkStamp(const QString& id);
  void notified(const QString& source);

  MapDocument* mDocument;
  std::map<QString, Watched> mLayers;                       // by layer id
  std::map<QString, std::unique_ptr<Listener>> mListeners;  // by source
  QTimer* mPoll;
};

}  // namespace xiuhua::app
