#pragma once

#include "xiuhua/gis/result.h"

#include <QString>

#include <vector>

namespace xiuhua::app {

// One bookmark of a PDF outline. Entries are given in reading order; `level` nests them: 0 is top
// level, 1 a child of the previous level-0 entry, 2 a child of the previous level-1 entry, and so
// on (a level may exceed the previous entry's by at most one).
struct PdfOutlineEntry {
  QString title;  // shown in the viewer's bookmarks pane; any Unicode (stored as UTF-16BE if needed)
  int page = 0;   // 0-based index of the page the bookmark opens
  int level = 0;
};

// Entries of the document Info dictionary; an empty string leaves that entry as it is.
struct PdfInfo {
  QString title, author, subject, keywords, creator;
};

// Reads the PDF `input`, gives it the outline (replacing any it had; all items open, /PageMode
// /UseOutlines when there is at least one entry) and the Info entries set in `info` (Producer is left
// alone), and writes the result to `output`. Page contents, fonts and other objects are kept as they
// are (qpdf's default writer: compressed streams are copied, not re-encoded). The result is built in
// memory and `output` replaced atomically (QSaveFile) only when the whole document could be produced,
// so `output` may even be `input`. Fails with a translated message naming the file on an unreadable
// or damaged input, a page index out of range or a bad level, or an unwritable output; never throws.
gis::Status writePdfOutline(const QString& input, const QString& output, const std::vector<PdfOutlineEntry>& outline,
                            const PdfInfo& info);

}  // namespace xiuhua::app
