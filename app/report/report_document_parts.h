#pragma once

// The parts of a ReportDocument's layout, shared by its two source files (report_document.cpp lays
// out and paints; report_document_blocks.cpp turns the content into blocks). Not a public header.

#include "report/indicator_report.h"
#include "report/report_document.h"

#include <QColor>
#include <QFont>

namespace xiuhua::app {

// One thing in the report's flow. Tables break across pages; everything else moves whole.
struct ReportDocument::Block {
  using Kind = ItemKind;
  Kind kind = Kind::Text;
  QString text;            // heading, caption or paragraph
  std::size_t index = 0;   // Indicator: status; Figure: into mFigures; Table: into mTables
  bool newPage = false;    // starts a page
  int outlineLevel = -1;   // in the contents and the PDF bookmarks at this level; -1: not
  QString outlineTitle;
};

inline ReportDocument::Block block(ReportDocument::Block::Kind kind, QString text, std::size_t index = 0, bool newPage = false, int level = -1,
                            QString outline = {}) {
  return {kind, std::move(text), index, newPage, level, std::move(outline)};
}

// A block (or rows [first, last) of a table block) on a page, `top` below the page header band.
struct ReportDocument::Placed {
  std::size_t block = 0;
  double top = 0;
  std::size_t first = 0;
  std::size_t last = 0;
};

struct ReportDocument::Page {
  enum class Kind { Cover, Contents, Body };
  Kind kind = Kind::Body;
  std::vector<Placed> items;
  std::size_t contentsFirst = 0;  // Contents: entries [first, last)
  std::size_t contentsLast = 0;
};

// A map on a page: shared between an indicator's figure and its atlas pages.
struct ReportDocument::Figure {
  std::shared_ptr<const ReportMap> map;
  QRectF extent;
  ReportMap::Highlight highlight;
  double height = 0;
};

// Never bold: the face has no bold, and the bold Qt makes up draws each character twice, which
// a PDF reader's search and copy then find twice. Headings stand out by size and colour.
inline QFont reportFont(double points) {
  QFont font(QString::fromLatin1(IndicatorReport::kFontFamily));
  font.setPointSizeF(points);
  return font;
}

inline const QColor kHeadingColour(0x1a, 0x3a, 0x6b);

}  // namespace xiuhua::app
