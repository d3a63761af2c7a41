#include "report/pdf_outline.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>

namespace xiuhua::app {
namespace {

const QStringList kMarkers = {QStringLiteral("alpha"), QStringLiteral("bravo"), QStringLiteral("charlie"),
                              QStringLiteral("delta")};

// A 4-page PDF as QPdfWriter makes it (title "draft", no author, no outline); page i shows
// "marker <kMarkers[i]>" and "嘉定区".
QString makePdf(const test::TempDir& dir) {
  const QString path = dir.path(QStringLiteral("报告 草稿.pdf"));
  QPdfWriter writer(path);
  writer.setTitle(QStringLiteral("draft"));
  QPainter painter(&writer);
  painter.setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 14));
  for (int i = 0; i < 4; ++i) {
    if (i > 0) writer.newPage();
    painter.drawText(QPointF(1000, 1500), QStringLiteral("marker ") + kMarkers[i]);
    painter.drawText(QPointF(1000, 3000), QStringLiteral("嘉定区"));
  }
  painter.end();
  return path;
}

const std::vector<PdfOutlineEntry> kOutline = {{QStringLiteral("目录"), 0, 0},
                                               {QStringLiteral("指标汇总"), 1, 0},
                                               {QStringLiteral("三个美丽"), 2, 0},
                                               {QStringLiteral("JD14-01 美丽街区"), 2, 1},
                                               {QStringLiteral("附录"), 3, 0}};

PdfInfo reportInfo() {
  PdfInfo info;
  info.title = QStringLiteral("嘉定区 指标报告");
  info.author = QStringLiteral("嘉定区城市管理精细化工作推进中心");
  return info;
}

struct ToolOutput {
  QString out, err;
};

ToolOutput run(const QString& program, const QStringList& args) {
  QProcess p;
  p.start(program, args);
  p.waitForFinished(60000);
  return {QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

// pdfinfo's "Key:   value" lines.
QString pdfinfoField(const QString& pdfinfoOutput, const QString& key) {
  for (const QString& line : pdfinfoOutput.split(QLatin1Char('\n'))) {
    if (line.startsWith(key + QLatin1Char(':'))) return line.mid(key.size() + 1).trimmed();
  }
  return {};
}

int pageIndex(QPDF& pdf, QPDFObjectHandle page) {
  const auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].getObjectHandle().getObjGen() == page.getObjGen()) return static_cast<int>(i);
  }
  return -1;
}

class PdfOutline : public ::testing::Test {
 protected:
  test::TempDir dir;
  QString input = makePdf(dir);
  QString output = dir.path(QStringLiteral("报告.pdf"));
};

TEST_F(PdfOutline, SetsTitleAndAuthorAndKeepsThePages) {
  ASSERT_TRUE(writePdfOutline(input, output, kOutline, reportInfo()).ok());
  const ToolOutput info = run(QStringLiteral("pdfinfo"), {output});
  EXPECT_EQ(info.err, QString());
  EXPECT_EQ(pdfinfoField(info.out, QStringLiteral("Title")), QStringLiteral("嘉定区 指标报告"));
  EXPECT_EQ(pdfinfoField(info.out, QStringLiteral("Author")), QStringLiteral("嘉定区城市管理精细化工作推进中心"));
  EXPECT_EQ(pdfinfoField(info.out, QStringLiteral("Pages")), QStringLiteral("4"));
}

TEST_F(PdfOutline, EmptyInfoFieldsLeaveTheEntriesAsTheyWere) {
  PdfInfo info;
  info.author = QStringLiteral("Xiuhua");
  ASSERT_TRUE(writePdfOutline(input, output, {}, info).ok());
  const ToolOutput out = run(QStringLiteral("pdfinfo"), {output});
  EXPECT_EQ(pdfinfoField(out.out, QStringLiteral("Title")), QStringLiteral("draft"));
  EXPECT_EQ(pdfinfoField(out.out, QStringLiteral("Author")), QStringLiteral("Xiuhua"));
}

TEST_F(PdfOutline, WritesNestedBookmarksOpeningTheirPages) {
  ASSERT_TRUE(writePdfOutline(input, output, kOutline, reportInfo()).ok());
  QPDF pdf;
  pdf.processFile(QFile::encodeName(output).constData());
  EXPECT_EQ(pdf.getRoot().getKey("/PageMode").getName(), "/UseOutlines");
  QPDFOutlineDocumentHelper outlines(pdf);
  auto top = outlines.getTopLevelOutlines();
  std::vector<std::string> titles;
  std::vector<int> pages;
  for (auto& item : top) {
    titles.push_back(item.getTitle());
    pages.push_back(pageIndex(pdf, item.getDestPage()));
  }
  EXPECT_EQ(titles, (std::vector<std::string>{"目录", "指标汇总", "三个美丽", "附录"}));
  EXPECT_EQ(pages, (std::vector<int>{0, 1, 2, 3}));
  ASSERT_EQ(top.size(), 4u);
  auto kids = top[2].getKids();
  ASSERT_EQ(kids.size(), 1u);
  EXPECT_EQ(kids[0].getTitle(), "JD14-01 美丽街区");
  EXPECT_EQ(pageIndex(pdf, kids[0].getDestPage()), 2);
  EXPECT_TRUE(kids[0].getKids().empty());
  EXPECT_TRUE(top[0].getKids().empty());
  // All open: the root counts every item, 三个美丽 its one child.
  EXPECT_EQ(pdf.getRoot().getKey("/Outlines").getKey("/Count").getIntValue(), 5);
  EXPECT_EQ(top[2].getCount(), 1);
  EXPECT_EQ(top[3].getCount(), 0);
}

TEST_F(PdfOutline, MayRewriteTheInputInPlace) {
  ASSERT_TRUE(writePdfOutline(input, input, kOutline, reportInfo()).ok());
  const ToolOutput info = run(QStringLiteral("pdfinfo"), {input});
  EXPECT_EQ(info.err, QString());
  EXPECT_EQ(pdfinfoField(info.out, QStringLiteral("Author")), QStringLiteral("嘉定区城市管理精细化工作推进中心"));
  EXPECT_EQ(pdfinfoField(info.out, QStringLiteral("Pages")), QStringLiteral("4"));
}

// Text is extracted by poppler, independently of qpdf, and must be what it was in the input.
TEST_F(PdfOutline, KeepsThePageText) {
  ASSERT_TRUE(writePdfOutline(input, output, kOutline, reportInfo()).ok());
  ASSERT_NE(QFileInfo(output).size(), QFileInfo(input).size());  // really rewritten
  const QString before = run(QStringLiteral("pdftotext"), {input, QStringLiteral("-")}).out;
  const QString after = run(QStringLiteral("pdftotext"), {output, QStringLiteral("-")}).out;
  EXPECT_EQ(after, before);
  const QStringList pages = after.split(QLatin1Char('\f'));
  ASSERT_GE(pages.size(), 4);
  for (int i = 0; i < 4; ++i) {
    EXPECT_TRUE(pages[i].contains(QStringLiteral("marker ") + kMarkers[i])) << pages[i].toStdString();
    EXPECT_TRUE(pages[i].contains(QStringLiteral("嘉定区"))) << pages[i].toStdString();
  }
}

TEST_F(PdfOutline, MissingInputIsAnErrorNamingIt) {
  const QString missing = dir.path(QStringLiteral("不存在.pdf"));
  const gis::Status status = writePdfOutline(missing, output, kOutline, reportInfo());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, gis::ErrorCode::FileNotFound);
  EXPECT_TRUE(status.error().message.contains(QStringLiteral("不存在.pdf"))) << status.error().message.toStdString();
  EXPECT_FALSE(QFileInfo::exists(output));
}

TEST_F(PdfOutline, NotAPdfIsAnErrorNamingIt) {
  const QString text = dir.write(QStringLiteral("假的.pdf"), "not a pdf at all");
  const gis::Status status = writePdfOutline(text, output, kOutline, reportInfo());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, gis::ErrorCode::CorruptFile);
  EXPECT_TRUE(status.error().message.contains(QStringLiteral("假的.pdf"))) << status.error().message.toStdString();
  EXPECT_FALSE(QFileInfo::exists(output));
}

TEST_F(PdfOutline, OutputInAMissingFolderIsAnErrorAndWritesNothing) {
  const QString unwritable = dir.path(QStringLiteral("没有的目录/报告.pdf"));
  const gis::Status status = writePdfOutline(input, unwritable, kOutline, reportInfo());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, gis::ErrorCode::IoFailed);
  EXPECT_TRUE(status.error().message.contains(QStringLiteral("报告.pdf"))) << status.error().message.toStdString();
  EXPECT_FALSE(QFileInfo::exists(unwritable));
  EXPECT_FALSE(QFileInfo::exists(dir.path(QStringLiteral("没有的目录"))));
}

TEST_F(PdfOutline, PageOutOfRangeOrLevelJumpIsAnError) {
  for (const auto& bad : {std::vector<PdfOutlineEntry>{{QStringLiteral("附录"), 4, 0}},
                          std::vector<PdfOutlineEntry>{{QStringLiteral("目录"), -1, 0}},
                          std::vector<PdfOutlineEntry>{{QStringLiteral("目录"), 0, 1}},
                          std::vector<PdfOutlineEntry>{{QStringLiteral("目录"), 0, 0}, {QStringLiteral("孙"), 1, 2}}}) {
    const gis::Status status = writePdfOutline(input, output, bad, reportInfo());
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, gis::ErrorCode::InvalidArgument);
    EXPECT_TRUE(status.error().message.contains(QStringLiteral("报告 草稿.pdf"))) << status.error().message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(output));
  }
}

}  // namespace
}  // namespace xiuhua::app
