// xiuhua-cli whatif on the demo: a scenario computed incrementally equals the coverage computed
// from scratch with the same facilities.
#include "cli/cli_runner.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using xiuhua::test::cli;
using xiuhua::test::CliRun;

QString layer(const QString& name) { return QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg|layername=") + name; }
QJsonObject json(const QString& text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

QStringList coverage(const QString& facilityWhere) {
  return {QStringLiteral("--facilities"), layer(QStringLiteral("parks")), QStringLiteral("--facility-where"), facilityWhere,
          QStringLiteral("--radius-tiers"), QStringLiteral("2000:300,5000:500"), QStringLiteral("--target"),
          layer(QStringLiteral("residential_land")), QStringLiteral("--target-where"), QStringLiteral("land_code LIKE 'R%'"),
          QStringLiteral("--per"), layer(QStringLiteral("subdistricts")), QStringLiteral("--per-field"), QStringLiteral("name"),
          QStringLiteral("--json")};
}

// The scenario's whole and per-街镇 ratios against a coverage run from scratch.
void expectScenarioEquals(const QJsonObject& scenario, const QJsonObject& full) {
  EXPECT_NEAR(scenario.value(QStringLiteral("ratio")).toDouble(), full.value(QStringLiteral("ratio")).toDouble(), 1e-9);
  const QJsonArray a = scenario.value(QStringLiteral("per")).toArray();
  const QJsonArray b = full.value(QStringLiteral("per")).toArray();
  ASSERT_EQ(a.size(), b.size());
  for (qsizetype z = 0; z < a.size(); ++z) {
    EXPECT_EQ(a[z].toObject().value(QStringLiteral("name")), b[z].toObject().value(QStringLiteral("name")));
    EXPECT_NEAR(a[z].toObject().value(QStringLiteral("ratio")).toDouble(), b[z].toObject().value(QStringLiteral("ratio")).toDouble(), 1e-9);
  }
}

TEST(CliWhatIf, TakingParksAwayEqualsACoverageWithoutThem) {
  CliRun r = cli(QStringList{QStringLiteral("whatif")} + coverage(QStringLiteral("open_year <= 2024")) +
                 QStringList{QStringLiteral("--remove-where"), QStringLiteral("fid IN (1, 2, 3, 4, 5)")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject o = json(r.out);
  EXPECT_GT(o.value(QStringLiteral("removed")).toInt(), 0);
  EXPECT_GT(o.value(QStringLiteral("recomputed_targets")).toInt(), 0);
  const CliRun full = cli(QStringList{QStringLiteral("coverage")} + coverage(QStringLiteral("open_year <= 2024 AND NOT (fid IN (1, 2, 3, 4, 5))")));
  ASSERT_EQ(full.exitCode, 0) << full.err.toStdString();
  expectScenarioEquals(o.value(QStringLiteral("scenario")).toObject(), json(full.out));
  EXPECT_LE(o.value(QStringLiteral("change")).toObject().value(QStringLiteral("points")).toDouble(), 0.0);  // fewer parks never cover more
}

TEST(CliWhatIf, ProposedParksFromALayerEqualACoverageWithThem) {
  // The base leaves parks 1–5 out; proposing them (read from the same layer) must give the full coverage.
  CliRun r = cli(QStringList{QStringLiteral("whatif")} + coverage(QStringLiteral("NOT (fid IN (1, 2, 3, 4, 5))")) +
                 QStringList{QStringLiteral("--add"), layer(QStringLiteral("parks")), QStringLiteral("--add-where"), QStringLiteral("fid IN (1, 2, 3, 4, 5)")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject o = json(r.out);
  EXPECT_GT(o.value(QStringLiteral("added")).toInt(), 0);
  const CliRun full = cli(QStringList{QStringLiteral("coverage")} + coverage(QStringLiteral("1 = 1")));
  ASSERT_EQ(full.exitCode, 0) << full.err.toStdString();
  expectScenarioEquals(o.value(QStringLiteral("scenario")).toObject(), json(full.out));
  // The change per 街镇 is the difference of the two, in percentage points.
  for (const QJsonValue& v : o.value(QStringLiteral("change")).toObject().value(QStringLiteral("per")).toArray()) {
    const QJsonObject z = v.toObject();
    EXPECT_NEAR(z.value(QStringLiteral("points")).toDouble(),
                100 * (z.value(QStringLiteral("scenario")).toDouble() - z.value(QStringLiteral("base")).toDouble()), 1e-9);
    EXPECT_GE(z.value(QStringLiteral("points")).toDouble(), -1e-12);  // more parks never cover less
  }
}

TEST(CliWhatIf, BadScenariosAreRefusedWithAMessage) {
  xiuhua::test::TempDir dir;
  CliRun r = cli(QStringList{QStringLiteral("whatif")} + coverage(QStringLiteral("1 = 1")));
  EXPECT_EQ(r.exitCode, 2);  // neither --add nor --remove-where
  EXPECT_TRUE(r.err.contains(QStringLiteral("--add")));
  const QString noCrs = dir.write(QStringLiteral("规划公园.geojson"),
                                  "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                                  "\"geometry\":{\"type\":\"Point\",\"coordinates\":[609700,3473200]}}]}");
  r = cli(QStringList{QStringLiteral("whatif")} + coverage(QStringLiteral("1 = 1")) + QStringList{QStringLiteral("--add"), noCrs});
  EXPECT_EQ(r.exitCode, 1);  // GeoJSON coordinates of 600 km are not longitude/latitude: PROJ refuses them, by file
  EXPECT_TRUE(r.err.contains(QStringLiteral("规划公园.geojson"))) << r.err.toStdString();
  r = cli(QStringList{QStringLiteral("whatif")} + coverage(QStringLiteral("1 = 1")) +
          QStringList{QStringLiteral("--remove-where"), QStringLiteral("no_such_field = 1")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("no_such_field"))) << r.err.toStdString();
}

}  // namespace
