// TableReader: CSV/XLSX tables read through GDAL, UTF-8 checked before anything is parsed.
#include "support/temp_dir.h"
#include "xiuhua/gis/table_reader.h"

#include <gtest/gtest.h>

#include <QFile>

namespace xiuhua::gis {
namespace {

void writeBytes(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

// A UTF-8 CSV longer than the head the reader checks, with a Chinese character across that edge
// (the Jiading catalog once was refused as "not UTF-8" for this).
TEST(TableReader, AUtf8CharacterAcrossTheCheckedHeadIsNotAnEncodingError) {
  test::TempDir dir;
  for (int shift = 0; shift < 3; ++shift) {
    QByteArray csv = "code,name\n" + QByteArray(shift, 'x') + "X0,x\n";
    int rows = 0;
    while (csv.size() < 5000) csv += QStringLiteral("A%1,绿地公园服务半径覆盖率\n").arg(++rows).toUtf8();
    const QString path = dir.path(QStringLiteral("long%1.csv").arg(shift));
    writeBytes(path, csv);
    auto table = TableReader::read(path);
    ASSERT_TRUE(table.ok()) << shift << ": " << table.error().message.toStdString();
    EXPECT_EQ(table->rows.back().value(1), QStringLiteral("绿地公园服务半径覆盖率"));
  }
}

TEST(TableReader, GbkTextIsRefusedNamingTheFile) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("gbk.csv"));
  writeBytes(path, QByteArray("code,name\nA,") + QByteArray("\xC2\xCC\xB5\xD8") + "\n");  // 绿地 in GBK
  auto table = TableReader::read(path);
  ASSERT_FALSE(table.ok());
  EXPECT_TRUE(table.error().message.contains(path)) << table.error().message.toStdString();
  EXPECT_TRUE(table.error().message.contains(QStringLiteral("UTF-8")));
}

}  // namespace
}  // namespace xiuhua::gis
