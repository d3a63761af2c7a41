#include "report/report_document.h"

#include "report/indicator_report.h"
#include "report/report_document_parts.h"
#include "report/report_text.h"
#include "report/trend_chart.h"

#include <QDate>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace xiuhua::app {

namespace {

QString indicatorTitle(const indicators::IndicatorStatus& s) { return QStringLiteral("%1  %2").arg(s.indicator.code, s.indicator.nameZh); }

// What an indicator's block says beside its chart, a line each.
QString indicatorFacts(const indicators::IndicatorStatus& s) {
  const indicators::Indicator& i = s.indicator;
  const QString progress = progressText(s);
  return QStringList{IndicatorReport::tr("Target: %1").arg(targetText(i)), IndicatorReport::tr("Latest value: %1").arg(latestText(s)),
                     IndicatorReport::tr("Progress: %1").arg(progress.isEmpty() ? QStringLiteral("—") : progress),
                     IndicatorReport::tr("Status: %1").arg(indicators::statusName(s.progress.status)),
                     IndicatorReport::tr("Nature: %1").arg(natureText(i)),
                     IndicatorReport::tr("Responsible: %1").arg(i.responsible.isEmpty() ? QStringLiteral("—") : i.responsible.join(QStringLiteral("、")))}
      .join(QLatin1Char('\n'));
}

}  // namespace

ReportDocument::ReportDocument(const ReportContent& content, const QPaintDevice& device, const QSizeF& page, double dpi,
                               const std::atomic<bool>* cancel)
    : mContent(content), mDevice(device), mArea(page), mDpi(dpi), mCancel(cancel) {
  mBody = reportFont(8.5);
  mHeading = reportFont(15);
  mSubHeading = reportFont(11.5);
  mSmall = reportFont(7.5);
  mLine = QFontMetricsF(mBody, &device).height();
  mBand = QFontMetricsF(mSmall, &device).height() * 2.5;
  mHeadingHeight = QFontMetricsF(mHeading, &device).height() * 2;
  mSubHeadingHeight = QFontMetricsF(mSubHeading, &device).height() * 1.8;
  build();
  mProblems.removeDuplicates();  // one unreadable layer serves several maps
  for (ReportTable& table : mTables) table.measure(device, mArea.width());
  paginate();
}

ReportDocument::~ReportDocument() = default;

QImage ReportDocument::printResolutionImage(const QSize& size) {
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  const int dotsPerMetre = qRound(kPrintDpi / 0.0254);
  image.setDotsPerMeterX(dotsPerMetre);
  image.setDotsPerMeterY(dotsPerMetre);
  return image;
}

int ReportDocument::pageCount() const { return static_cast<int>(mPages.size()); }

double ReportDocument::blockHeight(const Block& block) const {
  switch (block.kind) {
    case Block::Kind::Heading: return mHeadingHeight;
    case Block::Kind::SubHeading: return mSubHeadingHeight;
    case Block::Kind::Indicator: {
      // 52 mm, or what its facts need when they are longer (a long name, many 责任单位).
      const indicators::IndicatorStatus& s = mContent.statuses[block.index];
      const QRectF text(0, 0, mArea.width() * 0.38, 1e7);
      const double title = QFontMetricsF(reportFont(10.5), &mDevice).boundingRect(text, Qt::TextWordWrap, indicatorTitle(s)).height();
      const double facts = QFontMetricsF(mBody, &mDevice).boundingRect(text, Qt::TextWordWrap, indicatorFacts(s)).height();
      return std::max(mDpi * 52 / 25.4, (title + facts + mLine * 2) / 0.94);
    }
    case Block::Kind::Figure: return mFigures[block.index].height + (block.text.isEmpty() ? 0 : mLine * 1.6);
    case Block::Kind::Table: {
      // A short table moves whole to the next page rather than leaving a row or two behind.
      const ReportTable& table = mTables[block.index];
      double total = table.headerHeight();
      for (std::size_t r = 0; r < table.rows().size(); ++r) total += table.rowHeight(r);
      const double body = mArea.height() - 2 * mBand;
      return total <= body * 0.6 ? total : table.headerHeight() + (table.rows().empty() ? 0 : table.rowHeight(0));
    }
    case Block::Kind::Text: {
      const QFontMetricsF metrics(mBody, &mDevice);
      return metrics.boundingRect(QRectF(0, 0, mArea.width(), 1e7), Qt::TextWordWrap, block.text).height() + mLine * 0.6;
    }
  }
  return 0;
}

void ReportDocument::paginate() {
  mPages.push_back({Page::Kind::Cover, {}, 0, 0});
  // The contents: its entries are known now, their pages after the flow below.
  std::size_t lines = 0;  // the contents' own bookmark is not a line of it
  for (const Block& b : mBlocks) lines += b.outlineLevel >= 0 ? 1 : 0;
  const double body = mArea.height() - 2 * mBand;
  mContentsLinesPerPage = std::max(1, static_cast<int>((body - mHeadingHeight) / (mLine * 1.5)));
  for (std::size_t first = 0; first < std::max<std::size_t>(lines, 1); first += static_cast<std::size_t>(mContentsLinesPerPage)) {
    mPages.push_back({Page::Kind::Contents, {}, first, std::min(lines, first + static_cast<std::size_t>(mContentsLinesPerPage))});
  }

  Page page;
  double used = 0;
  auto newPage = [&] {
    if (!page.items.empty()) mPages.push_back(std::move(page));
    page = Page{};
    used = 0;
  };
  for (std::size_t b = 0; b < mBlocks.size(); ++b) {
    const Block& block = mBlocks[b];
    if (block.newPage) newPage();
    if (block.kind == Block::Kind::Table) {
      const ReportTable& table = mTables[block.index];
      std::size_t row = 0;
      do {
        if (!page.items.empty() && used + blockHeight(block) > body) newPage();
        // A table continued on a new page says whose it is: "华亭镇（续）".
        const double caption = row > 0 && !block.text.isEmpty() ? mSubHeadingHeight : 0;
        double room = body - used - caption - table.headerHeight();
        std::size_t last = row;
        while (last < table.rows().size() && (table.rowHeight(last) <= room || last == row)) room -= table.rowHeight(last++);
        // A table's category heading row never ends a page.
        if (last > row + 1 && last < table.rows().size() && table.rows()[last - 1].heading) {
          --last;
          room += table.rowHeight(last);
        }
        page.items.push_back({b, used, row, last});
        used = body - room;
        row = last;
        if (row < table.rows().size()) newPage();
      } while (row < table.rows().size());
      continue;
    }
    // A heading or a lead-in text stays with what follows it — through a chain of them (a heading,
    // its paragraph, then the table's first rows).
    double need = blockHeight(block);
    for (std::size_t next = b; next + 1 < mBlocks.size() && !mBlocks[next + 1].newPage; ++next) {
      const Block::Kind kind = mBlocks[next].kind;
      if (kind != Block::Kind::Heading && kind != Block::Kind::SubHeading && kind != Block::Kind::Text) break;
      need += blockHeight(mBlocks[next + 1]);
    }
    if (!page.items.empty() && used + need > body) newPage();
    page.items.push_back({b, used, 0, 0});
    used += blockHeight(block);
  }
  newPage();
}

double ReportDocument::bodyHeight() const { return mArea.height() - 2 * mBand; }

std::vector<ReportDocument::PageItem> ReportDocument::pageItems(int index) const {
  std::vector<PageItem> items;
  for (const Placed& placed : mPages.at(static_cast<std::size_t>(index)).items) {
    const Block& block = mBlocks[placed.block];
    PageItem item{block.kind, block.kind == Block::Kind::Indicator ? block.outlineTitle : block.text, 0, placed.first, placed.last, 0,
                  placed.top, blockHeight(block)};
    if (block.kind == Block::Kind::Table) {
      const ReportTable& table = mTables[block.index];
      item.table = block.index;
      item.rows = table.rows().size();
      item.height = table.headerHeight() + (placed.first > 0 && !block.text.isEmpty() ? mSubHeadingHeight : 0);
      for (std::size_t r = placed.first; r < placed.last; ++r) item.height += table.rowHeight(r);
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<PdfOutlineEntry> ReportDocument::outline() const {
  std::vector<PdfOutlineEntry> entries;
  entries.push_back({tr("Contents"), 1, 0});
  for (std::size_t p = 0; p < mPages.size(); ++p) {
    for (const Placed& placed : mPages[p].items) {
      const Block& block = mBlocks[placed.block];
      if (block.outlineLevel < 0 || placed.first > 0) continue;
      entries.push_back({block.outlineTitle, static_cast<int>(p), block.outlineLevel});
    }
  }
  return entries;
}

void ReportDocument::paintPage(QPainter& painter, int index) const {
  const Page& page = mPages.at(static_cast<std::size_t>(index));
  painter.save();
  if (page.kind == Page::Kind::Cover) {
    paintCover(painter);
  } else {
    // Header: the title and the reporting year over a rule.
    painter.setFont(mSmall);
    painter.setPen(QColor(0x61, 0x61, 0x61));
    painter.drawText(QRectF(0, 0, mArea.width(), mBand), Qt::AlignLeft | Qt::AlignTop, mContent.title);
    painter.drawText(QRectF(0, 0, mArea.width(), mBand), Qt::AlignRight | Qt::AlignTop, IndicatorReport::tr("%1 report").arg(mContent.options.year));
    painter.drawLine(QPointF(0, mBand * 0.6), QPointF(mArea.width(), mBand * 0.6));
    if (page.kind == Page::Kind::Contents) {
      paintContents(painter, page);
    } else {
      for (const Placed& placed : page.items) paintBlock(painter, placed, 0, mBand + placed.top);
    }
  }
  painter.setFont(mSmall);
  painter.setPen(QColor(0x61, 0x61, 0x61));
  painter.drawText(QRectF(0, mArea.height() - mBand, mArea.width(), mBand), Qt::AlignHCenter | Qt::AlignBottom,
                   IndicatorReport::tr("Page %1 of %2").arg(index + 1).arg(pageCount()));
  painter.restore();
}

void ReportDocument::paintCover(QPainter& painter) const {
  painter.setFont(reportFont(24));
  painter.setPen(Qt::black);
  painter.drawText(QRectF(0, mArea.height() * 0.28, mArea.width(), mArea.height() * 0.2), Qt::AlignCenter | Qt::TextWordWrap, mContent.title);
  painter.setFont(reportFont(12));
  const ReportOptions& o = mContent.options;
  const QStringList lines{IndicatorReport::tr("Project: %1").arg(mContent.project.title), IndicatorReport::tr("Reporting year: %1").arg(o.year),
                          IndicatorReport::tr("Author: %1").arg(o.author.isEmpty() ? IndicatorReport::tr("(not given)") : o.author),
                          IndicatorReport::tr("Produced: %1").arg(QDate::currentDate().toString(Qt::ISODate))};
  painter.drawText(QRectF(0, mArea.height() * 0.55, mArea.width(), mArea.height() * 0.25), Qt::AlignHCenter | Qt::AlignTop,
                   lines.join(QLatin1Char('\n')));
}

void ReportDocument::paintContents(QPainter& painter, const Page& page) const {
  double top = mBand;
  if (page.contentsFirst == 0) {
    painter.setFont(mHeading);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(0, top, mArea.width(), mHeadingHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("Contents"));
  }
  top += mHeadingHeight;
  const std::vector<PdfOutlineEntry> entries = outline();  // [0] is the contents itself
  const QFontMetricsF metrics(mBody, painter.device());
  for (std::size_t e = page.contentsFirst; e < page.contentsLast && e + 1 < entries.size(); ++e) {
    const PdfOutlineEntry& entry = entries[e + 1];
    painter.setFont(mBody);
    painter.setPen(entry.level == 0 ? kHeadingColour : QColor(Qt::black));
    const double indent = entry.level * mLine * 2;
    const QString number = QString::number(entry.page + 1);
    const double numberWidth = metrics.horizontalAdvance(QStringLiteral("0000"));
    const QRectF row(indent, top, mArea.width() - indent - numberWidth, mLine * 1.5);
    const QString title = metrics.elidedText(entry.title, Qt::ElideRight, row.width() - mLine);
    painter.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, title);
    // Dots leading to the page number.
    const double from = indent + metrics.horizontalAdvance(title) + mLine * 0.5;
    painter.setPen(QPen(QColor(0x9e, 0x9e, 0x9e), mDpi / 300.0, Qt::DotLine));
    painter.drawLine(QPointF(from, row.center().y() + mLine * 0.3), QPointF(row.right(), row.center().y() + mLine * 0.3));
    painter.setPen(Qt::black);
    painter.drawText(QRectF(row.right(), top, numberWidth, row.height()), Qt::AlignRight | Qt::AlignVCenter, number);
    top += row.height();
  }
}

void ReportDocument::paintBlock(QPainter& painter, const Placed& placed, double left, double top) const {
  const Block& block = mBlocks[placed.block];
  painter.setPen(Qt::black);
  switch (block.kind) {
    case Block::Kind::Heading:
      painter.setFont(mHeading);
      painter.setPen(kHeadingColour);
      painter.drawText(QRectF(left, top, mArea.width(), mHeadingHeight), Qt::AlignLeft | Qt::AlignVCenter, block.text);
      break;
    case Block::Kind::SubHeading:
      painter.setFont(mSubHeading);
      painter.setPen(kHeadingColour);
      painter.drawText(QRectF(left, top, mArea.width(), mSubHeadingHeight), Qt::AlignLeft | Qt::AlignVCenter, block.text);
      break;
    case Block::Kind::Indicator:
      paintIndicator(painter, QRectF(left, top, mArea.width(), blockHeight(block) * 0.94), mContent.statuses[block.index]);
      break;
    case Block::Kind::Text:
      painter.setFont(mBody);
      painter.drawText(QRectF(left, top, mArea.width(), blockHeight(block)), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, block.text);
      break;
    case Block::Kind::Table:
      if (placed.first > 0 && !block.text.isEmpty()) {
        painter.setFont(mSubHeading);
        painter.setPen(kHeadingColour);
        painter.drawText(QRectF(left, top, mArea.width(), mSubHeadingHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("%1 (continued)").arg(block.text));
        top += mSubHeadingHeight;
      }
      mTables[block.index].paint(painter, left, top, placed.first, placed.last);
      break;
    case Block::Kind::Figure: {
      const Figure& figure = mFigures[block.index];
      double y = top;
      if (!block.text.isEmpty()) {
        painter.setFont(mBody);
        painter.drawText(QRectF(left, y, mArea.width(), mLine * 1.6), Qt::AlignLeft | Qt::AlignVCenter, block.text);
        y += mLine * 1.6;
      }
      static const ReportMap kEmpty;
      paintMapFigure(painter, QRectF(left, y, mArea.width(), figure.height * 0.97), mDpi, kPrintDpi, figure.map ? *figure.map : kEmpty,
                     figure.extent, mBody, figure.highlight);
      break;
    }
  }
}

// An indicator: what it is and where it stands on the left, its trend on the right.
void ReportDocument::paintIndicator(QPainter& painter, const QRectF& block, const indicators::IndicatorStatus& s) const {
  const indicators::Indicator& i = s.indicator;
  painter.setPen(QPen(QColor(0xbd, 0xbd, 0xbd), 0));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(block);
  const double pad = mLine * 0.5;
  const QRectF text(block.left() + pad, block.top() + pad, block.width() * 0.38, block.height() - 2 * pad);
  painter.setFont(reportFont(10.5));
  painter.setPen(Qt::black);
  const QString title = indicatorTitle(s);
  const QRectF named = painter.boundingRect(text, Qt::TextWordWrap, title);
  painter.drawText(text, Qt::TextWordWrap, title);
  painter.setFont(mBody);
  painter.drawText(text.adjusted(0, named.height() + pad, 0, 0), Qt::TextWordWrap, indicatorFacts(s));
  // The chart keeps the standard block's height when the facts make the block taller.
  const double chartHeight = std::min(block.height(), mDpi * 52 / 25.4 * 0.94) - 2 * pad;
  const QRectF chart(block.left() + block.width() * 0.42, block.top() + pad, block.width() * 0.58 - pad, chartHeight);
  paintTrendChart(painter, chart, i, s.series, s.progress.status, mSmall, s.syntheticYears);
}


}  // namespace xiuhua::app
