#include "report/indicator_report.h"

#include "report/report_table.h"
#include "report/status_colors.h"
#include "report/trend_chart.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/indicators/status_table.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

#include <cstdio>

namespace xiuhua::app {

namespace {

QString formatValue(const std::optional<double>& v, const QString& unit) {
  return v ? QStringLiteral("%1 %2").arg(QString::number(*v, 'g', 6), unit).trimmed() : QString();
}

QString targetText(const indicators::Indicator& i) {
  QString target = formatValue(i.targetValue, i.unit);
  if (!i.targetText.isEmpty() && !target.contains(i.targetText)) target = target.isEmpty() ? i.targetText : target + QStringLiteral("（%1）").arg(i.targetText);
  return target + QStringLiteral(" · %1").arg(i.targetYear);
}

QString latestText(const indicators::IndicatorStatus& s) {
  return s.latest ? QStringLiteral("%1（%2）").arg(formatValue(s.latest->second, s.indicator.unit)).arg(s.latest->first)
                  : IndicatorReport::tr("No data");
}

// The summary table: a heading row per category (in plan order), a row per indicator.
ReportTable summaryTable(const std::vector<indicators::IndicatorStatus>& statuses, const QFont& font) {
  ReportTable table({IndicatorReport::tr("Code"), IndicatorReport::tr("Indicator"), IndicatorReport::tr("Baseline"),
                     IndicatorReport::tr("Target"), IndicatorReport::tr("Latest value"), IndicatorReport::tr("Progress"),
                     IndicatorReport::tr("Status"), IndicatorReport::tr("Nature"), IndicatorReport::tr("Responsible")},
                    {0.08, 0.22, 0.10, 0.13, 0.12, 0.07, 0.09, 0.07, 0.12}, font);
  QStringList categories;
  for (const auto& s : statuses) {
    if (!categories.contains(s.indicator.category)) categories << s.indicator.category;
  }
  for (const QString& category : categories) {
    table.addRow({{category.isEmpty() ? IndicatorReport::tr("(no category)") : category}, true, {}});
    for (const auto& s : statuses) {
      if (s.indicator.category != category) continue;
      const indicators::Indicator& i = s.indicator;
      const QString baseline =
          i.baselineValue ? QStringLiteral("%1（%2）").arg(formatValue(i.baselineValue, i.unit)).arg(i.baselineYear.value_or(0)) : QString();
      const QString target = targetText(i);
      const QString latest = latestText(s);
      const QString progress = s.progress.percent ? QStringLiteral("%1%").arg(*s.progress.percent, 0, 'f', 1) : QString();
      ReportTable::Row row;
      row.cells = {i.code, i.nameZh, baseline, target, latest, progress, indicators::statusName(s.progress.status),
                   i.nature == indicators::Nature::Binding ? IndicatorReport::tr("Binding") : IndicatorReport::tr("Expected"),
                   i.responsible.join(QStringLiteral("、"))};
      row.backgrounds.resize(7);
      row.backgrounds[6] = statusColor(s.progress.status).lighter(150);
      table.addRow(std::move(row));
    }
  }
  return table;
}

}  // namespace

namespace {

// One page of the report as laid out before drawing (so "共 y 页" is known): the cover, rows of the
// summary table, or items of the category sections (a heading, or an indicator's block).
struct Page {
  enum class Kind { Cover, Table, Sections };
  Kind kind = Kind::Cover;
  std::size_t first = 0;  // table rows [first, last)
  std::size_t last = 0;
  std::vector<std::pair<bool, std::size_t>> items;  // (heading?, category index or indicator index)
};

QFont bodyFont() {
  QFont font(QString::fromLatin1(IndicatorReport::kFontFamily));
  font.setPointSizeF(8.5);
  return font;
}

// Draws the laid-out report onto the PDF writer's pages.
class ReportPainter {
 public:
  ReportPainter(QPdfWriter& writer, QPainter& painter, const std::vector<indicators::IndicatorStatus>& statuses, QString title,
                const ReportOptions& options, QString project)
      : mWriter(writer), mPainter(painter), mStatuses(statuses), mTitle(std::move(title)), mOptions(options), mProject(std::move(project)),
        mBody(bodyFont()), mTable(summaryTable(statuses, mBody)) {
    mHeading = mBody;
    mHeading.setPointSizeF(14);
    mHeading.setBold(true);
    mSmall = mBody;
    mSmall.setPointSizeF(7.5);
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    mArea = QRectF(0, 0, page.width(), page.height());
    mTable.measure(writer, mArea.width());
    mBand = QFontMetricsF(mSmall, &writer).height() * 2.5;
    mHeadingHeight = QFontMetricsF(mHeading, &writer).height() * 2;
    mBlockHeight = writer.resolution() * 52 / 25.4;  // 52 mm an indicator
    for (const auto& s : statuses) {
      if (!mCategories.contains(s.indicator.category)) mCategories << s.indicator.category;
    }
  }

  void layOut() {
    mPages.push_back({Page::Kind::Cover, 0, 0, {}});
    // The summary table: rows that fit under the page header, the heading (first page) and the
    // repeated header row, above the footer; never a category heading alone at a page's foot.
    std::size_t first = 0;
    bool firstTablePage = true;
    while (first < mTable.rows().size()) {
      double room = mArea.height() - 2 * mBand - mTable.headerHeight() - (firstTablePage ? mHeadingHeight : 0);
      std::size_t last = first;
      while (last < mTable.rows().size() && (mTable.rowHeight(last) <= room || last == first)) room -= mTable.rowHeight(last++);
      if (last > first + 1 && mTable.rows()[last - 1].heading) --last;
      mPages.push_back({Page::Kind::Table, first, last, {}});
      first = last;
      firstTablePage = false;
    }
    // The sections: a heading per category, then a block per indicator; a heading keeps its first block.
    Page page{Page::Kind::Sections, 0, 0, {}};
    double room = 0;
    for (std::size_t c = 0; c < static_cast<std::size_t>(mCategories.size()); ++c) {
      bool heading = true;
      for (std::size_t i = 0; i < mStatuses.size(); ++i) {
        if (mStatuses[i].indicator.category != mCategories[static_cast<int>(c)]) continue;
        const double need = mBlockHeight + (heading ? mHeadingHeight : 0);
        if (need > room) {
          if (!page.items.empty()) mPages.push_back(page);
          page.items.clear();
          room = mArea.height() - 2 * mBand;
        }
        if (heading) page.items.emplace_back(true, c);
        page.items.emplace_back(false, i);
        room -= need;
        heading = false;
      }
    }
    if (!page.items.empty()) mPages.push_back(page);
  }

  bool paint() {
    for (std::size_t p = 0; p < mPages.size(); ++p) {
      if (p > 0 && !mWriter.newPage()) return false;
      const Page& page = mPages[p];
      if (page.kind == Page::Kind::Cover) {
        paintCover();
      } else {
        paintHeader();
        double top = mBand;
        if (page.kind == Page::Kind::Table) {
          if (page.first == 0) top += paintHeading(top, IndicatorReport::tr("Summary of indicators"));
          mTable.paint(mPainter, 0, top, page.first, page.last);
        } else {
          for (const auto& [heading, index] : page.items) {
            if (heading) {
              top += paintHeading(top, mCategories.value(static_cast<int>(index), IndicatorReport::tr("(no category)")));
            } else {
              paintBlock(top, mStatuses[index]);
              top += mBlockHeight;
            }
          }
        }
      }
      paintFooter(static_cast<int>(p) + 1);
    }
    return true;
  }

 private:
  void paintCover() {
    QFont cover(mBody);
    cover.setPointSizeF(22);
    cover.setBold(true);
    mPainter.setFont(cover);
    mPainter.setPen(Qt::black);
    mPainter.drawText(QRectF(0, mArea.height() * 0.28, mArea.width(), mArea.height() * 0.2), Qt::AlignCenter | Qt::TextWordWrap, mTitle);
    QFont coverBody(mBody);
    coverBody.setPointSizeF(12);
    mPainter.setFont(coverBody);
    const QStringList lines{IndicatorReport::tr("Project: %1").arg(mProject), IndicatorReport::tr("Reporting year: %1").arg(mOptions.year),
                            IndicatorReport::tr("Author: %1").arg(mOptions.author.isEmpty() ? IndicatorReport::tr("(not given)") : mOptions.author),
                            IndicatorReport::tr("Produced: %1").arg(QDate::currentDate().toString(Qt::ISODate))};
    mPainter.drawText(QRectF(0, mArea.height() * 0.55, mArea.width(), mArea.height() * 0.25), Qt::AlignHCenter | Qt::AlignTop,
                      lines.join(QLatin1Char('\n')));
  }

  void paintHeader() {
    mPainter.setFont(mSmall);
    mPainter.setPen(QColor(0x61, 0x61, 0x61));
    mPainter.drawText(QRectF(0, 0, mArea.width(), mBand), Qt::AlignLeft | Qt::AlignTop, mTitle);
    mPainter.drawText(QRectF(0, 0, mArea.width(), mBand), Qt::AlignRight | Qt::AlignTop, IndicatorReport::tr("%1 report").arg(mOptions.year));
    mPainter.drawLine(QPointF(0, mBand * 0.6), QPointF(mArea.width(), mBand * 0.6));
  }

  void paintFooter(int number) {
    mPainter.setFont(mSmall);
    mPainter.setPen(QColor(0x61, 0x61, 0x61));
    mPainter.drawText(QRectF(0, mArea.bottom() - mBand, mArea.width(), mBand), Qt::AlignHCenter | Qt::AlignBottom,
                      IndicatorReport::tr("Page %1 of %2").arg(number).arg(static_cast<int>(mPages.size())));
  }

  double paintHeading(double top, const QString& text) {
    mPainter.setFont(mHeading);
    mPainter.setPen(Qt::black);
    mPainter.drawText(QRectF(0, top, mArea.width(), mHeadingHeight), Qt::AlignLeft | Qt::AlignVCenter, text);
    return mHeadingHeight;
  }

  // An indicator: what it is and where it stands on the left, its trend on the right.
  void paintBlock(double top, const indicators::IndicatorStatus& s) {
    const indicators::Indicator& i = s.indicator;
    const QRectF block(0, top, mArea.width(), mBlockHeight * 0.94);
    mPainter.setPen(QPen(QColor(0xbd, 0xbd, 0xbd), 0));
    mPainter.setBrush(Qt::NoBrush);
    mPainter.drawRect(block);
    const double pad = QFontMetricsF(mBody, &mWriter).height() * 0.5;
    const QRectF text = QRectF(block.left() + pad, block.top() + pad, block.width() * 0.38, block.height() - 2 * pad);
    QFont name(mBody);
    name.setPointSizeF(10);
    name.setBold(true);
    mPainter.setFont(name);
    mPainter.setPen(Qt::black);
    const QRectF named = mPainter.boundingRect(text, Qt::TextWordWrap, QStringLiteral("%1  %2").arg(i.code, i.nameZh));
    mPainter.drawText(text, Qt::TextWordWrap, QStringLiteral("%1  %2").arg(i.code, i.nameZh));
    const QStringList facts{
        IndicatorReport::tr("Target: %1").arg(targetText(i)),
        IndicatorReport::tr("Latest value: %1").arg(latestText(s)),
        IndicatorReport::tr("Progress: %1").arg(s.progress.percent ? QStringLiteral("%1%").arg(*s.progress.percent, 0, 'f', 1) : QStringLiteral("—")),
        IndicatorReport::tr("Status: %1").arg(indicators::statusName(s.progress.status)),
        IndicatorReport::tr("Nature: %1").arg(i.nature == indicators::Nature::Binding ? IndicatorReport::tr("Binding") : IndicatorReport::tr("Expected")),
        IndicatorReport::tr("Responsible: %1").arg(i.responsible.isEmpty() ? QStringLiteral("—") : i.responsible.join(QStringLiteral("、")))};
    mPainter.setFont(mBody);
    mPainter.drawText(text.adjusted(0, named.height() + pad, 0, 0), Qt::TextWordWrap, facts.join(QLatin1Char('\n')));
    const QRectF chart(block.left() + block.width() * 0.42, block.top() + pad, block.width() * 0.58 - pad, block.height() - 2 * pad);
    paintTrendChart(mPainter, chart, i, s.series, s.progress.status, mSmall);
  }

  QPdfWriter& mWriter;
  QPainter& mPainter;
  const std::vector<indicators::IndicatorStatus>& mStatuses;
  QString mTitle;
  const ReportOptions& mOptions;
  QString mProject;
  QFont mBody;
  QFont mHeading;
  QFont mSmall;
  ReportTable mTable;
  QRectF mArea;
  double mBand = 0;
  double mHeadingHeight = 0;
  double mBlockHeight = 0;
  QStringList mCategories;
  std::vector<Page> mPages;
};

}  // namespace

gis::Status IndicatorReport::write(const QString& projectPath, const ReportOptions& options, const QString& pdfPath) {
  if (!QFontDatabase::families().contains(QLatin1String(kFontFamily))) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      tr("The report font %1 is not installed (Debian package fonts-wqy-microhei); without it the report's Chinese "
                         "text would not come out of the PDF as written.")
                          .arg(QLatin1String(kFontFamily))};
  }
  auto project = gis::ProjectFile::load(projectPath);
  if (!project.ok()) return project.error();
  auto store = indicators::ValueStore::open(projectPath);
  if (!store.ok()) return store.error();
  auto statuses = indicators::indicatorStatuses(**store, options.year);
  if (!statuses.ok()) return statuses.error();
  const QString title = options.title.isEmpty() ? tr("%1 — indicator progress report").arg(project->title) : options.title;

  // Written beside the target, renamed over it when complete.
  const QFileInfo target(pdfPath);
  const QString partial = target.absoluteDir().filePath(QStringLiteral(".%1.partial").arg(target.fileName()));
  {
    QPdfWriter writer(partial);
    writer.setTitle(title);
    writer.setCreator(options.author.isEmpty() ? QStringLiteral("Xiuhua") : QStringLiteral("%1 · Xiuhua").arg(options.author));
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), options.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&writer)) {
      QFile::remove(partial);
      return gis::Error{gis::ErrorCode::IoFailed, tr("%1 cannot be written (is the folder writable?).").arg(pdfPath)};
    }
    ReportPainter report(writer, painter, statuses.value(), title, options, project->title);
    report.layOut();
    const bool painted = report.paint();
    if (!painter.end() || !painted) {
      QFile::remove(partial);
      return gis::Error{gis::ErrorCode::IoFailed, tr("%1 cannot be written (disk full?).").arg(pdfPath)};
    }
  }
  // rename(2) replaces the old report in one step: a reader sees the old file or the new one.
  if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(pdfPath).constData()) != 0) {
    QFile::remove(partial);
    return gis::Error{gis::ErrorCode::IoFailed, tr("%1 cannot be replaced (is it open in another program?).").arg(pdfPath)};
  }
  return {};
}

}  // namespace xiuhua::app
