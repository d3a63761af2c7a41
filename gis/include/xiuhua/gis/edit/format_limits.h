#pragma once

#include "xiuhua/gis/vector_data.h"

#include <QStringList>
#include <QVariant>

#include <optional>

namespace xiuhua::gis {

// What an ESRI Shapefile can hold: dBASE field names and text values, measured in bytes of the
// file's own text encoding, and files addressed by 32-bit offsets.
inline constexpr int kShapefileMaxFieldNameBytes = 10;
inline constexpr int kShapefileMaxTextBytes = 254;
// 2 GiB - 1: past it, offsets in the .shx and the dBASE record count overflow what most software
// reads (GDAL itself writes up to 4 GB, which others then cannot open).
inline constexpr qint64 kShapefileMaxFileBytes = 2147483647;

// Warnings to show when editing starts on this layer; empty for formats without such limits (a
// GeoPackage). For an ESRI Shapefile, one warning each: field names are at most 10 bytes (a
// Chinese name of 4+ characters in UTF-8 is cut), text fields hold at most 254 bytes in the file's
// encoding (named, with what that means in Chinese characters, e.g. GBK: 127), and its .shp and
// .dbf at most 2 GB (with how close this layer's files are). Each suggests saving as GeoPackage.
// Reads only the sizes of the files; the messages are translated ("FormatLimits").
QStringList formatLimitWarnings(const VectorData& layer);

// Whether `value` can be written to field `field` (index into layer.fields) of this layer as it
// is: nullopt when it fits (or the format has no such limit, or the value is not text), else a
// message naming the file and the field — a text longer than 254 bytes in the file's encoding, or
// one with a character that encoding cannot store (e.g. 𠮷 in GBK).
std::optional<QString> checkValueFitsFormat(const VectorData& layer, int field, const QVariant& value);

}  // namespace xiuhua::gis
