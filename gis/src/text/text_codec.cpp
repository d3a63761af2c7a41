// Text to and from legacy encodings through ICU converters (one cache per thread: a UConverter is
// not thread-safe, and opening one per value would be slow).
#include "xiuhua/gis/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <map>
#include <memory>

namespace xiuhua::gis {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// ICU's name for a canonical name where the two differ in what they map: Big5 as Windows writes it
// (CP950 with the euro sign and Microsoft's additions).
QByteArray icuName(const QString& encoding) {
  if (encoding.compare(QLatin1String("CP950"), Qt::CaseInsensitive) == 0) return QByteArrayLiteral("windows-950");
  return encoding.toLatin1();
}

// This thread's converter for the encoding, or nullptr when ICU does not know it.
UConverter* converter(const QString& encoding) {
  thread_local std::map<QString, ConverterPtr> cache;
  const QString key = encoding.toUpper();
  auto it = cache.find(key);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr c(ucnv_open(icuName(key).constData(), &status));
    if (U_FAILURE(status)) c.reset();
    it = cache.emplace(key, std::move(c)).first;
  }
  if (it->second) ucnv_reset(it->second.get());
  return it->second.get();
}

bool isUtf8(const QString& encoding) {
  return encoding.isEmpty() || encoding.compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) == 0;
}

bool isLatin1(const QString& encoding) { return encoding.compare(QLatin1String("ISO-8859-1"), Qt::CaseInsensitive) == 0; }

// Decodes with ICU; invalid sequences become U+FFFD, or the call fails when `strict`.
std::optional<QString> toUnicode(const QByteArray& bytes, const QString& encoding, bool strict) {
  UConverter* c = converter(encoding);
  if (c == nullptr) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  if (strict) {
    ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  } else {
    ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &status);
  }
  QString out(bytes.size() * 2 + 4, Qt::Uninitialized);  // every byte is at most 2 UTF-16 units
  const int32_t n = ucnv_toUChars(c, reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()), bytes.constData(),
                                  static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.truncate(n);
  return out;
}

}  // namespace

bool isStrictUtf8(const QByteArray& bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.constData());
  const qsizetype n = bytes.size();
  for (qsizetype i = 0; i < n;) {
    const unsigned char c = s[i];
    int len = 0;
    unsigned int cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      len = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len >= n) return false;
    for (int k = 1; k <= len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x800) || (len == 3 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    i += len + 1;
  }
  return true;
}

bool isKnownEncoding(const QString& encoding) { return isUtf8(encoding) || isLatin1(encoding) || converter(encoding) != nullptr; }

QString decodeText(const QByteArray& bytes, const QString& encoding) {
  if (bytes.isEmpty()) return {};
  if (isUtf8(encoding)) return QString::fromUtf8(bytes);
  if (isLatin1(encoding)) return QString::fromLatin1(bytes);
  return toUnicode(bytes, encoding, false).value_or(QString::fromUtf8(bytes));
}

bool decodesCleanly(const QByteArray& bytes, const QString& encoding) {
  if (isUtf8(encoding)) return isStrictUtf8(bytes);
  if (isLatin1(encoding)) return true;
  return toUnicode(bytes, encoding, true).has_value();
}

QByteArray encodeText(const QString& text, const QString& encoding) {
  if (isUtf8(encoding)) return text.toUtf8();
  if (isLatin1(encoding)) return text.toLatin1();
  UConverter* c = converter(encoding);
  if (c == nullptr) return text.toUtf8();
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &status);
  QByteArray out(text.size() * 4 + 8, Qt::Uninitialized);  // GB18030 needs at most 4 bytes a unit
  const int32_t n = ucnv_fromUChars(c, out.data(), static_cast<int32_t>(out.size()), reinterpret_cast<const UChar*>(text.constData()),
                                    static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return text.toUtf8();
  out.truncate(n);
  return out;
}

}  // namespace xiuhua::gis
