#include "xiuhua/gis/map_viewport.h"

#include <algorithm>

namespace xiuhua::gis {

MapViewport MapViewport::fitting(const QRectF& extent, QSize size, double margin) {
  if (size.isEmpty()) size = QSize(800, 600);
  const double w = std::max(extent.width(), 1e-9) * (1 + 2 * margin);
  const double h = std::max(extent.height(), 1e-9) * (1 + 2 * margin);
  const double upp = std::max(w / size.width(), h / size.height());
  return {extent.center(), upp, size};
}

QRectF MapViewport::extent() const {
  const double w = mSize.width() * mUnitsPerPixel;
  const double h = mSize.height() * mUnitsPerPixel;
  return {mCenter.x() - w / 2, mCenter.y() - h / 2, w, h};
}

QPointF MapViewport::toPixel(QPointF map) const {
  return {(map.x() - mCenter.x()) / mUnitsPerPixel + mSize.width() / 2.0,
          (mCenter.y() - map.y()) / mUnitsPerPixel + mSize.height() / 2.0};
}

QPointF MapViewport::toMap(QPointF pixel) const {
  return {mCenter.x() + (pixel.x() - mSize.width() / 2.0) * mUnitsPerPixel,
          mCenter.y() - (pixel.y() - mSize.height() / 2.0) * mUnitsPerPixel};
}

QTransform MapViewport::mapToPixel() const {
  const double s = 1.0 / mUnitsPerPixel;
  return {s, 0, 0, -s, mSize.width() / 2.0 - mCenter.x() * s, mSize.height() / 2.0 + mCenter.y() * s};
}

MapViewport MapViewport::panned(QPointF pixelDelta) const {
  return {QPointF(mCenter.x() - pixelDelta.x() * mUnitsPerPixel,
                  mCenter.y() + pixelDelta.y() * mUnitsPerPixel),
          mUnitsPerPixel, mSize};
}

MapViewport MapViewport::zoomed(double factor, QPointF anchorPixel) const {
  const QPointF anchorMap = toMap(anchorPixel);
  const double upp = mUnitsPerPixel / factor;
  const QPointF offset((anchorPixel.x() - mSize.width() / 2.0) * upp,
                       (mSize.height() / 2.0 - anchorPixel.y()) * upp);
  return {anchorMap - offset, upp, mSize};
}

double MapViewport::scaleDenominator(double metresPerUnit) const {
  constexpr double kMetresPerPixel = 0.0254 / 96.0;
  return mUnitsPerPixel * metresPerUnit / kMetresPerPixel;
}

}  // namespace xiuhua::gis
