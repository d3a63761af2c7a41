#include "xiuhua/gis/crs.h"

#include "proj_context.h"
#include "xiuhua/gis/library_messages.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace xiuhua::gis {

using detail::PjPtr;
using detail::projContext;

Crs::Crs(Kind kind, QString definition) : mKind(kind), mDefinition(std::move(definition)) {
  if (mKind == Kind::Gcj02) {
    mName = QCoreApplication::translate("Crs", "GCJ-02 (Amap/Tencent offset WGS84)");
    mGeographic = true;
  } else if (mKind == Kind::Bd09) {
    mName = QCoreApplication::translate("Crs", "BD-09 (Baidu offset GCJ-02)");
    mGeographic = true;
  }
}

Result<Crs> Crs::fromUserInput(const QString& definition) {
  const QString trimmed = definition.trimmed();
  const QString upper = trimmed.toUpper().remove(QLatin1Char('-'));
  if (upper == QLatin1String("GCJ02")) return gcj02();
  if (upper == QLatin1String("BD09")) return bd09();
  if (trimmed.isEmpty()) {
    return Error{ErrorCode::CrsInvalid,
                 QCoreApplication::translate("Crs", "The coordinate system definition is empty.")};
  }
  // A bare PROJ string describes an operation; "+type=crs" makes PROJ read it as a CRS.
  QString text = trimmed;
  if (text.startsWith(QLatin1Char('+')) && !text.contains(QLatin1String("+type=crs"))) {
    text += QStringLiteral(" +type=crs");
  }
  const QByteArray utf8 = text.toUtf8();
  const MessageCollector expected;  // a failure is returned with PROJ's words, not also reported
  PjPtr pj(proj_create(projContext(), utf8.constData()));
  if (!pj) {
    return Error{ErrorCode::CrsInvalid,
                 QCoreApplication::translate("Crs", "PROJ cannot parse the coordinate system \"%1\": %2")
                     .arg(trimmed.left(200), QString::fromUtf8(detail::projLastError()))};
  }
  const PJ_TYPE type = proj_get_type(pj.get());
  const bool isCrs = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
                     type == PJ_TYPE_PROJECTED_CRS || type == PJ_TYPE_COMPOUND_CRS ||
                     type == PJ_TYPE_BOUND_CRS || type == PJ_TYPE_GEOCENTRIC_CRS ||
                     type == PJ_TYPE_OTHER_CRS || type == PJ_TYPE_ENGINEERING_CRS;
  if (!isCrs) {
    return Error{ErrorCode::CrsInvalid,
                 QCoreApplication::translate("Crs", "\"%1\" is not a coordinate reference system.")
                     .arg(trimmed.left(200))};
  }
  Crs crs(Kind::Proj, trimmed);
  const char* name = proj_get_name(pj.get());
  crs.mName = name != nullptr ? QString::fromUtf8(name) : trimmed;
  if (trimmed.startsWith(QLatin1String("EPSG:"), Qt::CaseInsensitive)) {
    crs.mName += QStringLiteral(" (%1)").arg(trimmed.toUpper());
  }
  PJ* base = pj.get();
  PjPtr boundSource;
  if (type == PJ_TYPE_BOUND_CRS) {
    boundSource.reset(proj_get_source_crs(projContext(), pj.get()));
    if (boundSource) base = boundSource.get();
  }
  const PJ_TYPE baseType = proj_get_type(base);
  crs.mGeographic = baseType == PJ_TYPE_GEOGRAPHIC_2D_CRS || baseType == PJ_TYPE_GEOGRAPHIC_3D_CRS;
  return crs;
}

Crs Crs::fromEpsg(int code) {
  auto crs = fromUserInput(QStringLiteral("EPSG:%1").arg(code));
  return crs.ok() ? crs.value() : Crs();
}

QString Crs::projDefinition() const {
  if (mKind == Kind::Gcj02 || mKind == Kind::Bd09) return QStringLiteral("EPSG:4326");
  return mDefinition;
}

}  // namespace xiuhua::gis
