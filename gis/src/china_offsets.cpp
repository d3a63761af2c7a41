#include "xiuhua/gis/china_offsets.h"

#include <cmath>
#include <numbers>

namespace xiuhua::gis::china {
namespace {

// Krasovsky 1940 ellipsoid parameters used by the published GCJ-02 algorithm.
constexpr double kA = 6378245.0;
constexpr double kEe = 0.00669342162296594323;
constexpr double kPi = std::numbers::pi;
constexpr double kXPi = kPi * 3000.0 / 180.0;

double transformLat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return r;
}

double transformLon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return r;
}

}  // namespace

bool isInChina(QPointF p) {
  return p.x() >= 72.004 && p.x() <= 137.8347 && p.y() >= 0.8293 && p.y() <= 55.8271;
}

QPointF wgs84ToGcj02(QPointF p) {
  if (!isInChina(p)) return p;
  const double lon = p.x();
  const double lat = p.y();
  double dLat = transformLat(lon - 105.0, lat - 35.0);
  double dLon = transformLon(lon - 105.0, lat - 35.0);
  const double radLat = lat / 180.0 * kPi;
  double magic = std::sin(radLat);
  magic = 1 - kEe * magic * magic;
  const double sqrtMagic = std::sqrt(magic);
  dLat = (dLat * 180.0) / ((kA * (1 - kEe)) / (magic * sqrtMagic) * kPi);
  dLon = (dLon * 180.0) / (kA / sqrtMagic * std::cos(radLat) * kPi);
  return {lon + dLon, lat + dLat};
}

QPointF gcj02ToWgs84(QPointF p) {
  if (!isInChina(p)) return p;
  // Fixed-point iteration: find w with wgs84ToGcj02(w) == p. The offset varies slowly, so this
  // converges to ~1e-9 degrees in a few steps.
  QPointF w = p;
  for (int i = 0; i < 30; ++i) {
    const QPointF g = wgs84ToGcj02(w);
    const QPointF d = g - p;
    w -= d;
    if (std::abs(d.x()) < 1e-10 && std::abs(d.y()) < 1e-10) break;
  }
  return w;
}

QPointF gcj02ToBd09(QPointF p) {
  const double x = p.x();
  const double y = p.y();
  const double z = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * kXPi);
  const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * kXPi);
  return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

QPointF bd09ToGcj02(QPointF p) {
  const double x = p.x() - 0.0065;
  const double y = p.y() - 0.006;
  const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kXPi);
  const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kXPi);
  return {z * std::cos(theta), z * std::sin(theta)};
}

}  // namespace xiuhua::gis::china
