#include "support/temp_dir.h"
#include "xiuhua/indicators/catalog.h"

#include <gtest/gtest.h>

namespace xiuhua::indicators {
namespace {

const QByteArray kHeader =
    "code,category,name_zh,name_en,unit,direction,nature,baseline_year,baseline_value,target_year,"
    "target_value,target_text,responsible,data_source,method,breakdown,warning_threshold,plan_ref\n";

const QByteArray kGoodRows =
    "JD-01,三个美丽,美丽街区,Beautiful blocks,个,higher,预期性,,,2025,15,,区绿化市容局、各街镇,台账,spatial:count,街镇,,表1 第1项\n"
    "JD-08,运维效能体征,全区路网密度,Road network density,公里/平方公里,higher,预期性,2020,2.8,2025,3.08,,区建管委,,spatial:density,,80,表1 第8项\n"
    "JD-07,综合环境整治,\"PM2.5年均浓度\",PM2.5 annual mean,微克/立方米,lower,约束性,,,2025,,完成市级下达目标,区生态环境局,,entered,,,表1 第7项\n";

QString writeCatalog(const test::TempDir& dir, const QByteArray& body, const QByteArray& header = kHeader) {
  return dir.write(QStringLiteral("目录 catalog.csv"), header + body);
}

TEST(CatalogReader, ReadsEveryColumn) {
  test::TempDir dir;
  auto catalog = CatalogReader::read(writeCatalog(dir, kGoodRows));
  ASSERT_TRUE(catalog.ok()) << catalog.error().message.toStdString();
  ASSERT_EQ(catalog->indicators.size(), 3U);
  const Indicator* density = catalog->find(QStringLiteral("JD-08"));
  ASSERT_NE(density, nullptr);
  EXPECT_EQ(density->nameZh, QStringLiteral("全区路网密度"));
  EXPECT_EQ(density->unit, QStringLiteral("公里/平方公里"));
  EXPECT_EQ(*density->baselineYear, 2020);
  EXPECT_DOUBLE_EQ(*density->baselineValue, 2.8);
  EXPECT_DOUBLE_EQ(*density->targetValue, 3.08);
  EXPECT_EQ(density->method.kind, Method::Kind::Spatial);
  EXPECT_EQ(density->method.metric, QStringLiteral("density"));
  EXPECT_DOUBLE_EQ(*density->warningThreshold, 80);
  const Indicator* blocks = catalog->find(QStringLiteral("JD-01"));
  EXPECT_EQ(blocks->responsible, (QStringList{QStringLiteral("区绿化市容局"), QStringLiteral("各街镇")}));
  EXPECT_EQ(blocks->breakdown, QStringLiteral("街镇"));
  const Indicator* pm25 = catalog->find(QStringLiteral("JD-07"));
  EXPECT_TRUE(pm25->isQualitative());
  EXPECT_EQ(pm25->targetText, QStringLiteral("完成市级下达目标"));
  EXPECT_EQ(pm25->direction, Direction::Lower);
  EXPECT_EQ(pm25->nature, Nature::Binding);
  EXPECT_EQ(catalog->categories(), (QStringList{QStringLiteral("三个美丽"), QStringLiteral("运维效能体征"), QStringLiteral("综合环境整治")}));
}

// Each kind of bad file is refused whole, with the file, the line and the reason.
struct BadCase {
  const char* rows;
  int line;
  const char* reason;
};

class CatalogReaderBad : public ::testing::TestWithParam<BadCase> {};

TEST_P(CatalogReaderBad, IsRefusedWithFileLineAndReason) {
  test::TempDir dir;
  const QString path = writeCatalog(dir, kGoodRows + QByteArray(GetParam().rows));
  auto catalog = CatalogReader::read(path);
  ASSERT_FALSE(catalog.ok());
  const QString message = catalog.error().message;
  EXPECT_TRUE(message.contains(QStringLiteral("%1:%2:").arg(path).arg(GetParam().line))) << message.toStdString();
  EXPECT_TRUE(message.contains(QString::fromUtf8(GetParam().reason))) << message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, CatalogReaderBad,
    ::testing::Values(
        BadCase{"X-1,类,名,n,公顷每人,higher,预期性,,,2025,1,,,,entered,,,p\n", 5, "unknown unit"},
        BadCase{",类,名,n,%,higher,预期性,,,2025,1,,,,entered,,,p\n", 5, "code is missing"},
        BadCase{"JD-01,类,名,n,%,higher,预期性,,,2025,1,,,,entered,,,p\n", 5, "used twice"},
        BadCase{"X-2,类,名,n,%,higher,预期性,,,2025,九十,,,,entered,,,p\n", 5, "not a number"},
        BadCase{"X-3,类,名,n,%,upwards,预期性,,,2025,90,,,,entered,,,p\n", 5, "direction"},
        BadCase{"X-4,类,名,n,%,higher,重要,,,2025,90,,,,entered,,,p\n", 5, "nature"},
        BadCase{"X-5,类,名,n,%,higher,预期性,,,2025,,,,,entered,,,p\n", 5, "target_value or a target_text"},
        BadCase{"X-6,类,名,n,%,higher,预期性,,,2025,90,,,,spatial:magic,,,p\n", 5, "method"},
        BadCase{"X-7,类,名,n,%,higher,预期性,2026,80,2025,90,,,,entered,,,p\n", 5, "not before"}));

TEST(CatalogReader, MissingColumnIsReportedOnLineOne) {
  test::TempDir dir;
  QByteArray header = kHeader;
  header.replace("unit,", "");
  QByteArray rows = kGoodRows;
  const QString path = writeCatalog(dir, "JD-01,类,名,n,higher,预期性,,,2025,15,,,,entered,,,p\n", header);
  auto catalog = CatalogReader::read(path);
  ASSERT_FALSE(catalog.ok());
  EXPECT_TRUE(catalog.error().message.contains(QStringLiteral("%1:1:").arg(path)));
  EXPECT_TRUE(catalog.error().message.contains(QStringLiteral("\"unit\"")));
}

TEST(CatalogReader, GbkFileIsRefusedWithAHint) {
  test::TempDir dir;
  // "美丽街区" in GBK: not UTF-8.
  const QString path = writeCatalog(dir, "JD-01,\xC3\xC0\xC0\xF6\xBD\xD6\xC7\xF8,x,n,%,higher,预期性,,,2025,1,,,,entered,,,p\n");
  auto catalog = CatalogReader::read(path);
  ASSERT_FALSE(catalog.ok());
  EXPECT_TRUE(catalog.error().message.contains(QStringLiteral("UTF-8")));
  EXPECT_TRUE(catalog.error().message.contains(path));
}

TEST(CatalogReader, EmptyAndMissingFiles) {
  test::TempDir dir;
  EXPECT_FALSE(CatalogReader::read(writeCatalog(dir, QByteArray())).ok());
  auto missing = CatalogReader::read(dir.path(QStringLiteral("none.csv")));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, gis::ErrorCode::FileNotFound);
}

}  // namespace
}  // namespace xiuhua::indicators
