// xiuhua-cli report: the indicator report of the demo project as a PDF, checked the way an office
// would — poppler's pdfinfo (pages, title), pdffonts (every font embedded) and pdftotext (the exact
// indicator names, with 入 as 入 and not the Kangxi radical ⼊; the computed values).
#include "cli/cli_runner.h"
#include "support/demo_copy.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

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
  EXPECT_TRUE(info.contains(QStringLiteral("嘉定区精细化办"))) << info.toStdString();               // the author unit

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
  for (const auto& [code, value] : mComputed) {
    EXPECT_TRUE(flat.contains(QString::number(value, 'g', 6))) << code.toStdString() << " " << value;
  }
  EXPECT_TRUE(text.contains(QStringLiteral("无数据")));  // indicators without values still have their row

  // The charts are vectors (no image in the PDF), drawn in their colours: the dashed red target
  // and the blue values, found on the pages rendered by pdftoppm.
  const QStringList images = poppler(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf}).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  EXPECT_EQ(images.size(), 2) << images.join(QLatin1Char('\n')).toStdString();  // the two header lines only
  const QString prefix = mDir.path(QStringLiteral("page"));
  poppler(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("100"), QStringLiteral("-png"), pdf, prefix});
  auto near = [](QRgb pixel, QColor colour) {
    return std::abs(qRed(pixel) - colour.red()) < 40 && std::abs(qGreen(pixel) - colour.green()) < 40 && std::abs(qBlue(pixel) - colour.blue()) < 40;
  };
  int red = 0;
  int blue = 0;
  for (const QString& png : QDir(QFileInfo(prefix).path()).entryList({QStringLiteral("page-*.png")})) {
    const QImage page(QFileInfo(prefix).path() + QLatin1Char('/') + png);
    for (int y = 0; y < page.height(); ++y) {
      for (int x = 0; x < page.width(); ++x) {
        red += near(page.pixel(x, y), QColor(0xd7, 0x30, 0x27)) ? 1 : 0;
        blue += near(page.pixel(x, y), QColor(0x1f, 0x78, 0xb4)) ? 1 : 0;
      }
    }
  }
  EXPECT_GT(red, 100);
  EXPECT_GT(blue, 10);
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

}  // namespace
