#include "support/temp_dir.h"
#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/library_messages.h"
#include "xiuhua/gis/vector_reader.h"

#include <gtest/gtest.h>

#include <QFile>

#include <cstdio>
#include <mutex>

namespace xiuhua::gis {
namespace {

// Catches what reaches the process's sink (what a user would see on standard error) while alive.
class SinkSpy {
 public:
  SinkSpy() {
    mPrevious = setMessageSink([this](const LibraryMessage& m) {
      const std::lock_guard lock(mMutex);
      mSeen << m.describe();
    });
  }
  ~SinkSpy() { setMessageSink(mPrevious); }
  QStringList seen() {
    const std::lock_guard lock(mMutex);
    return mSeen;
  }

 private:
  MessageSink mPrevious;
  std::mutex mMutex;
  QStringList mSeen;
};

const QByteArray kUnclosedRing =
    R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}},
{"type":"Feature","properties":{"name":"b"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10]]]}},
{"type":"Feature","properties":{"name":"c"},"geometry":{"type":"Polygon","coordinates":[[[20,0],[30,0],[30,10],[20,10]]]}}]})";

// GDAL's own "Warning 1: Non closed ring detected…" became Xiuhua's message, naming the file, in
// the layer's warnings; nothing went to standard error.
TEST(LibraryMessages, GdalWarningsBecomeTheLayersWarningsInXiuhuasWords) {
  test::TempDir dir;
  const QString path = dir.write(QStringLiteral("地块.geojson"), kUnclosedRing);
  SinkSpy spy;
  auto data = VectorReader::read(path);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  const QString warnings = data.value()->warnings.join(QLatin1Char('\n'));
  EXPECT_TRUE(warnings.contains(path)) << warnings.toStdString();
  EXPECT_TRUE(warnings.contains(QStringLiteral("a polygon ring is not closed"))) << warnings.toStdString();
  EXPECT_FALSE(warnings.contains(QStringLiteral("OGR_GEOMETRY_ACCEPT_UNCLOSED_RING"))) << warnings.toStdString();
  // GeoJSON is parsed at open and again while read: still one line.
  EXPECT_EQ(data.value()->warnings.filter(QStringLiteral("not closed")).size(), 1) << warnings.toStdString();
  EXPECT_TRUE(spy.seen().isEmpty()) << spy.seen().join(QLatin1Char('\n')).toStdString();
}

// Outside any reader the message still goes through Xiuhua's handler: to the sink, translated.
TEST(LibraryMessages, MessagesNoCollectorTakesGoToTheSink) {
  SinkSpy spy;
  reportLibraryMessage(LibraryMessage::Level::Warning, QStringLiteral("GDAL"),
                       QStringLiteral("Non closed ring detected. To avoid accepting it, set the OGR_GEOMETRY_ACCEPT_UNCLOSED_RING configuration option to NO"));
  reportLibraryMessage(LibraryMessage::Level::Debug, QStringLiteral("GEOS"), QStringLiteral("Self-intersection at or near point 1 2"));
  ASSERT_EQ(spy.seen().size(), 1) << "debug messages stay out of the user's way";
  EXPECT_EQ(spy.seen().front(), QStringLiteral("a polygon ring is not closed; it was closed when read"));
}

TEST(LibraryMessages, ACollectorTakesItsThreadsMessagesAndSummarisesThem) {
  SinkSpy spy;
  MessageCollector collector;
  {
    const MessageContext context(QStringLiteral("/data/roads.shp"), QStringLiteral("roads"));
    for (qint64 fid : {3, 8, 9}) {
      const std::size_t before = collector.messages().size();
      reportLibraryMessage(LibraryMessage::Level::Warning, QStringLiteral("GDAL"), QStringLiteral("Non closed ring detected."));
      collector.assignFeature(before, fid);
    }
    reportLibraryMessage(LibraryMessage::Level::Failure, QStringLiteral("GDAL"), QStringLiteral("Something unknown happened"));
  }
  EXPECT_TRUE(spy.seen().isEmpty());
  EXPECT_EQ(collector.lastFailure(), QStringLiteral("Something unknown happened"));
  const QStringList summary = collector.summary();
  ASSERT_EQ(summary.size(), 2) << summary.join(QLatin1Char('\n')).toStdString();
  EXPECT_EQ(summary[0], QStringLiteral("/data/roads.shp: 3 features: a polygon ring is not closed; it was closed when read (e.g. features 3, 8, 9)"));
  MessageCollector one;
  {
    const MessageContext context(QStringLiteral("/data/parks.shp"));
    reportLibraryMessage(LibraryMessage::Level::Warning, QStringLiteral("GDAL"), QStringLiteral("Non closed ring detected."));
    one.assignFeature(0, 12);
  }
  EXPECT_EQ(one.summary(), QStringList{QStringLiteral("/data/parks.shp, feature 12: a polygon ring is not closed; it was closed when read")});
  EXPECT_EQ(summary[1], QStringLiteral("/data/roads.shp: GDAL says: Something unknown happened"));
}

// PROJ's complaints about a definition come back in the error, not also on standard error.
TEST(LibraryMessages, ProjFailuresAreReturnedNotPrinted) {
  SinkSpy spy;
  auto crs = Crs::fromUserInput(QStringLiteral("EPSG:999999"));
  ASSERT_FALSE(crs.ok());
  EXPECT_TRUE(spy.seen().isEmpty()) << spy.seen().join(QLatin1Char('\n')).toStdString();
}

}  // namespace
}  // namespace xiuhua::gis
