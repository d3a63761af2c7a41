#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/result.h"

#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <atomic>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace xiuhua::gis {

// One feature as a view fetched it from a streamed source, in the map CRS.
struct StreamedFeature {
  qint64 key = 0;      // the source's key for the feature
  QRectF box;          // its geometry's bounding box
  // The geometry; a big one (many vertices) below the level of detail comes as its envelope, which
  // draws as the same one pixel. Empty for a row without geometry.
  Geometry geometry;
  std::vector<QVariant> values;  // the fields the request named, in its order (NULL as an invalid QVariant)
};

// What a view asks a streamed source for.
struct FeatureRequest {
  QRectF rect;          // map CRS: features whose box meets it
  double minSize = 0;   // map units: a big feature whose box is smaller on both sides may come as its envelope
  QStringList fields;   // the values to bring with each feature (a style's field, a label's)
  int batchSize = 10000;
};

struct FetchSummary {
  qint64 features = 0;
  int batches = 0;
  bool cancelled = false;  // stopped between two batches because cancel was set
};

// A feature found at a point, with every attribute (the identify tool).
struct IdentifiedFeature {
  qint64 key = 0;
  std::vector<std::pair<QString, QVariant>> values;
};

// A vector layer drawn from its source per view instead of being held whole: the renderer asks for
// the features in the visible rectangle, in batches, through the source's spatial index. Immutable
// after open; render workers share it as std::shared_ptr<const FeatureSource>, and each call works
// on a connection (or dataset) of its own, so calls on several threads at once are safe.
class FeatureSource {
 public:
  virtual ~FeatureSource() = default;
  // As messages name the layer, e.g. "service xh: public.parcels".
  virtual QString displayName() const = 0;
  // Empty when the source mixes types or does not say.
  virtual Geometry::Type geometryType() const = 0;
  // The CRS the features are stored in (or the one declared for them); invalid when unknown.
  virtual const Crs& sourceCrs() const = 0;
  virtual const Crs& mapCrs() const = 0;
  virtual QRectF extent() const = 0;  // map CRS
  virtual std::optional<qint64> estimatedCount() const = 0;
  virtual QStringList fieldNames() const = 0;
  // Streams the features meeting request.rect to sink, one batch at a time; checks cancel between
  // batches and stops there (summary.cancelled). Fails naming the source when it cannot be read.
  virtual Result<FetchSummary> fetch(const FeatureRequest& request,
                                     const std::function<void(std::vector<StreamedFeature>&)>& sink,
                                     const std::atomic<bool>* cancel = nullptr) const = 0;
  // Features that contain the point (polygons) or lie within tolerance of it (points, lines), map
  // CRS units; at most `limit`.
  virtual Result<std::vector<IdentifiedFeature>> featuresAt(QPointF point, double tolerance, int limit = 100) const = 0;
};

}  // namespace xiuhua::gis
