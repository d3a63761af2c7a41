#pragma once

#include "xiuhua/gis/feature_source.h"
#include "xiuhua/gis/postgis/pg_connection_info.h"

#include <memory>

namespace xiuhua::gis {

// A PostGIS table or view drawn per view: each fetch runs
//   SELECT key, box, geometry (only when the box is at least minSize), fields
//   FROM table WHERE geom && envelope
// through a cursor in a read-only transaction, 10,000 rows a batch in binary form, so the server
// answers through the table's GiST index and the client holds one batch at a time. The view's
// rectangle is taken into the table's CRS with PROJ (transformBounds) and each geometry back into
// the map CRS. Connections come from a small pool of the source's own (one thread at a time each).
class PgFeatureSource final : public FeatureSource {
 public:
  // Opens the table: its geometry column, SRID and CRS (layerCrs when given: the user's declared
  // one), key, columns, estimated rows (the planner's) and extent (ST_EstimatedExtent after
  // ANALYZE, else ST_Extent). Fails naming the table when it is missing, unreadable or has no
  // geometry column.
  static Result<std::shared_ptr<const PgFeatureSource>> open(const PgLayerSource& source, const Crs& layerCrs, const Crs& mapCrs);
  ~PgFeatureSource() override;

  QString displayName() const override;
  Geometry::Type geometryType() const override;
  const Crs& sourceCrs() const override;
  const Crs& mapCrs() const override;
  QRectF extent() const override;
  std::optional<qint64> estimatedCount() const override;
  QStringList fieldNames() const override;
  Result<FetchSummary> fetch(const FeatureRequest& request, const std::function<void(std::vector<StreamedFeature>&)>& sink,
                             const std::atomic<bool>* cancel = nullptr) const override;
  Result<std::vector<IdentifiedFeature>> featuresAt(QPointF point, double tolerance, int limit = 100) const override;

  // The server's plan for a view's query (EXPLAIN (FORMAT JSON)), to see which index it uses.
  Result<QString> queryPlan(const FeatureRequest& request) const;
  const PgLayerSource& source() const;

 private:
  struct Impl;
  explicit PgFeatureSource(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> d;
};

}  // namespace xiuhua::gis
