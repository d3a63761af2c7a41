#include "metrics/population_weights.h"

#include "metrics/metric_support.h"
#include "xiuhua/gis/coordinate_transform.h"
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/overlay/polygon_pairs.h"
#include "xiuhua/gis/raster_grid.h"

#include <cmath>

namespace xiuhua::indicators::detail {

gis::Result<std::vector<double>> fieldWeights(const MetricLayer& target, const QString& field) {
  if (target.data->fieldIndex(field) < 0) {
    return gis::Error{gis::ErrorCode::InvalidArgument,
                      Metrics::tr("%1 (target): there is no weight field \"%2\".").arg(target.request.source.toString(), field)};
  }
  std::vector<double> weights;
  weights.reserve(target.geometries.size());
  for (std::size_t i = 0; i < target.geometries.size(); ++i) {
    const QVariant v = target.value(i, field);
    bool ok = v.isNull();
    const double w = v.isNull() ? 0.0 : v.toString().trimmed().toDouble(&ok);
    if (!ok || w < 0 || !std::isfinite(w)) {
      return gis::Error{gis::ErrorCode::InvalidArgument,
                        Metrics::tr("%1 (target), feature %2: the weight \"%3\" in field \"%4\" is not a number ≥ 0.")
                            .arg(target.request.source.toString()).arg(target.data->fids.at(i)).arg(v.toString(), field)};
    }
    weights.push_back(w);
  }
  return weights;
}

gis::Result<RasterPieces> rasterPieces(const QString& path, const gis::Crs& metricCrs, const std::vector<gis::Geometry>& zones,
                                       const gis::OverlayOptions& options) {
  auto grid = gis::RasterReader::read(path, gis::Crs());  // the cells as they are, in the raster's CRS
  if (!grid.ok()) return grid.error();
  if (!(*grid)->sourceCrs.isValid()) {
    return gis::Error{gis::ErrorCode::CrsInvalid, Metrics::tr("%1 (weight raster) has no coordinate reference system.").arg(path)};
  }
  auto transform = gis::CoordinateTransform::create((*grid)->sourceCrs, metricCrs);
  if (!transform.ok()) return transform.error();
  // Populated cells as polygons in the metric CRS (corners transformed; cells are small enough
  // for straight edges).
  const gis::RasterGrid& g = **grid;
  const double cw = g.extent.width() / g.width;
  const double ch = g.extent.height() / g.height;
  std::vector<gis::Geometry> cells;
  std::vector<double> values;
  for (int row = 0; row < g.height; ++row) {
    for (int col = 0; col < g.width; ++col) {
      const float v = g.values[static_cast<std::size_t>(row) * g.width + col];
      if (!(v > 0) || !std::isfinite(v)) continue;
      const double x0 = g.extent.left() + col * cw;
      const double y1 = g.extent.bottom() - row * ch;  // row 0 is the top
      std::vector<QPointF> ring = {{x0, y1 - ch}, {x0 + cw, y1 - ch}, {x0 + cw, y1}, {x0, y1}, {x0, y1 - ch}};
      if (!(*transform)->transform(ring)) {
        return gis::Error{gis::ErrorCode::TransformFailed,
                          Metrics::tr("%1 (weight raster): cells cannot be transformed to %2.").arg(path, metricCrs.name())};
      }
      cells.emplace_back(gis::Geometry::Type::Polygon, std::vector<gis::Geometry::Part>{{ring}});
      values.push_back(v);
    }
  }
  if (cells.empty()) return gis::Error{gis::ErrorCode::EmptySource, Metrics::tr("%1 (weight raster): no cell has a value above 0.").arg(path)};
  const std::vector<double> cellAreas = gis::areas(cells, options.threads);
  RasterPieces out;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    out.weight += values[c];
    out.cellWeightPerArea.push_back(values[c] / cellAreas[c]);
  }
  if (!zones.empty()) {
    auto pairs = gis::intersectPairs(cells, zones, options);
    if (!pairs.ok()) return pairs.error();
    for (gis::PolygonPair& p : pairs.value()) {
      out.pieceZone.push_back(p.second);
      out.pieceWeightPerArea.push_back(out.cellWeightPerArea[static_cast<std::size_t>(p.first)]);
      out.pieces.push_back(std::move(p.piece));
    }
  }
  out.cells = std::move(cells);
  return out;
}

}  // namespace xiuhua::indicators::detail
