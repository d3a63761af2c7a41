#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace xiuhua::gis {

// A message of GDAL, PROJ or GEOS, in Xiuhua's words where Xiuhua knows it, naming the file, layer
// and feature it concerns when that is known.
struct LibraryMessage {
  enum class Level { Debug, Warning, Failure };
  Level level = Level::Warning;
  QString library;   // "GDAL", "PROJ" or "GEOS"
  QString text;      // translated, without the file and feature (see describe())
  QString raw;       // the library's own words
  QString file;      // what was being read on that thread, when known
  QString layer;
  qint64 feature = -1;

  // The message with the file, layer and feature named: "roads.shp (roads), feature 12: …".
  QString describe() const;
};

// Every message of GDAL, PROJ and GEOS passes through one handler (installed once per process,
// before the first use of any of them). A message raised on a thread that has a collector goes to
// the innermost collector; otherwise to the process's sink (setMessageSink; by default standard
// error, in Xiuhua's words). Debug messages go to collectors only.
//
// Thread affinity: a collector takes the messages of the thread that made it, and must be destroyed
// on that thread, in reverse order of creation (a scope object).
class MessageCollector {
 public:
  MessageCollector();
  ~MessageCollector();
  MessageCollector(const MessageCollector&) = delete;
  MessageCollector& operator=(const MessageCollector&) = delete;

  const std::vector<LibraryMessage>& messages() const { return mMessages; }
  // The library's own words of the last failure / warning, or an empty string.
  QString lastFailure() const;
  QString lastWarning() const;
  // The library's words of the last failure among the messages from index `from` on.
  QString lastFailureSince(std::size_t from) const;
  // The warnings and failures, one line per kind of message and file: how many there were and,
  // for features, the first few of them ("roads.shp: 12 features: a polygon ring is not closed …").
  QStringList summary() const;
  void add(LibraryMessage message) { mMessages.push_back(std::move(message)); }
  // Names the feature in the messages from index `from` on that name none (raised while it was read).
  void assignFeature(std::size_t from, qint64 feature);
  // Drops the messages a reader has dealt with in its own words.
  void discard(const std::function<bool(const LibraryMessage&)>& dealtWith);

 private:
  std::vector<LibraryMessage> mMessages;
};

// Names what this thread is reading while alive, for the messages raised meanwhile.
class MessageContext {
 public:
  explicit MessageContext(QString file, QString layer = {});
  ~MessageContext();
  MessageContext(const MessageContext&) = delete;
  MessageContext& operator=(const MessageContext&) = delete;
  void setFeature(qint64 fid) { mFeature = fid; }
  const QString& file() const { return mFile; }
  const QString& layer() const { return mLayer; }
  qint64 feature() const { return mFeature; }
  // This thread's innermost context, or nullptr.
  static const MessageContext* current();

 private:
  QString mFile;
  QString mLayer;
  qint64 mFeature = -1;
  MessageContext* mOuter;
};

// Where the messages go that no collector takes (the GUI's message log, the CLI's standard
// error); returns the previous sink. Called on the thread that raised the message.
using MessageSink = std::function<void(const LibraryMessage&)>;
MessageSink setMessageSink(MessageSink sink);

// Routes a library's message: to this thread's innermost collector, else to the sink. For the
// wrappers of GDAL, PROJ and GEOS; `raw` is the library's text.
void reportLibraryMessage(LibraryMessage::Level level, const QString& library, const QString& raw);

}  // namespace xiuhua::gis
