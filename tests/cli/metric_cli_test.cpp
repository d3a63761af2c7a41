// End-to-end: the spatial metrics of xiuhua-cli on the demo data, cross-checked against an
// independent computation (shapely, tests/bench/coverage_reference.py), and `compute` storing a
// project's spatial indicators.
#include "cli/cli_runner.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {

using xiuhua::test::cli;
using xiuhua::test::CliRun;

const QString kGpkg = QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg");

QString layer(const QString& name) { return kGpkg + QStringLiteral("|layername=") + name; }

QJsonObject json(const QString& text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

// The shapely reference on the same arguments (Debian's python3-shapely, installed by the scripts).
QJsonObject reference(const QStringList& args) {
  QProcess p;
  p.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral(BENCH_SCRIPTS_DIR "/coverage_reference.py")} + args +
                                                   QStringList{QStringLiteral("--json")});
  p.waitForFinished(600000);
  EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
  return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

void expectSameCoverage(const QJsonObject& engine, const QJsonObject& shapely) {
  const double tolerance = 1e-6;
  ASSERT_FALSE(shapely.isEmpty());
  const double ratio = engine.value(QStringLiteral("ratio")).toDouble();
  EXPECT_GT(ratio, 0.0);
  EXPECT_NEAR(ratio, shapely.value(QStringLiteral("ratio")).toDouble(), tolerance * ratio);
  EXPECT_NEAR(engine.value(QStringLiteral("total_m2")).toDouble(), shapely.value(QStringLiteral("total_m2")).toDouble(),
              tolerance * engine.value(QStringLiteral("total_m2")).toDouble());
  EXPECT_EQ(engine.value(QStringLiteral("facilities_used")).toInt(), shapely.value(QStringLiteral("facilities_used")).toInt());
  const QJsonArray a = engine.value(QStringLiteral("per")).toArray();
  const QJsonArray b = shapely.value(QStringLiteral("per")).toArray();
  ASSERT_EQ(a.size(), b.size());
  for (qsizetype i = 0; i < a.size(); ++i) {
    const QJsonObject x = a[i].toObject();
    const QJsonObject y = b[i].toObject();
    EXPECT_EQ(x.value(QStringLiteral("name")).toString(), y.value(QStringLiteral("name")).toString());
    if (y.value(QStringLiteral("ratio")).isNull()) {
      EXPECT_TRUE(x.value(QStringLiteral("ratio")).isNull());
      continue;
    }
    const double r = y.value(QStringLiteral("ratio")).toDouble();
    EXPECT_NEAR(x.value(QStringLiteral("ratio")).toDouble(), r, tolerance * std::max(r, 1e-3))
        << x.value(QStringLiteral("name")).toString().toStdString();
  }
}

TEST(CliMetrics, ParkCoverageByTiersMatchesShapelyPerSubdistrictAndGrid) {
  for (const auto& [per, field] : {std::pair{QStringLiteral("subdistricts"), QStringLiteral("name")},
                                   std::pair{QStringLiteral("grids"), QStringLiteral("grid_id")}}) {
    const QStringList args = {QStringLiteral("--facilities"), layer(QStringLiteral("parks")),
                              QStringLiteral("--radius-tiers"), QStringLiteral("2000:300,5000:500"),
                              QStringLiteral("--target"), layer(QStringLiteral("residential_land")),
                              QStringLiteral("--target-where"), QStringLiteral("land_code LIKE 'R%'"),
                              QStringLiteral("--per"), layer(per), QStringLiteral("--per-field"), field};
    const CliRun r = cli(QStringList{QStringLiteral("coverage")} + args + QStringList{QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject engine = json(r.out);
    EXPECT_EQ(engine.value(QStringLiteral("crs")).toString(), QStringLiteral("EPSG:4549"));
    EXPECT_EQ(engine.value(QStringLiteral("inputs")).toArray().size(), 3);
    expectSameCoverage(engine, reference(args));
  }
}

TEST(CliMetrics, BusStopCoverageFromLonLatPointsMatchesShapely) {
  const QStringList args = {QStringLiteral("--facilities"), QStringLiteral(DEMO_DATA_DIR "/bus_stops.csv"),
                            QStringLiteral("--radius"), QStringLiteral("500"),
                            QStringLiteral("--target"), layer(QStringLiteral("district_boundary")),
                            QStringLiteral("--per"), layer(QStringLiteral("subdistricts")), QStringLiteral("--per-field"),
                            QStringLiteral("name")};
  const CliRun r = cli(QStringList{QStringLiteral("coverage")} + args + QStringList{QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  expectSameCoverage(json(r.out), reference(args));
  // The naive pipeline inside the engine agrees as well.
  const CliRun naive = cli(QStringList{QStringLiteral("coverage")} + args +
                           QStringList{QStringLiteral("--method"), QStringLiteral("naive"), QStringLiteral("--json")});
  ASSERT_EQ(naive.exitCode, 0) << naive.err.toStdString();
  EXPECT_NEAR(json(naive.out).value(QStringLiteral("ratio")).toDouble(), json(r.out).value(QStringLiteral("ratio")).toDouble(), 1e-9);
}

TEST(CliMetrics, CoverageWritesLayersForMaps) {
  xiuhua::test::TempDir dir;
  const QString out = dir.path(QStringLiteral("覆盖 结果.gpkg"));
  CliRun r = cli({QStringLiteral("coverage"), QStringLiteral("--facilities"), layer(QStringLiteral("parks")), QStringLiteral("--radius"),
                  QStringLiteral("500"), QStringLiteral("--target"), layer(QStringLiteral("residential_land")), QStringLiteral("--per"),
                  layer(QStringLiteral("subdistricts")), QStringLiteral("--per-field"), QStringLiteral("name"), QStringLiteral("--out"), out,
                  QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject result = json(r.out);
  r = cli({QStringLiteral("info"), out});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonArray layers = QJsonDocument::fromJson(r.out.toUtf8()).array();
  QStringList names;
  for (const QJsonValue& l : layers) names << l.toObject().value(QStringLiteral("layer")).toString();
  EXPECT_EQ(names, (QStringList{QStringLiteral("features"), QStringLiteral("service_area"), QStringLiteral("covered"),
                                QStringLiteral("uncovered"), QStringLiteral("per")}));
  // The covered land adds up to the reported covered area.
  r = cli({QStringLiteral("share"), QStringLiteral("--features"), out + QStringLiteral("|layername=covered"), QStringLiteral("--area"),
           layer(QStringLiteral("district_boundary")), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const double covered = result.value(QStringLiteral("covered_m2")).toDouble();
  EXPECT_NEAR(json(r.out).value(QStringLiteral("covered_m2")).toDouble(), covered, 1e-6 * covered);
}

TEST(CliMetrics, EveryMetricWritesItsFeaturesAndSubUnitsForMaps) {
  xiuhua::test::TempDir dir;
  const QString out = dir.path(QStringLiteral("length.gpkg"));
  CliRun r = cli({QStringLiteral("length"), QStringLiteral("--lines"), QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp"),
                  QStringLiteral("--where"), QStringLiteral("\"状态\" = '入地'"), QStringLiteral("--per"), layer(QStringLiteral("subdistricts")),
                  QStringLiteral("--per-field"), QStringLiteral("name"), QStringLiteral("--out"), out, QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject result = json(r.out);
  // The sub-units layer carries each one's value: summed with the part outside, the whole.
  r = cli({QStringLiteral("info"), out});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  QStringList names;
  for (const QJsonValue& l : QJsonDocument::fromJson(r.out.toUtf8()).array()) names << l.toObject().value(QStringLiteral("layer")).toString();
  EXPECT_EQ(names, (QStringList{QStringLiteral("features"), QStringLiteral("per")}));
  r = cli({QStringLiteral("length"), QStringLiteral("--lines"), out + QStringLiteral("|layername=features"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const double total = result.value(QStringLiteral("length_m")).toDouble();
  EXPECT_NEAR(json(r.out).value(QStringLiteral("length_m")).toDouble(), total, 1e-6 * total);  // the lines measured
  r = cli({QStringLiteral("count"), QStringLiteral("--features"), out + QStringLiteral("|layername=per"), QStringLiteral("--where"),
           QStringLiteral("value > 0"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  int withLines = 0;
  for (const QJsonValue& z : result.value(QStringLiteral("per")).toArray()) withLines += z.toObject().value(QStringLiteral("length_m")).toDouble() > 0 ? 1 : 0;
  EXPECT_EQ(json(r.out).value(QStringLiteral("count")).toInt(), withLines);
  EXPECT_GT(withLines, 0);
}

TEST(CliMetrics, LengthCountShareAndDensityOnTheDemo) {
  CliRun r = cli({QStringLiteral("length"), QStringLiteral("--lines"), QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp"),
                  QStringLiteral("--where"), QStringLiteral("\"状态\" = '入地'"), QStringLiteral("--within"),
                  layer(QStringLiteral("district_boundary")), QStringLiteral("--per"), layer(QStringLiteral("subdistricts")),
                  QStringLiteral("--per-field"), QStringLiteral("name"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  QJsonObject o = json(r.out);
  const double total = o.value(QStringLiteral("length_m")).toDouble();
  EXPECT_GT(total, 1000.0);
  double perSum = o.value(QStringLiteral("outside")).toObject().value(QStringLiteral("length_m")).toDouble();
  for (const QJsonValue& z : o.value(QStringLiteral("per")).toArray()) perSum += z.toObject().value(QStringLiteral("length_m")).toDouble();
  EXPECT_NEAR(perSum, total, 1e-6 * total);  // the sub-units add up to the district
  EXPECT_EQ(o.value(QStringLiteral("duplicates")).toInt(), 0);

  r = cli({QStringLiteral("count"), QStringLiteral("--features"), layer(QStringLiteral("beautiful_blocks")), QStringLiteral("--where"),
           QStringLiteral("status = '已建成'"), QStringLiteral("--per"), layer(QStringLiteral("subdistricts")),
           QStringLiteral("--per-field"), QStringLiteral("name"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  o = json(r.out);
  EXPECT_EQ(o.value(QStringLiteral("count")).toInt(), 25);
  int counted = 0;
  for (const QJsonValue& z : o.value(QStringLiteral("per")).toArray()) counted += z.toObject().value(QStringLiteral("count")).toInt();
  EXPECT_EQ(counted, 25);

  r = cli({QStringLiteral("share"), QStringLiteral("--features"), layer(QStringLiteral("beautiful_blocks")), QStringLiteral("--area"),
           layer(QStringLiteral("district_boundary")), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_GT(json(r.out).value(QStringLiteral("ratio")).toDouble(), 0.0);

  r = cli({QStringLiteral("density"), QStringLiteral("--lines"), QStringLiteral(DEMO_DATA_DIR "/roads/roads.shp"), QStringLiteral("--area"),
           layer(QStringLiteral("district_boundary")), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  o = json(r.out);
  EXPECT_NEAR(o.value(QStringLiteral("km_per_km2")).toDouble(),
              o.value(QStringLiteral("length_km")).toDouble() / o.value(QStringLiteral("area_km2")).toDouble(), 1e-12);
}

TEST(CliMetrics, ReadsOpenStreetMapFiles) {
  // Two ways along the 31.3°N parallel in Jiading: 0.01° and 0.02° of longitude (about 950 m and
  // 1900 m), one of them a footway the filter leaves out.
  xiuhua::test::TempDir dir;
  const QString osm = dir.write(QStringLiteral("嘉定.osm"),
                                "<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='test'>\n"
                                " <node id='1' version='1' lat='31.3' lon='121.25'/>\n"
                                " <node id='2' version='1' lat='31.3' lon='121.26'/>\n"
                                " <node id='3' version='1' lat='31.3' lon='121.28'/>\n"
                                " <way id='10' version='1'><nd ref='1'/><nd ref='2'/><tag k='highway' v='primary'/>"
                                "<tag k='name' v='城中路'/></way>\n"
                                " <way id='11' version='1'><nd ref='2'/><nd ref='3'/><tag k='highway' v='footway'/></way>\n"
                                "</osm>\n");
  const CliRun r = cli({QStringLiteral("length"), QStringLiteral("--lines"), osm + QStringLiteral("|layername=lines"),
                        QStringLiteral("--where"), QStringLiteral("highway <> 'footway'"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject o = json(r.out);
  EXPECT_EQ(o.value(QStringLiteral("crs")).toString(), QStringLiteral("EPSG:4549"));  // the Gauss–Krüger zone of 121.25°E
  const double expected = 6371008.8 * std::cos(31.3 * M_PI / 180) * (0.01 * M_PI / 180);  // on the sphere
  EXPECT_NEAR(o.value(QStringLiteral("length_m")).toDouble(), expected, 0.005 * expected);
  EXPECT_EQ(o.value(QStringLiteral("lines")).toInt(), 1);
}

TEST(CliMetrics, BadInputFailsWithAMessageAndUsageErrorsWithTwo) {
  CliRun r = cli({QStringLiteral("coverage"), QStringLiteral("--facilities"), layer(QStringLiteral("parks")), QStringLiteral("--radius"),
                  QStringLiteral("500"), QStringLiteral("--target"), layer(QStringLiteral("residential_land")),
                  QStringLiteral("--target-where"), QStringLiteral("no_such_field = 'R2'")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(kGpkg) && r.err.contains(QStringLiteral("no_such_field"))) << r.err.toStdString();
  r = cli({QStringLiteral("coverage"), QStringLiteral("--facilities"), layer(QStringLiteral("parks")), QStringLiteral("--radius"),
           QStringLiteral("500"), QStringLiteral("--target"), QStringLiteral(DEMO_DATA_DIR "/roads/roads.shp")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("polygons"))) << r.err.toStdString();
  r = cli({QStringLiteral("coverage"), QStringLiteral("--facilities"), layer(QStringLiteral("parks")), QStringLiteral("--target"),
           layer(QStringLiteral("residential_land"))});
  EXPECT_EQ(r.exitCode, 2);  // neither --radius nor --radius-tiers
  r = cli({QStringLiteral("length"), QStringLiteral("--lines"), QStringLiteral(DEMO_DATA_DIR "/roads/roads.shp"), QStringLiteral("--bogus")});
  EXPECT_EQ(r.exitCode, 2);
  r = cli({QStringLiteral("count"), QStringLiteral("--features"), QStringLiteral(DEMO_DATA_DIR "/no such file.gpkg")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("no such file.gpkg")));
}

// Copies the demo directory (the project refers to its data by relative paths).
QString copyDemo(const xiuhua::test::TempDir& dir) {
  const QDir source(QStringLiteral(DEMO_DATA_DIR));
  QDirIterator it(source.path(), QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString file = it.next();
    if (file.endsWith(QLatin1String("-wal")) || file.endsWith(QLatin1String("-shm"))) continue;
    const QString target = dir.path(QStringLiteral("demo/") + source.relativeFilePath(file));
    QDir().mkpath(QFileInfo(target).path());
    QFile::copy(file, target);
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
  }
  return dir.path(QStringLiteral("demo/jiading-demo.xhp"));
}

TEST(CliCompute, ComputesAndStoresTheDemoProjectsSpatialIndicators) {
  xiuhua::test::TempDir dir;
  const QString project = copyDemo(dir);
  CliRun r = cli({QStringLiteral("compute"), QStringLiteral("--project"), project, QStringLiteral("--year"), QStringLiteral("2024"),
                  QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonArray computed = json(r.out).value(QStringLiteral("computed")).toArray();
  ASSERT_EQ(computed.size(), 9);
  QJsonObject parks;
  for (const QJsonValue& c : computed) {
    if (c.toObject().value(QStringLiteral("code")).toString() == QLatin1String("JD14-13")) parks = c.toObject();
  }
  // The stored value is the coverage ratio in %, the same as the metric run on its own — inside
  // 嘉定新城, the area the plan sets the target for.
  const CliRun direct = cli({QStringLiteral("coverage"), QStringLiteral("--facilities"), layer(QStringLiteral("parks")),
                             QStringLiteral("--facility-where"), QStringLiteral("open_year <= 2024"), QStringLiteral("--radius-tiers"),
                             QStringLiteral("2000:300,5000:500"), QStringLiteral("--target"), layer(QStringLiteral("residential_land")),
                             QStringLiteral("--target-where"), QStringLiteral("land_code LIKE 'R%'"), QStringLiteral("--per"),
                             layer(QStringLiteral("new_town")), QStringLiteral("--per-field"), QStringLiteral("name"), QStringLiteral("--json")});
  ASSERT_EQ(direct.exitCode, 0) << direct.err.toStdString();
  const QJsonArray newTown = json(direct.out).value(QStringLiteral("per")).toArray();
  ASSERT_EQ(newTown.size(), 1);
  EXPECT_NEAR(parks.value(QStringLiteral("value")).toDouble(), 100 * newTown.at(0).toObject().value(QStringLiteral("ratio")).toDouble(), 1e-9);
  const QJsonObject record = parks.value(QStringLiteral("result")).toObject();
  EXPECT_EQ(record.value(QStringLiteral("breakdowns")).toArray().size(), 2);  // 街镇 and 网格
  EXPECT_EQ(record.value(QStringLiteral("whole")).toObject().value(QStringLiteral("inputs")).toArray().at(0).toObject()
                .value(QStringLiteral("where")).toString(),
            QStringLiteral("open_year <= 2024"));  // {year} filled in
  EXPECT_EQ(record.value(QStringLiteral("whole")).toObject().value(QStringLiteral("inputs")).toArray().at(0).toObject()
                .value(QStringLiteral("sha256")).toString().size(), 64);  // which file exactly
  // The values are in the project: the status reads them, and the history says "computed".
  r = cli({QStringLiteral("indicators"), QStringLiteral("status"), QStringLiteral("--project"), project, QStringLiteral("--year"),
           QStringLiteral("2024"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  bool found = false;
  for (const QJsonValue& row : json(r.out).value(QStringLiteral("indicators")).toArray()) {
    if (row.toObject().value(QStringLiteral("code")).toString() != QLatin1String("JD14-13")) continue;
    found = true;
    EXPECT_NEAR(row.toObject().value(QStringLiteral("value")).toDouble(), parks.value(QStringLiteral("value")).toDouble(), 1e-9);
  }
  EXPECT_TRUE(found);
  r = cli({QStringLiteral("indicators"), QStringLiteral("history"), QStringLiteral("--project"), project, QStringLiteral("--code"),
           QStringLiteral("JD14-13")});
  EXPECT_TRUE(r.out.contains(QStringLiteral("computed")) && r.out.contains(QStringLiteral("嘉定镇街道")));
  EXPECT_FALSE(r.out.contains(QStringLiteral("南翔镇")));  // outside 嘉定新城: 不适用, no value
  // The map layers are beside the project, named in the record; the sub-units carry the value in %.
  const QString file = QFileInfo(project).absoluteDir().filePath(parks.value(QStringLiteral("layers_file")).toString());
  EXPECT_TRUE(file.endsWith(QStringLiteral(".results/JD14-13_2024.gpkg"))) << file.toStdString();
  EXPECT_EQ(parks.value(QStringLiteral("layers")).toArray().size(), 6);  // features, service area, covered, uncovered, per 街镇, per 网格
  r = cli({QStringLiteral("count"), QStringLiteral("--features"), file + QStringLiteral("|layername=per_subdistricts"), QStringLiteral("--where"),
           QStringLiteral("indicator_value > 0 AND indicator_value <= 100 AND abs(indicator_value - 100 * value) < 1e-9"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_EQ(json(r.out).value(QStringLiteral("count")).toInt(), 4);  // the 街镇 in 嘉定新城
  r = cli({QStringLiteral("count"), QStringLiteral("--features"), file + QStringLiteral("|layername=per_subdistricts"), QStringLiteral("--where"),
           QStringLiteral("in_scope = 0 AND indicator_value IS NULL"), QStringLiteral("--json")});
  EXPECT_EQ(json(r.out).value(QStringLiteral("count")).toInt(), 8);
  // An indicator without a binding is refused by name.
  r = cli({QStringLiteral("compute"), QStringLiteral("--project"), project, QStringLiteral("--indicator"), QStringLiteral("JD14-02")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("JD14-02")));
}

// The issue: `compute` of the untouched demo for the current year exited 1 ("no feature matches the
// filter … 入地年份 = 2026") although the six other indicators computed. No overhead line buried
// this year is a value — 0 km — stored with a note, and the exit code says success.
TEST(CliCompute, ALegitimateZeroIsAValueWithANote) {
  xiuhua::test::TempDir dir;
  const QString project = copyDemo(dir);
  CliRun r = cli({QStringLiteral("compute"), QStringLiteral("--project"), project, QStringLiteral("--indicator"), QStringLiteral("JD14-34"),
                  QStringLiteral("--year"), QStringLiteral("2026"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject o = json(r.out);
  EXPECT_TRUE(o.value(QStringLiteral("failed")).toArray().isEmpty());
  const QJsonObject row = o.value(QStringLiteral("computed")).toArray().at(0).toObject();
  EXPECT_EQ(row.value(QStringLiteral("value")).toDouble(-1), 0.0);
  const QString notes = row.value(QStringLiteral("notes")).toVariant().toStringList().join(QLatin1Char('\n'));
  EXPECT_TRUE(notes.contains(QStringLiteral("入地年份")) && notes.contains(QStringLiteral("2026"))) << notes.toStdString();
  r = cli({QStringLiteral("indicators"), QStringLiteral("history"), QStringLiteral("--project"), project, QStringLiteral("--code"),
           QStringLiteral("JD14-34")});
  EXPECT_TRUE(r.out.contains(QStringLiteral("入地年份"))) << r.out.toStdString();  // the stored value says why it is 0
  // Every indicator of the demo for 2026: all get a value but the water-quality share, whose
  // sections have no reading for 2026 yet — a share of nothing is no 0: refused, naming the filter.
  r = cli({QStringLiteral("compute"), QStringLiteral("--project"), project, QStringLiteral("--year"), QStringLiteral("2026"),
           QStringLiteral("--json")});
  EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
  EXPECT_EQ(json(r.out).value(QStringLiteral("computed")).toArray().size(), 8);
  const QJsonArray failed = json(r.out).value(QStringLiteral("failed")).toArray();
  ASSERT_EQ(failed.size(), 1);
  EXPECT_TRUE(failed.at(0).toString().startsWith(QStringLiteral("JD14-29: "))) << failed.at(0).toString().toStdString();
  EXPECT_TRUE(failed.at(0).toString().contains(QStringLiteral("year = 2026"))) << failed.at(0).toString().toStdString();
}

}  // namespace
