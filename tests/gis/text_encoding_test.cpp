#include "support/temp_dir.h"
#include "xiuhua/gis/text_encoding.h"
#include "xiuhua/gis/vector_reader.h"

#include <gtest/gtest.h>

#include <QFile>

namespace xiuhua::gis {
namespace {

const QString kOverheadLines = QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp");
const QString kRoads = QStringLiteral(DEMO_DATA_DIR "/roads/roads.shp");

void setLanguageDriver(const QString& shp, unsigned char ldid) {
  QFile dbf(QString(shp).replace(QStringLiteral(".shp"), QStringLiteral(".dbf")));
  ASSERT_TRUE(dbf.open(QIODevice::ReadWrite));
  dbf.seek(29);
  dbf.write(reinterpret_cast<const char*>(&ldid), 1);
}

TEST(TextEncoding, StrictUtf8) {
  EXPECT_TRUE(isStrictUtf8(QStringLiteral("南翔镇 abc").toUtf8()));
  EXPECT_FALSE(isStrictUtf8(QByteArray::fromHex("c4cfcfe8d5f2")));  // 南翔镇 in GBK
  EXPECT_FALSE(isStrictUtf8(QByteArray::fromHex("c0af")));          // overlong '/'
  EXPECT_FALSE(isStrictUtf8(QByteArray::fromHex("eda080")));        // UTF-16 surrogate
  EXPECT_FALSE(isStrictUtf8(QByteArray::fromHex("e4b8")));          // truncated
  EXPECT_TRUE(isStrictUtf8(QByteArray()));
}

TEST(TextEncoding, CpgNamesAndLanguageDriverIds) {
  EXPECT_EQ(encodingFromCpg("936\r\n"), QStringLiteral("GB18030"));
  EXPECT_EQ(encodingFromCpg("UTF-8"), QStringLiteral("UTF-8"));
  EXPECT_EQ(encodingFromCpg("65001"), QStringLiteral("UTF-8"));
  EXPECT_EQ(encodingFromCpg("1252"), QStringLiteral("CP1252"));
  EXPECT_FALSE(encodingFromCpg("  ").has_value());
  EXPECT_EQ(encodingForLanguageDriver(0x4D), QStringLiteral("GB18030"));
  EXPECT_EQ(encodingForLanguageDriver(0x7A), QStringLiteral("GB18030"));
  EXPECT_EQ(encodingForLanguageDriver(0x4F), QStringLiteral("CP950"));
  EXPECT_FALSE(encodingForLanguageDriver(0).has_value());
  EXPECT_FALSE(encodingForLanguageDriver(0x57).has_value());  // "ANSI": decided by detection
}

TEST(TextEncoding, DecodesGbkThroughGdal) {
  EXPECT_EQ(decodeText(QByteArray::fromHex("bcdcbfd5"), QStringLiteral("GB18030")), QStringLiteral("架空"));
  EXPECT_EQ(decodeText(QByteArray::fromHex("bcdcbfd5"), QStringLiteral("CP936")), QStringLiteral("架空"));
}

TEST(TextEncoding, GbkShapefileWithoutCpgIsDetected) {
  auto data = VectorReader::read(kOverheadLines);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_EQ(data.value()->encoding.name, QStringLiteral("GB18030"));
  EXPECT_EQ(data.value()->encoding.source, EncodingSource::Detected);
  EXPECT_GE(data.value()->fieldIndex(QStringLiteral("状态")), 0);
  const int status = data.value()->fieldIndex(QStringLiteral("状态"));
  bool sawBuried = false;
  for (const auto& row : data.value()->attributes) {
    const QString v = row[static_cast<std::size_t>(status)].toString();
    EXPECT_TRUE(v == QStringLiteral("架空") || v == QStringLiteral("入地")) << v.toStdString();
    sawBuried = sawBuried || v == QStringLiteral("入地");
  }
  EXPECT_TRUE(sawBuried);
}

TEST(TextEncoding, CpgComesFirst) {
  auto data = VectorReader::read(kRoads);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data.value()->encoding.source, EncodingSource::Cpg);
  EXPECT_EQ(data.value()->encoding.name, QStringLiteral("UTF-8"));

  test::TempDir dir;
  const QString copy = dir.copy(kOverheadLines, QStringLiteral("架空线"));
  dir.write(QStringLiteral("架空线.cpg"), "936");
  auto withCpg = VectorReader::read(copy);
  ASSERT_TRUE(withCpg.ok());
  EXPECT_EQ(withCpg.value()->encoding.source, EncodingSource::Cpg);
  EXPECT_GE(withCpg.value()->fieldIndex(QStringLiteral("线路名称")), 0);
}

TEST(TextEncoding, LanguageDriverIdComesBeforeDetection) {
  test::TempDir dir;
  const QString copy = dir.copy(kOverheadLines);
  setLanguageDriver(copy, 0x4D);
  auto data = VectorReader::read(copy);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data.value()->encoding.source, EncodingSource::LanguageDriver);
  EXPECT_GE(data.value()->fieldIndex(QStringLiteral("权属单位")), 0);

  setLanguageDriver(copy, 0x57);  // ANSI: falls through to detection, still GBK
  auto ansi = VectorReader::read(copy);
  EXPECT_EQ(ansi.value()->encoding.source, EncodingSource::Detected);
  EXPECT_EQ(ansi.value()->encoding.name, QStringLiteral("GB18030"));
}

TEST(TextEncoding, OverrideWins) {
  ReadOptions options;
  options.encodingOverride = QStringLiteral("ISO-8859-1");
  auto data = VectorReader::read(kOverheadLines, options);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data.value()->encoding.source, EncodingSource::Override);
  EXPECT_LT(data.value()->fieldIndex(QStringLiteral("状态")), 0);  // mojibake, as asked
}

}  // namespace
}  // namespace xiuhua::gis
