#pragma once

#include "report/report_options.h"
#include "xiuhua/gis/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace xiuhua::app {

class ReportDocument;
struct ReportContent;

// The indicator report of a project as a PDF an office can print (see ReportDocument for what is
// in it): A4 portrait or landscape, page header, "第 x 页 共 y 页", contents page, PDF bookmarks per
// section and indicator, title/author/subject metadata. Chinese text is set in WenQuanYi Micro Hei,
// whose characters come out of the PDF as typed (with Noto CJK, 入 and 米 come out as the Kangxi
// radicals ⼊ and ⽶); the report is refused, naming the font and its package, when it is not
// installed. Written beside the target and renamed over it: a failure or a cancel leaves no half
// file. Needs a QGuiApplication (fonts); may run on a worker thread.
class IndicatorReport {
  Q_DECLARE_TR_FUNCTIONS(IndicatorReport)

 public:
  static constexpr const char* kFontFamily = "WenQuanYi Micro Hei";
  // Called after each page is drawn, from the writing thread.
  using Progress = std::function<void(int page, int pages)>;

  // `warnings` (optional) receives what the report had to leave out, naming the file: a map layer
  // that could not be read (its map then shows what remains, or 无数据).
  static gis::Status write(const QString& projectPath, const ReportOptions& options, const QString& pdfPath,
                           const Progress& progress = {}, const std::atomic<bool>* cancel = nullptr, QStringList* warnings = nullptr);
  // The same from content already read (ReportContent::load), e.g. when its tables are exported too.
  static gis::Status write(const ReportContent& content, const QString& pdfPath, const Progress& progress = {},
                           const std::atomic<bool>* cancel = nullptr, QStringList* warnings = nullptr);
  // The report font, or an error naming its Debian package when it is missing.
  static gis::Status checkFont();
  // The pages of a report for a preview: each page of the printable area at `dpi` on white.
  // Layout as in the PDF (A4, the options' orientation).
  static QImage previewPage(const ReportDocument& document, int page, double dpi);
  // The printable area of an A4 page (18 mm margins) in device units at `dpi`.
  static QSizeF printableArea(bool landscape, double dpi);
};

}  // namespace xiuhua::app
