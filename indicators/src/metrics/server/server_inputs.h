#pragma once

// The inputs of a metric computed in the PostGIS server (MetricRun::engine Postgis): every input a
// table of one database, the metric CRS chosen by the same rule as for files, and the SQL pieces
// the metrics build their statements from. Only result rows come back to the client; each is
// counted.
#include "metrics/metric_support.h"
#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/gis/postgis/pg_connection_info.h"
#include "xiuhua/gis/postgis/pg_tables.h"
#include "xiuhua/indicators/metrics/metric_layer.h"

#include <memory>

namespace xiuhua::indicators::detail {

// One input as a table in the server.
struct ServerTable {
  LayerRequest request;
  gis::PgLayerSource source;
  gis::PgTableInfo info;
  gis::Crs crs;      // the table's SRID, or the CRS the source declares for a table without one
  int srid = 0;      // of the geometries as the SQL sees them (declared: set with ST_SetSRID)
  qint64 rows = 0;   // features matching the filter
  int repaired = 0;  // invalid geometries made valid

  QString from;      // "schema"."table"
  QString geometry;  // the geometry column, quoted (ST_SetSRID(…) for a declared CRS)
  QString order;     // the key columns (the order files are read in), or ctid
  QString where;     // the filter as SQL, or TRUE
};

struct ServerInputs {
  std::shared_ptr<gis::PgConnection> connection;
  std::vector<ServerTable> tables;  // in request order
  gis::Crs crs;                     // invalid when counting without any CRS
  int srid = 0;
  QString crsReason;
  gis::ScaleError crsError;
  QStringList warnings;
  qint64 rowsTransferred = 0;  // result rows the client received (every query counted)

  // Runs a statement in the server and counts the rows it sends back.
  gis::Result<gis::PgRows> query(const QString& sql);
  gis::Status execute(const QString& sql);
};

// Checks that every input is a table of one PostGIS database (else refuses, saying why and what to
// do), opens the connection, reads each table's key, SRID and extent, and chooses the metric CRS
// as loadMetricInputs does (measures false and no --crs: none, features only counted).
gis::Result<ServerInputs> openServerInputs(const std::vector<LayerRequest>& requests, const MetricRun& run, bool measures = true);

// Fills a temporary table (dropped at COMMIT) of the input's features — i (1, 2 … in key order, the
// order a file is read in) and g, the geometry in the metric CRS repaired as gis::repairGeometries
// repairs (an invalid one made valid by GEOS MakeValid, as ST_MakeValid, keeping its own dimension:
// 2 lines, 3 polygons; empty when nothing of it is left) — with a spatial index; counts the rows
// and the repaired.
// `extra`: more columns of the source to keep (e.g. "\"名称\"::text AS name").
gis::Status materialize(ServerInputs& inputs, std::size_t input, const QString& name, int dimension, const QString& extra = {});
// materialize() for an input of any kind — points, lines or polygons, each keeping its own
// dimension through a repair — then checkKind() (none allowed, one kind).
gis::Status materializeOwnKind(ServerInputs& inputs, std::size_t input, const QString& name, QStringList& notes);
// Fails, naming the input, when it has no features (`required`) or features not of the dimension
// (0 points, 1 lines, 2 polygons); with none allowed, says so in a note.
gis::Status checkKind(ServerInputs& inputs, std::size_t input, const QString& name, int dimension, bool required, QStringList& notes);

// The sub-units as a temporary table xh_zones (z 0, 1 … in the order read, name, g indexed; one
// zone, their union, for a dissolved area) and their names as the results give them.
gis::Result<std::vector<QString>> materializeZones(ServerInputs& inputs, std::size_t input, const ZoneRequest& per, QStringList& notes);

// Rows (zone number or 'outside', amount) into the amounts per zone and outside.
void readPerZone(const gis::PgRows& rows, std::vector<double>& perZone, double& outside);

// What every result has, from the server: CRS, inputs, repairs, time, and where it ran.
void fillServerCommon(MetricResult& result, const ServerInputs& inputs, const std::optional<ZoneRequest>& per, const QElapsedTimer& timer);

}  // namespace xiuhua::indicators::detail
