#include "report/indicator_report.h"

#include "report/pdf_outline.h"
#include "report/report_content.h"
#include "report/report_document.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QUuid>

#include <cstdio>

namespace xiuhua::app {

namespace {

QPageLayout pageLayout(bool landscape) {
  return QPageLayout(QPageSize(QPageSize::A4), landscape ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF(18, 18, 18, 18),
                     QPageLayout::Millimeter);
}

// Removes the named files when it goes out of scope, unless released.
struct PartialFiles {
  QStringList paths;
  ~PartialFiles() {
    for (const QString& p : paths) QFile::remove(p);
  }
};

}  // namespace

gis::Status IndicatorReport::checkFont() {
  if (QFontDatabase::families().contains(QLatin1String(kFontFamily))) return {};
  return gis::Error{gis::ErrorCode::InvalidArgument,
                    tr("The report font %1 is not installed (Debian package fonts-wqy-microhei); without it the report's Chinese "
                       "text would not come out of the PDF as written.")
                        .arg(QLatin1String(kFontFamily))};
}

QSizeF IndicatorReport::printableArea(bool landscape, double dpi) {
  const QRectF mm = pageLayout(landscape).paintRect(QPageLayout::Millimeter);
  return mm.size() * dpi / 25.4;
}

QImage IndicatorReport::previewPage(const ReportDocument& document, int page, double dpi) {
  // Drawn at the layout's resolution (text measured there), scaled to the preview's.
  const double scale = dpi / ReportDocument::kPrintDpi;
  const QSizeF area = QSizeF(document.area()) * scale;
  QImage image = ReportDocument::printResolutionImage(area.toSize().expandedTo(QSize(1, 1)));
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  painter.scale(scale, scale);
  document.paintPage(painter, page);
  return image;
}

gis::Status IndicatorReport::write(const QString& projectPath, const ReportOptions& options, const QString& pdfPath,
                                   const Progress& progress, const std::atomic<bool>* cancel, QStringList* warnings) {
  auto content = ReportContent::load(projectPath, options);
  if (!content.ok()) return content.error();
  return write(*content, pdfPath, progress, cancel, warnings);
}

gis::Status IndicatorReport::write(const ReportContent& content, const QString& pdfPath, const Progress& progress,
                                   const std::atomic<bool>* cancel, QStringList* warnings) {
  if (gis::Status font = checkFont(); !font) return font;
  const ReportOptions& options = content.options;
  const auto cancelled = [&] { return cancel != nullptr && cancel->load(); };
  const gis::Error cancelError{gis::ErrorCode::Cancelled, tr("The report was cancelled; %1 was not written.").arg(pdfPath)};

  // Written beside the target (Qt's pages, then with bookmarks and metadata), renamed over it when complete.
  const QFileInfo target(pdfPath);
  PartialFiles partial;
  // Names of this export's own: two exports to one target (the builder and the CLI) never share one.
  const QString unique = QUuid::createUuid().toString(QUuid::Id128).left(8);
  partial.paths << target.absoluteDir().filePath(QStringLiteral(".%1.%2.partial").arg(target.fileName(), unique))
                << target.absoluteDir().filePath(QStringLiteral(".%1.%2.outlined").arg(target.fileName(), unique));
  std::vector<PdfOutlineEntry> outline;
  {
    QPdfWriter writer(partial.paths[0]);
    writer.setTitle(content.title);
    writer.setCreator(QStringLiteral("Xiuhua"));
    writer.setResolution(static_cast<int>(ReportDocument::kPrintDpi));
    writer.setPageLayout(pageLayout(options.landscape));
    QPainter painter;
    if (!painter.begin(&writer)) {
      return gis::Error{gis::ErrorCode::IoFailed, tr("%1 cannot be written (is the folder writable?).").arg(pdfPath)};
    }
    const QRectF area = writer.pageLayout().paintRectPixels(writer.resolution());
    ReportDocument document(content, writer, area.size(), ReportDocument::kPrintDpi, cancel);
    bool written = true;
    for (int p = 0; p < document.pageCount() && written; ++p) {
      if (cancelled()) {
        painter.end();
        return cancelError;
      }
      if (p > 0) written = writer.newPage();
      document.paintPage(painter, p);
      if (progress) progress(p + 1, document.pageCount());
    }
    if (!painter.end() || !written) {
      return gis::Error{gis::ErrorCode::IoFailed, tr("%1 cannot be written (disk full?).").arg(pdfPath)};
    }
    outline = document.outline();
    if (warnings != nullptr) *warnings << content.missingLayerWarnings() << document.problems();
  }
  if (cancelled()) return cancelError;
  const PdfInfo info{content.title, options.author, tr("%1 indicator progress, %2").arg(content.project.title).arg(options.year),
                     QStringLiteral("城市管理精细化; 十四五"), QStringLiteral("Xiuhua")};
  if (gis::Status s = writePdfOutline(partial.paths[0], partial.paths[1], outline, info); !s) return s;
  // rename(2) replaces the old report in one step: a reader sees the old file or the new one.
  if (std::rename(QFile::encodeName(partial.paths[1]).constData(), QFile::encodeName(pdfPath).constData()) != 0) {
    return gis::Error{gis::ErrorCode::IoFailed, tr("%1 cannot be replaced (is it open in another program?).").arg(pdfPath)};
  }
  return {};
}

}  // namespace xiuhua::app
