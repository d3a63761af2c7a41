// xiuhua-cli works conflicts (马路拉链, issue 20 part 3): a project list and a road layer as units hand
// them in (中文 field names, 是/否, dates as text), the conflicts as JSON with snake_case keys, the
// rules' defaults labelled as Xiuhua's assumption, and a bad row named.
#include "cli/cli_runner.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using xiuhua::test::cli;
using xiuhua::test::CliRun;

QJsonObject json(const QString& text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

void write(const QString& path, const QByteArray& text) {
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(text);
}

// Roads in EPSG:4549 metres: 沪宜公路 two carriageways (one ID), 城中路 8 m north of them.
const QByteArray kRoads = R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}},
"features": [
 {"type": "Feature", "properties": {"道路编号": "HY-01", "大修日期": "2024-05-01"}, "geometry": {"type": "LineString", "coordinates": [[500000, 3470000], [501000, 3470000]]}},
 {"type": "Feature", "properties": {"道路编号": "HY-01", "大修日期": null}, "geometry": {"type": "LineString", "coordinates": [[501000, 3470020], [500000, 3470020]]}},
 {"type": "Feature", "properties": {"道路编号": "CZ-02", "大修日期": null}, "geometry": {"type": "LineString", "coordinates": [[500000, 3470028], [501000, 3470028]]}}
]})";

QByteArray projects(const QString& thirdDigs) {
  return QStringLiteral(R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}},
"features": [
 {"type": "Feature", "properties": {"项目名称": "燃气管改造", "计划开工": "2026-03-01", "计划完工": "2026-04-30", "掘路": "是"}, "geometry": {"type": "LineString", "coordinates": [[500100, 3470000], [500300, 3470000]]}},
 {"type": "Feature", "properties": {"项目名称": "雨水管新建", "计划开工": "2026/7/1", "计划完工": "2026/8/15", "掘路": "是"}, "geometry": {"type": "LineString", "coordinates": [[500200, 3470001], [500400, 3470001]]}},
 {"type": "Feature", "properties": {"项目名称": "城中路通信管", "计划开工": "2026-03-10", "计划完工": "2026-03-20", "掘路": "%1"}, "geometry": {"type": "LineString", "coordinates": [[500100, 3470028], [500300, 3470028]]}},
 {"type": "Feature", "properties": {"项目名称": "标线重划", "计划开工": "2026-03-01", "计划完工": "2026-03-02", "掘路": "否"}, "geometry": {"type": "LineString", "coordinates": [[500100, 3470000], [500300, 3470000]]}}
]})").arg(thirdDigs).toUtf8();
}

}  // namespace

TEST(CliWorksConflicts, RepeatedDiggingAndTheNoDigPeriodComeAsJsonWithTheRulesLabelled) {
  xiuhua::test::TempDir dir;
  const QString roads = dir.path(QStringLiteral("道路.geojson"));
  const QString list = dir.path(QStringLiteral("项目清单.geojson"));
  write(roads, kRoads);
  write(list, projects(QStringLiteral("是")));
  const CliRun r = cli({QStringLiteral("works"), QStringLiteral("conflicts"), QStringLiteral("--projects"), list, QStringLiteral("--roads"), roads,
                        QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject result = json(r.out);
  EXPECT_EQ(result.value(QStringLiteral("projects")).toInt(), 4);
  EXPECT_EQ(result.value(QStringLiteral("rules")).toObject().value(QStringLiteral("gap_months")).toInt(), 6);
  EXPECT_TRUE(result.value(QStringLiteral("rules")).toObject().value(QStringLiteral("defaults_are")).toString().contains(QLatin1String("assumption")));
  const QJsonArray conflicts = result.value(QStringLiteral("conflicts")).toArray();
  // 燃气管 and 雨水管 dig the same 110 m of HY-01 two months apart; 燃气管 also digs it within three
  // years of its overhaul (2024-05-01), and so does 雨水管; 城中路 8 m away is another road; 标线 does not dig.
  int repeated = 0;
  int noDig = 0;
  for (const QJsonValue& v : conflicts) {
    const QJsonObject c = v.toObject();
    EXPECT_EQ(c.value(QStringLiteral("road_id")).toString(), QStringLiteral("HY-01")) << r.out.toStdString();
    if (c.value(QStringLiteral("rule")).toString() == QLatin1String("repeated_excavation")) {
      ++repeated;
      EXPECT_EQ(c.value(QStringLiteral("project")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("燃气管改造"));
      EXPECT_EQ(c.value(QStringLiteral("other_project")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("雨水管新建"));
      EXPECT_NEAR(c.value(QStringLiteral("shared_m")).toDouble(), 100.0 + 2 * 5.0, 0.2);
      EXPECT_EQ(c.value(QStringLiteral("gap_days")).toInt(), 62);
    } else {
      ++noDig;
      EXPECT_EQ(c.value(QStringLiteral("renewed")).toString(), QStringLiteral("2024-05-01"));
    }
  }
  EXPECT_EQ(repeated, 1);
  EXPECT_EQ(noDig, 2);
}

TEST(CliWorksConflicts, AYesNoValueItCannotReadIsNamedWithTheProject) {
  xiuhua::test::TempDir dir;
  const QString roads = dir.path(QStringLiteral("roads.geojson"));
  const QString list = dir.path(QStringLiteral("list.geojson"));
  write(roads, kRoads);
  write(list, projects(QStringLiteral("待定")));
  const CliRun r = cli({QStringLiteral("works"), QStringLiteral("conflicts"), QStringLiteral("--projects"), list, QStringLiteral("--roads"), roads});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("城中路通信管")) && r.err.contains(QStringLiteral("待定"))) << r.err.toStdString();
  const CliRun usage = cli({QStringLiteral("works"), QStringLiteral("conflicts"), QStringLiteral("--projects"), list});
  EXPECT_EQ(usage.exitCode, 2);
}
