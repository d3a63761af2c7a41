#pragma once

#include <QPointF>

// GCJ-02 ("Mars coordinates", used by Amap/Tencent) and BD-09 (Baidu) conversions,
// which PROJ does not provide. Points are (longitude, latitude) in degrees.
// Outside mainland China GCJ-02 equals WGS84 and the functions return the input.
namespace xiuhua::gis::china {

bool isInChina(QPointF lonLat);

QPointF wgs84ToGcj02(QPointF lonLat);
// Iterative inverse of wgs84ToGcj02; accurate to well under 0.01 m after convergence.
QPointF gcj02ToWgs84(QPointF lonLat);

QPointF gcj02ToBd09(QPointF lonLat);
QPointF bd09ToGcj02(QPointF lonLat);

}  // namespace xiuhua::gis::china
