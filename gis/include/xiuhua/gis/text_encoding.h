#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace xiuhua::gis {

// How a layer's text encoding was decided, in the order tried.
enum class EncodingSource { Cpg, LanguageDriver, Detected, Override, Native };

// One reading of text of unknown encoding and its score (0–100, higher is more plausible).
struct EncodingCandidate {
  QString name;
  int score = 0;
};

// The encoding a layer's text (a DBF's, a CSV's) is decoded from, and how sure that is. Names are
// canonical: understood by ICU (which decodes) and iconv (which GDAL writes shapefiles with), e.g.
// "UTF-8", "GB18030", "CP950" (Big5), "CP932" (Shift-JIS), "EUC-KR", "CP1252", "ISO-8859-2".
struct TextEncoding {
  QString name;
  EncodingSource source = EncodingSource::Native;
  int confidence = 100;                       // 0–100; below kWeakConfidence the user should confirm
  std::vector<EncodingCandidate> candidates;  // when detected: best first (the first is `name`)
  QString runnerUp;                           // when detected: the best other reading; empty if none
  QString note;  // why the declaration was not used (a .cpg naming an unknown encoding, or one the text is not in)

  static constexpr int kWeakConfidence = 60;
  bool isWeak() const { return source == EncodingSource::Detected && confidence < kWeakConfidence; }
};

QString encodingSourceLabel(EncodingSource source);
// The name a user knows an encoding by: "GBK/GB18030", "Big5 (CP950)", "Shift-JIS (CP932)" …
QString encodingDisplayName(const QString& name);

// The canonical name of an encoding as a .cpg file or a user names it, by the rules GDAL and ESRI
// use: code page numbers (936, 1251, 874, 65001), ANSI_/CP/Windows-/IBM prefixes, ISO 8859 in every
// spelling (8859-2, 88592, ISO8859_2, 28592, Latin-2) and the common aliases (GBK, Big-5, SHIFTJIS,
// EUC-KR, koi8r, 51949 …). nullopt when it names no encoding Xiuhua can decode.
std::optional<QString> canonicalEncodingName(const QString& text);
std::optional<QString> encodingFromCpg(const QByteArray& cpgText);
// The encoding of a dBase language driver id (header byte 29); nullopt for 0, for 0x57 ("ANSI": the
// writer's Windows code page, left to detection) and for unknown ids.
std::optional<QString> encodingForLanguageDriver(unsigned char ldid);
// True when ICU can decode the (canonical) name.
bool isKnownEncoding(const QString& encoding);

// True when the bytes are strictly valid UTF-8 (no overlongs, no surrogates).
bool isStrictUtf8(const QByteArray& bytes);

// What a file says about its text and a sample of the text itself (raw bytes of field names and
// values), from which decideEncoding() decides.
struct EncodingEvidence {
  QString file;                 // named in notes
  std::optional<QByteArray> cpg;  // the .cpg text, when the file has one
  unsigned char languageDriver = 0;
  QByteArray sample;
  bool preferChinese = true;  // the prior for GB18030 (Chinese district data)
};

// The .cpg when it names a known encoding that the sample decodes in, then the dBase language id
// (the same), then ICU's detector weighed by how plausible each reading is (see TextEncoding).
TextEncoding decideEncoding(const EncodingEvidence& evidence);

// Decodes bytes in an encoding (invalid sequences become U+FFFD). The one place where legacy text
// becomes Unicode; encodeText is its reverse (a filter for a GBK shapefile, a value to store).
QString decodeText(const QByteArray& bytes, const QString& encoding);
bool decodesCleanly(const QByteArray& bytes, const QString& encoding);
QByteArray encodeText(const QString& text, const QString& encoding);

}  // namespace xiuhua::gis
