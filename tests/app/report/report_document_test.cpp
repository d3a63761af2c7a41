// The report's layout, checked on its pages: no heading or lead-in left at a page's foot, every
// table row placed exactly once (with the header and a "（续）" caption on the pages it continues
// to), nothing placed beyond the page body, every bookmark on the page of what it names — for
// content built to be awkward: very long names, a table longer than several pages, an atlas whose
// table overflows its page, maps with no layer (无数据), a chart with a single value. And a report
// cancelled while it is being written leaves no file.
#include "report/indicator_report.h"
#include "report/report_content.h"
#include "report/report_document.h"
#include "support/demo_copy.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QImage>
#include <QPainter>

#include <atomic>
#include <map>

namespace {

using xiuhua::app::ReportContent;
using xiuhua::app::ReportDocument;
using Kind = ReportDocument::ItemKind;
namespace indicators = xiuhua::indicators;

indicators::IndicatorStatus status(const QString& code, const QString& category, const QString& name) {
  indicators::IndicatorStatus s;
  s.indicator.code = code;
  s.indicator.category = category;
  s.indicator.nameZh = name;
  s.indicator.unit = QStringLiteral("%");
  s.indicator.targetYear = 2025;
  s.indicator.targetValue = 90;
  return s;
}

// 40 indicators in 5 categories; one with a 120-character name and eight 责任单位; one with a
// single value; a spatial one with 300 网格 (a table over several pages) and no map layer; an
// atlas of 3 units, each with a value of every indicator (a table longer than its page).
ReportContent awkwardContent() {
  ReportContent c;
  c.options.year = 2024;
  c.options.atlasLevel = QStringLiteral("街镇");
  c.title = QStringLiteral("版式检查报告");
  c.project.title = QStringLiteral("版式检查");
  for (int i = 0; i < 40; ++i) {
    auto s = status(QStringLiteral("T-%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("类别%1").arg(i / 8),
                    QStringLiteral("指标%1").arg(i));
    if (i == 3) {
      s.indicator.nameZh = QString(120, QChar(0x6307));  // 指 × 120
      for (int r = 0; r < 8; ++r) s.indicator.responsible << QStringLiteral("责任单位%1号").arg(r);
      s.indicator.targetText = QString(80, QChar(0x76EE));  // 目 × 80
    }
    if (i == 5) {
      s.series[2024] = 42;
      s.latest = std::pair{2024, 42.0};
    }
    c.statuses.push_back(std::move(s));
  }
  xiuhua::app::SpatialIndicator grid;
  grid.level = QStringLiteral("网格");
  for (int g = 0; g < 300; ++g) grid.subunits.push_back({QStringLiteral("网格%1").arg(g), 2024, 100.0 - g * 0.1, g + 1, 300});
  c.spatial.emplace(QStringLiteral("T-07"), std::move(grid));
  for (int u = 0; u < 3; ++u) {
    xiuhua::app::AtlasUnit unit;
    unit.name = QStringLiteral("街镇%1").arg(u);
    for (const auto& s : c.statuses) unit.values[s.indicator.code] = {unit.name, 2024, 50.0 + u, u + 1, 3};
    c.atlas.push_back(std::move(unit));
  }
  return c;
}

QImage measuringDevice() { return ReportDocument::printResolutionImage(); }

void expectSoundLayout(const ReportDocument& document) {
  std::map<std::size_t, std::size_t> nextRow;  // per table: the row the next chunk must start at
  std::map<std::size_t, std::size_t> rows;
  int bodyPages = 0;
  for (int p = 0; p < document.pageCount(); ++p) {
    const auto items = document.pageItems(p);
    if (items.empty()) continue;  // cover, contents
    ++bodyPages;
    const bool lastPage = p + 1 == document.pageCount();
    const Kind foot = items.back().kind;
    EXPECT_TRUE(lastPage || (foot != Kind::Heading && foot != Kind::SubHeading && foot != Kind::Text))
        << "page " << p + 1 << " ends with " << items.back().text.toStdString();
    double bottom = 0;
    for (const auto& item : items) {
      EXPECT_GE(item.top + 1e-6, bottom) << "page " << p + 1 << ": items overlap";
      bottom = item.top + item.height;
      if (items.size() > 1) {
        EXPECT_LE(bottom, document.bodyHeight() + 1e-6) << "page " << p + 1 << ": " << item.text.toStdString();
      }
      if (item.kind != Kind::Table) continue;
      rows[item.table] = item.rows;
      EXPECT_EQ(item.first, nextRow[item.table]) << "table " << item.table << " on page " << p + 1;
      EXPECT_TRUE(item.last > item.first || item.rows == 0);
      nextRow[item.table] = item.last;
      // A chunk continued from an earlier page starts its page (after nothing but itself).
      if (item.first > 0) {
        EXPECT_EQ(&item, &items.front());
      }
    }
  }
  EXPECT_GT(bodyPages, 0);
  for (const auto& [table, count] : rows) EXPECT_EQ(nextRow[table], count) << "table " << table << " not placed whole";
}

TEST(ReportDocument, AwkwardContentIsLaidOutWithNothingLostOrLeftDangling) {
  const ReportContent content = awkwardContent();
  const QImage device = measuringDevice();
  for (bool landscape : {false, true}) {
    const QSizeF area = xiuhua::app::IndicatorReport::printableArea(landscape, ReportDocument::kPrintDpi);
    ReportDocument document(content, device, area, ReportDocument::kPrintDpi);
    ASSERT_GT(document.pageCount(), 10);
    expectSoundLayout(document);
    // The 300-网格 table and the atlas tables run over pages: continued with their caption.
    int continued = 0;
    for (int p = 0; p < document.pageCount(); ++p) {
      for (const auto& item : document.pageItems(p)) {
        if (item.kind == Kind::Table && item.first > 0 && item.rows == 40) {
          ++continued;
          EXPECT_TRUE(item.text.startsWith(QStringLiteral("街镇"))) << item.text.toStdString();
        }
      }
    }
    EXPECT_GE(continued, 3);  // each atlas unit's table continues
    // Every bookmark opens the page that shows what it names.
    const auto outline = document.outline();
    ASSERT_FALSE(outline.empty());
    EXPECT_EQ(outline.front().page, 1);  // the contents, after the cover
    EXPECT_TRUE(document.pageItems(1).empty());
    for (std::size_t e = 1; e < outline.size(); ++e) {
      const auto& entry = outline[e];
      const auto items = document.pageItems(entry.page);
      ASSERT_FALSE(items.empty()) << entry.title.toStdString();
      bool found = false;
      for (const auto& item : items) {
        found = found || (item.kind != Kind::Table && item.text == entry.title);
      }
      EXPECT_TRUE(found) << entry.title.toStdString() << " → page " << entry.page + 1;
    }
    // Every page paints (maps without layers say 无数据; the long name wraps).
    QImage page(320, 460, QImage::Format_ARGB32_Premultiplied);
    page.setDotsPerMeterX(device.dotsPerMeterX());
    page.setDotsPerMeterY(device.dotsPerMeterY());
    for (int p = 0; p < document.pageCount(); ++p) {
      page.fill(Qt::white);
      QPainter painter(&page);
      painter.scale(page.width() / area.width(), page.width() / area.width());
      document.paintPage(painter, p);
    }
  }
}

TEST(ReportDocument, ALongNameMakesItsBlockTallerInsteadOfCuttingItsFacts) {
  const ReportContent content = awkwardContent();
  const QImage device = measuringDevice();
  ReportDocument document(content, device, xiuhua::app::IndicatorReport::printableArea(false, ReportDocument::kPrintDpi),
                          ReportDocument::kPrintDpi);
  double normal = 0;
  double tall = 0;
  for (int p = 0; p < document.pageCount(); ++p) {
    for (const auto& item : document.pageItems(p)) {
      if (item.kind != Kind::Indicator) continue;
      if (normal == 0) normal = item.height;
      tall = std::max(tall, item.height);
    }
  }
  EXPECT_NEAR(normal, ReportDocument::kPrintDpi * 52 / 25.4, 1e-6);
  EXPECT_GT(tall, normal * 1.1);  // T-03's 120-character name, 80-character target and 8 units
}

TEST(ReportDocument, AReportCancelledWhileWritingLeavesNoFile) {
  xiuhua::test::TempDir dir;
  const QString project = xiuhua::test::copyDemoProject(dir.path(QString()), QStringLiteral("demo"));
  ASSERT_FALSE(project.isEmpty());
  xiuhua::app::ReportOptions options;
  options.year = 2024;
  const QString pdf = dir.path(QStringLiteral("out/报告.pdf"));
  ASSERT_TRUE(QDir().mkpath(QFileInfo(pdf).path()));
  std::atomic<bool> cancel(false);
  int pages = 0;
  const auto s = xiuhua::app::IndicatorReport::write(
      project, options, pdf,
      [&](int page, int) {
        pages = page;
        if (page == 3) cancel = true;  // mid-way
      },
      &cancel);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, xiuhua::gis::ErrorCode::Cancelled);
  EXPECT_TRUE(s.error().message.contains(pdf)) << s.error().message.toStdString();
  EXPECT_EQ(pages, 3);
  EXPECT_TRUE(QDir(QFileInfo(pdf).path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
  // Not cancelled: written.
  cancel = false;
  ASSERT_TRUE(xiuhua::app::IndicatorReport::write(project, options, pdf, {}, &cancel).ok());
  EXPECT_EQ(QDir(QFileInfo(pdf).path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{QStringLiteral("报告.pdf")});
}

}  // namespace
