// xiuhua-cli report: the indicator report of the demo project as a PDF, checked the way an office
// would — poppler's pdfinfo (pages, title), pdffonts (every font embedded) and pdftotext (the exact
// indicator names, with 入 as 入 and not the Kangxi radical ⼊; the computed values).
#include "cli/cli_runner.h"
#include "support/demo_copy.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <cmath>
#include <map>
#include <set>

namespace {

using xiuhua::test::cli;
using xiuhua::test::CliRun;

QString poppler(const QString& tool, const QStringList& args) {
  QProcess p;
  p.start(tool, args);
  p.waitForFinished(60000);
  return QString::fromUtf8(p.readAllStandardOutput());
}

QString withoutSpaces(QString text) { return text.remove(QRegularExpression(QStringLiteral("\\s"))); }

class CliReport : public ::testing::Test {
 protected:
  void SetUp() override {
    mProject = xiuhua::test::copyDemoProject(mDir.path(QString()), QStringLiteral("报告"));
    ASSERT_FALSE(mProject.isEmpty());
    const CliRun computed = cli({QStringLiteral("compute"), QStringLiteral("--project"), mProject, QStringLiteral("--year"),
                                 QStringLiteral("2024"), QStringLiteral("--json")});
    ASSERT_EQ(computed.exitCode, 0) << computed.err.toStdString();
    for (const QJsonValue& c : QJsonDocument::fromJson(computed.out.toUtf8()).object().value(QStringLiteral("computed")).toArray()) {
      mComputed[c.toObject().value(QStringLiteral("code")).toString()] = c.toObject().value(QStringLiteral("value")).toDouble();
    }
    ASSERT_FALSE(mComputed.empty());
    // A year before, entered by hand: JD14-10's chart has a line (blue) to its 2024 value.
    const CliRun earlier = cli({QStringLiteral("indicators"), QStringLiteral("set"), QStringLiteral("--project"), mProject,
                                QStringLiteral("--code"), QStringLiteral("JD14-10"), QStringLiteral("--year"), QStringLiteral("2023"),
                                QStringLiteral("--value"), QStringLiteral("38.5")});
    ASSERT_EQ(earlier.exitCode, 0) << earlier.err.toStdString();
    // An entered indicator with two years: a blue line on a page without a map.
    for (const auto& [year, value] : {std::pair{"2022", "95.1"}, std::pair{"2024", "96.4"}}) {
      const CliRun entered = cli({QStringLiteral("indicators"), QStringLiteral("set"), QStringLiteral("--project"), mProject, QStringLiteral("--code"),
                                  QStringLiteral("JD14-04"), QStringLiteral("--year"), QLatin1String(year), QStringLiteral("--value"), QLatin1String(value)});
      ASSERT_EQ(entered.exitCode, 0) << entered.err.toStdString();
    }
  }

  xiuhua::test::TempDir mDir;
  QString mProject;
  std::map<QString, double> mComputed;
};

TEST_F(CliReport, ThePdfHasItsPagesTitleEmbeddedFontsAndTheExactText) {
  const QString pdf = mDir.path(QStringLiteral("指标进展报告.pdf"));
  const CliRun r = cli({QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--out"), pdf,
                        QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--author"), QStringLiteral("嘉定区精细化办"),
                        QStringLiteral("--lang"), QStringLiteral("zh_CN")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();

  const QString info = poppler(QStringLiteral("pdfinfo"), {pdf});
  const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
  ASSERT_TRUE(pages.hasMatch()) << info.toStdString();
  EXPECT_GE(pages.captured(1).toInt(), 2);  // the cover and the summary
  EXPECT_TRUE(info.contains(QStringLiteral("嘉定区 城市管理精细化 示范项目"))) << info.toStdString();  // the title
  EXPECT_TRUE(info.contains(QRegularExpression(QStringLiteral("Author:\\s+嘉定区精细化办\n")))) << info.toStdString();  // metadata
  EXPECT_TRUE(info.contains(QStringLiteral("595 x 842 pts (A4)"))) << info.toStdString();

  // Every font embedded (the "emb" column).
  const QStringList fonts = poppler(QStringLiteral("pdffonts"), {pdf}).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
  ASSERT_FALSE(fonts.isEmpty());
  for (const QString& line : fonts) {
    EXPECT_TRUE(line.contains(QRegularExpression(QStringLiteral("\\s+yes\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+$")))) << line.toStdString();
  }

  // The exact characters: every indicator's name, the status names, the page numbering, the values.
  const QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
  // In content order (-raw) a wrapped cell's lines stay together: a long name is found whole.
  const QString flat = withoutSpaces(poppler(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")}));
  EXPECT_TRUE(text.contains(QStringLiteral("架空线入地")));
  EXPECT_FALSE(text.contains(QChar(0x2F0A)));  // ⼊, the Kangxi radical some faces give for 入
  EXPECT_FALSE(text.contains(QChar(0x2F36)));  // ⽶ for 米
  const CliRun list = cli({QStringLiteral("indicators"), QStringLiteral("list"), QStringLiteral("--project"), mProject});
  ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
  const QJsonArray indicators = QJsonDocument::fromJson(list.out.toUtf8()).array();
  ASSERT_GE(indicators.size(), 20);
  for (const QJsonValue& i : indicators) {
    const QString name = withoutSpaces(i.toObject().value(QStringLiteral("name")).toString());
    EXPECT_TRUE(flat.contains(name)) << name.toStdString();
    EXPECT_TRUE(flat.contains(i.toObject().value(QStringLiteral("code")).toString()));
  }
  EXPECT_TRUE(flat.contains(QStringLiteral("第1页共") + pages.captured(1) + QStringLiteral("页"))) << text.left(400).toStdString();
  // Each computed value as a reader needs it: whole numbers bare, % with one decimal, others with
  // 1, 2 or 3 decimals by size (66.7054… % → 66.7 %, 2.87109… 公里/平方公里 → 2.87).
  std::map<QString, QString> units;
  for (const QJsonValue& i : indicators) units[i.toObject().value(QStringLiteral("code")).toString()] = i.toObject().value(QStringLiteral("unit")).toString();
  // Every numeric target with its unit and year as the plan states it ("90 % · 2025", "8.93 %" not
  // rounded to 8.9, an annual range "5–10 公里").
  for (const QJsonValue& i : indicators) {
    const QJsonObject o = i.toObject();
    if (!o.value(QStringLiteral("target")).isDouble()) continue;
    const double target = o.value(QStringLiteral("target")).toDouble();
    const QString unit = o.value(QStringLiteral("unit")).toString();
    const QString printed = o.value(QStringLiteral("target_max")).isDouble()
                                ? QStringLiteral("%1–%2").arg(QString::number(target, 'g', 6), QString::number(o.value(QStringLiteral("target_max")).toDouble(), 'g', 6))
                                : QString::number(target, 'g', 6);
    EXPECT_TRUE(flat.contains(printed + unit)) << o.value(QStringLiteral("code")).toString().toStdString() << " " << printed.toStdString();
    EXPECT_TRUE(flat.contains(QStringLiteral("·%1").arg(o.value(QStringLiteral("targetYear")).toInt())) ||
                o.value(QStringLiteral("target_kind")).toString() == QLatin1String("annual") ||
                o.value(QStringLiteral("target_kind")).toString() == QLatin1String("yearly_count"));
  }
  for (const auto& [code, value] : mComputed) {
    const QString unit = units[code];
    const int decimals = std::abs(value - std::round(value)) < 1e-9 ? 0 : unit == QStringLiteral("%") ? 1 : std::abs(value) >= 100 ? 1 : std::abs(value) >= 1 ? 2 : 3;
    const QString printed = QString::number(value, 'f', decimals) + unit;
    EXPECT_TRUE(flat.contains(printed)) << code.toStdString() << " " << printed.toStdString();
    EXPECT_FALSE(flat.contains(QString::number(value, 'f', decimals + 2) + unit)) << code.toStdString();  // not more digits
  }
  EXPECT_TRUE(text.contains(QStringLiteral("无数据")));  // indicators without values still have their row

  // Images are the maps only, at print resolution (300 dpi); the charts are vectors, drawn in their
  // colours — the dashed red target and the blue values, found on the pages without a map as
  // rendered by pdftoppm.
  const QStringList images = poppler(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf}).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
  const int figures = static_cast<int>(text.count(QStringLiteral("图：")));
  EXPECT_GE(figures, 5);  // the coverage maps of the computed indicators
  std::set<int> mapPages;
  for (const QString& line : images) {
    const QStringList columns = line.simplified().split(QLatin1Char(' '));
    ASSERT_GE(columns.size(), 14) << line.toStdString();
    mapPages.insert(columns[0].toInt());
    EXPECT_GE(columns[12].toInt(), 295) << line.toStdString();  // x-ppi
    EXPECT_GE(columns[13].toInt(), 295) << line.toStdString();  // y-ppi
  }
  EXPECT_EQ(static_cast<int>(images.size()), figures) << images.join(QLatin1Char('\n')).toStdString();
  const QString prefix = mDir.path(QStringLiteral("page"));
  poppler(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("100"), QStringLiteral("-png"), pdf, prefix});
  auto near = [](QRgb pixel, QColor colour) {
    return std::abs(qRed(pixel) - colour.red()) < 40 && std::abs(qGreen(pixel) - colour.green()) < 40 && std::abs(qBlue(pixel) - colour.blue()) < 40;
  };
  int red = 0;
  int blue = 0;
  int rendered = 0;
  for (const QString& png : QDir(QFileInfo(prefix).path()).entryList({QStringLiteral("page-*.png")})) {
    const QImage page(QFileInfo(prefix).path() + QLatin1Char('/') + png);
    ASSERT_FALSE(page.isNull()) << png.toStdString();
    ++rendered;
    const int number = png.section(QLatin1Char('-'), 1).section(QLatin1Char('.'), 0, 0).toInt();
    // Every page has something on it (not blank): at least 0.5 % of its pixels are not white.
    int ink = 0;
    for (int y = 0; y < page.height(); ++y) {
      for (int x = 0; x < page.width(); ++x) ink += qGray(page.pixel(x, y)) < 200 ? 1 : 0;
    }
    EXPECT_GT(ink, page.width() * page.height() / 200) << png.toStdString();
    if (mapPages.count(number) != 0) continue;
    for (int y = 0; y < page.height(); ++y) {
      for (int x = 0; x < page.width(); ++x) {
        red += near(page.pixel(x, y), QColor(0xd7, 0x30, 0x27)) ? 1 : 0;
        blue += near(page.pixel(x, y), QColor(0x1f, 0x78, 0xb4)) ? 1 : 0;
      }
    }
  }
  EXPECT_EQ(rendered, pages.captured(1).toInt());
  EXPECT_GT(red, 100);
  EXPECT_GT(blue, 10);
}

// The maps themselves: each is the district drawn in several colours (not blank), with its legend,
// attribution, scale bar and sub-unit labels as text or drawing on the page.
TEST_F(CliReport, CoverageMapsArePrintedWithLegendAttributionAndTheirSubunitTable) {
  const QString pdf = mDir.path(QStringLiteral("maps.pdf"));
  const CliRun r = cli({QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--out"), pdf,
                        QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QString folder = mDir.path(QStringLiteral("images"));
  ASSERT_TRUE(QDir().mkpath(folder));
  poppler(QStringLiteral("pdfimages"), {QStringLiteral("-png"), pdf, folder + QStringLiteral("/map")});
  const QStringList maps = QDir(folder).entryList({QStringLiteral("map-*.png")});
  ASSERT_GE(maps.size(), 5);
  for (const QString& name : maps) {
    const QImage map(folder + QLatin1Char('/') + name);
    ASSERT_FALSE(map.isNull());
    EXPECT_GT(map.width(), 1000) << name.toStdString();  // 300 dpi over more than 10 cm
    std::set<QRgb> colours;
    int coloured = 0;
    for (int y = 0; y < map.height(); y += 3) {
      for (int x = 0; x < map.width(); x += 3) {
        const QRgb p = map.pixel(x, y);
        if (qGray(p) < 235) ++coloured;
        colours.insert(p & 0xf0f0f0);
      }
    }
    EXPECT_GT(coloured, (map.width() / 3) * (map.height() / 3) / 10) << name.toStdString();  // a tenth of it drawn at least
    EXPECT_GT(colours.size(), 8u) << name.toStdString();
  }
  const QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
  // The attribution of the real boundary (the input of the computations) and the demo's own note.
  EXPECT_TRUE(text.contains(QStringLiteral("边界数据：高德开放平台 DataV.GeoAtlas"))) << text.left(2000).toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("SYNTHETIC demo data")));
  // JD14-13's per-街镇 table: 12 ranked rows, the first 1/12 and the last 12/12.
  const QString flat = withoutSpaces(poppler(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")}));
  EXPECT_TRUE(flat.contains(QStringLiteral("JD14-13按街镇")) || flat.contains(QStringLiteral("JD14-13 按街镇"))) << flat.left(3000).toStdString();
  EXPECT_TRUE(flat.contains(QStringLiteral("12/12")));
  EXPECT_TRUE(flat.contains(QStringLiteral("1/12")));
}

// Contents page, PDF bookmarks (read back with poppler's pdftohtml -xml) and the appendix with each
// input file's fingerprint.
TEST_F(CliReport, ContentsBookmarksAndAppendixPointToTheirPages) {
  const QString pdf = mDir.path(QStringLiteral("outline.pdf"));
  const CliRun r = cli({QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--out"), pdf,
                        QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QString xml = poppler(QStringLiteral("pdftohtml"), {QStringLiteral("-xml"), QStringLiteral("-i"), QStringLiteral("-stdout"), pdf});
  // <item page="N">title</item>, nested <outline> for the children.
  std::map<QString, int> bookmarks;
  const QRegularExpression item(QStringLiteral("<item page=\"(\\d+)\">([^<]+)</item>"));
  for (auto it = item.globalMatch(xml); it.hasNext();) {
    const auto m = it.next();
    bookmarks[m.captured(2).trimmed()] = m.captured(1).toInt();
  }
  ASSERT_TRUE(bookmarks.count(QStringLiteral("目录"))) << xml.left(3000).toStdString();
  EXPECT_EQ(bookmarks[QStringLiteral("目录")], 2);
  ASSERT_TRUE(bookmarks.count(QStringLiteral("指标汇总")));
  ASSERT_TRUE(bookmarks.count(QStringLiteral("JD14-13 绿地公园500米服务半径覆盖率")));
  const QString appendix = QStringLiteral("附录：计算值的来源");
  ASSERT_TRUE(bookmarks.count(appendix)) << xml.left(3000).toStdString();
  // Each bookmark's page shows what it names.
  for (const auto& [title, page] : bookmarks) {
    const QString onPage = withoutSpaces(poppler(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                                                               QString::number(page), pdf, QStringLiteral("-")}));
    EXPECT_TRUE(onPage.contains(withoutSpaces(title))) << title.toStdString() << " on page " << page;
  }
  // The contents page lists the appendix with the same page number.
  const QString contents = poppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-f"), QStringLiteral("2"),
                                                                 QStringLiteral("-l"), QStringLiteral("2"), pdf, QStringLiteral("-")});
  EXPECT_TRUE(contents.contains(QRegularExpression(QStringLiteral("指标汇总\\s+%1\\s").arg(bookmarks[QStringLiteral("指标汇总")]))))
      << contents.toStdString();
  // The appendix names the GeoPackage the values came from with its SHA-256 (split over two lines).
  QFile gpkg(QFileInfo(mProject).absoluteDir().filePath(QStringLiteral("jiading.gpkg")));
  ASSERT_TRUE(gpkg.open(QIODevice::ReadOnly));
  const QString sha = QString::fromLatin1(QCryptographicHash::hash(gpkg.readAll(), QCryptographicHash::Sha256).toHex());
  const QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
  EXPECT_TRUE(text.contains(sha.left(32))) << sha.toStdString();
  EXPECT_TRUE(text.contains(sha.mid(32)));
  EXPECT_TRUE(text.contains(QStringLiteral("EPSG:4549")));
}

// The atlas: a page per 街镇 with its map, every chosen indicator's value there and its rank.
TEST_F(CliReport, TheAtlasHasAPagePerSubunitWithValuesAndRanks) {
  const QString pdf = mDir.path(QStringLiteral("atlas.pdf"));
  CliRun r = cli({QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--out"), pdf, QStringLiteral("--year"),
                  QStringLiteral("2024"), QStringLiteral("--atlas"), QStringLiteral("街镇"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QString xml = poppler(QStringLiteral("pdftohtml"), {QStringLiteral("-xml"), QStringLiteral("-i"), QStringLiteral("-stdout"), pdf});
  const QStringList units{QStringLiteral("嘉定镇街道"), QStringLiteral("新成路街道"), QStringLiteral("真新街道"), QStringLiteral("菊园新区"),
                          QStringLiteral("嘉定工业区"), QStringLiteral("南翔镇"),     QStringLiteral("安亭镇"),   QStringLiteral("马陆镇"),
                          QStringLiteral("徐行镇"),     QStringLiteral("华亭镇"),     QStringLiteral("外冈镇"),   QStringLiteral("江桥镇")};
  std::set<int> pages;
  for (const QString& unit : units) {
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("<item page=\"(\\d+)\">%1</item>").arg(unit)).match(xml);
    ASSERT_TRUE(m.hasMatch()) << unit.toStdString();
    const int page = m.captured(1).toInt();
    pages.insert(page);
    const QString onPage = withoutSpaces(poppler(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-f"), QString::number(page),
                                                                               QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")}));
    EXPECT_TRUE(onPage.contains(unit));
    EXPECT_TRUE(onPage.contains(QStringLiteral("JD14-09")));  // JD14-13 only inside 嘉定新城
    EXPECT_TRUE(onPage.contains(QStringLiteral("/12"))) << unit.toStdString();  // its rank among the 12
  }
  EXPECT_EQ(pages.size(), 12u);  // a page each
  // A level no indicator is broken down by is refused, named.
  r = cli({QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--out"), mDir.path(QStringLiteral("x.pdf")),
           QStringLiteral("--atlas"), QStringLiteral("社区")});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_TRUE(r.err.contains(QStringLiteral("社区"))) << r.err.toStdString();
  EXPECT_FALSE(QFileInfo::exists(mDir.path(QStringLiteral("x.pdf"))));
}

TEST_F(CliReport, AFailedExportLeavesNoFileAndAnOldReportIsReplacedWhole) {
  // A folder that does not exist: refused, named, nothing written.
  const QString nowhere = mDir.path(QStringLiteral("没有的文件夹/报告.pdf"));
  CliRun r = cli({QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--out"), nowhere});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("报告.pdf"))) << r.err.toStdString();
  EXPECT_FALSE(QFileInfo::exists(nowhere));
  // An older report at the same path is replaced, and no partial file stays beside it.
  const QString pdf = mDir.path(QStringLiteral("report.pdf"));
  for (const char* year : {"2023", "2024"}) {
    r = cli({QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--out"), pdf, QStringLiteral("--year"),
             QLatin1String(year)});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  }
  EXPECT_TRUE(poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).contains(QStringLiteral("2024")));
  for (const QString& name : QDir(QFileInfo(pdf).path()).entryList(QDir::Files | QDir::Hidden)) {
    EXPECT_FALSE(name.contains(QStringLiteral("partial"))) << name.toStdString();
  }
  // A bad year is refused.
  r = cli({QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--out"), pdf, QStringLiteral("--year"),
           QStringLiteral("明年")});
  EXPECT_EQ(r.exitCode, 2);
}

// The issue: a project copied without its data (the .xhp alone) gave its PDF and exit 0 without a
// word. The report is still written, and says which layers are missing: on standard error and in
// the appendix. The appendix's parameters say the year computed, not "{year}".
TEST_F(CliReport, AProjectWithoutItsDataSaysWhichLayersAreMissing) {
  const QString pdf = mDir.path(QStringLiteral("complete.pdf"));
  CliRun r = cli({QStringLiteral("report"), QStringLiteral("--project"), mProject, QStringLiteral("--out"), pdf, QStringLiteral("--year"),
                  QStringLiteral("2024"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
  EXPECT_TRUE(text.contains(QStringLiteral("open_year <= 2024"))) << "the filter with its year";
  EXPECT_FALSE(text.contains(QStringLiteral("{year}")));
  EXPECT_FALSE(text.contains(QStringLiteral("缺失的图层")));

  const QString alone = mDir.path(QStringLiteral("只有项目文件/jiading-demo.xhp"));
  ASSERT_TRUE(QDir().mkpath(QFileInfo(alone).path()));
  ASSERT_TRUE(QFile::copy(mProject, alone));
  const QString lonePdf = mDir.path(QStringLiteral("只有项目文件/report.pdf"));
  r = cli({QStringLiteral("report"), QStringLiteral("--project"), alone, QStringLiteral("--out"), lonePdf, QStringLiteral("--year"),
           QStringLiteral("2024"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  ASSERT_TRUE(QFileInfo::exists(lonePdf));
  for (const char* file : {"jiading.gpkg", "roads.shp", "overhead_lines.shp", "bus_stops.csv"}) {
    EXPECT_TRUE(r.err.contains(QLatin1String(file))) << file << " not named in: " << r.err.toStdString();
  }
  text = poppler(QStringLiteral("pdftotext"), {lonePdf, QStringLiteral("-")});
  EXPECT_TRUE(text.contains(QStringLiteral("缺失的图层"))) << "the appendix lists them";
  EXPECT_TRUE(withoutSpaces(text).contains(QStringLiteral("overhead_lines.shp")));
}

}  // namespace
