#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace xiuhua::gis {

// How a shapefile's text encoding was decided, in the order tried.
enum class EncodingSource { Cpg, LanguageDriver, Detected, Override, Native };

struct TextEncoding {
  QString name;  // iconv name, e.g. "UTF-8", "GB18030", "CP936", "ISO-8859-1"
  EncodingSource source = EncodingSource::Native;
};

QString encodingSourceLabel(EncodingSource source);

// The codepage named by a dBASE language driver id (header byte 29), or nullopt if the id is 0
// or unknown.
std::optional<QString> encodingForLanguageDriver(unsigned char ldid);

// The encoding named in a .cpg file's text ("936", "GBK", "UTF-8", "65001" …), normalised.
std::optional<QString> encodingFromCpg(const QByteArray& cpgText);

// True when the bytes are strictly valid UTF-8 (no overlongs, no surrogates).
bool isStrictUtf8(const QByteArray& bytes);

// Decides the encoding of a shapefile: .cpg, then the DBF language driver id, then detection
// over the sample (strict UTF-8, else GB18030).
TextEncoding decideShapefileEncoding(const QString& shpPath, const QByteArray& sample);

// Decodes bytes in the given iconv encoding through GDAL's CPLRecode.
QString decodeText(const QByteArray& bytes, const QString& encoding);
// The reverse: text in the given encoding (e.g. an attribute filter for a GBK shapefile).
QByteArray encodeText(const QString& text, const QString& encoding);

}  // namespace xiuhua::gis
