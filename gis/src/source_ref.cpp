#include "xiuhua/gis/source_ref.h"

#include <QStringList>

namespace xiuhua::gis {

SourceRef SourceRef::parse(const QString& text) {
  SourceRef ref;
  const QStringList parts = text.split(QLatin1Char('|'));
  ref.path = parts.front().trimmed();
  for (qsizetype i = 1; i < parts.size(); ++i) {
    const QString option = parts[i].trimmed();
    if (option.startsWith(QLatin1String("layername="), Qt::CaseInsensitive)) ref.layer = option.mid(10);
  }
  return ref;
}

QString SourceRef::toString() const { return layer.isEmpty() ? path : QStringLiteral("%1|layername=%2").arg(path, layer); }

}  // namespace xiuhua::gis
