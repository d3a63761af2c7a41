#include "xiuhua/gis/metric_crs.h"

#include "proj_context.h"
#include "translate.h"
#include "xiuhua/gis/library_messages.h"

#include <algorithm>
#include <cmath>

namespace xiuhua::gis {
namespace {

using detail::PjPtr;
using detail::projContext;

QString tr(const char* text) { return detail::translate("MetricCrs", text); }

constexpr double kDegree = M_PI / 180.0;

// The area of use PROJ records for a CRS (west, south, east, north in degrees); an empty rectangle
// when it records none.
QRectF areaOfUse(const Crs& crs) {
  const QByteArray definition = crs.definition().toUtf8();
  const MessageCollector quiet;
  PjPtr pj(proj_create(projContext(), definition.constData()));
  double west = 0;
  double south = 0;
  double east = 0;
  double north = 0;
  if (!pj || proj_get_area_of_use(projContext(), pj.get(), &west, &south, &east, &north, nullptr) == 0 || west == -1000) return {};
  return QRectF(QPointF(west, south), QPointF(east, north));
}

bool holds(const QRectF& area, const QRectF& data) {
  return area.isValid() && data.left() >= area.left() && data.right() <= area.right() && data.top() >= area.top() &&
         data.bottom() <= area.bottom();
}

// A transverse Mercator with no scale reduction on the meridian through the middle of the data.
Crs localTransverseMercator(double centralMeridian, bool china) {
  const QString definition = QStringLiteral("+proj=tmerc +lat_0=0 +lon_0=%1 +k=1 +x_0=500000 +y_0=0 +ellps=%2 +units=m +no_defs")
                                 .arg(centralMeridian, 0, 'f', 4)
                                 .arg(china ? QStringLiteral("GRS80") : QStringLiteral("WGS84"));
  auto crs = Crs::fromUserInput(definition);
  return crs.ok() ? crs.value() : Crs();
}

// True for an extent of real coordinates (a null rectangle is no data; a point is data).
bool hasLand(const QRectF& r) {
  return !(r.isNull() && r.topLeft().isNull()) && std::isfinite(r.left()) && std::isfinite(r.right()) && std::isfinite(r.top()) &&
         std::isfinite(r.bottom()) && std::abs(r.center().y()) <= 90;
}

// A point or a straight north–south line still covers some land.
QRectF padded(const QRectF& lonLat) {
  QRectF r = lonLat.normalized();
  if (r.width() < 1e-7) r.adjust(-1e-7, 0, 1e-7, 0);
  if (r.height() < 1e-7) r.adjust(0, -1e-7, 0, 1e-7);
  return r;
}

}  // namespace

std::optional<ScaleError> scaleErrorOver(const Crs& crs, const QRectF& extent) {
  if (!hasLand(extent)) return std::nullopt;  // no data: no error to speak of
  const QRectF lonLat = padded(extent);
  if (crs.kind() != Crs::Kind::Proj || crs.isGeographic() || !std::isfinite(lonLat.left()) || !std::isfinite(lonLat.bottom())) {
    return std::nullopt;
  }
  QString text = crs.definition();
  if (text.startsWith(QLatin1Char('+')) && !text.contains(QLatin1String("+type=crs"))) text += QStringLiteral(" +type=crs");
  const QByteArray definition = text.toUtf8();
  const MessageCollector quiet;
  PjPtr crsPj(proj_create(projContext(), definition.constData()));
  if (!crsPj) return std::nullopt;
  // The projection as a PROJ operation: factors of a CRS are computed through a transformation
  // made anew for every point (≈ 15 ms each); those of its projection method are immediate. A CRS
  // PROJ cannot write so falls back to the CRS itself, sampled less densely.
  PjPtr pj;
  if (const char* text = proj_as_proj_string(projContext(), crsPj.get(), PJ_PROJ_5, nullptr)) {
    const QByteArray operation = QString::fromUtf8(text).remove(QStringLiteral("+type=crs")).toUtf8();
    pj.reset(proj_create(projContext(), operation.constData()));
  }
  const bool fast = static_cast<bool>(pj);
  // Longitude, latitude in: the base CRS's own axis order (CGCS2000 and WGS 84 say latitude first)
  // would give PROJ nonsense.
  if (!pj) pj.reset(proj_normalize_for_visualization(projContext(), crsPj.get()));
  if (!pj) return std::nullopt;
  // A grid over the extent (9 × 9, or 3 × 3 the slow way): transverse Mercator and conic errors
  // grow towards the edges, which the grid includes.
  const int kSteps = fast ? 8 : 2;
  ScaleError worst;
  bool any = false;
  for (int i = 0; i <= kSteps; ++i) {
    for (int j = 0; j <= kSteps; ++j) {
      const double lon = lonLat.left() + lonLat.width() * i / kSteps;
      const double lat = std::clamp(lonLat.top() + lonLat.height() * j / kSteps, -89.9, 89.9);
      const PJ_FACTORS f = proj_factors(pj.get(), proj_coord(lon * kDegree, lat * kDegree, 0, 0));
      if (proj_errno(pj.get()) != 0 || !std::isfinite(f.tissot_semimajor) || f.tissot_semimajor <= 0) {
        proj_errno_reset(pj.get());
        continue;
      }
      worst.length = std::max({worst.length, std::abs(f.tissot_semimajor - 1), std::abs(f.tissot_semiminor - 1)});
      worst.area = std::max(worst.area, std::abs(f.areal_scale - 1));
      any = true;
    }
  }
  if (!any) return std::nullopt;
  return worst;
}

MetricCrsChoice chooseMetricCrs(const QRectF& extent) {
  if (!hasLand(extent)) {  // nothing to measure: any metric CRS measures nothing alike
    return {Crs::fromEpsg(4549), tr("there are no features to measure"), {}};
  }
  const QRectF lonLat = padded(extent);
  const QPointF centre = lonLat.center();
  const bool china = holds(areaOfUse(Crs::fromEpsg(4490)), lonLat);
  MetricCrsChoice choice;
  if (china) {
    const int cm = std::clamp(static_cast<int>(std::lround(centre.x() / 3.0)) * 3, 75, 135);
    const Crs zone = Crs::fromEpsg(4534 + (cm - 75) / 3);
    if (holds(areaOfUse(zone), lonLat)) {
      choice.crs = zone;
      choice.reason = tr("the data lie within the area of use of %1, the CGCS2000 3° Gauss–Krüger zone of central meridian %2°E")
                          .arg(zone.definition())
                          .arg(cm);
    }
  } else {
    const int zoneNumber = std::clamp(static_cast<int>(std::floor((centre.x() + 180.0) / 6.0)) + 1, 1, 60);
    const bool north = centre.y() >= 0;
    const Crs zone = Crs::fromEpsg((north ? 32600 : 32700) + zoneNumber);
    if (holds(areaOfUse(zone), lonLat)) {
      choice.crs = zone;
      choice.reason = tr("the data lie within the area of use of %1, the WGS 84 UTM zone %2%3 of their centre")
                          .arg(zone.definition())
                          .arg(zoneNumber)
                          .arg(north ? QStringLiteral("N") : QStringLiteral("S"));
    }
  }
  if (!choice.crs.isValid()) {
    const double cm = std::round(centre.x() * 100.0) / 100.0;
    choice.crs = localTransverseMercator(cm, china);
    choice.reason = tr("the data (%1° to %2° of longitude) cross the boundary of the standard zones; a transverse Mercator centred on "
                       "them at %3° (%4) is used")
                        .arg(lonLat.left(), 0, 'f', 2)
                        .arg(lonLat.right(), 0, 'f', 2)
                        .arg(cm, 0, 'f', 2)
                        .arg(china ? QStringLiteral("CGCS2000") : QStringLiteral("WGS 84"));
  }
  choice.error = scaleErrorOver(choice.crs, lonLat).value_or(ScaleError{});
  return choice;
}

}  // namespace xiuhua::gis
