// The catalogs shipped in resources/catalogs/ parse, and their numbers match the plans' wording.
#include "xiuhua/gis/table_reader.h"
#include "xiuhua/indicators/catalog.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTextStream>

namespace xiuhua::indicators {
namespace {

const QString kJiading = QStringLiteral(CATALOG_DIR "/jiading-14th-fyp.csv");
const QString kPutuo = QStringLiteral(CATALOG_DIR "/putuo-14th-fyp.csv");
const QString kSongjiang = QStringLiteral(CATALOG_DIR "/songjiang-2024-2026.csv");

QString readText(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

TEST(ShippedCatalogs, AllParse) {
  for (const auto& [path, count] : {std::pair{kJiading, 38}, std::pair{kPutuo, 27}, std::pair{kSongjiang, 14}}) {
    auto catalog = CatalogReader::read(path);
    ASSERT_TRUE(catalog.ok()) << catalog.error().message.toStdString();
    EXPECT_EQ(static_cast<int>(catalog->indicators.size()), count) << path.toStdString();
  }
}

TEST(ShippedCatalogs, JiadingTableTargets) {
  auto catalog = CatalogReader::read(kJiading);
  ASSERT_TRUE(catalog.ok());
  // name fragment → (target, unit), from the plan's 12-row indicator table.
  const std::vector<std::tuple<QString, double, QString>> expected = {
      {QStringLiteral("美丽街区"), 15, QStringLiteral("个")},
      {QStringLiteral("旧住房综合改造"), 150, QStringLiteral("万平方米")},
      {QStringLiteral("城镇污水处理率"), 99, QStringLiteral("%")},
      {QStringLiteral("生活垃圾资源化利用率"), 45, QStringLiteral("%")},
      {QStringLiteral("道路冲洗率"), 95, QStringLiteral("%")},
      {QStringLiteral("路网密度"), 3.08, QStringLiteral("公里/平方公里")},
      {QStringLiteral("公交站点500m半径覆盖率"), 90, QStringLiteral("%")},
      {QStringLiteral("架空线入地"), 30, QStringLiteral("公里")},
      {QStringLiteral("燃气支管改造"), 1.3, QStringLiteral("万户")},
      {QStringLiteral("供水合格率"), 99, QStringLiteral("%")}};
  for (const auto& [name, target, unit] : expected) {
    const Indicator* found = nullptr;
    for (const Indicator& i : catalog->indicators) {
      if (i.nameZh.contains(name) && i.planRef.contains(QStringLiteral("重要指标")) ) found = &i;
    }
    ASSERT_NE(found, nullptr) << name.toStdString();
    ASSERT_TRUE(found->targetValue.has_value()) << name.toStdString();
    EXPECT_DOUBLE_EQ(*found->targetValue, target) << name.toStdString();
    EXPECT_EQ(found->unit, unit) << name.toStdString();
  }
}

// tests/data/seeds/SAMPLES.tsv: code, column, expected cell, and the plan's words that prove it.
TEST(ShippedCatalogs, SampledCellsMatchThePlanText) {
  const std::map<QString, QString> seeds = {
      {QStringLiteral("JD"), readText(QStringLiteral(SEEDS_DIR "/jiading-14th-fyp-urban-management.txt"))},
      {QStringLiteral("PT"), readText(QStringLiteral(SEEDS_DIR "/putuo-14th-fyp-urban-management.txt"))},
      {QStringLiteral("SJ"), readText(QStringLiteral(SEEDS_DIR "/songjiang-2024-2026-action-plan.txt"))}};
  const std::map<QString, QString> catalogs = {{QStringLiteral("JD"), kJiading}, {QStringLiteral("PT"), kPutuo},
                                               {QStringLiteral("SJ"), kSongjiang}};
  std::map<QString, gis::TextTable> tables;
  for (const auto& [prefix, path] : catalogs) tables[prefix] = gis::TableReader::read(path).value();
  const QStringList lines = readText(QStringLiteral(SEEDS_DIR "/SAMPLES.tsv")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  ASSERT_GE(lines.size(), 36);
  for (const QString& line : lines) {
    const QStringList f = line.split(QLatin1Char('\t'));
    ASSERT_EQ(f.size(), 4) << line.toStdString();
    const QString prefix = f[0].left(2);
    EXPECT_TRUE(seeds.at(prefix).contains(f[3])) << "not in the plan: " << f[3].toStdString();
    const gis::TextTable& table = tables.at(prefix);
    const int column = table.column(f[1]);
    ASSERT_GE(column, 0) << f[1].toStdString();
    bool found = false;
    for (const QStringList& row : table.rows) {
      if (row.value(table.column(QStringLiteral("code"))) != f[0]) continue;
      found = true;
      EXPECT_EQ(row.value(column), f[2]) << f[0].toStdString() << " " << f[1].toStdString();
    }
    EXPECT_TRUE(found) << f[0].toStdString();
  }
}

}  // namespace
}  // namespace xiuhua::indicators
