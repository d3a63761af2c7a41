#pragma once

#include "report/pdf_outline.h"
#include "report/report_content.h"
#include "report/report_map.h"
#include "report/report_table.h"

#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QSizeF>

#include <atomic>
#include <memory>
#include <vector>

class QPaintDevice;
class QPainter;

namespace xiuhua::app {

// The report laid out on pages before anything is drawn (so "共 y 页" and the table of contents
// know every page): the cover, the contents, the summary table, a section per category (each
// indicator's block with its trend chart; for a spatial indicator its coverage map and per-街镇
// table), the atlas (a page per sub-unit: its map, values and ranks) and the appendix (how each
// computed value was obtained). Tables break across pages with their header repeated; a heading
// never ends a page. Layout is measured on `device` (the PDF writer, or a preview image of the
// same resolution), in its units; any page can then be painted on any painter of that resolution.
class ReportDocument {
  Q_DECLARE_TR_FUNCTIONS(ReportDocument)

 public:
  // `page`: the printable area in device units; `dpi`: the device's resolution. Reads the maps'
  // layers (the slow part); `cancel` stops it early (the document is then incomplete, not painted).
  ReportDocument(const ReportContent& content, const QPaintDevice& device, const QSizeF& page, double dpi,
                 const std::atomic<bool>* cancel = nullptr);
  ~ReportDocument();
  ReportDocument(const ReportDocument&) = delete;
  ReportDocument& operator=(const ReportDocument&) = delete;

  int pageCount() const;
  QSizeF area() const { return mArea; }  // the printable area, device units
  // Paints page `page` (0-based) with its header and footer; maps are rendered at 300 dpi.
  void paintPage(QPainter& painter, int page) const;
  // The PDF bookmarks (the same entries as the contents page, plus the contents itself).
  std::vector<PdfOutlineEntry> outline() const;
  // Map layers that could not be read (the map then shows what remains, or 无数据).
  const QStringList& problems() const { return mProblems; }

  // What a body page holds, top to bottom (for checks of the layout): each item's kind, its text
  // (heading, caption, paragraph, an indicator's code and name; a table's continuation caption)
  // and, for a table, which of its
  // rows [first, last) are there, of how many, and its index among the report's tables.
  enum class ItemKind { Heading, SubHeading, Indicator, Figure, Table, Text };
  struct PageItem {
    ItemKind kind = ItemKind::Text;
    QString text;
    std::size_t table = 0;
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t rows = 0;
    double top = 0;     // below the page header, device units
    double height = 0;  // device units
  };
  std::vector<PageItem> pageItems(int page) const;
  double bodyHeight() const;  // the room between the page header and footer, device units

  static constexpr double kPrintDpi = 300;
  // An image that claims the print resolution (text on it is measured as on the PDF): a report
  // laid out on one without a PDF (the preview, checks) breaks its pages as the PDF does.
  static QImage printResolutionImage(const QSize& size = QSize(1, 1));

 public:  // the parts of a layout, defined in the source
  struct Block;

 private:
  struct Placed;
  struct Page;
  struct Figure;

  void build();
  void addIndicatorSection(std::size_t status);
  void addAtlas();
  void addAppendix();
  void paginate();
  double blockHeight(const Block& block) const;
  void paintBlock(QPainter& painter, const Placed& placed, double left, double top) const;
  void paintCover(QPainter& painter) const;
  void paintContents(QPainter& painter, const Page& page) const;
  void paintIndicator(QPainter& painter, const QRectF& box, const indicators::IndicatorStatus& status) const;

  const ReportContent& mContent;
  const QPaintDevice& mDevice;
  QSizeF mArea;
  double mDpi;
  const std::atomic<bool>* mCancel;
  QFont mBody, mHeading, mSubHeading, mSmall;
  double mBand = 0, mHeadingHeight = 0, mSubHeadingHeight = 0, mLine = 0;
  std::vector<Block> mBlocks;
  std::vector<ReportTable> mTables;
  std::vector<Figure> mFigures;
  std::vector<Page> mPages;
  QStringList mProblems;
  int mContentsLinesPerPage = 1;
};

}  // namespace xiuhua::app
