#include "support/temp_dir.h"
#include "xiuhua/gis/database.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/indicators/value_store.h"
#include "xiuhua/indicators/value_validator.h"

#include <gtest/gtest.h>

#include <QFile>

#include <thread>

namespace xiuhua::indicators {
namespace {

const QString kJiading = QStringLiteral(CATALOG_DIR "/jiading-14th-fyp.csv");

QString makeProject(const test::TempDir& dir) {
  gis::Project project;
  project.title = QStringLiteral("测试");
  project.mapCrs = gis::Crs::fromEpsg(4549);
  const QString path = dir.path(QStringLiteral("项目.xhp"));
  EXPECT_TRUE(gis::ProjectFile::save(project, path).ok());
  return path;
}

TEST(ValueStore, ImportsACatalogIntoTheProject) {
  test::TempDir dir;
  const QString project = makeProject(dir);
  auto store = ValueStore::open(project);
  ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
  const Catalog jiading = CatalogReader::read(kJiading).value();
  ASSERT_TRUE((*store)->importCatalog(jiading, QStringLiteral("嘉定区城市管理精细化“十四五”规划")).ok());
  auto back = (*store)->catalog();
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->indicators.size(), jiading.indicators.size());
  const Indicator& first = back->indicators.front();
  EXPECT_EQ(first.code, jiading.indicators.front().code);
  EXPECT_EQ(first.nameZh, jiading.indicators.front().nameZh);
  EXPECT_EQ(first.targetValue, jiading.indicators.front().targetValue);
  EXPECT_EQ(first.responsible, jiading.indicators.front().responsible);
  // The map part of the project is untouched, and saving the map keeps the indicators.
  EXPECT_TRUE(gis::ProjectFile::load(project).ok());
  gis::Project p = gis::ProjectFile::load(project).value();
  p.title = QStringLiteral("改名");
  ASSERT_TRUE(gis::ProjectFile::save(p, project).ok());
  EXPECT_EQ((*store)->catalog()->indicators.size(), jiading.indicators.size());
  EXPECT_EQ(gis::ProjectFile::load(project)->title, QStringLiteral("改名"));
}

TEST(ValueStore, UpdatesOneIndicatorsDefinition) {
  test::TempDir dir;
  auto store = ValueStore::open(makeProject(dir)).value();
  const Catalog jiading = CatalogReader::read(kJiading).value();
  ASSERT_TRUE(store->importCatalog(jiading, QStringLiteral("嘉定")).ok());
  Indicator changed = jiading.indicators.front();
  changed.targetValue = 20;
  ASSERT_TRUE(store->updateIndicator(changed).ok());
  EXPECT_EQ(*store->catalog()->find(changed.code)->targetValue, 20.0);
  EXPECT_EQ(store->catalog()->indicators.size(), jiading.indicators.size());
  changed.code = QStringLiteral("NOPE");
  EXPECT_FALSE(store->updateIndicator(changed).ok());
}

// A confirmation without a unit keeps the unit confirmed before (it reset PT14-16 to 平方米, reading
// its values 10⁴ times too small); a baseline the catalog itself gives later is not replaced by an
// analyst's earlier one.
TEST(ValueStore, DecisionsKeepWhatWasConfirmedAndYieldToThePlansBaseline) {
  test::TempDir dir;
  auto store = ValueStore::open(makeProject(dir)).value();
  ASSERT_TRUE(store->importCatalog(CatalogReader::read(QStringLiteral(CATALOG_DIR "/putuo-14th-fyp.csv")).value(), QStringLiteral("普陀")).ok());
  ASSERT_TRUE(store->confirmIndicator(QStringLiteral("PT14-16"), QStringLiteral("万平方米"), {}, QStringLiteral("a"), QStringLiteral("李")).ok());
  ASSERT_TRUE(store->confirmIndicator(QStringLiteral("PT14-16"), {}, {}, QStringLiteral("b"), QStringLiteral("王")).ok());
  const Indicator green = *store->catalog()->find(QStringLiteral("PT14-16"));
  EXPECT_EQ(green.unit, QStringLiteral("万平方米"));
  ASSERT_TRUE(green.confirmation.has_value());
  EXPECT_EQ(green.confirmation->unit, QStringLiteral("万平方米"));
  EXPECT_EQ(green.confirmation->author, QStringLiteral("王"));

  const QString code = QStringLiteral("PT14-34");  // 20 %, no baseline in the plan
  ASSERT_FALSE(store->definition(code)->baselineValue.has_value());
  ASSERT_TRUE(store->setBaseline(code, 2020, 5, QStringLiteral("区建管委统计"), QStringLiteral("李")).ok());
  EXPECT_EQ(*store->catalog()->find(code)->baselineValue, 5.0);
  Indicator fromPlan = store->definition(code).value();
  fromPlan.baselineYear = 2020;
  fromPlan.baselineValue = 8;
  ASSERT_TRUE(store->updateIndicator(fromPlan).ok());
  EXPECT_EQ(*store->catalog()->find(code)->baselineValue, 8.0);
}

TEST(ValueStore, ACorrectionKeepsTheOldValueInTheHistory) {
  test::TempDir dir;
  auto store = ValueStore::open(makeProject(dir)).value();
  IndicatorValue v;
  v.code = QStringLiteral("JD14-08");
  v.year = 2022;
  v.value = 2.91;
  v.author = QStringLiteral("张三");
  ASSERT_TRUE(store->addValue(v).ok());
  v.value = 2.95;
  v.note = QStringLiteral("统计口径更正");
  ASSERT_TRUE(store->addValue(v).ok());
  v.year = 2023;
  v.value = 3.0;
  ASSERT_TRUE(store->addValue(v).ok());
  const auto history = store->history(QStringLiteral("JD14-08")).value();
  ASSERT_EQ(history.size(), 3U);
  EXPECT_DOUBLE_EQ(history[0].value, 2.91);
  EXPECT_EQ(history[1].note, QStringLiteral("统计口径更正"));
  EXPECT_EQ(history[0].author, QStringLiteral("张三"));
  EXPECT_TRUE(history[0].time.isValid());
  const auto series = store->series(QStringLiteral("JD14-08")).value();
  EXPECT_EQ(series.size(), 2U);
  EXPECT_DOUBLE_EQ(series.at(2022), 2.95);  // the correction
  EXPECT_DOUBLE_EQ(series.at(2023), 3.0);
}

TEST(ValueStore, SubunitValuesAreTheLatestYearUpToTheChosenOne) {
  test::TempDir dir;
  auto store = ValueStore::open(makeProject(dir)).value();
  auto add = [&](const QString& subunit, int year, double value, std::optional<int> month = std::nullopt) {
    IndicatorValue v;
    v.code = QStringLiteral("JD14-09");
    v.subunit = subunit;
    v.year = year;
    v.month = month;
    v.value = value;
    ASSERT_TRUE(store->addValue(v).ok());
  };
  add(QStringLiteral("南翔镇"), 2021, 80);
  add(QStringLiteral("南翔镇"), 2022, 84);
  add(QStringLiteral("南翔镇"), 2022, 85);      // a correction
  add(QStringLiteral("南翔镇"), 2023, 99);      // after the chosen year
  add(QStringLiteral("安亭镇"), 2022, 70, 6);   // a monthly value: not a yearly one
  add(QStringLiteral("安亭镇"), 2021, 72);
  add(QString(), 2022, 88);                    // the district
  const auto values = store->subunitValues(QStringLiteral("JD14-09"), 2022).value();
  ASSERT_EQ(values.size(), 2U);
  EXPECT_EQ(values.at(QStringLiteral("南翔镇")), std::make_pair(2022, 85.0));
  EXPECT_EQ(values.at(QStringLiteral("安亭镇")), std::make_pair(2021, 72.0));
  EXPECT_TRUE(store->subunitValues(QStringLiteral("JD14-09"), 2020)->empty());
}

TEST(ValueStore, TwoWritersAtOnceLoseNothing) {
  test::TempDir dir;
  const QString project = makeProject(dir);
  ASSERT_TRUE(ValueStore::open(project).ok());  // create the tables first
  constexpr int kEach = 100;
  auto writer = [&](const QString& author) {
    auto store = ValueStore::open(project).value();  // its own connection, as a second app would
    for (int i = 0; i < kEach; ++i) {
      IndicatorValue v;
      v.code = QStringLiteral("JD14-01");
      v.year = 2021 + i % 5;
      v.value = i;
      v.author = author;
      ASSERT_TRUE(store->addValue(v).ok());
    }
  };
  std::thread a(writer, QStringLiteral("甲"));
  std::thread b(writer, QStringLiteral("乙"));
  a.join();
  b.join();
  auto store = ValueStore::open(project).value();
  const auto history = store->history(QStringLiteral("JD14-01")).value();
  EXPECT_EQ(history.size(), 2U * kEach);
  EXPECT_TRUE(gis::ProjectFile::load(project).ok());  // still a sound project
}

TEST(ValueStore, AssessmentsNeedAReasonAndTheLatestWins) {
  test::TempDir dir;
  auto store = ValueStore::open(makeProject(dir)).value();
  Assessment a;
  a.code = QStringLiteral("JD14-07");
  a.year = 2022;
  a.status = Status::Behind;
  EXPECT_FALSE(store->addAssessment(a).ok());  // no reason
  a.reason = QStringLiteral("市级考核通报：未完成年度下达目标");
  ASSERT_TRUE(store->addAssessment(a).ok());
  a.year = 2023;
  a.status = Status::Achieved;
  a.reason = QStringLiteral("市生态环境局 2023 年考核结果：完成");
  ASSERT_TRUE(store->addAssessment(a).ok());
  a.status = Status::NoData;  // not a judgement
  EXPECT_FALSE(store->addAssessment(a).ok());
  EXPECT_EQ(store->latestAssessments(2022)->at(QStringLiteral("JD14-07")).status, Status::Behind);
  const Assessment latest = store->latestAssessments(2024)->at(QStringLiteral("JD14-07"));
  EXPECT_EQ(latest.status, Status::Achieved);
  EXPECT_EQ(latest.year, 2023);
  EXPECT_TRUE(latest.reason.contains(QStringLiteral("完成")));
  EXPECT_TRUE(store->latestAssessments(2021)->empty());
}

TEST(ValueValidator, RefusesBadValuesWithAReason) {
  const Catalog jiading = CatalogReader::read(kJiading).value();
  const Indicator* coverage = nullptr;
  const Indicator* blocks = nullptr;
  for (const Indicator& i : jiading.indicators) {
    if (i.unit == QLatin1String("%") && !coverage) coverage = &i;
    if (i.unit == QStringLiteral("个") && !blocks) blocks = &i;
  }
  ASSERT_TRUE(coverage && blocks);
  EXPECT_DOUBLE_EQ(validateValue(*coverage, QStringLiteral("87.5"), QString(), 2023).value(), 87.5);
  EXPECT_DOUBLE_EQ(validateValue(*coverage, QStringLiteral("87.5%"), QStringLiteral("%"), 2023).value(), 87.5);
  const auto notNumber = validateValue(*coverage, QStringLiteral("九十"), QString(), 2023);
  ASSERT_FALSE(notNumber.ok());
  EXPECT_TRUE(notNumber.error().message.contains(coverage->code));
  EXPECT_TRUE(notNumber.error().message.contains(QStringLiteral("九十")));
  EXPECT_FALSE(validateValue(*coverage, QStringLiteral("120"), QString(), 2023).ok());          // > 100%
  EXPECT_FALSE(validateValue(*coverage, QStringLiteral("0.9"), QStringLiteral("个"), 2023).ok());  // unit
  EXPECT_FALSE(validateValue(*coverage, QStringLiteral("90"), QString(), 2031).ok());          // after the plan
  EXPECT_FALSE(validateValue(*coverage, QStringLiteral("90"), QString(), 2015).ok());          // before it
  EXPECT_FALSE(validateValue(*blocks, QStringLiteral("-3"), QString(), 2023).ok());            // negative count
  EXPECT_TRUE(validateValue(*blocks, QStringLiteral("12"), QString(), 2023).ok());
}

}  // namespace
}  // namespace xiuhua::indicators

namespace xiuhua::indicators {
namespace {

// A project from before sub-unit levels (xh_values without its level column), on a read-only
// share: read as it is, the missing column shown as unknown, the file unchanged.
TEST(ValueStore, AnOldProjectReadOnlyIsReadWithoutBeingMigrated) {
  test::TempDir dir;
  const QString project = makeProject(dir);
  {
    auto store = ValueStore::open(project).value();
    IndicatorValue v;
    v.code = QStringLiteral("JD14-04");
    v.year = 2023;
    v.value = 95.5;
    ASSERT_TRUE(store->addValue(v).ok());
  }
  {
    auto db = gis::Database::open(project).value();
    ASSERT_TRUE(db->exec(QStringLiteral("ALTER TABLE xh_values DROP COLUMN level")).ok());
  }
  ASSERT_TRUE(QFile::setPermissions(project, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
  auto store = ValueStore::open(project);
  ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
  auto history = (*store)->history(QStringLiteral("JD14-04"));
  ASSERT_TRUE(history.ok()) << history.error().message.toStdString();
  ASSERT_EQ(history->size(), 1U);
  EXPECT_DOUBLE_EQ(history->front().value, 95.5);
  EXPECT_TRUE(history->front().level.isEmpty());
  IndicatorValue more;
  more.code = QStringLiteral("JD14-04");
  more.year = 2024;
  more.value = 96;
  const auto refused = (*store)->addValue(more);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, gis::Database::readOnlyMessage(project));
  store.value().reset();
  auto columns = gis::Database::open(project).value()->query(
      QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('xh_values') WHERE name = 'level'"));
  ASSERT_TRUE(columns.ok());
  EXPECT_EQ(columns->front().front().toInt(), 0);  // not migrated
  ASSERT_TRUE(QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner));
}

}  // namespace
}  // namespace xiuhua::indicators
