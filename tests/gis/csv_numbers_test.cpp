#include "support/temp_dir.h"
#include "xiuhua/gis/vector_reader.h"

#include <gtest/gtest.h>

#include <QFileInfo>

namespace xiuhua::gis {
namespace {

std::vector<QVariant> column(const VectorData& data, const char* field) {
  std::vector<QVariant> out;
  const int i = data.fieldIndex(QString::fromUtf8(field));
  for (const auto& row : data.attributes) out.push_back(i >= 0 ? row[static_cast<std::size_t>(i)] : QVariant());
  return out;
}

// The case: "68,500" in a field the .csvt declares Real was read as 68.5, silently.
TEST(CsvNumbers, ThousandsSeparatorsAreReadAsSuchAndSaid) {
  test::TempDir dir;
  const QString csv = dir.write(QStringLiteral("人口.csv"), "name,population,lon,lat\n南翔镇,\"68,500\",121.3,31.29\n马陆镇,\"1,234,567\",121.28,31.33\n"
                                                          "外冈镇,900,121.16,31.36\n");
  dir.write(QStringLiteral("人口.csvt"), "String,Real,Real,Real");
  auto data = VectorReader::read(csv);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  const auto values = column(*data.value(), "population");
  ASSERT_EQ(values.size(), 3U);
  EXPECT_DOUBLE_EQ(values[0].toDouble(), 68500);
  EXPECT_DOUBLE_EQ(values[1].toDouble(), 1234567);
  EXPECT_DOUBLE_EQ(values[2].toDouble(), 900);
  const QString warnings = data.value()->warnings.join(QLatin1Char('\n'));
  EXPECT_TRUE(warnings.contains(QStringLiteral("population"))) << warnings.toStdString();
  EXPECT_TRUE(warnings.contains(QStringLiteral("thousands"))) << warnings.toStdString();
}

// Without a .csvt GDAL detects the types itself: the same numbers, however it typed the column.
TEST(CsvNumbers, ThousandsWithoutACsvt) {
  test::TempDir dir;
  const QString csv = dir.write(QStringLiteral("人口.csv"), "name,population\n南翔镇,\"68,500\"\n马陆镇,12.5\n外冈镇,900\n");
  auto data = VectorReader::read(csv);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  const auto values = column(*data.value(), "population");
  ASSERT_EQ(values.size(), 3U);
  EXPECT_EQ(values[0].toString().remove(QLatin1Char(',')).toDouble(), 68500) << values[0].toString().toStdString();
  EXPECT_FALSE(data.value()->warnings.join(QLatin1Char('\n')).contains(QStringLiteral("GDAL says")));
}

TEST(CsvNumbers, DecimalCommasInASemicolonFile) {
  test::TempDir dir;
  const QString csv = dir.write(QStringLiteral("rates.csv"), "name;rate\nA;68,5\nB;\"1,25\"\nC;3\n");
  dir.write(QStringLiteral("rates.csvt"), "String,Real");
  auto data = VectorReader::read(csv);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  const auto values = column(*data.value(), "rate");
  EXPECT_DOUBLE_EQ(values[0].toDouble(), 68.5);
  EXPECT_DOUBLE_EQ(values[1].toDouble(), 1.25);
  EXPECT_TRUE(data.value()->warnings.join(QLatin1Char('\n')).contains(QStringLiteral("decimal comma")));
}

TEST(CsvNumbers, AColumnWrittenBothWaysIsRefusedNamingTheFieldAndLines) {
  test::TempDir dir;
  const QString csv = dir.write(QStringLiteral("mixed.csv"), "name,value\nA,\"1,234,567\"\nB,\"68,5\"\n");
  dir.write(QStringLiteral("mixed.csvt"), "String,Real");
  auto data = VectorReader::read(csv);
  ASSERT_FALSE(data.ok());
  EXPECT_TRUE(data.error().message.contains(QStringLiteral("value"))) << data.error().message.toStdString();
  EXPECT_TRUE(data.error().message.contains(QStringLiteral("line 2"))) << data.error().message.toStdString();
  EXPECT_TRUE(data.error().message.contains(QStringLiteral("line 3"))) << data.error().message.toStdString();
  EXPECT_TRUE(data.error().message.contains(csv));
}

TEST(CsvNumbers, TextInANumberColumnIsLeftEmptyAndSaid) {
  test::TempDir dir;
  const QString csv = dir.write(QStringLiteral("counts.csv"), "name,count\nA,12\nB,n/a\nC,7\n");
  dir.write(QStringLiteral("counts.csvt"), "String,Integer");
  auto data = VectorReader::read(csv);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  const auto values = column(*data.value(), "count");
  EXPECT_EQ(values[0].toLongLong(), 12);
  EXPECT_TRUE(values[1].isNull());
  EXPECT_EQ(values[2].toLongLong(), 7);
  EXPECT_TRUE(data.value()->warnings.join(QLatin1Char('\n')).contains(QStringLiteral("n/a")));
}

TEST(CsvNumbers, PlainNumbersAndFiltersAreUntouched) {
  test::TempDir dir;
  const QString csv = dir.write(QStringLiteral("plain.csv"), "name,value\nA,1.5\nB,-2e3\n\nC,7\n");
  dir.write(QStringLiteral("plain.csvt"), "String,Real");
  ReadOptions options;
  options.where = QStringLiteral("value > 0");
  auto data = VectorReader::read(csv, options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  const auto values = column(*data.value(), "value");
  ASSERT_EQ(values.size(), 2U);
  EXPECT_DOUBLE_EQ(values[0].toDouble(), 1.5);
  EXPECT_DOUBLE_EQ(values[1].toDouble(), 7);
  EXPECT_TRUE(data.value()->warnings.isEmpty()) << data.value()->warnings.join(QLatin1Char('\n')).toStdString();
}

// GDAL filters on the numbers it misreads: a filter on such a field is refused, naming it; one on
// another field works, and the numbers come out right.
TEST(CsvNumbers, AFilterOnMisreadNumbersIsRefused) {
  test::TempDir dir;
  const QString csv = dir.write(QStringLiteral("人口.csv"), "name,population\n南翔镇,\"68,500\"\n马陆镇,\"1,234,567\"\n");
  dir.write(QStringLiteral("人口.csvt"), "String,Real");
  ReadOptions options;
  options.where = QStringLiteral("population > 1000");
  auto refused = VectorReader::read(csv, options);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(QStringLiteral("population"))) << refused.error().message.toStdString();
  options.where = QStringLiteral("name = '南翔镇'");
  auto data = VectorReader::read(csv, options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  ASSERT_EQ(data.value()->featureCount(), 1U);
  EXPECT_DOUBLE_EQ(column(*data.value(), "population").front().toDouble(), 68500);
}

// A folder of CSV files: each layer's numbers are checked against its own file.
TEST(CsvNumbers, ALayerOfAFolderIsCheckedAgainstItsOwnFile) {
  test::TempDir dir;
  dir.write(QStringLiteral("a.csv"), "name,population\nA,\"68,500\"\n");
  dir.write(QStringLiteral("a.csvt"), "String,Real");
  dir.write(QStringLiteral("b.csv"), "name,area\nB,12.5\n");
  ReadOptions options;
  options.layerName = QStringLiteral("a");
  auto data = VectorReader::read(QFileInfo(dir.path(QStringLiteral("a.csv"))).absolutePath(), options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  EXPECT_DOUBLE_EQ(column(*data.value(), "population").front().toDouble(), 68500);
}

}  // namespace
}  // namespace xiuhua::gis
