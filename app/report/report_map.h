#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/gis/render_job.h"
#include "xiuhua/gis/style.h"

#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <atomic>
#include <vector>

class QPainter;

namespace xiuhua::app {

// One line of a printed map's legend: a layer's name (heading) or a symbol with its label.
struct LegendEntry {
  QString label;
  bool heading = false;  // a layer's name above its classes
  gis::Symbol symbol;
  gis::Geometry::Type geometry = gis::Geometry::Type::Polygon;
};

// A map for print: its layers read and projected into the map CRS, its legend and the attribution
// of its data (each source's own description, e.g. 边界数据：高德开放平台 DataV.GeoAtlas).
class ReportMap {
  Q_DECLARE_TR_FUNCTIONS(ReportMap)

 public:
  // Reads the visible layers of `specs` (bottom first). A layer that cannot be read is left out and
  // named in problems(); the map may end up with no layer (then it prints "无数据").
  // `attribution` adds to the layers' own descriptions (e.g. those of a computation's inputs).
  // Labels are drawn above every layer, as a printed map has them.
  static ReportMap load(const std::vector<gis::LayerSpec>& specs, const gis::Crs& mapCrs, const QStringList& attribution = {},
                        const std::atomic<bool>* cancel = nullptr);

  bool isEmpty() const { return mLayers.empty(); }
  QRectF extent() const { return mExtent; }  // of every layer, map CRS
  const std::vector<LegendEntry>& legend() const { return mLegend; }
  const QStringList& attribution() const { return mAttribution; }
  const QStringList& problems() const { return mProblems; }
  // The features of a layer (by spec id) whose `field` equals `value`, map CRS bounds; empty when none.
  QRectF featureExtent(const QString& layerId, const QString& field, const QString& value) const;
  // The distinct values of a field of a layer (by spec id), in the layer's feature order.
  QStringList fieldValues(const QString& layerId, const QString& field) const;

  // The map of `extent` rendered for a box of `size` device units on a device of `dpi` dots per
  // inch, at `printDpi` (300 for paper): line widths and labels keep their on-screen size in
  // points. `highlight` selects features (layer id, field, value) drawn outlined in red.
  struct Highlight {
    QString layerId;
    QString field;
    QString value;
  };
  QImage render(const QRectF& extent, const QSizeF& size, double dpi, double printDpi, const Highlight& highlight = {},
                const std::atomic<bool>* cancel = nullptr) const;
  // The map as vectors for a painter whose device shows `size` pixels (e.g. an SVG generator).
  void paint(QPainter& painter, const QRectF& extent, const QSize& size) const;
  double metresPerUnit() const { return mMetresPerUnit; }

 private:
  gis::RenderSnapshot snapshot(const QRectF& extent, const QSize& size, const Highlight& highlight) const;

  std::vector<gis::RenderLayer> mLayers;  // bottom first
  std::vector<QString> mLayerIds;         // parallel to mLayers
  QRectF mExtent;
  std::vector<LegendEntry> mLegend;       // top layer first
  QStringList mAttribution;
  QStringList mProblems;
  double mMetresPerUnit = 1;
};

// A printed map figure in `box` (device units of a device with `dpi`): the map at `printDpi`
// framed, with scale bar and north arrow; the legend to its right; the attribution under it; "无数据"
// when the map has no layer or nothing in view. With `vectors` the map is painted as vectors
// instead (an SVG figure), its viewport pixels 1/96 inch on the device.
void paintMapFigure(QPainter& painter, const QRectF& box, double dpi, double printDpi, const ReportMap& map, const QRectF& extent,
                    const QFont& font, const ReportMap::Highlight& highlight = {}, bool vectors = false);

}  // namespace xiuhua::app
