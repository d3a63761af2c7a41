#include "support/temp_dir.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/indicators/value_exchange.h"

#include <gtest/gtest.h>

namespace xiuhua::indicators {
namespace {

struct Fixture {
  test::TempDir dir;
  Catalog catalog = CatalogReader::read(QStringLiteral(CATALOG_DIR "/jiading-14th-fyp.csv")).value();
  std::unique_ptr<ValueStore> store;

  explicit Fixture(const QString& name = QStringLiteral("p.xhp")) {
    gis::Project project;
    project.mapCrs = gis::Crs::fromEpsg(4549);
    const QString path = dir.path(name);
    EXPECT_TRUE(gis::ProjectFile::save(project, path).ok());
    store = ValueStore::open(path).value();
    EXPECT_TRUE(store->importCatalog(catalog, QStringLiteral("嘉定")).ok());
  }
};

const QByteArray kHeader = "code,year,month,subunit,value,unit,author,note\n";

TEST(ValueExchange, PreviewCountsThenAppliesAtomically) {
  Fixture f;
  IndicatorValue existing;
  existing.code = QStringLiteral("JD14-01");
  existing.year = 2022;
  existing.value = 6;
  ASSERT_TRUE(f.store->addValue(existing).ok());
  existing.year = 2021;
  existing.value = 3;
  ASSERT_TRUE(f.store->addValue(existing).ok());
  const QString file = f.dir.write(QStringLiteral("数值.csv"), kHeader +
      "JD14-01,2021,,,3,个,李四,\n"              // unchanged
      "JD14-01,2022,,,7,个,李四,核实后更正\n"     // changed
      "JD14-01,2023,,南翔镇,2,,李四,\n"           // added (a sub-unit)
      "JD14-08,2023,,,2.95,公里/平方公里,,\n");  // added
  auto plan = planValueImport(file, f.catalog, *f.store, QStringLiteral("导入者"));
  ASSERT_TRUE(plan.ok()) << plan.error().message.toStdString();
  EXPECT_EQ(plan->added, 2);
  EXPECT_EQ(plan->changed, 1);
  EXPECT_EQ(plan->unchanged, 1);
  EXPECT_EQ(plan->rows[1].line, 3);
  EXPECT_EQ(*plan->rows[1].previous, 6.0);
  ASSERT_TRUE(applyValueImport(plan.value(), *f.store).ok());
  const auto series = f.store->series(QStringLiteral("JD14-01")).value();
  EXPECT_DOUBLE_EQ(series.at(2022), 7.0);
  EXPECT_EQ(f.store->history(QStringLiteral("JD14-01"))->size(), 4U);  // 2 old + changed + 南翔镇; unchanged not rewritten
  EXPECT_DOUBLE_EQ(f.store->series(QStringLiteral("JD14-01"), QStringLiteral("南翔镇"))->at(2023), 2.0);
  EXPECT_EQ(f.store->history(QStringLiteral("JD14-08"))->front().source, ValueSource::Imported);
}

// A value file may say where its values come from: the demo's invented history is "synthetic", and
// stays marked so (the dashboard, the report and the CLI show it); "computed" is not a file's to say.
TEST(ValueExchange, ASourceColumnMarksSyntheticValues) {
  Fixture f;
  const QString file = f.dir.write(QStringLiteral("示例.csv"),
                                   "code,year,value,author,note,source\n"
                                   "JD14-25,2020,16.05,规划文本,规划基期值,entered\n"
                                   "JD14-25,2021,16.5,王芳,SYNTHETIC 示例数据，非官方,synthetic\n"
                                   "JD14-04,2021,92,,,\n");
  auto plan = planValueImport(file, f.catalog, *f.store);
  ASSERT_TRUE(plan.ok()) << plan.error().message.toStdString();
  ASSERT_TRUE(applyValueImport(plan.value(), *f.store).ok());
  const auto history = f.store->history(QStringLiteral("JD14-25")).value();
  ASSERT_EQ(history.size(), 2U);
  EXPECT_EQ(history[0].source, ValueSource::Entered);
  EXPECT_EQ(history[1].source, ValueSource::Synthetic);
  EXPECT_EQ(f.store->syntheticYears(QStringLiteral("JD14-25")).value(), std::set<int>{2021});
  EXPECT_EQ(f.store->history(QStringLiteral("JD14-04"))->front().source, ValueSource::Imported);
  // Exported and read back, the mark stays.
  const QString out = f.dir.path(QStringLiteral("导出.csv"));
  ASSERT_TRUE(exportValues(out, f.catalog, *f.store).ok());
  Fixture g(QStringLiteral("q.xhp"));
  auto again = planValueImport(out, g.catalog, *g.store);
  ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
  ASSERT_TRUE(applyValueImport(again.value(), *g.store).ok());
  EXPECT_EQ(g.store->syntheticYears(QStringLiteral("JD14-25")).value(), std::set<int>{2021});

  // A value computed in another project comes in as imported (no computation record stands behind
  // it here); a source that is none is refused, naming the line.
  const QString elsewhere = f.dir.write(QStringLiteral("computed.csv"), "code,year,value,source\nJD14-13,2022,71.5,computed\n");
  auto computed = planValueImport(elsewhere, f.catalog, *f.store);
  ASSERT_TRUE(computed.ok()) << computed.error().message.toStdString();
  EXPECT_EQ(computed->rows.front().value.source, ValueSource::Imported);
  const QString bad = f.dir.write(QStringLiteral("bad.csv"), "code,year,value,source\nJD14-04,2022,93,entered\nJD14-04,2023,94,made-up\n");
  auto refused = planValueImport(bad, f.catalog, *f.store);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(QStringLiteral("bad.csv:3"))) << refused.error().message.toStdString();
  EXPECT_FALSE(refused.error().message.contains(QStringLiteral("bad.csv:2")));
}

TEST(ValueExchange, OneBadRowRefusesTheWholeFile) {
  Fixture f;
  const QString file = f.dir.write(QStringLiteral("bad.csv"), kHeader +
      "JD14-01,2023,,,9,个,,\n"
      "JD14-99,2023,,,1,,,\n"          // unknown code
      "JD14-09,2023,,,130,%,,\n"       // ratio above 100
      "JD14-08,2023,,,3,公里,,\n");    // wrong unit
  auto plan = planValueImport(file, f.catalog, *f.store);
  ASSERT_FALSE(plan.ok());
  const QString message = plan.error().message;
  EXPECT_TRUE(message.contains(file + QStringLiteral(":3:"))) << message.toStdString();
  EXPECT_TRUE(message.contains(file + QStringLiteral(":4:")));
  EXPECT_TRUE(message.contains(file + QStringLiteral(":5:")));
  EXPECT_TRUE(f.store->latestValues()->empty());  // nothing imported half-way
}

TEST(ValueExchange, ExportAndReimportRoundTripInCsvAndXlsx) {
  Fixture source;
  std::vector<IndicatorValue> values;
  for (const auto& [code, year, sub, value] : {std::tuple{"JD14-01", 2022, "", 6.0}, std::tuple{"JD14-01", 2023, "江桥镇", 1.0},
                                               std::tuple{"JD14-08", 2023, "", 2.95}}) {
    IndicatorValue v;
    v.code = QString::fromLatin1(code);
    v.year = year;
    v.subunit = QString::fromUtf8(sub);
    v.value = value;
    v.author = QStringLiteral("王五");
    values.push_back(v);
  }
  ASSERT_TRUE(source.store->addValues(values).ok());
  for (const char* suffix : {"csv", "xlsx"}) {
    const QString file = source.dir.path(QStringLiteral("导出.") + QLatin1String(suffix));
    ASSERT_TRUE(exportValues(file, source.catalog, *source.store).ok()) << suffix;
    Fixture target(QStringLiteral("target-") + QLatin1String(suffix) + QStringLiteral(".xhp"));
    auto plan = planValueImport(file, target.catalog, *target.store);
    ASSERT_TRUE(plan.ok()) << suffix << ": " << plan.error().message.toStdString();
    EXPECT_EQ(plan->added, 3) << suffix;
    ASSERT_TRUE(applyValueImport(plan.value(), *target.store).ok());
    const auto back = target.store->latestValues().value();
    ASSERT_EQ(back.size(), 3U) << suffix;
    EXPECT_EQ(back[1].subunit, QStringLiteral("江桥镇"));
    EXPECT_DOUBLE_EQ(back[2].value, 2.95);
    EXPECT_EQ(back[0].author, QStringLiteral("王五"));
  }
}

}  // namespace
}  // namespace xiuhua::indicators
