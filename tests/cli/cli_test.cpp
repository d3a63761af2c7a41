// End-to-end: the real xiuhua-cli binary on the demo data.
#include "cli/cli_runner.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

using xiuhua::test::cli;
using xiuhua::test::CliRun;

const QString kProject = QStringLiteral(DEMO_DATA_DIR "/jiading-demo.xhp");

TEST(Cli, VersionNamesTheLibraries) {
  const CliRun r = cli({QStringLiteral("--version")});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_TRUE(r.out.contains(QStringLiteral("GDAL")));
  EXPECT_TRUE(r.out.contains(QStringLiteral("PROJ")));
}

TEST(Cli, InfoDecodesTheGbkShapefile) {
  const CliRun r = cli({QStringLiteral("info"), QStringLiteral(DEMO_DATA_DIR "/overhead_lines/overhead_lines.shp")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject layer = QJsonDocument::fromJson(r.out.toUtf8()).array().at(0).toObject();
  EXPECT_EQ(layer.value(QStringLiteral("encoding")).toString(), QStringLiteral("GB18030"));
  EXPECT_EQ(layer.value(QStringLiteral("encodingSource")).toString(), QStringLiteral("detected"));
  EXPECT_EQ(layer.value(QStringLiteral("crs")).toString(), QStringLiteral("EPSG:4549"));
  EXPECT_TRUE(r.out.contains(QStringLiteral("线路名称")));
  EXPECT_TRUE(r.out.contains(QStringLiteral("架空")) || r.out.contains(QStringLiteral("入地")));
}

TEST(Cli, InfoOnABadFileNamesItAndFails) {
  xiuhua::test::TempDir dir;
  // A real SQLite header followed by garbage: GDAL recognises the format, then fails.
  QByteArray bytes("SQLite format 3", 16);
  bytes += QByteArray(4096, '\x5a');
  const QString bad = dir.write(QStringLiteral("坏 文件.gpkg"), bytes);
  const CliRun r = cli({QStringLiteral("info"), bad});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(bad)) << r.err.toStdString();
}

TEST(Cli, ProjectInfoLoadsEveryDemoLayer) {
  const CliRun r = cli({QStringLiteral("project-info"), QStringLiteral("--project"), kProject});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString() << r.out.toStdString();
  const QJsonObject project = QJsonDocument::fromJson(r.out.toUtf8()).object();
  EXPECT_EQ(project.value(QStringLiteral("mapCrs")).toString(), QStringLiteral("EPSG:4549"));
  const QJsonArray layers = project.value(QStringLiteral("layers")).toArray();
  EXPECT_GE(layers.size(), 10);
  for (const QJsonValue& v : layers) {
    EXPECT_TRUE(v.toObject().value(QStringLiteral("error")).toString().isEmpty())
        << v.toObject().value(QStringLiteral("error")).toString().toStdString();
  }
}

TEST(Cli, RenderWritesAMapOfTheDistrict) {
  xiuhua::test::TempDir dir;
  const QString png = dir.path(QStringLiteral("地图.png"));
  const CliRun r = cli({QStringLiteral("render"), QStringLiteral("--project"), kProject, QStringLiteral("--out"), png,
                     QStringLiteral("--width"), QStringLiteral("600"), QStringLiteral("--height"), QStringLiteral("500")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QImage image(png);
  ASSERT_EQ(image.size(), QSize(600, 500));
  int coloured = 0;
  for (int y = 0; y < image.height(); y += 5) {
    for (int x = 0; x < image.width(); x += 5) coloured += image.pixelColor(x, y) != QColor(Qt::white) ? 1 : 0;
  }
  EXPECT_GT(coloured, 2000);  // the district fills much of the frame
  EXPECT_EQ(image.pixelColor(2, 2), QColor(Qt::white));  // the corner is outside it
}

TEST(Cli, TransformConvertsGcj02) {
  const CliRun r = cli({QStringLiteral("transform"), QStringLiteral("--from"), QStringLiteral("GCJ02"), QStringLiteral("--to"),
                     QStringLiteral("EPSG:4326"), QStringLiteral("121.531541859215"), QStringLiteral("31.17530398364597")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QStringList xy = r.out.split(QLatin1Char(' '));
  ASSERT_EQ(xy.size(), 2);
  EXPECT_NEAR(xy[0].toDouble(), 121.5272106, 1e-6);
  EXPECT_NEAR(xy[1].toDouble(), 31.1774276, 1e-6);
}

TEST(Cli, UnknownCommandIsAUsageError) {
  const CliRun r = cli({QStringLiteral("frobnicate")});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains(QStringLiteral("frobnicate")));
}

}  // namespace

namespace {

// The GUI's --screenshot mode, as ./run.sh --screenshot uses it, on the offscreen platform.
TEST(Gui, ScreenshotOfTheDemoProjectShowsTheMap) {
  xiuhua::test::TempDir dir;
  const QString png = dir.path(QStringLiteral("截图.png"));
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(XIUHUA_GUI), {kProject, QStringLiteral("--lang"), QStringLiteral("zh_CN"),
                                       QStringLiteral("--screenshot"), png});
  ASSERT_TRUE(p.waitForFinished(300000));
  ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
  const QImage image(png);
  ASSERT_FALSE(image.isNull());
  EXPECT_GE(image.width(), 800);
  // The map: a good share of non-white, non-grey pixels (the district's coloured layers).
  int coloured = 0;
  for (int y = 0; y < image.height(); y += 4) {
    for (int x = image.width() / 3; x < image.width(); x += 4) {
      const QColor c = image.pixelColor(x, y);
      coloured += c.saturation() > 60 ? 1 : 0;
    }
  }
  EXPECT_GT(coloured, 1000);
}

}  // namespace

namespace {

// The indicator workflow of issue 3 on a copy of the demo project.
TEST(CliIndicators, ImportSetAndReadStatus) {
  xiuhua::test::TempDir dir;
  const QString project = dir.path(QStringLiteral("示范.xhp"));
  ASSERT_TRUE(QFile::copy(kProject, project));
  QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);
  const QString catalog = QStringLiteral(CATALOG_DIR "/jiading-14th-fyp.csv");
  CliRun r = cli({QStringLiteral("indicators"), QStringLiteral("import-catalog"), QStringLiteral("--project"), project,
                  QStringLiteral("--catalog"), catalog});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  r = cli({QStringLiteral("indicators"), QStringLiteral("set"), QStringLiteral("--project"), project, QStringLiteral("--code"),
           QStringLiteral("JD14-01"), QStringLiteral("--year"), QStringLiteral("2023"), QStringLiteral("--value"), QStringLiteral("9")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  r = cli({QStringLiteral("indicators"), QStringLiteral("set"), QStringLiteral("--project"), project, QStringLiteral("--code"),
           QStringLiteral("JD14-09"), QStringLiteral("--year"), QStringLiteral("2023"), QStringLiteral("--value"), QStringLiteral("120")});
  EXPECT_EQ(r.exitCode, 1);  // a ratio above 100%
  EXPECT_TRUE(r.err.contains(QStringLiteral("JD14-09")));
  r = cli({QStringLiteral("indicators"), QStringLiteral("status"), QStringLiteral("--project"), project, QStringLiteral("--year"),
           QStringLiteral("2023"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject status = QJsonDocument::fromJson(r.out.toUtf8()).object();
  EXPECT_EQ(status.value(QStringLiteral("year")).toInt(), 2023);
  const QJsonArray rows = status.value(QStringLiteral("indicators")).toArray();
  EXPECT_EQ(rows.size(), 38);
  const QJsonObject blocks = rows.at(0).toObject();
  EXPECT_EQ(blocks.value(QStringLiteral("code")).toString(), QStringLiteral("JD14-01"));
  EXPECT_DOUBLE_EQ(blocks.value(QStringLiteral("value")).toDouble(), 9.0);
  EXPECT_DOUBLE_EQ(blocks.value(QStringLiteral("target")).toDouble(), 15.0);
  EXPECT_DOUBLE_EQ(blocks.value(QStringLiteral("progress")).toDouble(), 60.0);
  EXPECT_EQ(blocks.value(QStringLiteral("status")).toString(), QStringLiteral("on_track"));
  EXPECT_EQ(rows.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("no_data"));
  // The text form reads in the chosen language; the JSON status codes stay the same.
  r = cli({QStringLiteral("indicators"), QStringLiteral("status"), QStringLiteral("--project"), project, QStringLiteral("--year"),
           QStringLiteral("2023"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.startsWith(QStringLiteral("JD14-01\t美丽街区\t9 个\t正常推进\n"))) << r.out.toStdString();
  r = cli({QStringLiteral("indicators"), QStringLiteral("status"), QStringLiteral("--project"), project, QStringLiteral("--year"),
           QStringLiteral("2023"), QStringLiteral("--lang"), QStringLiteral("en")});
  EXPECT_TRUE(r.out.startsWith(QStringLiteral("JD14-01\t美丽街区\t9 个\tOn track\n"))) << r.out.toStdString();
  // Export to XLSX, then a dry-run import of a CSV previews without writing; a real one applies.
  const QString xlsx = dir.path(QStringLiteral("数值.xlsx"));
  r = cli({QStringLiteral("indicators"), QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--out"), xlsx});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(QFileInfo(xlsx).size() > 0);
  const QString csv = dir.write(QStringLiteral("导入.csv"), "code,year,month,subunit,value,unit,author,note\nJD14-01,2024,,,12,个,,\n");
  r = cli({QStringLiteral("indicators"), QStringLiteral("import"), QStringLiteral("--project"), project, QStringLiteral("--file"), csv,
           QStringLiteral("--dry-run")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_EQ(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("added")).toInt(), 1);
  EXPECT_FALSE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("applied")).toBool());
  r = cli({QStringLiteral("indicators"), QStringLiteral("import"), QStringLiteral("--project"), project, QStringLiteral("--file"), csv});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  r = cli({QStringLiteral("indicators"), QStringLiteral("status"), QStringLiteral("--project"), project, QStringLiteral("--year"),
           QStringLiteral("2024"), QStringLiteral("--json")});
  EXPECT_DOUBLE_EQ(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("indicators")).toArray().at(0)
                       .toObject().value(QStringLiteral("value")).toDouble(), 12.0);
  // The project still reads as a map project (its layers are elsewhere: relative paths).
  r = cli({QStringLiteral("project-info"), QStringLiteral("--project"), project});
  EXPECT_EQ(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("mapCrs")).toString(), QStringLiteral("EPSG:4549"));
}

}  // namespace
