#include "xiuhua/gis/text_encoding.h"

#include <cpl_string.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <map>

namespace xiuhua::gis {
namespace {

// Reads a sidecar next to shpPath with the given suffix, in either letter case.
QString findSidecar(const QString& shpPath, const QString& suffix) {
  const QFileInfo info(shpPath);
  const QString base = info.dir().filePath(info.completeBaseName());
  for (const QString& s : {suffix.toLower(), suffix.toUpper()}) {
    const QString candidate = base + QLatin1Char('.') + s;
    if (QFileInfo::exists(candidate)) return candidate;
  }
  return {};
}

}  // namespace

QString encodingSourceLabel(EncodingSource source) {
  switch (source) {
    case EncodingSource::Cpg: return QCoreApplication::translate("Encoding", ".cpg file");
    case EncodingSource::LanguageDriver:
      return QCoreApplication::translate("Encoding", "DBF language driver");
    case EncodingSource::Detected: return QCoreApplication::translate("Encoding", "detected");
    case EncodingSource::Override: return QCoreApplication::translate("Encoding", "set by user");
    case EncodingSource::Native: return QCoreApplication::translate("Encoding", "format (UTF-8)");
  }
  return {};
}

std::optional<QString> encodingForLanguageDriver(unsigned char ldid) {
  // dBASE/ESRI language driver ids. 0x57 ("ANSI") means the writer's Windows code page, which
  // on Chinese systems is GBK, so it is left to detection rather than read as Latin-1.
  static const std::map<unsigned char, const char*> kTable = {
      {0x01, "CP437"},  {0x02, "CP850"},  {0x03, "CP1252"}, {0x08, "CP865"},  {0x09, "CP437"},
      {0x0A, "CP850"},  {0x0B, "CP437"},  {0x0D, "CP437"},  {0x0E, "CP850"},  {0x0F, "CP437"},
      {0x10, "CP850"},  {0x11, "CP437"},  {0x12, "CP850"},  {0x13, "CP932"},  {0x14, "CP850"},
      {0x15, "CP437"},  {0x16, "CP850"},  {0x17, "CP865"},  {0x18, "CP437"},  {0x19, "CP437"},
      {0x1A, "CP850"},  {0x1B, "CP437"},  {0x1C, "CP863"},  {0x1D, "CP850"},  {0x1F, "CP852"},
      {0x22, "CP852"},  {0x23, "CP852"},  {0x24, "CP860"},  {0x25, "CP850"},  {0x26, "CP866"},
      {0x37, "CP850"},  {0x40, "CP852"},  {0x4D, "GB18030"}, {0x4E, "CP949"}, {0x4F, "CP950"},
      {0x50, "CP874"},  {0x58, "CP1252"}, {0x59, "CP1252"}, {0x64, "CP852"},  {0x65, "CP866"},
      {0x66, "CP865"},  {0x67, "CP861"},  {0x6A, "CP737"},  {0x6B, "CP857"},  {0x6C, "CP863"},
      {0x78, "CP950"},  {0x79, "CP949"},  {0x7A, "GB18030"}, {0x7B, "CP932"}, {0x7C, "CP874"},
      {0x86, "CP737"},  {0x87, "CP852"},  {0x88, "CP857"},  {0xC8, "CP1250"}, {0xC9, "CP1251"},
      {0xCA, "CP1254"}, {0xCB, "CP1253"}, {0xCC, "CP1257"}};
  const auto it = kTable.find(ldid);
  if (it == kTable.end()) return std::nullopt;
  return QString::fromLatin1(it->second);
}

std::optional<QString> encodingFromCpg(const QByteArray& cpgText) {
  const QString t = QString::fromLatin1(cpgText).trimmed().toUpper();
  if (t.isEmpty()) return std::nullopt;
  if (t == QLatin1String("UTF-8") || t == QLatin1String("UTF8") || t == QLatin1String("65001")) {
    return QStringLiteral("UTF-8");
  }
  if (t == QLatin1String("936") || t == QLatin1String("CP936") || t == QLatin1String("GBK") ||
      t == QLatin1String("GB2312") || t == QLatin1String("GB18030") || t == QLatin1String("54936")) {
    return QStringLiteral("GB18030");
  }
  if (t == QLatin1String("950") || t == QLatin1String("BIG5")) return QStringLiteral("CP950");
  bool isNumber = false;
  const int cp = t.toInt(&isNumber);
  if (isNumber) return QStringLiteral("CP%1").arg(cp);
  return t;
}

bool isStrictUtf8(const QByteArray& bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.constData());
  const qsizetype n = bytes.size();
  for (qsizetype i = 0; i < n;) {
    const unsigned char c = s[i];
    int len = 0;
    unsigned int cp = 0;
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xC2 && c <= 0xDF) { len = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 2; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 3; cp = c & 0x07; }
    else return false;
    if (i + len >= n) return false;
    for (int k = 1; k <= len; ++k) {
      if (i + k >= n || (s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x800) || (len == 3 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    i += len + 1;
  }
  return true;
}

TextEncoding decideShapefileEncoding(const QString& shpPath, const QByteArray& sample) {
  const QString cpgPath = findSidecar(shpPath, QStringLiteral("cpg"));
  if (!cpgPath.isEmpty()) {
    QFile cpg(cpgPath);
    if (cpg.open(QIODevice::ReadOnly)) {
      if (auto enc = encodingFromCpg(cpg.read(64))) return {*enc, EncodingSource::Cpg};
    }
  }
  const QString dbfPath = findSidecar(shpPath, QStringLiteral("dbf"));
  if (!dbfPath.isEmpty()) {
    QFile dbf(dbfPath);
    if (dbf.open(QIODevice::ReadOnly)) {
      const QByteArray header = dbf.read(32);
      if (header.size() == 32) {
        if (auto enc = encodingForLanguageDriver(static_cast<unsigned char>(header[29]))) {
          return {*enc, EncodingSource::LanguageDriver};
        }
      }
    }
  }
  if (isStrictUtf8(sample)) return {QStringLiteral("UTF-8"), EncodingSource::Detected};
  return {QStringLiteral("GB18030"), EncodingSource::Detected};
}

QString decodeText(const QByteArray& bytes, const QString& encoding) {
  if (bytes.isEmpty()) return {};
  if (encoding.isEmpty() || encoding.compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) == 0) {
    return QString::fromUtf8(bytes);
  }
  if (encoding.compare(QLatin1String("ISO-8859-1"), Qt::CaseInsensitive) == 0) {
    return QString::fromLatin1(bytes);
  }
  const QByteArray enc = encoding.toLatin1();
  char* out = CPLRecode(bytes.constData(), enc.constData(), CPL_ENC_UTF8);
  QString result = QString::fromUtf8(out);
  CPLFree(out);
  return result;
}

QByteArray encodeText(const QString& text, const QString& encoding) {
  if (encoding.isEmpty() || encoding.compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) == 0) return text.toUtf8();
  if (encoding.compare(QLatin1String("ISO-8859-1"), Qt::CaseInsensitive) == 0) return text.toLatin1();
  const QByteArray utf8 = text.toUtf8();
  const QByteArray enc = encoding.toLatin1();
  char* out = CPLRecode(utf8.constData(), CPL_ENC_UTF8, enc.constData());
  QByteArray result(out);
  CPLFree(out);
  return result;
}

}  // namespace xiuhua::gis
