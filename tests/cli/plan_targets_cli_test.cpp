// Targets and statuses as the plans state them, checked as a user would on the shipped demos (issue
// "every target as the plan states it"): no invented baseline (JD14-09), a doubtful unit 待确认 until
// confirmed (PT14-16), a per-year target judged year by year (JD14-34), the plan's own period
// (Songjiang 2024–2026), a target set for 嘉定新城 only (JD14-13: the others 不适用), the audit list,
// and the plans' shares and per-capita figures computed from the map, equal to an independent
// computation of the same layers (data/demo-putuo/README.md, Python with GDAL).
#include "cli/cli_runner.h"
#include "support/demo_copy.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using xiuhua::test::cli;
using xiuhua::test::CliRun;

QJsonObject statusOf(const QString& project, int year, const QString& code) {
  const CliRun r = cli({QStringLiteral("indicators"), QStringLiteral("status"), QStringLiteral("--project"), project, QStringLiteral("--year"),
                        QString::number(year), QStringLiteral("--json")});
  EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
  for (const QJsonValue& v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("indicators")).toArray()) {
    if (v.toObject().value(QStringLiteral("code")).toString() == code) return v.toObject();
  }
  ADD_FAILURE() << "no " << code.toStdString() << " in the status";
  return {};
}

QJsonObject auditOf(const QString& project, const QString& code) {
  const CliRun r = cli({QStringLiteral("indicators"), QStringLiteral("audit"), QStringLiteral("--project"), project, QStringLiteral("--json")});
  EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
  for (const QJsonValue& v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("indicators")).toArray()) {
    if (v.toObject().value(QStringLiteral("code")).toString() == code) return v.toObject();
  }
  ADD_FAILURE() << "no " << code.toStdString() << " in the audit";
  return {};
}

QStringList kinds(const QJsonObject& auditRow, bool openOnly = false) {
  QStringList out;
  for (const QJsonValue& v : auditRow.value(QStringLiteral("items")).toArray()) {
    if (!openOnly || v.toObject().value(QStringLiteral("open")).toBool()) out << v.toObject().value(QStringLiteral("kind")).toString();
  }
  return out;
}

CliRun set(const QString& project, const QString& code, int year, double value) {
  return cli({QStringLiteral("indicators"), QStringLiteral("set"), QStringLiteral("--project"), project, QStringLiteral("--code"), code,
              QStringLiteral("--year"), QString::number(year), QStringLiteral("--value"), QString::number(value)});
}

// JD14-09 常规公交站点500m半径覆盖率, 90 % in 2025, no baseline in the plan: 55 in 2023 read
// "on_track, expected 54" from a baseline of 0 Xiuhua invented.
TEST(CliPlanTargets, NoBaselineNoExpectedPathNoOnTrack) {
  xiuhua::test::TempDir dir;
  const QString project = xiuhua::test::copyDemoProject(dir.path(QString()), QStringLiteral("demo"));
  ASSERT_EQ(set(project, QStringLiteral("JD14-09"), 2023, 55).exitCode, 0);
  QJsonObject row = statusOf(project, 2023, QStringLiteral("JD14-09"));
  EXPECT_EQ(row.value(QStringLiteral("status")).toString(), QStringLiteral("no_baseline"));
  EXPECT_TRUE(row.value(QStringLiteral("expected")).isNull());
  EXPECT_TRUE(row.value(QStringLiteral("progress")).isNull());
  EXPECT_DOUBLE_EQ(row.value(QStringLiteral("remaining")).toDouble(), 35);
  EXPECT_TRUE(row.value(QStringLiteral("status_advice")).toString().contains(QStringLiteral("indicators baseline")));
  EXPECT_EQ(kinds(auditOf(project, QStringLiteral("JD14-09")), true), QStringList{QStringLiteral("no_baseline")});
  // A baseline entered with its source gives the path; the plan's own baselines are not replaced.
  const CliRun baseline = cli({QStringLiteral("indicators"), QStringLiteral("baseline"), QStringLiteral("--project"), project,
                               QStringLiteral("--code"), QStringLiteral("JD14-09"), QStringLiteral("--year"), QStringLiteral("2020"),
                               QStringLiteral("--value"), QStringLiteral("40"), QStringLiteral("--source"), QStringLiteral("交通委 2020 年报"),
                               QStringLiteral("--author"), QStringLiteral("王芳")});
  ASSERT_EQ(baseline.exitCode, 0) << baseline.err.toStdString();
  row = statusOf(project, 2023, QStringLiteral("JD14-09"));
  EXPECT_DOUBLE_EQ(row.value(QStringLiteral("expected")).toDouble(), 70);
  EXPECT_EQ(row.value(QStringLiteral("status")).toString(), QStringLiteral("severely_behind"));
  EXPECT_TRUE(row.value(QStringLiteral("baseline_source")).toString().contains(QStringLiteral("交通委")));
  const CliRun replace = cli({QStringLiteral("indicators"), QStringLiteral("baseline"), QStringLiteral("--project"), project,
                              QStringLiteral("--code"), QStringLiteral("JD14-25"), QStringLiteral("--year"), QStringLiteral("2020"),
                              QStringLiteral("--value"), QStringLiteral("10"), QStringLiteral("--source"), QStringLiteral("x")});
  EXPECT_EQ(replace.exitCode, 1);
  EXPECT_TRUE(replace.err.contains(QStringLiteral("JD14-25"))) << replace.err.toStdString();
}

// JD14-34 架空线入地年均增长量 5–10 公里: each year's length, judged year by year and summed; the
// Jiading table marks no 约束性/预期性: 未注明.
TEST(CliPlanTargets, AnAnnualRangeIsJudgedYearByYear) {
  xiuhua::test::TempDir dir;
  const QString project = xiuhua::test::copyDemoProject(dir.path(QString()), QStringLiteral("demo"));
  for (const auto& [year, km] : {std::pair{2021, 6.0}, std::pair{2022, 3.0}}) ASSERT_EQ(set(project, QStringLiteral("JD14-34"), year, km).exitCode, 0);
  const QJsonObject row = statusOf(project, 2022, QStringLiteral("JD14-34"));
  EXPECT_EQ(row.value(QStringLiteral("status")).toString(), QStringLiteral("behind"));  // 3 < 5 in 2022
  EXPECT_DOUBLE_EQ(row.value(QStringLiteral("period_total")).toDouble(), 9);
  EXPECT_DOUBLE_EQ(row.value(QStringLiteral("period_expected")).toDouble(), 10);
  EXPECT_EQ(row.value(QStringLiteral("target_kind")).toString(), QStringLiteral("annual"));
  EXPECT_DOUBLE_EQ(row.value(QStringLiteral("target_max")).toDouble(), 10);
  EXPECT_EQ(row.value(QStringLiteral("nature")).toString(), QStringLiteral("未注明"));
  // The year met its 5 km and the period is not over: on track, not yet achieved.
  EXPECT_EQ(statusOf(project, 2021, QStringLiteral("JD14-34")).value(QStringLiteral("status")).toString(), QStringLiteral("on_track"));
  const QJsonObject audit = auditOf(project, QStringLiteral("JD14-34"));
  EXPECT_TRUE(kinds(audit).contains(QStringLiteral("annual")));
  EXPECT_TRUE(kinds(audit).contains(QStringLiteral("nature_unstated")));
}

// PT14-16 累计新建绿地面积 "75 平方米" (the previous period built 166.9万平方米): 待确认 whatever the
// value, until an analyst confirms the unit; the decision is in the audit.
TEST(CliPlanTargets, ADoubtfulUnitIsToBeConfirmedUntilConfirmed) {
  xiuhua::test::TempDir dir;
  const QString project = xiuhua::test::copyBuiltPutuoDemo(dir.path(QStringLiteral("putuo")));
  ASSERT_FALSE(project.isEmpty());
  ASSERT_EQ(set(project, QStringLiteral("PT14-16"), 2025, 80).exitCode, 0);
  EXPECT_EQ(statusOf(project, 2025, QStringLiteral("PT14-16")).value(QStringLiteral("status")).toString(), QStringLiteral("unconfirmed"));
  QJsonObject audit = auditOf(project, QStringLiteral("PT14-16"));
  EXPECT_TRUE(kinds(audit, true).contains(QStringLiteral("doubt")));
  const CliRun noReason = cli({QStringLiteral("indicators"), QStringLiteral("confirm"), QStringLiteral("--project"), project,
                               QStringLiteral("--code"), QStringLiteral("PT14-16"), QStringLiteral("--unit"), QStringLiteral("万平方米")});
  EXPECT_EQ(noReason.exitCode, 2);
  const CliRun confirm = cli({QStringLiteral("indicators"), QStringLiteral("confirm"), QStringLiteral("--project"), project,
                              QStringLiteral("--code"), QStringLiteral("PT14-16"), QStringLiteral("--unit"), QStringLiteral("万平方米"),
                              QStringLiteral("--reason"), QStringLiteral("十三五已完成166.9万平方米，区绿化市容局确认为万平方米"),
                              QStringLiteral("--author"), QStringLiteral("李强")});
  ASSERT_EQ(confirm.exitCode, 0) << confirm.err.toStdString();
  const QJsonObject row = statusOf(project, 2025, QStringLiteral("PT14-16"));
  EXPECT_EQ(row.value(QStringLiteral("unit")).toString(), QStringLiteral("万平方米"));
  EXPECT_EQ(row.value(QStringLiteral("status")).toString(), QStringLiteral("achieved"));
  audit = auditOf(project, QStringLiteral("PT14-16"));
  EXPECT_FALSE(kinds(audit, true).contains(QStringLiteral("doubt")));
  ASSERT_EQ(audit.value(QStringLiteral("decisions")).toArray().size(), 1);
  EXPECT_EQ(audit.value(QStringLiteral("decisions")).toArray().at(0).toObject().value(QStringLiteral("author")).toString(), QStringLiteral("李强"));
  // A row without a doubt has nothing to confirm.
  const CliRun nothing = cli({QStringLiteral("indicators"), QStringLiteral("confirm"), QStringLiteral("--project"), project,
                              QStringLiteral("--code"), QStringLiteral("PT14-01"), QStringLiteral("--reason"), QStringLiteral("x")});
  EXPECT_EQ(nothing.exitCode, 1);
}

// Songjiang's action plan runs 2024–2026: a total over it starts at the end of 2023, not 2020.
TEST(CliPlanTargets, TheSongjiangPeriodIsThePlans) {
  xiuhua::test::TempDir dir;
  const QString project = xiuhua::test::copyDemoProject(dir.path(QString()), QStringLiteral("demo"));
  const CliRun imported = cli({QStringLiteral("indicators"), QStringLiteral("import-catalog"), QStringLiteral("--project"), project,
                               QStringLiteral("--catalog"), QStringLiteral(CATALOG_DIR "/songjiang-2024-2026.csv")});
  ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
  // SJ24-05 户外招牌改造提升路段 20条以上 by 2026, a total over the period.
  ASSERT_EQ(set(project, QStringLiteral("SJ24-05"), 2025, 10).exitCode, 0);
  const QJsonObject row = statusOf(project, 2025, QStringLiteral("SJ24-05"));
  EXPECT_NEAR(row.value(QStringLiteral("expected")).toDouble(), 20.0 * 2 / 3, 1e-9);
  EXPECT_NEAR(row.value(QStringLiteral("progress")).toDouble(), 50, 1e-9);
}

// JD14-13 绿地公园500米服务半径覆盖率 90 % is set for 嘉定新城: computed inside it, and the 街镇
// outside it get no value but 不适用.
TEST(CliPlanTargets, ATargetForAnAreaIsComputedThereAndElsewhereNotApplicable) {
  xiuhua::test::TempDir dir;
  const QString project = xiuhua::test::copyDemoProject(dir.path(QString()), QStringLiteral("demo"));
  const CliRun r = cli({QStringLiteral("compute"), QStringLiteral("--project"), project, QStringLiteral("--indicator"), QStringLiteral("JD14-13"),
                        QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("computed")).toArray().at(0)
                                 .toObject().value(QStringLiteral("result")).toObject();
  EXPECT_EQ(result.value(QStringLiteral("scope")).toString(), QStringLiteral("嘉定新城"));
  const QJsonArray outside = result.value(QStringLiteral("not_applicable")).toObject().value(QStringLiteral("街镇")).toArray();
  QStringList names;
  for (const QJsonValue& v : outside) names << v.toString();
  EXPECT_TRUE(names.contains(QStringLiteral("南翔镇"))) << names.join(QLatin1Char(',')).toStdString();
  EXPECT_FALSE(names.contains(QStringLiteral("嘉定镇街道")));
  const CliRun history = cli({QStringLiteral("indicators"), QStringLiteral("history"), QStringLiteral("--project"), project,
                              QStringLiteral("--code"), QStringLiteral("JD14-13")});
  bool nanxiang = false;
  bool jiadingTown = false;
  for (const QJsonValue& v : QJsonDocument::fromJson(history.out.toUtf8()).array()) {
    nanxiang = nanxiang || v.toObject().value(QStringLiteral("subunit")).toString() == QStringLiteral("南翔镇");
    jiadingTown = jiadingTown || v.toObject().value(QStringLiteral("subunit")).toString() == QStringLiteral("嘉定镇街道");
  }
  EXPECT_FALSE(nanxiang);
  EXPECT_TRUE(jiadingTown);
  EXPECT_TRUE(kinds(auditOf(project, QStringLiteral("JD14-13"))).contains(QStringLiteral("scope")));
}

// The audit of each shipped catalog, as an analyst reads it.
TEST(CliPlanTargets, TheAuditOfTheShippedCatalogsListsWhatThePlansLeaveOpen) {
  xiuhua::test::TempDir dir;
  const QString project = xiuhua::test::copyDemoProject(dir.path(QString()), QStringLiteral("demo"));
  const CliRun r = cli({QStringLiteral("indicators"), QStringLiteral("audit"), QStringLiteral("--project"), project, QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("indicators")).toArray();
  ASSERT_EQ(rows.size(), 38);
  for (const QJsonValue& v : rows) {
    const QJsonObject row = v.toObject();
    EXPECT_TRUE(kinds(row).contains(QStringLiteral("nature_unstated"))) << row.value(QStringLiteral("code")).toString().toStdString();
    EXPECT_FALSE(kinds(row).contains(QStringLiteral("no_quote")));
    EXPECT_FALSE(kinds(row).contains(QStringLiteral("no_period")));
  }
  EXPECT_TRUE(kinds(auditOf(project, QStringLiteral("JD14-23"))).contains(QStringLiteral("yearly_count")));
  EXPECT_FALSE(kinds(auditOf(project, QStringLiteral("JD14-25"))).contains(QStringLiteral("no_baseline")));  // the plan's 16.05
  const CliRun text = cli({QStringLiteral("indicators"), QStringLiteral("audit"), QStringLiteral("--project"), project, QStringLiteral("--lang"),
                           QStringLiteral("zh_CN")});
  EXPECT_TRUE(text.out.contains(QStringLiteral("嘉定新城"))) << text.out.left(2000).toStdString();
  // In Chinese, as asked: the audit's explanations were once looked up under a context lupdate did
  // not file them under, and printed in English.
  EXPECT_TRUE(text.out.contains(QStringLiteral("规划未标注"))) << text.out.left(2000).toStdString();
  EXPECT_FALSE(text.out.contains(QStringLiteral("The plan gives no baseline"))) << text.out.left(2000).toStdString();
}

// The Putuo demo's four new metrics, computed by the engine, equal the values its generator computed
// independently from the same layers (Python, GDAL/GEOS; data/demo-putuo/README.md).
TEST(CliPlanTargets, ThePutuoSharesAndPerCapitaFiguresMatchAnIndependentComputation) {
  xiuhua::test::TempDir dir;
  const QString project = xiuhua::test::copyBuiltPutuoDemo(dir.path(QStringLiteral("putuo")));
  ASSERT_FALSE(project.isEmpty());
  const std::vector<std::pair<QString, double>> expected = {{QStringLiteral("PT14-06"), 57.001},  // area-weighted mean, %
                                                            {QStringLiteral("PT14-07"), 6.74},    // length share, %
                                                            {QStringLiteral("PT14-14"), 52.0},    // count share, %
                                                            {QStringLiteral("PT14-17"), 5.80}};   // m² per 常住 resident
  for (const auto& [code, value] : expected) {
    const QJsonObject row = statusOf(project, 2025, code);
    EXPECT_NEAR(row.value(QStringLiteral("value")).toDouble(), value, 0.006) << code.toStdString();
    EXPECT_FALSE(row.value(QStringLiteral("value_synthetic")).toBool()) << code.toStdString();  // computed from the map
  }
  EXPECT_EQ(statusOf(project, 2025, QStringLiteral("PT14-17")).value(QStringLiteral("population_basis")).toString(), QStringLiteral("常住"));
}

}  // namespace
