#include "xiuhua/gis/library_messages.h"

#include "translate.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("LibraryMessages", text); }

// This thread's innermost collector and context.
thread_local std::vector<MessageCollector*> tCollectors;
thread_local MessageContext* tContext = nullptr;

std::mutex& sinkMutex() {
  static std::mutex m;
  return m;
}

void defaultSink(const LibraryMessage& m) {
  const QByteArray line = (m.level == LibraryMessage::Level::Failure ? tr("Error: %1") : tr("Warning: %1")).arg(m.describe()).toLocal8Bit();
  std::fprintf(stderr, "%s\n", line.constData());
}

MessageSink& sink() {
  static MessageSink s = defaultSink;
  return s;
}

// The messages of GDAL, PROJ and GEOS that Xiuhua says in its own words: a pattern on the library's
// text and the message, whose %1, %2 … are the pattern's captures.
struct KnownMessage {
  const char* pattern;
  const char* text;
};
const KnownMessage kKnown[] = {
    {R"(^Non closed ring detected)", QT_TRANSLATE_NOOP("LibraryMessages", "a polygon ring is not closed; it was closed when read")},
    {R"(^Recode from (\S+) to (\S+) failed)", QT_TRANSLATE_NOOP("LibraryMessages", "text cannot be converted from %1 to %2")},
    {R"(^One or several characters couldn't be converted correctly from (\S+) to (\S+)\.)",
     QT_TRANSLATE_NOOP("LibraryMessages", "some characters cannot be converted from %1 to %2")},
    {R"(^Value '(.*)' of field (.+) parsed incompletely to (?:real|integer) (\S+)\.?)",
     QT_TRANSLATE_NOOP("LibraryMessages", "the value \"%1\" of field %2 is not a plain number; it would be read as %3")},
    {R"(^(?:Ring )?Self-intersection at or near point (\S+) (\S+))",
     QT_TRANSLATE_NOOP("LibraryMessages", "a polygon intersects itself near (%1, %2)")},
    {R"(^Too few points in geometry component at or near point (\S+) (\S+))",
     QT_TRANSLATE_NOOP("LibraryMessages", "a part has too few points, near (%1, %2)")},
    {R"(^(?:PROJ: )?proj_create: crs not found)", QT_TRANSLATE_NOOP("LibraryMessages", "the coordinate system is not in PROJ's database")},
    {R"(^(?:PROJ: )?(?:proj_create|pj_obj_create): (.*))", QT_TRANSLATE_NOOP("LibraryMessages", "PROJ cannot read a coordinate system: %1")},
};

QString inXiuhuasWords(const QString& library, const QString& raw) {
  static const std::vector<std::pair<QRegularExpression, const char*>> known = [] {
    std::vector<std::pair<QRegularExpression, const char*>> out;
    for (const KnownMessage& k : kKnown) out.emplace_back(QRegularExpression(QString::fromUtf8(k.pattern)), k.text);
    return out;
  }();
  const QString text = raw.trimmed();
  for (const auto& [pattern, message] : known) {
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch()) continue;
    // All at once: a captured value (a path, a field's text) may itself hold "%2".
    QStringList args;
    for (int i = 1; i <= m.lastCapturedIndex(); ++i) args << m.captured(i);
    return detail::substitute(tr(message), args);
  }
  return tr("%1 says: %2").arg(library, text);
}

// The message with what it is about (free functions: lupdate files their texts under the namespace,
// where tr() above looks).
QString describeMessage(const LibraryMessage& m) {
  if (m.file.isEmpty()) return m.text;
  const QString where = m.layer.isEmpty() || QFileInfo(m.file).completeBaseName() == m.layer ? m.file : tr("%1 (layer %2)").arg(m.file, m.layer);
  return m.feature >= 0 ? tr("%1, feature %2: %3").arg(where, QString::number(m.feature), m.text) : tr("%1: %2").arg(where, m.text);
}

QString severalFeatures(qsizetype count, const QString& text, const QStringList& examples) {
  return tr("%1 features: %2 (e.g. features %3)").arg(QString::number(count), text, examples.join(QStringLiteral(", ")));
}

}  // namespace

QString LibraryMessage::describe() const { return describeMessage(*this); }

MessageCollector::MessageCollector() { tCollectors.push_back(this); }

MessageCollector::~MessageCollector() {
  // Scopes end in reverse order; should one not, this one still leaves no dangling entry.
  tCollectors.erase(std::remove(tCollectors.begin(), tCollectors.end(), this), tCollectors.end());
}

QString MessageCollector::lastFailure() const { return lastFailureSince(0); }

QString MessageCollector::lastFailureSince(std::size_t from) const {
  for (std::size_t i = mMessages.size(); i > from; --i) {
    if (mMessages[i - 1].level == LibraryMessage::Level::Failure) return mMessages[i - 1].raw;
  }
  return {};
}

QString MessageCollector::lastWarning() const {
  for (auto it = mMessages.rbegin(); it != mMessages.rend(); ++it) {
    if (it->level == LibraryMessage::Level::Warning) return it->raw;
  }
  return {};
}

void MessageCollector::assignFeature(std::size_t from, qint64 feature) {
  for (std::size_t i = from; i < mMessages.size(); ++i) {
    if (mMessages[i].feature < 0) mMessages[i].feature = feature;
  }
}

void MessageCollector::discard(const std::function<bool(const LibraryMessage&)>& dealtWith) {
  mMessages.erase(std::remove_if(mMessages.begin(), mMessages.end(), dealtWith), mMessages.end());
}

QStringList MessageCollector::summary() const {
  struct Group {
    const LibraryMessage* first = nullptr;
    QStringList features;  // distinct, in order
  };
  // One line per file and message: a driver that parses a file twice (at open and while reading)
  // says the same thing twice about the same features.
  std::vector<std::pair<QString, Group>> groups;
  for (const LibraryMessage& m : mMessages) {
    if (m.level == LibraryMessage::Level::Debug) continue;
    const QString key = m.file + QLatin1Char('\n') + m.text;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) it = groups.insert(groups.end(), {key, Group{&m, {}}});
    if (it->second.first->layer.isEmpty() && !m.layer.isEmpty()) it->second.first = &m;
    const QString fid = QString::number(m.feature);
    if (m.feature >= 0 && !it->second.features.contains(fid)) it->second.features << fid;
  }
  QStringList lines;
  for (const auto& [key, g] : groups) {
    LibraryMessage shown = *g.first;
    shown.feature = g.features.size() == 1 ? g.features.front().toLongLong() : -1;
    if (g.features.size() > 1) {
      shown.text = severalFeatures(g.features.size(), g.first->text, g.features.mid(0, 5));
    }
    lines << shown.describe();
  }
  return lines;
}

MessageContext::MessageContext(QString file, QString layer) : mFile(std::move(file)), mLayer(std::move(layer)), mOuter(tContext) {
  tContext = this;
}

MessageContext::~MessageContext() { tContext = mOuter; }

const MessageContext* MessageContext::current() { return tContext; }

MessageSink setMessageSink(MessageSink newSink) {
  const std::lock_guard lock(sinkMutex());
  MessageSink old = std::move(sink());
  sink() = newSink ? std::move(newSink) : MessageSink(defaultSink);
  return old;
}

void reportLibraryMessage(LibraryMessage::Level level, const QString& library, const QString& raw) {
  if (level == LibraryMessage::Level::Debug && tCollectors.empty()) return;  // for collectors only
  LibraryMessage m;
  m.level = level;
  m.library = library;
  m.raw = raw.trimmed();
  m.text = inXiuhuasWords(library, raw);
  if (const MessageContext* c = MessageContext::current()) {
    m.file = c->file();
    m.layer = c->layer();
    m.feature = c->feature();
  }
  if (!tCollectors.empty()) {
    tCollectors.back()->add(std::move(m));
    return;
  }
  if (level == LibraryMessage::Level::Debug) return;
  MessageSink target;
  {
    const std::lock_guard lock(sinkMutex());
    target = sink();
  }
  target(m);
}

}  // namespace xiuhua::gis
