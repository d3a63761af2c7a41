// Encoding names as .cpg files, dBase headers and users give them, mapped to one canonical name
// that both ICU (decoding) and iconv (GDAL, when a shapefile is written) understand.
#include "xiuhua/gis/text_encoding.h"

#include <QRegularExpression>

#include <map>

namespace xiuhua::gis {
namespace {

// A Windows, IBM/DOS or ISO code page number, as ESRI's .cpg files and GDAL's LDID/… notation give
// it, to the canonical name.
std::optional<QString> fromCodePage(int cp) {
  static const std::map<int, const char*> kNamed = {
      {65001, "UTF-8"},      {936, "GB18030"},      {54936, "GB18030"},    {20936, "GB18030"},  {950, "CP950"},
      {932, "CP932"},        {949, "CP949"},        {51949, "EUC-KR"},     {51932, "EUC-JP"},   {20932, "EUC-JP"},
      {20866, "KOI8-R"},     {21866, "KOI8-U"},     {874, "CP874"},        {10000, "MACINTOSH"}, {28603, "ISO-8859-13"},
      {28605, "ISO-8859-15"}, {1200, "UTF-16LE"},   {1201, "UTF-16BE"}};
  if (const auto it = kNamed.find(cp); it != kNamed.end()) return QString::fromLatin1(it->second);
  if (cp >= 28591 && cp <= 28599) return QStringLiteral("ISO-8859-%1").arg(cp - 28590);
  if (cp >= 1250 && cp <= 1258) return QStringLiteral("CP%1").arg(cp);
  static const int kDos[] = {437, 737, 775, 850, 852, 855, 857, 858, 860, 861, 862, 863, 864, 865, 866, 869};
  for (int dos : kDos) {
    if (cp == dos) return QStringLiteral("CP%1").arg(cp);
  }
  return std::nullopt;
}

// "8859-2", "88592", "ISO8859_2" (after the prefix): ISO-8859-n for n = 1 … 16 (12 was never used).
std::optional<QString> fromIso8859Suffix(QString rest) {
  rest.remove(QRegularExpression(QStringLiteral("^[-_ ]")));
  bool ok = false;
  const int part = rest.toInt(&ok);
  if (!ok || part < 1 || part > 16 || part == 12) return std::nullopt;
  return QStringLiteral("ISO-8859-%1").arg(part);
}

}  // namespace

std::optional<QString> canonicalEncodingName(const QString& text) {
  QString t = text.trimmed();
  if (t.startsWith(QChar(0xFEFF))) t = t.mid(1).trimmed();
  t = t.section(QLatin1Char('\n'), 0, 0).trimmed().toUpper();
  if (t.isEmpty()) return std::nullopt;
  // GDAL's own notation for a dBase language id, as it reports it: LDID/77.
  if (t.startsWith(QLatin1String("LDID/"))) {
    bool ok = false;
    const int id = t.mid(5).toInt(&ok);
    return ok && id > 0 && id < 256 ? encodingForLanguageDriver(static_cast<unsigned char>(id)) : std::nullopt;
  }
  // Spaces, underscores and hyphens carry no meaning in these names: "ANSI 1251", "ANSI_1251",
  // "Big-5", "SHIFT_JIS", "EUC-KR", "KOI8-R", "Latin-2", "ISO-8859-2".
  QString compact = t;
  compact.remove(QRegularExpression(QStringLiteral("[\\s_\\-]")));
  bool isNumber = false;
  const int number = compact.toInt(&isNumber);
  if (isNumber) {
    if (compact.startsWith(QLatin1String("8859"))) return fromIso8859Suffix(compact.mid(4));  // "88592" (GDAL, mapshaper)
    return fromCodePage(number);
  }
  if (compact.startsWith(QLatin1String("ISO8859"))) return fromIso8859Suffix(compact.mid(7));
  static const QRegularExpression kPrefixedNumber(QStringLiteral("^(ANSI|CP|WINDOWS|WIN|MS|IBM|OEM|DOS|X-CP)(\\d+)$"));
  if (const auto m = kPrefixedNumber.match(compact); m.hasMatch()) return fromCodePage(m.captured(2).toInt());
  static const std::map<QString, const char*> kAliases = {
      {QStringLiteral("UTF8"), "UTF-8"},          {QStringLiteral("UNICODE"), "UTF-8"},
      {QStringLiteral("GBK"), "GB18030"},         {QStringLiteral("GB2312"), "GB18030"},
      {QStringLiteral("GB18030"), "GB18030"},     {QStringLiteral("EUCCN"), "GB18030"},
      {QStringLiteral("BIG5"), "CP950"},          {QStringLiteral("BIG5HKSCS"), "BIG5-HKSCS"},
      {QStringLiteral("SHIFTJIS"), "CP932"},      {QStringLiteral("SJIS"), "CP932"},
      {QStringLiteral("MSKANJI"), "CP932"},       {QStringLiteral("WINDOWS31J"), "CP932"},
      {QStringLiteral("EUCJP"), "EUC-JP"},        {QStringLiteral("EUCKR"), "EUC-KR"},
      {QStringLiteral("UHC"), "CP949"},           {QStringLiteral("KSC5601"), "EUC-KR"},
      {QStringLiteral("KOI8R"), "KOI8-R"},        {QStringLiteral("KOI8U"), "KOI8-U"},
      {QStringLiteral("TIS620"), "CP874"},        {QStringLiteral("THAI"), "CP874"},
      {QStringLiteral("ASCII"), "ISO-8859-1"},    {QStringLiteral("USASCII"), "ISO-8859-1"},
      {QStringLiteral("LATIN1"), "ISO-8859-1"},   {QStringLiteral("LATIN2"), "ISO-8859-2"},
      {QStringLiteral("LATIN3"), "ISO-8859-3"},   {QStringLiteral("LATIN4"), "ISO-8859-4"},
      {QStringLiteral("LATIN5"), "ISO-8859-9"},   {QStringLiteral("LATIN6"), "ISO-8859-10"},
      {QStringLiteral("LATIN7"), "ISO-8859-13"},  {QStringLiteral("LATIN8"), "ISO-8859-14"},
      {QStringLiteral("LATIN9"), "ISO-8859-15"},  {QStringLiteral("LATIN10"), "ISO-8859-16"},
      {QStringLiteral("CYRILLIC"), "ISO-8859-5"}, {QStringLiteral("GREEK"), "ISO-8859-7"},
      {QStringLiteral("ARABIC"), "ISO-8859-6"},   {QStringLiteral("HEBREW"), "ISO-8859-8"},
      {QStringLiteral("MACINTOSH"), "MACINTOSH"}, {QStringLiteral("MACROMAN"), "MACINTOSH"},
      {QStringLiteral("UTF16LE"), "UTF-16LE"},    {QStringLiteral("UTF16BE"), "UTF-16BE"}};
  if (const auto it = kAliases.find(compact); it != kAliases.end()) return QString::fromLatin1(it->second);
  return std::nullopt;
}

std::optional<QString> encodingFromCpg(const QByteArray& cpgText) { return canonicalEncodingName(QString::fromLatin1(cpgText)); }

std::optional<QString> encodingForLanguageDriver(unsigned char ldid) {
  // dBASE/ESRI language driver ids (the DBF header's byte 29) to their code pages. 0x57 ("ANSI")
  // means the writer's Windows code page, which on Chinese systems is GBK: it is left to detection
  // rather than read as Latin-1 (GDAL reads it as ISO-8859-1).
  static const std::map<unsigned char, int> kTable = {
      {0x01, 437},  {0x02, 850},  {0x03, 1252}, {0x08, 865},  {0x09, 437},  {0x0A, 850},  {0x0B, 437},  {0x0D, 437},
      {0x0E, 850},  {0x0F, 437},  {0x10, 850},  {0x11, 437},  {0x12, 850},  {0x13, 932},  {0x14, 850},  {0x15, 437},
      {0x16, 850},  {0x17, 865},  {0x18, 437},  {0x19, 437},  {0x1A, 850},  {0x1B, 437},  {0x1C, 863},  {0x1D, 850},
      {0x1F, 852},  {0x22, 852},  {0x23, 852},  {0x24, 860},  {0x25, 850},  {0x26, 866},  {0x37, 850},  {0x40, 852},
      {0x4D, 936},  {0x4E, 949},  {0x4F, 950},  {0x50, 874},  {0x58, 1252}, {0x59, 1252}, {0x64, 852},  {0x65, 866},
      {0x66, 865},  {0x67, 861},  {0x6A, 737},  {0x6B, 857},  {0x6C, 863},  {0x78, 950},  {0x79, 949},  {0x7A, 936},
      {0x7B, 932},  {0x7C, 874},  {0x86, 737},  {0x87, 852},  {0x88, 857},  {0xC8, 1250}, {0xC9, 1251}, {0xCA, 1254},
      {0xCB, 1253}, {0xCC, 1257}};
  const auto it = kTable.find(ldid);
  if (it == kTable.end()) return std::nullopt;
  return fromCodePage(it->second);
}

QString encodingDisplayName(const QString& name) {
  static const std::map<QString, const char*> kNames = {
      {QStringLiteral("GB18030"), "GBK/GB18030"}, {QStringLiteral("CP936"), "GBK (CP936)"},
      {QStringLiteral("CP950"), "Big5 (CP950)"},  {QStringLiteral("CP932"), "Shift-JIS (CP932)"},
      {QStringLiteral("CP949"), "EUC-KR/UHC (CP949)"}, {QStringLiteral("CP1252"), "Windows-1252"},
      {QStringLiteral("CP1250"), "Windows-1250"}, {QStringLiteral("CP1251"), "Windows-1251"},
      {QStringLiteral("CP874"), "Thai (CP874)"}};
  const auto it = kNames.find(name.toUpper());
  return it != kNames.end() ? QString::fromUtf8(it->second) : name;
}

}  // namespace xiuhua::gis
