// xiuhua-cli gaps on the demo: the sites it proposes, added as a what-if scenario, change the
// coverage by exactly the gains it reports.
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

QStringList coverage() {
  return {QStringLiteral("--facilities"), layer(QStringLiteral("parks")), QStringLiteral("--radius-tiers"),
          QStringLiteral("2000:300,5000:500"), QStringLiteral("--target"), layer(QStringLiteral("residential_land")),
          QStringLiteral("--target-where"), QStringLiteral("land_code LIKE 'R%'"), QStringLiteral("--per"),
          layer(QStringLiteral("subdistricts")), QStringLiteral("--per-field"), QStringLiteral("name"), QStringLiteral("--json")};
}

TEST(CliGapFinder, SitesAddedAsAScenarioGainWhatTheFinderSays) {
  xiuhua::test::TempDir dir;
  const QString out = dir.path(QStringLiteral("空白点.gpkg"));
  CliRun r = cli(QStringList{QStringLiteral("gaps")} + coverage() +
                 QStringList{QStringLiteral("--facility-area"), QStringLiteral("5000"), QStringLiteral("--spacing"), QStringLiteral("300"),
                             QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--out"), out});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject gaps = json(r.out);
  EXPECT_EQ(gaps.value(QStringLiteral("radius_m")).toDouble(), 500);  // a 5000 m² park is in the 500 m tier
  EXPECT_GT(gaps.value(QStringLiteral("candidates")).toInt(), 1000);
  const QJsonArray sites = gaps.value(QStringLiteral("sites")).toArray();
  ASSERT_EQ(sites.size(), 4);
  double sum = 0;
  double previous = 1e300;
  for (const QJsonValue& v : sites) {
    const double gain = v.toObject().value(QStringLiteral("gain_points")).toDouble();
    EXPECT_GT(gain, 0);
    EXPECT_LE(gain, previous + 1e-9);  // greedy: each next site adds no more than the one before
    EXPECT_FALSE(v.toObject().value(QStringLiteral("zone")).toString().isEmpty());
    previous = gain;
    sum += gain;
  }

  // All four sites as proposed parks: the scenario's change is the sum of the gains, and its
  // per-街镇 values are the finder's "after".
  r = cli(QStringList{QStringLiteral("whatif")} + coverage() + QStringList{QStringLiteral("--add"), out + QStringLiteral("|layername=sites")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  QJsonObject whatIf = json(r.out);
  EXPECT_EQ(whatIf.value(QStringLiteral("added")).toInt(), 4);  // the footprints measure 5000 m²: all in the 500 m tier
  EXPECT_NEAR(whatIf.value(QStringLiteral("change")).toObject().value(QStringLiteral("points")).toDouble(), sum, 1e-9);
  const QJsonArray after = gaps.value(QStringLiteral("after")).toObject().value(QStringLiteral("per")).toArray();
  const QJsonArray scenario = whatIf.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("per")).toArray();
  ASSERT_EQ(after.size(), scenario.size());
  for (qsizetype z = 0; z < after.size(); ++z) {
    EXPECT_NEAR(after[z].toObject().value(QStringLiteral("ratio")).toDouble(), scenario[z].toObject().value(QStringLiteral("ratio")).toDouble(), 1e-9);
  }
  // The first site alone gains its own gain.
  r = cli(QStringList{QStringLiteral("whatif")} + coverage() +
          QStringList{QStringLiteral("--add"), out + QStringLiteral("|layername=sites"), QStringLiteral("--add-where"), QStringLiteral("rank = 1")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  whatIf = json(r.out);
  EXPECT_NEAR(whatIf.value(QStringLiteral("change")).toObject().value(QStringLiteral("points")).toDouble(),
              sites[0].toObject().value(QStringLiteral("gain_points")).toDouble(), 1e-9);
}

TEST(CliGapFinder, CandidateLandLimitsTheSitesAndWeightsRankByPopulation) {
  xiuhua::test::TempDir dir;
  const QString out = dir.path(QStringLiteral("sites.gpkg"));
  // The 美丽街区 polygons stand in for vacant land; bus stops are points (no area) with one radius.
  CliRun r = cli(QStringList{QStringLiteral("gaps")} + coverage() +
                 QStringList{QStringLiteral("--candidates"), layer(QStringLiteral("beautiful_blocks")), QStringLiteral("--spacing"),
                             QStringLiteral("100"), QStringLiteral("--site-radius"), QStringLiteral("500"), QStringLiteral("--weight-field"),
                             QStringLiteral("area_m2"), QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--out"), out});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject gaps = json(r.out);
  EXPECT_EQ(gaps.value(QStringLiteral("metric")).toString(), QStringLiteral("population_coverage"));
  const QJsonArray sites = gaps.value(QStringLiteral("sites")).toArray();
  ASSERT_EQ(sites.size(), 3);
  for (const QJsonValue& v : sites) EXPECT_GT(v.toObject().value(QStringLiteral("gain_weight")).toDouble(), 0);
  // Every site lies in a 美丽街区 polygon: the candidates are points inside the candidate land.
  r = cli({QStringLiteral("count"), QStringLiteral("--features"), out + QStringLiteral("|layername=sites"), QStringLiteral("--per"),
           layer(QStringLiteral("beautiful_blocks")), QStringLiteral("--per-field"), QStringLiteral("name"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject counted = json(r.out);
  EXPECT_EQ(counted.value(QStringLiteral("count")).toInt(), 3);
  int inBlocks = 0;
  for (const QJsonValue& v : counted.value(QStringLiteral("per")).toArray()) inBlocks += v.toObject().value(QStringLiteral("count")).toInt();
  EXPECT_GE(inBlocks, 3) << r.out.toStdString();
  EXPECT_TRUE(counted.value(QStringLiteral("outside")).isNull() ||
              counted.value(QStringLiteral("outside")).toObject().value(QStringLiteral("count")).toInt() == 0)
      << r.out.toStdString();
}

TEST(CliGapFinder, APopulationGridRanksSitesByPeopleAsCoverageWeighsThem) {
  xiuhua::test::TempDir dir;
  const QString out = dir.path(QStringLiteral("人口.gpkg"));
  const QStringList raster{QStringLiteral("--weight-raster"), QStringLiteral(DEMO_DATA_DIR "/population_100m.tif")};
  CliRun r = cli(QStringList{QStringLiteral("gaps")} + coverage() + raster +
                 QStringList{QStringLiteral("--facility-area"), QStringLiteral("5000"), QStringLiteral("--spacing"), QStringLiteral("400"),
                             QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--out"), out});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject gaps = json(r.out);
  EXPECT_EQ(gaps.value(QStringLiteral("metric")).toString(), QStringLiteral("population_coverage"));
  // The base is the population-weighted coverage, as the coverage command weighs by the grid.
  r = cli(QStringList{QStringLiteral("coverage")} + coverage() + raster);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject weighted = json(r.out);
  EXPECT_NEAR(gaps.value(QStringLiteral("base")).toObject().value(QStringLiteral("ratio")).toDouble(),
              weighted.value(QStringLiteral("ratio")).toDouble(), 1e-9);
  // And the sites, as a what-if on the same grid, gain what the finder says.
  double sum = 0;
  for (const QJsonValue& v : gaps.value(QStringLiteral("sites")).toArray()) {
    EXPECT_GT(v.toObject().value(QStringLiteral("gain_weight")).toDouble(), 0);
    sum += v.toObject().value(QStringLiteral("gain_points")).toDouble();
  }
  r = cli(QStringList{QStringLiteral("whatif")} + coverage() + raster + QStringList{QStringLiteral("--add"), out + QStringLiteral("|layername=sites")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_NEAR(json(r.out).value(QStringLiteral("change")).toObject().value(QStringLiteral("points")).toDouble(), sum, 1e-9);
}

TEST(CliGapFinder, BadRequestsAreRefusedWithAMessage) {
  CliRun r = cli(QStringList{QStringLiteral("gaps")} + coverage() + QStringList{QStringLiteral("--spacing"), QStringLiteral("1")});
  EXPECT_EQ(r.exitCode, 1);  // no facility area: below the smallest tier
  EXPECT_TRUE(r.err.contains(QStringLiteral("tier"))) << r.err.toStdString();
  r = cli(QStringList{QStringLiteral("gaps")} + coverage() +
          QStringList{QStringLiteral("--facility-area"), QStringLiteral("5000"), QStringLiteral("--spacing"), QStringLiteral("1")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("larger spacing"))) << r.err.toStdString();
  r = cli(QStringList{QStringLiteral("gaps")} + coverage() +
          QStringList{QStringLiteral("--facility-area"), QStringLiteral("5000"), QStringLiteral("--candidates"), QStringLiteral("/no/such/空地.shp")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("空地.shp"))) << r.err.toStdString();
  r = cli(QStringList{QStringLiteral("gaps")} + coverage() + QStringList{QStringLiteral("--count"), QStringLiteral("many")});
  EXPECT_EQ(r.exitCode, 2);
}

}  // namespace
