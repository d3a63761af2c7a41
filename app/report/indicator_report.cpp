#include "report/indicator_report.h"

#include "report/report_table.h"
#include "report/status_colors.h"
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
      QString target = formatValue(i.targetValue, i.unit);
      if (!i.targetText.isEmpty() && !target.contains(i.targetText)) target = target.isEmpty() ? i.targetText : target + QStringLiteral("（%1）").arg(i.targetText);
      target += QStringLiteral(" · %1").arg(i.targetYear);
      const QString latest = s.latest ? QStringLiteral("%1（%2）").arg(formatValue(s.latest->second, i.unit)).arg(s.latest->first)
                                      : IndicatorReport::tr("No data");
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
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    const QRectF area(0, 0, page.width(), page.height());
    QFont body{QString::fromLatin1(kFontFamily)};
    body.setPointSizeF(8.5);
    QFont heading(body);
    heading.setPointSizeF(14);
    heading.setBold(true);
    QFont small(body);
    small.setPointSizeF(7.5);

    ReportTable table = summaryTable(statuses.value(), body);
    table.measure(writer, area.width());
    // Pages of the table: rows that fit under the page header, the section heading (first page)
    // and the repeated header row, above the footer.
    const double band = QFontMetricsF(small, &writer).height() * 2.5;
    const double headingHeight = QFontMetricsF(heading, &writer).height() * 2;
    std::vector<std::pair<std::size_t, std::size_t>> pages;
    std::size_t first = 0;
    while (first < table.rows().size()) {
      double room = area.height() - 2 * band - table.headerHeight() - (pages.empty() ? headingHeight : 0);
      std::size_t last = first;
      while (last < table.rows().size() && (table.rowHeight(last) <= room || last == first)) room -= table.rowHeight(last++);
      if (last > first + 1 && table.rows()[last - 1].heading) --last;  // no category heading alone at a page's foot
      pages.emplace_back(first, last);
      first = last;
    }
    const int pageCount = 1 + static_cast<int>(pages.size());
    auto footer = [&](int number) {
      painter.setFont(small);
      painter.setPen(QColor(0x61, 0x61, 0x61));
      painter.drawText(QRectF(0, area.bottom() - band, area.width(), band), Qt::AlignHCenter | Qt::AlignBottom,
                       tr("Page %1 of %2").arg(number).arg(pageCount));
    };

    // The cover.
    QFont cover(body);
    cover.setPointSizeF(22);
    cover.setBold(true);
    painter.setFont(cover);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(0, area.height() * 0.28, area.width(), area.height() * 0.2), Qt::AlignCenter | Qt::TextWordWrap, title);
    QFont coverBody(body);
    coverBody.setPointSizeF(12);
    painter.setFont(coverBody);
    const QStringList lines{tr("Project: %1").arg(project->title), tr("Reporting year: %1").arg(options.year),
                            tr("Author: %1").arg(options.author.isEmpty() ? tr("(not given)") : options.author),
                            tr("Produced: %1").arg(QDate::currentDate().toString(Qt::ISODate))};
    painter.drawText(QRectF(0, area.height() * 0.55, area.width(), area.height() * 0.25), Qt::AlignHCenter | Qt::AlignTop,
                     lines.join(QLatin1Char('\n')));
    footer(1);

    // The summary table.
    for (std::size_t p = 0; p < pages.size(); ++p) {
      if (!writer.newPage()) break;
      painter.setFont(small);
      painter.setPen(QColor(0x61, 0x61, 0x61));
      painter.drawText(QRectF(0, 0, area.width(), band), Qt::AlignLeft | Qt::AlignTop, title);
      painter.drawText(QRectF(0, 0, area.width(), band), Qt::AlignRight | Qt::AlignTop, tr("%1 report").arg(options.year));
      painter.drawLine(QPointF(0, band * 0.6), QPointF(area.width(), band * 0.6));
      double top = band;
      if (p == 0) {
        painter.setFont(heading);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, top, area.width(), headingHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("Summary of indicators"));
        top += headingHeight;
      }
      table.paint(painter, 0, top, pages[p].first, pages[p].second);
      footer(static_cast<int>(p) + 2);
    }
    if (!painter.end()) {
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
