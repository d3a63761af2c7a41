#pragma once

#include "xiuhua/gis/crs.h"

#include <QRectF>
#include <QString>

#include <optional>

namespace xiuhua::gis {

// How far a projected CRS is from true lengths and areas over some land: the largest relative
// error of a length (|k − 1| over the Tissot axes) and of an area (|s − 1|), sampled over it.
struct ScaleError {
  double length = 0;  // e.g. 0.00022 = 0.022 %
  double area = 0;
};

// The scale error of a projected CRS over a longitude/latitude extent (degrees, WGS 84/CGCS2000),
// from PROJ's projection factors on a grid of points over it; nullopt for a geographic CRS, a
// GCJ-02/BD-09 one, or where PROJ cannot tell.
std::optional<ScaleError> scaleErrorOver(const Crs& crs, const QRectF& lonLat);

// Lengths and areas in a CRS whose scale error over the data exceeds this are not trusted (0.1 %).
constexpr double kMaxScaleError = 0.001;

// The CRS in which data covering a longitude/latitude extent is measured, and why.
struct MetricCrsChoice {
  Crs crs;
  QString reason;  // translated, e.g. "the data lie within the area of use of EPSG:4549 …"
  ScaleError error;
};

// Chooses the metric CRS for data covering lonLat by the areas of use PROJ knows: inside China
// (the area of use of CGCS2000) the CGCS2000 3° Gauss–Krüger zone of the data's centre (EPSG:4534
// … 4554), elsewhere the WGS 84 UTM zone of the centre (EPSG:326xx/327xx), when that zone's area of
// use holds the data; otherwise (data across a zone boundary) a transverse Mercator centred on the
// data, on the same datum. The scale error over the data is given with it (above kMaxScaleError
// only for data too wide for any one planar CRS).
MetricCrsChoice chooseMetricCrs(const QRectF& lonLat);

}  // namespace xiuhua::gis
