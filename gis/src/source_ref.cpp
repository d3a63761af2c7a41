#include "xiuhua/gis/source_ref.h"

#include "translate.h"
#include "xiuhua/gis/postgis/pg_connection_info.h"
#include "xiuhua/gis/text_encoding.h"

#include <QStringList>

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("SourceRef", text); }

}  // namespace

Result<SourceRef> SourceRef::parseChecked(const QString& text) {
  SourceRef ref;
  const QStringList parts = text.split(QLatin1Char('|'));
  ref.path = parts.front().trimmed();
  for (qsizetype i = 1; i < parts.size(); ++i) {
    const QString option = parts[i].trimmed();
    const qsizetype eq = option.indexOf(QLatin1Char('='));
    const QString key = option.left(eq).trimmed().toLower();
    const QString value = eq < 0 ? QString() : option.mid(eq + 1).trimmed();
    if (key == QLatin1String("layername")) {
      ref.layer = option.mid(eq + 1);
    } else if (key == QLatin1String("crs")) {
      auto crs = Crs::fromUserInput(value);
      if (!crs.ok()) return Error{ErrorCode::CrsInvalid, tr("%1: the option crs=%2 is not a coordinate system: %3").arg(ref.path, value, crs.error().message)};
      ref.declaredCrs = crs.value();
    } else if (key == QLatin1String("encoding")) {
      const std::optional<QString> name = canonicalEncodingName(value);
      if (!name && !isKnownEncoding(value)) {
        return Error{ErrorCode::InvalidArgument,
                     tr("%1: the option encoding=%2 names no encoding Xiuhua knows (e.g. GBK, Big5, UTF-8, CP1252, ISO-8859-2).").arg(ref.path, value)};
      }
      ref.encoding = name.value_or(value);
    } else {
      return Error{ErrorCode::InvalidArgument,
                   tr("%1: the source option \"%2\" is not understood (options: layername=, crs=, encoding=).").arg(ref.path, option)};
    }
  }
  return ref;
}

SourceRef SourceRef::parse(const QString& text) {
  auto checked = parseChecked(text);
  if (checked.ok()) return checked.value();
  SourceRef ref;  // what can be read of it: the path and the layer
  const QStringList parts = text.split(QLatin1Char('|'));
  ref.path = parts.front().trimmed();
  for (qsizetype i = 1; i < parts.size(); ++i) {
    const QString option = parts[i].trimmed();
    if (option.startsWith(QLatin1String("layername="), Qt::CaseInsensitive)) ref.layer = option.mid(10);
  }
  return ref;
}

bool isDatabaseSource(const QString& path) { return PgLayerSource::isPgPath(path); }

QString absoluteSourcePath(const QString& path, const QDir& folder) {
  return isDatabaseSource(path) ? path : QDir::cleanPath(folder.absoluteFilePath(path));
}

QString relativeSourcePath(const QString& path, const QDir& folder) { return isDatabaseSource(path) ? path : folder.relativeFilePath(path); }

QString SourceRef::toString() const { return layer.isEmpty() ? path : QStringLiteral("%1|layername=%2").arg(path, layer); }

}  // namespace xiuhua::gis
