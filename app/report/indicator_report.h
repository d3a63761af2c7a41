#pragma once

#include "xiuhua/gis/result.h"

#include <QCoreApplication>
#include <QString>

namespace xiuhua::app {

// What the analyst chooses for a report.
struct ReportOptions {
  int year = 0;          // the reporting year: values up to it
  QString title;         // empty: "<project title> 城市管理精细化指标进展报告"
  QString author;        // 编制单位, on the cover and in the PDF's metadata
  bool landscape = false;
};

// The indicator report of a project as a PDF an office can print: a cover page (title, project,
// reporting year, date, author unit), then the summary table of every indicator grouped by the
// plan's categories — baseline, target, latest value, progress, status in its colour, 属性,
// 责任单位 — with the header row repeated on each page, a page header, and "第 x 页 共 y 页". The
// PDF's title and creator are set. Chinese text is set in WenQuanYi Micro Hei, whose characters come
// out of the PDF as typed (with Noto CJK, 入 and 米 come out as the Kangxi radicals ⼊ and ⽶); the
// report is refused, naming the font and its package, when it is not installed. Written beside
// the target and renamed over it: a failure leaves no half file. Needs a QGuiApplication (fonts);
// may run on a worker thread.
class IndicatorReport {
  Q_DECLARE_TR_FUNCTIONS(IndicatorReport)

 public:
  static constexpr const char* kFontFamily = "WenQuanYi Micro Hei";
  static gis::Status write(const QString& projectPath, const ReportOptions& options, const QString& pdfPath);
};

}  // namespace xiuhua::app
