// xiuhua-cli report --tables / --figures: the report's tables as XLSX and CSV read back through GDAL
// (numbers as numbers, equal to what compute reported), its charts and maps as PNG (pixel size,
// colours) and SVG (well-formed, vector paths), bad input refused without leaving files (the PDF
// neither), and a map layer that cannot be read named as a warning.
#include "cli/cli_runner.h"
#include "support/demo_copy.h"
#include "support/temp_dir.h"
#include "xiuhua/gis/database.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <map>

namespace {

using xiuhua::test::cli;
using xiuhua::test::CliRun;

// A table file opened through GDAL, its first row read as the header.
GDALDatasetUniquePtr openTable(const QString& path) {
  GDALAllRegister();
  const char* const options[] = {path.endsWith(QLatin1String(".csv")) ? "HEADERS=YES" : "HEADERS=FORCE", nullptr};
  return GDALDatasetUniquePtr(GDALDataset::FromHandle(GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, options, nullptr)));
}

QStringList layerNames(GDALDataset& ds) {
  QStringList names;
  for (OGRLayer* layer : ds.GetLayers()) names << QString::fromUtf8(layer->GetName());
  return names;
}

// The feature whose first column (the code) is `code`.
OGRFeatureUniquePtr rowOf(OGRLayer& layer, const QString& code) {
  layer.ResetReading();
  for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
    if (QString::fromUtf8(f->GetFieldAsString(0)) == code) return f;
  }
  return nullptr;
}

// (rank, sub-unit, value) rows of a per-sub-unit table.
struct Ranked {
  double rank;
  QString name;
  double value;
};
std::vector<Ranked> rankedRows(OGRLayer& layer) {
  std::vector<Ranked> rows;
  layer.ResetReading();
  for (auto&& f : layer) rows.push_back({f->GetFieldAsDouble(0), QString::fromUtf8(f->GetFieldAsString(1)), f->GetFieldAsDouble(2)});
  return rows;
}

bool isWhite(QRgb p) { return qRed(p) > 245 && qGreen(p) > 245 && qBlue(p) > 245; }

class CliReportExport : public ::testing::Test {
 protected:
  void SetUp() override {
    mProject = xiuhua::test::copyDemoProject(mDir.path(QString()), QStringLiteral("导出"));
    ASSERT_FALSE(mProject.isEmpty());
    const CliRun computed = cli({QStringLiteral("compute"), QStringLiteral("--project"), mProject, QStringLiteral("--year"),
                                 QStringLiteral("2024"), QStringLiteral("--json")});
    ASSERT_EQ(computed.exitCode, 0) << computed.err.toStdString();
    for (const QJsonValue& v : QJsonDocument::fromJson(computed.out.toUtf8()).object().value(QStringLiteral("computed")).toArray()) {
      const QJsonObject c = v.toObject();
      const QString code = c.value(QStringLiteral("code")).toString();
      mComputed[code] = c.value(QStringLiteral("value")).toDouble();
      // Its value per 街镇, as compute reported it: the subdistricts breakdown's ratio × scale.
      const QJsonObject result = c.value(QStringLiteral("result")).toObject();
      for (const QJsonValue& b : result.value(QStringLiteral("breakdowns")).toArray()) {
        if (b.toObject().value(QStringLiteral("layer")).toString() != QLatin1String("subdistricts")) continue;
        for (const QJsonValue& per : b.toObject().value(QStringLiteral("result")).toObject().value(QStringLiteral("per")).toArray()) {
          const QJsonObject p = per.toObject();
          if (p.contains(QStringLiteral("ratio"))) {
            mPerSubdistrict[code][p.value(QStringLiteral("name")).toString()] =
                p.value(QStringLiteral("ratio")).toDouble() * result.value(QStringLiteral("scale")).toDouble();
          }
        }
      }
      // A target set for an area (JD14-13: 嘉定新城): the 街镇 outside it have no value (不适用).
      for (const QJsonValue& n : result.value(QStringLiteral("not_applicable")).toObject().value(QStringLiteral("街镇")).toArray()) {
        mPerSubdistrict[code].erase(n.toString());
        ++mNotApplicable[code];
      }
    }
    ASSERT_TRUE(mComputed.count(QStringLiteral("JD14-13")));
    ASSERT_EQ(mPerSubdistrict[QStringLiteral("JD14-13")].size() + static_cast<std::size_t>(mNotApplicable[QStringLiteral("JD14-13")]), 12U);
    ASSERT_GT(mNotApplicable[QStringLiteral("JD14-13")], 0);
  }

  CliRun report(const QStringList& more) const {
    return cli(QStringList{QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--year"), QStringLiteral("2024")} +
               more);
  }

  xiuhua::test::TempDir mDir;
  QString mProject;
  std::map<QString, double> mComputed;
  std::map<QString, std::map<QString, double>> mPerSubdistrict;
  std::map<QString, int> mNotApplicable;
};

TEST_F(CliReportExport, XlsxRoundTripThroughGdal) {
  const QString xlsx = mDir.path(QStringLiteral("指标表.xlsx"));
  const CliRun r = report({QStringLiteral("--tables"), xlsx, QStringLiteral("--atlas"), QStringLiteral("街镇")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();

  GDALDatasetUniquePtr ds = openTable(xlsx);
  ASSERT_TRUE(ds);
  // The summary, a sheet per computed indicator's 街镇, the atlas and the computation record.
  const QStringList sheets = layerNames(*ds);
  ASSERT_EQ(sheets.size(), static_cast<qsizetype>(mComputed.size()) + 3) << sheets.join(QLatin1Char('|')).toStdString();
  for (const auto& [code, value] : mComputed) EXPECT_TRUE(sheets.contains(code + QStringLiteral(" 街镇"))) << code.toStdString();
  for (const QString& name : sheets) {
    EXPECT_LE(name.size(), 31);
    EXPECT_FALSE(name.contains(QRegularExpression(QStringLiteral("[\\[\\]:*?/\\\\]")))) << name.toStdString();
  }

  // The summary row of JD14-13: the latest year and value as numbers, the value compute reported.
  OGRLayer* summary = ds->GetLayer(0);
  ASSERT_EQ(summary->GetLayerDefn()->GetFieldCount(), 15);
  EXPECT_EQ(summary->GetLayerDefn()->GetFieldDefn(9)->GetType(), OFTInteger);  // latest year
  EXPECT_EQ(summary->GetLayerDefn()->GetFieldDefn(10)->GetType(), OFTReal);    // latest value
  EXPECT_GE(summary->GetFeatureCount(), 20);
  const OGRFeatureUniquePtr jd13 = rowOf(*summary, QStringLiteral("JD14-13"));
  ASSERT_TRUE(jd13);
  EXPECT_EQ(jd13->GetFieldAsInteger(9), 2024);
  EXPECT_NEAR(jd13->GetFieldAsDouble(10), mComputed[QStringLiteral("JD14-13")], 1e-9);
  EXPECT_DOUBLE_EQ(jd13->GetFieldAsDouble(7), 90);  // the target, from the catalog
  for (const auto& [code, value] : mComputed) {
    const OGRFeatureUniquePtr row = rowOf(*summary, code);
    ASSERT_TRUE(row) << code.toStdString();
    EXPECT_NEAR(row->GetFieldAsDouble(10), value, 1e-9) << code.toStdString();
  }

  // JD14-13 per 街镇 inside 嘉定新城: ranked, best (highest) first, the values compute reported.
  OGRLayer* perSubdistrict = ds->GetLayerByName("JD14-13 街镇");
  ASSERT_NE(perSubdistrict, nullptr);
  EXPECT_EQ(QString::fromUtf8(perSubdistrict->GetLayerDefn()->GetFieldDefn(1)->GetNameRef()), QStringLiteral("街镇"));
  const std::vector<Ranked> rows = rankedRows(*perSubdistrict);
  ASSERT_EQ(rows.size(), mPerSubdistrict[QStringLiteral("JD14-13")].size());
  const std::map<QString, double>& expected = mPerSubdistrict[QStringLiteral("JD14-13")];
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].rank, static_cast<double>(i + 1));
    if (i > 0) {
      EXPECT_GT(rows[i - 1].value, rows[i].value);
    }
    ASSERT_TRUE(expected.count(rows[i].name)) << rows[i].name.toStdString();
    EXPECT_NEAR(rows[i].value, expected.at(rows[i].name), 1e-9) << rows[i].name.toStdString();
  }

  // The atlas: every chosen indicator with a value in each of the 12 街镇, ranked among 12 (JD14-13
  // among the 街镇 in 嘉定新城 only, the area its target is set for).
  OGRLayer* atlas = ds->GetLayer(static_cast<int>(sheets.size()) - 2);
  std::map<QString, int> perUnit;
  atlas->ResetReading();
  for (auto&& f : *atlas) {
    ++perUnit[QString::fromUtf8(f->GetFieldAsString(0))];
    const bool scoped = QString::fromUtf8(f->GetFieldAsString(1)) == QLatin1String("JD14-13");
    EXPECT_EQ(f->GetFieldAsInteger(7), scoped ? 12 - mNotApplicable[QStringLiteral("JD14-13")] : 12);
  }
  EXPECT_EQ(perUnit.size(), 12U);

  // The computation record: a row per input of each computed indicator, with its SHA-256.
  OGRLayer* record = ds->GetLayer(static_cast<int>(sheets.size()) - 1);
  ASSERT_EQ(record->GetLayerDefn()->GetFieldCount(), 12);
  std::map<QString, int> inputs;
  const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
  record->ResetReading();
  for (auto&& f : *record) {
    ++inputs[QString::fromUtf8(f->GetFieldAsString(0))];
    EXPECT_TRUE(sha256.match(QString::fromUtf8(f->GetFieldAsString(11))).hasMatch()) << f->GetFieldAsString(11);
    EXPECT_EQ(f->GetFieldAsInteger(2), 2024);
    EXPECT_GT(f->GetFieldAsDouble(9), 0);  // features read
  }
  EXPECT_EQ(inputs.size(), mComputed.size());
  EXPECT_EQ(inputs[QStringLiteral("JD14-13")], 4);  // parks, residential land, 嘉定新城, the 街镇

  // Only the chosen indicators: two codes, two summary rows.
  const QString two = mDir.path(QStringLiteral("two.xlsx"));
  ASSERT_EQ(report({QStringLiteral("--tables"), two, QStringLiteral("--indicators"), QStringLiteral("JD14-13,JD14-01")}).exitCode, 0);
  GDALDatasetUniquePtr chosen = openTable(two);
  ASSERT_TRUE(chosen);
  EXPECT_EQ(chosen->GetLayer(0)->GetFeatureCount(), 2);
  EXPECT_EQ(layerNames(*chosen).size(), 4);  // summary, JD14-01 街镇, JD14-13 街镇, record
}

TEST_F(CliReportExport, SavedChoiceIsTheStartAndFlagsOverrideIt) {
  // The choice as the report builder saves it in the project (written here with SQL).
  {
    auto db = xiuhua::gis::Database::open(mProject);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->exec(QStringLiteral("CREATE TABLE IF NOT EXISTS xh_report_options(id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL)")).ok());
    ASSERT_TRUE((*db)->query(QStringLiteral("INSERT OR REPLACE INTO xh_report_options(id, json) VALUES(1, ?1)"),
                             {QStringLiteral(R"({"year": 2024, "indicators": ["JD14-13"], "atlas_level": "街镇"})")})
                    .ok());
  }
  const QString saved = mDir.path(QStringLiteral("saved.xlsx"));
  CliRun r = cli({QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--saved"), QStringLiteral("--tables"), saved});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  GDALDatasetUniquePtr ds = openTable(saved);
  ASSERT_TRUE(ds);
  EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 1);  // JD14-13 only
  EXPECT_TRUE(rowOf(*ds->GetLayer(0), QStringLiteral("JD14-13")));
  EXPECT_EQ(layerNames(*ds).size(), 4);  // summary, JD14-13 街镇, the atlas, the record
  // A flag overrides the saved choice.
  const QString other = mDir.path(QStringLiteral("other.xlsx"));
  r = cli({QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--saved"), QStringLiteral("--indicators"),
           QStringLiteral("JD14-01"), QStringLiteral("--tables"), other});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  ds = openTable(other);
  ASSERT_TRUE(ds);
  EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 1);
  EXPECT_TRUE(rowOf(*ds->GetLayer(0), QStringLiteral("JD14-01")));
  // Without --saved, the saved choice is not used: every indicator.
  ASSERT_EQ(report({QStringLiteral("--tables"), other}).exitCode, 0);
  ds = openTable(other);
  ASSERT_TRUE(ds);
  EXPECT_GE(ds->GetLayer(0)->GetFeatureCount(), 20);
}

TEST_F(CliReportExport, CsvFilesHoldTheSameNumbers) {
  const QString csv = mDir.path(QStringLiteral("指标表.csv"));
  const CliRun r = report({QStringLiteral("--tables"), csv});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  GDALDatasetUniquePtr summary = openTable(csv);
  ASSERT_TRUE(summary);
  const OGRFeatureUniquePtr jd13 = rowOf(*summary->GetLayer(0), QStringLiteral("JD14-13"));
  ASSERT_TRUE(jd13);
  EXPECT_NEAR(jd13->GetFieldAsDouble(10), mComputed[QStringLiteral("JD14-13")], 1e-9);

  const QString perPath = mDir.path(QStringLiteral("指标表_JD14-13_街镇.csv"));
  ASSERT_TRUE(QFileInfo::exists(perPath)) << QDir(mDir.path(QString())).entryList().join(QLatin1Char(' ')).toStdString();
  GDALDatasetUniquePtr per = openTable(perPath);
  ASSERT_TRUE(per);
  const std::vector<Ranked> rows = rankedRows(*per->GetLayer(0));
  ASSERT_EQ(rows.size(), mPerSubdistrict[QStringLiteral("JD14-13")].size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].rank, static_cast<double>(i + 1));
    EXPECT_NEAR(rows[i].value, mPerSubdistrict[QStringLiteral("JD14-13")].at(rows[i].name), 1e-9);
  }
  // A file per computed indicator's 街镇 and the record; nothing half-written beside them.
  const QStringList files = QDir(mDir.path(QString())).entryList({QStringLiteral("指标表*.csv")}, QDir::Files);
  EXPECT_EQ(files.size(), static_cast<qsizetype>(mComputed.size()) + 2) << files.join(QLatin1Char(' ')).toStdString();
  EXPECT_TRUE(QDir(mDir.path(QString())).entryList({QStringLiteral(".*")}, QDir::Files | QDir::Hidden).isEmpty());
}

// The CSV files of a report replace the earlier ones all or nothing: one that cannot be replaced (a
// folder now has its name) leaves every earlier file as it was, and nothing half-written beside.
TEST_F(CliReportExport, ACsvSetIsReplacedAllOrNothing) {
  const QString csv = mDir.path(QStringLiteral("表.csv"));
  ASSERT_EQ(report({QStringLiteral("--tables"), csv}).exitCode, 0);
  const QDir folder(mDir.path(QString()));
  std::map<QString, QByteArray> before;
  for (const QString& name : folder.entryList({QStringLiteral("表*.csv")}, QDir::Files)) {
    QFile f(folder.filePath(name));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    before[name] = f.readAll();
  }
  ASSERT_GT(before.size(), 3U);
  // The record of computations is the last table written: the others are in by then.
  const QString blocked = folder.filePath(QStringLiteral("表_Computations.csv"));
  ASSERT_TRUE(before.count(QStringLiteral("表_Computations.csv"))) << "files: " << folder.entryList().join(QLatin1Char(' ')).toStdString();
  ASSERT_TRUE(QFile::remove(blocked));
  before.erase(QStringLiteral("表_Computations.csv"));
  ASSERT_TRUE(QDir().mkpath(blocked + QStringLiteral("/占位")));
  // A new value: the summary would change.
  ASSERT_EQ(cli({QStringLiteral("indicators"), QStringLiteral("set"), QStringLiteral("--project"), mProject, QStringLiteral("--code"),
                 QStringLiteral("JD14-04"), QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--value"), QStringLiteral("97.5")})
                .exitCode,
            0);
  const CliRun r = report({QStringLiteral("--tables"), csv});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("表_Computations.csv"))) << r.err.toStdString();
  for (const auto& [name, bytes] : before) {
    QFile f(folder.filePath(name));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << name.toStdString();
    EXPECT_EQ(f.readAll(), bytes) << name.toStdString() << " was changed by the failed export";
  }
  EXPECT_TRUE(folder.entryList({QStringLiteral(".*")}, QDir::Files | QDir::Hidden).isEmpty())
      << folder.entryList({QStringLiteral(".*")}, QDir::Files | QDir::Hidden).join(QLatin1Char(' ')).toStdString();
}

// The number of vector shapes (<path>, <polyline>, <circle> …) of a well-formed SVG file and its
// root's viewBox; -1 shapes when it does not parse.
std::pair<int, QString> svgShapes(const QString& path, const QStringList& shapes = {QStringLiteral("path"), QStringLiteral("polyline"),
                                                                                 QStringLiteral("polygon"), QStringLiteral("circle"),
                                                                                 QStringLiteral("ellipse"), QStringLiteral("line")}) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {-1, {}};
  QXmlStreamReader xml(&file);
  int paths = 0;
  QString viewBox;
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    if (xml.name() == QLatin1String("svg")) viewBox = xml.attributes().value(QStringLiteral("viewBox")).toString();
    if (shapes.contains(xml.name().toString())) ++paths;
  }
  return {xml.hasError() ? -1 : paths, viewBox};
}

TEST_F(CliReportExport, ChartsAndMapsArePngAndSvg) {
  const QString folder = mDir.path(QStringLiteral("图表/2024"));  // created
  const CliRun r = report({QStringLiteral("--figures"), folder});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QDir dir(folder);

  // Every indicator's chart; JD14-13's has its dashed red target (90 %) and its value's dot.
  const CliRun list = cli({QStringLiteral("indicators"), QStringLiteral("list"), QStringLiteral("--project"), mProject});
  ASSERT_EQ(list.exitCode, 0);
  const QJsonArray indicators = QJsonDocument::fromJson(list.out.toUtf8()).array();
  ASSERT_GE(indicators.size(), 20);
  for (const QJsonValue& i : indicators) {
    const QString code = i.toObject().value(QStringLiteral("code")).toString();
    const QImage chart(dir.filePath(code + QStringLiteral("_chart.png")));
    ASSERT_FALSE(chart.isNull()) << code.toStdString();
    EXPECT_EQ(chart.size(), QSize(1600, 900));
    EXPECT_TRUE(isWhite(chart.pixel(2, 2)));  // a white background, not transparent black
    const auto [paths, viewBox] = svgShapes(dir.filePath(code + QStringLiteral("_chart.svg")));
    EXPECT_GE(paths, 0) << code.toStdString();  // well-formed (a chart without values says so in text)
    EXPECT_EQ(viewBox, QStringLiteral("0 0 768 432"));
  }
  // The grid, the target, the expected path and the value as vectors.
  EXPECT_GT(svgShapes(dir.filePath(QStringLiteral("JD14-13_chart.svg"))).first, 4);
  const QImage jd13Chart(dir.filePath(QStringLiteral("JD14-13_chart.png")));
  int red = 0;
  int ink = 0;
  for (int y = 0; y < jd13Chart.height(); ++y) {
    for (int x = 0; x < jd13Chart.width(); ++x) {
      const QRgb p = jd13Chart.pixel(x, y);
      ink += isWhite(p) ? 0 : 1;
      red += std::abs(qRed(p) - 0xd7) < 40 && std::abs(qGreen(p) - 0x30) < 40 && std::abs(qBlue(p) - 0x27) < 40 ? 1 : 0;
    }
  }
  EXPECT_GT(ink, 5000);
  EXPECT_GT(red, 1000);

  // Each computed indicator's coverage map: 180 × 130 mm at 300 dpi, with its colours (blue
  // covered land, green parks for JD14-13), and as SVG vectors.
  for (const auto& [code, value] : mComputed) {
    const QImage map(dir.filePath(code + QStringLiteral("_map.png")));
    ASSERT_FALSE(map.isNull()) << code.toStdString();
    EXPECT_NEAR(map.width(), 180 / 25.4 * 300, 3);
    EXPECT_NEAR(map.height(), 130 / 25.4 * 300, 3);
    EXPECT_NEAR(map.dotsPerMeterX(), 300 / 0.0254, 1);
    const auto [shapes, viewBox] = svgShapes(dir.filePath(code + QStringLiteral("_map.svg")));
    EXPECT_GT(shapes, 40) << code.toStdString();
    EXPECT_EQ(viewBox, QStringLiteral("0 0 680 491"));  // 180 × 130 mm at 96 dpi
  }
  // JD14-13's map: parks, residential land and 街镇 as paths.
  EXPECT_GT(svgShapes(dir.filePath(QStringLiteral("JD14-13_map.svg")), {QStringLiteral("path")}).first, 100);
  const QImage jd13Map(dir.filePath(QStringLiteral("JD14-13_map.png")));
  int blue = 0;
  int green = 0;
  int white = 0;
  for (int y = 0; y < jd13Map.height(); y += 2) {
    for (int x = 0; x < jd13Map.width(); x += 2) {
      const QRgb p = jd13Map.pixel(x, y);
      blue += qBlue(p) > qRed(p) + 60 && qBlue(p) > qGreen(p) + 30 ? 1 : 0;
      green += qGreen(p) > qRed(p) + 50 && qGreen(p) > qBlue(p) + 30 ? 1 : 0;
      white += isWhite(p) ? 1 : 0;
    }
  }
  EXPECT_GT(blue, 2000);
  EXPECT_GT(green, 200);
  EXPECT_GT(white, 1000);  // the district does not fill the frame
  EXPECT_LT(white, jd13Map.width() * jd13Map.height() / 4 * 3 / 4);
}

TEST_F(CliReportExport, BadInputIsRefusedAndLeavesNothing) {
  // A folder that does not exist: exit 1, the file named, nothing written.
  const QString nowhere = mDir.path(QStringLiteral("没有的文件夹/指标表.xlsx"));
  CliRun r = report({QStringLiteral("--tables"), nowhere});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("指标表.xlsx"))) << r.err.toStdString();
  EXPECT_FALSE(QFileInfo::exists(QFileInfo(nowhere).path()));
  // CSV too: not the summary, nor any of the tables beside it.
  r = report({QStringLiteral("--tables"), mDir.path(QStringLiteral("没有的文件夹/表.csv"))});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("表.csv"))) << r.err.toStdString();
  EXPECT_FALSE(QFileInfo::exists(QFileInfo(nowhere).path()));

  // An atlas level the project does not have: named, and nothing written (the PDF neither).
  const QString xlsx = mDir.path(QStringLiteral("表.xlsx"));
  const QString pdf = mDir.path(QStringLiteral("报告.pdf"));
  r = report({QStringLiteral("--tables"), xlsx, QStringLiteral("--out"), pdf, QStringLiteral("--atlas"), QStringLiteral("不存在")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("不存在"))) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains(QStringLiteral("街镇"))) << r.err.toStdString();  // the levels there are
  EXPECT_FALSE(QFileInfo::exists(xlsx));
  EXPECT_FALSE(QFileInfo::exists(pdf));
  // An indicator the project does not have.
  r = report({QStringLiteral("--tables"), xlsx, QStringLiteral("--indicators"), QStringLiteral("JD14-13,XX-99")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("XX-99"))) << r.err.toStdString();
  EXPECT_FALSE(QFileInfo::exists(xlsx));

  // Not a table format; no output at all; an unknown option.
  r = report({QStringLiteral("--tables"), mDir.path(QStringLiteral("表.txt"))});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("表.txt"))) << r.err.toStdString();
  // With the PDF asked for too: refused before the PDF is written, not after.
  r = report({QStringLiteral("--out"), pdf, QStringLiteral("--tables"), mDir.path(QStringLiteral("表.txt"))});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("表.txt"))) << r.err.toStdString();
  EXPECT_FALSE(QFileInfo::exists(pdf));
  r = report({QStringLiteral("--out"), pdf, QStringLiteral("--tables"), nowhere});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("指标表.xlsx"))) << r.err.toStdString();
  EXPECT_FALSE(QFileInfo::exists(pdf));
  // A figures folder that cannot be created (a file stands in its way): named, no PDF.
  const QString file = mDir.path(QStringLiteral("一个文件"));
  {
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  }
  r = report({QStringLiteral("--out"), pdf, QStringLiteral("--figures"), file + QStringLiteral("/图")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("一个文件/图"))) << r.err.toStdString();
  EXPECT_FALSE(QFileInfo::exists(pdf));
  EXPECT_EQ(report({}).exitCode, 2);
  r = report({QStringLiteral("--figure"), mDir.path(QStringLiteral("图"))});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains(QStringLiteral("--figure"))) << r.err.toStdString();
}

// A computed map layers file that cannot be read: the PDF and the figures are still written (exit
// 0), and the file is named once on stderr as a warning, not dropped in silence.
TEST_F(CliReportExport, AnUnreadableMapLayerIsNamedAsAWarning) {
  const QFileInfo projectFile(mProject);
  const QString layers = projectFile.absoluteDir().filePath(projectFile.completeBaseName() + QStringLiteral(".results/JD14-13_2024.gpkg"));
  ASSERT_TRUE(QFileInfo::exists(layers)) << layers.toStdString();
  {
    QFile garbage(layers);
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QByteArray bytes(8192, '\0');
    for (qsizetype i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 131 + 7) % 251);
    ASSERT_EQ(garbage.write(bytes), bytes.size());
  }
  const QString pdf = mDir.path(QStringLiteral("r.pdf"));
  const QString folder = mDir.path(QStringLiteral("图"));
  const CliRun r = report({QStringLiteral("--out"), pdf, QStringLiteral("--figures"), folder});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  QFile written(pdf);
  ASSERT_TRUE(written.open(QIODevice::ReadOnly));
  EXPECT_TRUE(written.read(5).startsWith("%PDF-"));
  // One warning line naming the file (the PDF and the figures both left it out; told once).
  QStringList warnings;
  for (const QString& line : r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    if (line.startsWith(QLatin1String("xiuhua-cli: warning: "))) warnings << line;
  }
  ASSERT_EQ(warnings.size(), 1) << r.err.toStdString();
  EXPECT_TRUE(warnings.front().contains(QStringLiteral("JD14-13_2024.gpkg"))) << r.err.toStdString();
  // The rest is there: JD14-13's chart, and the maps of the other computed indicators.
  const QDir dir(folder);
  EXPECT_TRUE(QFileInfo::exists(dir.filePath(QStringLiteral("JD14-13_chart.png"))));
  for (const auto& [code, value] : mComputed) {
    if (code != QLatin1String("JD14-13")) {
      EXPECT_TRUE(QFileInfo::exists(dir.filePath(code + QStringLiteral("_map.png")))) << code.toStdString();
    }
  }
}

}  // namespace
