#include "report/pdf_outline.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <exception>
#include <memory>
#include <string>

namespace xiuhua::app {
namespace {

using gis::Error;
using gis::ErrorCode;
using Handle = QPDFObjectHandle;

// `text` is a QT_TRANSLATE_NOOP("PdfOutline", ...) template whose %1 is the file; `detail` (qpdf's
// own English text, or the system's) is appended when there is one.
Error failure(ErrorCode code, const char* text, const QString& path, const QString& detail = {}) {
  QString message = QCoreApplication::translate("PdfOutline", text).arg(QDir::toNativeSeparators(path));
  if (!detail.isEmpty()) message += QLatin1Char(' ') + detail;
  return Error{code, message};
}

QString what(const std::exception& e) { return QString::fromUtf8(e.what()); }

// newUnicodeString stores PDFDocEncoding when the text fits it, UTF-16BE with a BOM otherwise
// (Chinese titles), as the PDF spec wants for text strings.
Handle text(const QString& s) { return Handle::newUnicodeString(s.toStdString()); }

// Checks pages and levels before anything is built; returns each entry's parent (-1: top level).
gis::Result<std::vector<int>> parents(const std::vector<PdfOutlineEntry>& outline, int pageCount, const QString& input) {
  std::vector<int> parent;
  std::vector<int> open;  // open[l]: the last entry seen at level l
  for (const PdfOutlineEntry& e : outline) {
    if (e.page < 0 || e.page >= pageCount) {
      return failure(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("PdfOutline", "%1: a bookmark points to a page that does not exist."),
                     input, QStringLiteral("(%1: %2 / %3)").arg(e.title, QString::number(e.page + 1), QString::number(pageCount)));
    }
    if (e.level < 0 || e.level > static_cast<int>(open.size())) {
      return failure(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("PdfOutline", "%1: a bookmark has no parent at the level above it."),
                     input, QStringLiteral("(%1)").arg(e.title));
    }
    open.resize(static_cast<std::size_t>(e.level));
    parent.push_back(e.level == 0 ? -1 : open.back());
    open.push_back(static_cast<int>(parent.size()) - 1);
  }
  return parent;
}

// Builds the /Outlines tree: items are indirect dictionaries linked by /Parent, /Prev, /Next,
// /First, /Last; every item is open, so /Count is the number of descendants.
void addOutline(QPDF& pdf, const std::vector<PdfOutlineEntry>& outline, const std::vector<int>& parent,
                const std::vector<Handle>& pages) {
  const std::size_t n = outline.size();
  Handle root = pdf.makeIndirectObject(Handle::newDictionary());
  root.replaceKey("/Type", Handle::newName("/Outlines"));
  std::vector<Handle> items;
  std::vector<std::vector<std::size_t>> kids(n + 1);  // kids[0]: top level, kids[i + 1]: of entry i
  for (std::size_t i = 0; i < n; ++i) {
    Handle item = pdf.makeIndirectObject(Handle::newDictionary());
    item.replaceKey("/Title", text(outline[i].title));
    item.replaceKey("/Dest", Handle::newArray({pages[static_cast<std::size_t>(outline[i].page)], Handle::newName("/XYZ"),
                                               Handle::newNull(), Handle::newNull(), Handle::newNull()}));
    items.push_back(item);
    kids[static_cast<std::size_t>(parent[i] + 1)].push_back(i);
  }
  for (std::size_t p = 0; p <= n; ++p) {
    if (kids[p].empty()) continue;
    Handle owner = p == 0 ? root : items[p - 1];
    owner.replaceKey("/First", items[kids[p].front()]);
    owner.replaceKey("/Last", items[kids[p].back()]);
    // Entries are in pre-order, so an entry's descendants are the run after it at deeper levels.
    std::size_t end = p;
    while (end < n && (p == 0 || outline[end].level > outline[p - 1].level)) ++end;
    owner.replaceKey("/Count", Handle::newInteger(static_cast<long long>(end - p)));
    for (std::size_t k = 0; k < kids[p].size(); ++k) {
      Handle item = items[kids[p][k]];
      item.replaceKey("/Parent", owner);
      if (k > 0) item.replaceKey("/Prev", items[kids[p][k - 1]]);
      if (k + 1 < kids[p].size()) item.replaceKey("/Next", items[kids[p][k + 1]]);
    }
  }
  pdf.getRoot().replaceKey("/Outlines", root);
  pdf.getRoot().replaceKey("/PageMode", Handle::newName("/UseOutlines"));
}

void setInfo(QPDF& pdf, const PdfInfo& info) {
  Handle trailer = pdf.getTrailer();
  Handle dict = trailer.getKey("/Info");
  if (!dict.isDictionary()) {
    dict = pdf.makeIndirectObject(Handle::newDictionary());
    trailer.replaceKey("/Info", dict);
  }
  const std::pair<const char*, const QString*> entries[] = {{"/Title", &info.title},       {"/Author", &info.author},
                                                            {"/Subject", &info.subject},   {"/Keywords", &info.keywords},
                                                            {"/Creator", &info.creator}};
  for (const auto& [key, value] : entries) {
    if (!value->isEmpty()) dict.replaceKey(key, text(*value));
  }
}

}  // namespace

gis::Status writePdfOutline(const QString& input, const QString& output, const std::vector<PdfOutlineEntry>& outline,
                            const PdfInfo& info) {
  if (!QFileInfo(input).isFile()) {
    return failure(ErrorCode::FileNotFound, QT_TRANSLATE_NOOP("PdfOutline", "%1: the PDF file does not exist."), input);
  }
  // The whole result is built in memory and written through QSaveFile, so a failure never leaves a
  // partial `output` behind.
  std::shared_ptr<Buffer> bytes;
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);  // recoverable damage is repaired silently; no stderr from a library
    pdf.processFile(QFile::encodeName(input).constData());
    std::vector<Handle> pages;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) pages.push_back(page.getObjectHandle());
    auto parent = parents(outline, static_cast<int>(pages.size()), input);
    if (!parent) return parent.error();
    if (!outline.empty()) addOutline(pdf, outline, *parent, pages);
    setInfo(pdf, info);
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.write();
    bytes = writer.getBufferSharedPointer();
  } catch (const std::exception& e) {
    return failure(ErrorCode::CorruptFile, QT_TRANSLATE_NOOP("PdfOutline", "%1: the PDF cannot be read or rewritten; it may be damaged."),
                   input, what(e));
  }
  QSaveFile file(output);
  if (!file.open(QIODevice::WriteOnly) ||
      file.write(reinterpret_cast<const char*>(bytes->getBuffer()), static_cast<qint64>(bytes->getSize())) !=
          static_cast<qint64>(bytes->getSize()) ||
      !file.commit()) {
    return failure(ErrorCode::IoFailed, QT_TRANSLATE_NOOP("PdfOutline", "%1: cannot write the PDF."), output,
                   QStringLiteral("(%1)").arg(file.errorString()));
  }
  return {};
}

}  // namespace xiuhua::app
