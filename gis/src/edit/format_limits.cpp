#include "xiuhua/gis/edit/format_limits.h"

#include "xiuhua/gis/text_encoding.h"

#include "translate.h"
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace xiuhua::gis {

namespace {

QString tr(const char* text) { return detail::translate("FormatLimits", text); }

bool isShapefile(const VectorData& layer) {
  return layer.driver == QLatin1String("ESRI Shapefile") || QFileInfo(layer.path).suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0;
}

// The encoding the shapefile declares its text in (UTF-8 when unset, as encodeText takes it).
// VectorReader reads the GBK family (a .cpg of 936, GBK or GB2312, or the language id) as its
// superset GB18030; but other software reads such a file as GBK, where a character only GB18030
// has (𠮷) comes out garbled — so text is checked against GBK unless the file says GB18030.
QString encodingOf(const VectorData& layer) {
  const QString& name = layer.encoding.name;
  if (name.isEmpty()) return QStringLiteral("UTF-8");
  if (name.compare(QLatin1String("GB18030"), Qt::CaseInsensitive) != 0 || layer.encoding.source == EncodingSource::Override) return name;
  const QFileInfo main(layer.path);
  for (const char* suffix : {"cpg", "CPG"}) {
    QFile cpg(main.absoluteDir().filePath(main.completeBaseName() + QLatin1Char('.') + QLatin1String(suffix)));
    if (!cpg.open(QIODevice::ReadOnly)) continue;
    const QByteArray declared = cpg.read(64).trimmed().toUpper();
    if (declared == "GB18030" || declared == "54936") return name;
    break;
  }
  return QStringLiteral("CP936");
}

// The name a planner knows the encoding by: CP936 is what Windows calls GBK.
QString displayName(const QString& encoding) {
  const QString upper = encoding.toUpper();
  if (upper == QLatin1String("CP936") || upper == QLatin1String("936") || upper == QLatin1String("GBK")) return QStringLiteral("GBK");
  if (upper == QLatin1String("UTF8")) return QStringLiteral("UTF-8");
  return encoding;
}

// The text as stored in the encoding, or nullopt when some character cannot be stored (it would
// come back as something else).
std::optional<QByteArray> encodeExactly(const QString& text, const QString& encoding) {
  QByteArray bytes = encodeText(text, encoding);
  if (decodeText(bytes, encoding) != text) return std::nullopt;
  return bytes;
}

// The first character (a whole code point) the encoding cannot store.
QString firstUnstorable(const QString& text, const QString& encoding) {
  for (qsizetype i = 0; i < text.size(); ++i) {
    const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
    const QString character = text.mid(i, length);
    if (!encodeExactly(character, encoding)) return character;
    i += length - 1;
  }
  return {};
}

// Bytes of one common Chinese character in the encoding; 0 when it cannot hold Chinese at all.
int chineseCharacterBytes(const QString& encoding) {
  const auto bytes = encodeExactly(QStringLiteral("中"), encoding);
  return bytes ? static_cast<int>(bytes->size()) : 0;
}

QString geoPackageAdvice() { return tr("Save the layer as a GeoPackage to lift this limit."); }

QString fieldNameWarning(const QString& file, const QString& encoding) {
  const int perCharacter = chineseCharacterBytes(encoding);
  const QString chinese = perCharacter == 0
                              ? tr("%1 cannot hold Chinese names at all").arg(displayName(encoding))
                              : tr("in %1 that is %2 Chinese characters; a longer name (%3 or more) is cut")
                                    .arg(displayName(encoding))
                                    .arg(kShapefileMaxFieldNameBytes / perCharacter)
                                    .arg(kShapefileMaxFieldNameBytes / perCharacter + 1);
  return tr("%1: a shapefile's field names are at most %2 bytes — %3. %4")
      .arg(file)
      .arg(kShapefileMaxFieldNameBytes)
      .arg(chinese, geoPackageAdvice());
}

QString textWarning(const QString& file, const QString& encoding) {
  const int perCharacter = chineseCharacterBytes(encoding);
  const QString chinese = perCharacter == 0 ? tr("which cannot store Chinese characters at all")
                                            : tr("at most %1 Chinese characters").arg(kShapefileMaxTextBytes / perCharacter);
  return tr("%1: a text field of a shapefile holds at most %2 bytes in the file's encoding, %3 — %4; longer text cannot be "
            "saved. %5")
      .arg(file)
      .arg(kShapefileMaxTextBytes)
      .arg(displayName(encoding), chinese, geoPackageAdvice());
}

QString sizeWarning(const VectorData& layer) {
  const QFileInfo main(layer.path);
  QString largest = main.fileName();
  qint64 largestSize = 0;
  for (const QFileInfo& f : main.absoluteDir().entryInfoList(QDir::Files)) {
    const QString suffix = f.suffix().toLower();
    if (f.completeBaseName() != main.completeBaseName() || (suffix != QLatin1String("shp") && suffix != QLatin1String("dbf"))) continue;
    if (f.size() >= largestSize) {
      largest = f.fileName();
      largestSize = f.size();
    }
  }
  const double share = 100.0 * static_cast<double>(largestSize) / static_cast<double>(kShapefileMaxFileBytes);
  const QString howClose = share < 0.1 ? tr("under 0.1%") : QStringLiteral("%1%").arg(share, 0, 'f', 1);
  return tr("%1: a shapefile's .shp and .dbf hold at most 2 GB each; the larger here, %2, is %3 MB (%4 of the limit). %5")
      .arg(main.fileName(), largest)
      .arg(static_cast<double>(largestSize) / (1024.0 * 1024.0), 0, 'f', 1)
      .arg(howClose, geoPackageAdvice());
}

}  // namespace

QStringList formatLimitWarnings(const VectorData& layer) {
  if (!isShapefile(layer)) return {};
  const QString file = QFileInfo(layer.path).fileName();
  const QString encoding = encodingOf(layer);
  return {fieldNameWarning(file, encoding), textWarning(file, encoding), sizeWarning(layer)};
}

std::optional<QString> checkValueFitsFormat(const VectorData& layer, int field, const QVariant& value) {
  if (!isShapefile(layer) || field < 0 || static_cast<std::size_t>(field) >= layer.fields.size()) return std::nullopt;
  const Field& f = layer.fields[static_cast<std::size_t>(field)];
  if (f.type != Field::Type::String || !value.isValid() || value.isNull()) return std::nullopt;
  const QString text = value.toString();
  const QString file = QFileInfo(layer.path).fileName();
  const QString encoding = encodingOf(layer);
  const auto bytes = encodeExactly(text, encoding);
  if (!bytes) {
    return tr("%1: the character “%2” in field “%3” cannot be stored in the file's encoding %4. Leave it out, or save the layer "
              "as a GeoPackage.")
        .arg(file, firstUnstorable(text, encoding), f.name, displayName(encoding));
  }
  if (bytes->size() > kShapefileMaxTextBytes) {
    return tr("%1: field “%2” holds at most %3 bytes in %4; this text takes %5. Shorten it, or save the layer as a GeoPackage.")
        .arg(file, f.name)
        .arg(kShapefileMaxTextBytes)
        .arg(displayName(encoding))
        .arg(bytes->size());
  }
  return std::nullopt;
}

}  // namespace xiuhua::gis
