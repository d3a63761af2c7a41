// Detection of the encoding of text bytes that declare none: ICU's charset detector, weighed by how
// plausible each candidate's decoding is, and a prior for GB18030 (Chinese district data).
#include "text/charset_detector.h"

#include <QList>

#include <unicode/uchar.h>
#include <unicode/ucsdet.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace xiuhua::gis::detail {
namespace {

constexpr qsizetype kMaxSample = 64 * 1024;

// The legacy encodings always weighed, besides what ICU proposes: the CJK double-byte families and
// the common Windows/ISO single-byte pages.
const char* const kCommonEncodings[] = {"GB18030", "CP950", "CP932", "EUC-JP", "EUC-KR", "CP1252", "ISO-8859-2",
                                        "CP1250", "CP1251", "KOI8-R", "CP1253", "CP1254", "CP874"};

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// ICU's matches, by canonical name, with its confidence (0–100). Encodings a DBF cannot hold
// (UTF-16/32, ISO-2022 escapes, EBCDIC) are left out.
std::vector<std::pair<QString, int>> icuMatches(const QByteArray& sample) {
  std::vector<std::pair<QString, int>> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return out;
  ucsdet_setText(detector.get(), sample.constData(), static_cast<int32_t>(sample.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) return out;
  for (int32_t i = 0; i < count; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_FAILURE(status) || name == nullptr) return out;
    const QString n = QString::fromLatin1(name);
    if (n.startsWith(QLatin1String("UTF-16")) || n.startsWith(QLatin1String("UTF-32")) || n.startsWith(QLatin1String("ISO-2022")) ||
        n.startsWith(QLatin1String("IBM4"))) {
      continue;
    }
    if (const auto canonical = canonicalEncodingName(n)) out.emplace_back(*canonical, confidence);
  }
  return out;
}

enum class Family { Utf8, Gb, Big5, ShiftJis, EucJp, Korean, SingleByte };

Family familyOf(const QString& encoding) {
  const QString e = encoding.toUpper();
  if (e == QLatin1String("UTF-8")) return Family::Utf8;
  if (e == QLatin1String("GB18030") || e == QLatin1String("CP936")) return Family::Gb;
  if (e == QLatin1String("CP950") || e.startsWith(QLatin1String("BIG5"))) return Family::Big5;
  if (e == QLatin1String("CP932")) return Family::ShiftJis;
  if (e == QLatin1String("EUC-JP")) return Family::EucJp;
  if (e == QLatin1String("EUC-KR") || e == QLatin1String("CP949")) return Family::Korean;
  return Family::SingleByte;
}

bool isKana(char32_t c) { return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF); }
bool isHalfwidthKana(char32_t c) { return c >= 0xFF61 && c <= 0xFF9F; }
bool isHangul(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
bool isHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0xF900 && c <= 0xFAFF); }
bool isPrivateUse(char32_t c) { return (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000; }

// How common a Han character is in a double-byte encoding, from where its code sits: each standard
// puts its most frequent characters in its first level (GB 2312 level 1: lead B0–D7; Big5 level 1:
// A440–C67E; JIS X 0208 level 1: Shift-JIS 889F–9872, EUC B0A1–CFD3). 1: first level; 0.6: second
// level; 0.1: extensions (GBK's additions, vendor rows).
double hanTier(Family family, const QByteArray& bytes) {
  if (bytes.size() < 2) return 0.1;
  const auto lead = static_cast<unsigned char>(bytes[0]);
  const auto trail = static_cast<unsigned char>(bytes[1]);
  switch (family) {
    case Family::Gb:
      if (bytes.size() != 2 || trail < 0xA1) return 0.1;
      return lead >= 0xB0 && lead <= 0xD7 ? 1.0 : (lead >= 0xD8 && lead <= 0xF7 ? 0.6 : 0.1);
    case Family::Big5:
      if ((lead >= 0xA4 && lead < 0xC6) || (lead == 0xC6 && trail <= 0x7E)) return 1.0;
      return lead >= 0xC9 && lead <= 0xF9 ? 0.6 : 0.1;
    case Family::ShiftJis:
      if ((lead >= 0x89 && lead <= 0x97) || (lead == 0x88 && trail >= 0x9F) || (lead == 0x98 && trail <= 0x72)) return 1.0;
      return lead >= 0x98 && lead <= 0xEA ? 0.6 : 0.1;
    case Family::EucJp:
      return lead >= 0xB0 && lead <= 0xCF ? 1.0 : (lead >= 0xD0 && lead <= 0xF4 ? 0.6 : 0.1);
    case Family::Korean:
      return 0.3;  // Hanja: rare in Korean text of today
    default: return 0.1;
  }
}

// How plausible one non-ASCII character of a double-byte decoding is.
double doubleByteTier(Family family, char32_t c, const QString& encoding) {
  if (isPrivateUse(c) || c == 0xFFFD || u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR) return 0;
  if (isHan(c)) return hanTier(family, encodeText(QString::fromUcs4(&c, 1), encoding));
  if (isHangul(c)) {
    if (family != Family::Korean) return 0.3;
    const QByteArray b = encodeText(QString::fromUcs4(&c, 1), encoding);
    return b.size() == 2 && static_cast<unsigned char>(b[1]) >= 0xA1 ? 1.0 : 0.4;  // KS X 1001, else UHC's additions
  }
  if (isKana(c)) return family == Family::ShiftJis || family == Family::EucJp ? 1.0 : 0.3;
  if (isHalfwidthKana(c)) return family == Family::ShiftJis || family == Family::EucJp ? 0.5 : 0.1;
  const int8_t type = u_charType(static_cast<UChar32>(c));
  if (type == U_UPPERCASE_LETTER || type == U_LOWERCASE_LETTER) return 0.3;  // Greek or Cyrillic rows
  return 0.8;  // full-width forms, CJK punctuation and symbols
}

UScriptCode scriptOf(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_SUCCESS(status) ? s : USCRIPT_INVALID_CODE;
}

bool isLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)) != 0; }

// How plausible one non-ASCII character of a single-byte decoding is: a letter is expected beside
// letters of its script — an accented Latin letter beside plain ASCII letters ("Peña"), a Cyrillic
// one beside Cyrillic ones — and neither inside a run of accented letters nor between letters of
// another script (what CJK bytes read as Latin-1, or Latin-1 read as Cyrillic, give).
double singleByteTier(const std::vector<char32_t>& text, std::size_t i) {
  const char32_t c = text[i];
  const int8_t type = u_charType(static_cast<UChar32>(c));
  if (type == U_CONTROL_CHAR || type == U_UNASSIGNED || isPrivateUse(c) || c == 0xFFFD) return 0;
  if (!isLetter(c)) return 0.5;
  const UScriptCode script = scriptOf(c);
  const bool latin = script == USCRIPT_LATIN;
  bool sameScriptNeighbour = false;
  bool otherScriptNeighbour = false;
  for (const std::size_t j : {i - 1, i + 1}) {
    if (j >= text.size() || !isLetter(text[j])) continue;  // i - 1 wraps around for i == 0
    const bool ascii = text[j] < 0x80;
    const UScriptCode other = scriptOf(text[j]);
    if (other != script) {
      otherScriptNeighbour = true;
    } else if (!latin || ascii) {
      sameScriptNeighbour = true;
    }
  }
  if (otherScriptNeighbour) return 0.1;
  if (sameScriptNeighbour) return 1.0;
  return latin ? 0.3 : 0.4;
}

// The mean plausibility of the non-ASCII characters of a decoding, 0–1. Japanese text without a
// single kana is unusual (kanji alone read from Chinese or Korean bytes): it counts 0.85 of that.
double plausibility(const QString& decoded, const QString& encoding) {
  const Family family = familyOf(encoding);
  if (family == Family::Utf8) return 1.0;
  const QList<uint> ucs4 = decoded.toUcs4();
  const std::vector<char32_t> text(ucs4.begin(), ucs4.end());
  double sum = 0;
  int counted = 0;
  bool kana = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < 0x80) continue;
    sum += family == Family::SingleByte ? singleByteTier(text, i) : doubleByteTier(family, text[i], encoding);
    kana = kana || isKana(text[i]) || isHalfwidthKana(text[i]);
    ++counted;
  }
  if (counted == 0) return 1.0;
  const bool japanese = family == Family::ShiftJis || family == Family::EucJp;
  return sum / counted * (japanese && !kana ? 0.85 : 1.0);
}

// The script most of the non-ASCII letters of a text are in (Han, Hangul, Latin …).
UScriptCode mainScript(const QString& text) {
  std::map<UScriptCode, int> counts;
  for (const uint c : text.toUcs4()) {
    if (c >= 0x80 && isLetter(c)) ++counts[scriptOf(c == 0x30FC ? 0x30A2 : c)];
  }
  const auto best = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return best == counts.end() ? USCRIPT_COMMON : best->first;
}

qsizetype nonAsciiBytes(const QByteArray& bytes) {
  return std::count_if(bytes.begin(), bytes.end(), [](char b) { return static_cast<unsigned char>(b) >= 0x80; });
}

}  // namespace

bool readsCleanly(const QByteArray& sample, const QString& encoding) {
  if (decodesCleanly(sample, encoding)) return true;
  for (const QByteArray& value : sample.split('\n')) {
    if (decodesCleanly(value, encoding)) continue;
    // Cut inside its last character: at most 3 bytes of it are left (UTF-8 and GB18030 use 4).
    bool cut = false;
    for (qsizetype drop = 1; drop <= 3 && drop < value.size() && !cut; ++drop) cut = decodesCleanly(value.chopped(drop), encoding);
    if (!cut) return false;
  }
  return true;
}

EncodingDetection detectEncodings(const QByteArray& text, bool preferChinese) {
  EncodingDetection result;
  const QByteArray sample = text.left(kMaxSample);
  const qsizetype highBytes = nonAsciiBytes(sample);
  if (highBytes == 0) {  // plain ASCII: every candidate reads it alike
    result.candidates.push_back({QStringLiteral("UTF-8"), 100});
    result.confidence = 100;
    return result;
  }
  const std::vector<std::pair<QString, int>> icu = icuMatches(sample);
  std::vector<QString> names;
  for (const auto& [name, confidence] : icu) names.push_back(name);
  names.push_back(QStringLiteral("UTF-8"));
  for (const char* name : kCommonEncodings) names.push_back(QString::fromLatin1(name));
  // ICU needs a few dozen high bytes before its confidences mean much; below that the plausibility
  // of each decoding decides.
  const double icuWeight = std::clamp(static_cast<double>(highBytes) / 120.0, 0.1, 0.75);
  struct Scored {
    QString name;
    QString decoded;
    double score = 0;
  };
  std::vector<Scored> scored;
  for (const QString& name : names) {
    if (std::any_of(scored.begin(), scored.end(), [&](const Scored& s) { return s.name == name; })) continue;
    if (!readsCleanly(sample, name)) continue;
    const QString decoded = decodeText(sample, name);
    int icuConfidence = 0;
    for (const auto& [n, c] : icu) {
      if (n == name) icuConfidence = std::max(icuConfidence, c);
    }
    double score = icuWeight * icuConfidence / 100.0 + (1 - icuWeight) * plausibility(decoded, name);
    if (preferChinese && name == QLatin1String("GB18030")) score += 0.08;
    scored.push_back({name, decoded, score});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
  if (scored.empty()) return result;  // no encoding reads it cleanly (binary data)
  // The runner-up is the best candidate that reads the text differently (ISO-8859-1 and CP1252
  // read most Latin text alike: that is no doubt about the text). Among readings as good as that
  // one, the one in another script than the first is the more telling alternative (Hangul rather
  // than other Han characters for Korean bytes read as Chinese).
  auto runnerUp = std::find_if(scored.begin() + 1, scored.end(), [&](const Scored& s) { return s.decoded != scored.front().decoded; });
  if (runnerUp != scored.end()) {
    const UScriptCode first = mainScript(scored.front().decoded);
    for (auto it = runnerUp; it != scored.end() && it->score >= runnerUp->score - 0.02; ++it) {
      if (it->decoded != scored.front().decoded && mainScript(it->decoded) != first) {
        std::rotate(runnerUp, it, it + 1);  // shown second, too
        break;
      }
    }
  }
  const double margin = runnerUp == scored.end() ? 1.0 : scored.front().score - runnerUp->score;
  if (runnerUp != scored.end()) result.runnerUp = runnerUp->name;
  for (const Scored& s : scored) result.candidates.push_back({s.name, static_cast<int>(std::lround(100 * std::clamp(s.score, 0.0, 1.0)))});
  // Certainty: the lead over the runner-up (a lead of 0.3 is certain), tempered for samples of only
  // a few characters.
  const double size = std::min(1.0, static_cast<double>(highBytes) / 24.0);
  result.confidence = static_cast<int>(std::lround(100 * std::clamp(margin / 0.3, 0.0, 1.0) * (0.5 + 0.5 * size)));
  return result;
}

}  // namespace xiuhua::gis::detail
