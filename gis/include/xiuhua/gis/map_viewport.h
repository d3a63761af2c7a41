#pragma once

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QTransform>

namespace xiuhua::gis {

// What part of the map (in map CRS units) shows in a widget of a given pixel size.
// Map y grows northwards, pixel y downwards.
class MapViewport {
 public:
  MapViewport() = default;
  MapViewport(QPointF center, double unitsPerPixel, QSize size)
      : mCenter(center), mUnitsPerPixel(unitsPerPixel), mSize(size) {}

  // The viewport that shows the whole extent with a small margin.
  static MapViewport fitting(const QRectF& extent, QSize size, double margin = 0.05);

  QPointF center() const { return mCenter; }
  double unitsPerPixel() const { return mUnitsPerPixel; }
  QSize size() const { return mSize; }
  QRectF extent() const;
  bool isValid() const { return mUnitsPerPixel > 0 && !mSize.isEmpty(); }

  QPointF toPixel(QPointF map) const;
  QPointF toMap(QPointF pixel) const;
  QTransform mapToPixel() const;

  MapViewport panned(QPointF pixelDelta) const;
  // Zooms by factor (>1 zooms in) keeping the map point under anchorPixel fixed.
  MapViewport zoomed(double factor, QPointF anchorPixel) const;
  MapViewport resized(QSize size) const { return {mCenter, mUnitsPerPixel, size}; }
  MapViewport withUnitsPerPixel(double upp) const { return {mCenter, upp, mSize}; }

  // Scale denominator (1:N) at 96 dpi; metresPerUnit is 1 for projected CRS, ~111 km·cos(lat)
  // for degrees.
  double scaleDenominator(double metresPerUnit) const;

  bool operator==(const MapViewport& o) const {
    return mCenter == o.mCenter && mUnitsPerPixel == o.mUnitsPerPixel && mSize == o.mSize;
  }

 private:
  QPointF mCenter;
  double mUnitsPerPixel = 0;
  QSize mSize;
};

}  // namespace xiuhua::gis
