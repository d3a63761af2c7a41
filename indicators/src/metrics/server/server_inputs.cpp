#include "metrics/server/server_inputs.h"

#include "xiuhua/gis/coordinate_transform.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace xiuhua::indicators::detail {
namespace {

gis::Error refused(const QString& message) { return gis::Error{gis::ErrorCode::InvalidArgument, message}; }

// The EPSG code of a CRS written "EPSG:N", or 0.
int epsgOf(const gis::Crs& crs) {
  static const QRegularExpression epsg(QStringLiteral("^EPSG:(\\d+)$"), QRegularExpression::CaseInsensitiveOption);
  const QRegularExpressionMatch m = epsg.match(crs.definition().trimmed());
  return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QRectF lonLatOf(const ServerTable& table, const QRectF& extent) {
  if (extent.isNull() || !table.crs.isValid()) return {};
  auto toLonLat = gis::CoordinateTransform::create(table.crs, gis::Crs::fromEpsg(4326));
  if (!toLonLat.ok()) return {};
  return (*toLonLat)->transformBounds(extent);
}

}  // namespace

gis::Result<gis::PgRows> ServerInputs::query(const QString& sql) {
  auto rows = connection->query(sql);
  if (!rows.ok()) return rows.error();
  rowsTransferred += static_cast<qint64>(rows->size());
  return rows;
}

gis::Status ServerInputs::execute(const QString& sql) { return connection->execute(sql); }

gis::Result<ServerInputs> openServerInputs(const std::vector<LayerRequest>& requests, const MetricRun& run, bool measures) {
  ServerInputs inputs;
  std::optional<gis::PgConnectionInfo> database;
  for (const LayerRequest& request : requests) {
    if (request.source.isEmpty()) return refused(Metrics::tr("No source was given for the %1.").arg(request.role));
    if (!gis::PgLayerSource::isPgPath(request.source.path)) {
      return refused(Metrics::tr("--engine postgis computes in the PostGIS server that holds the inputs, and %1 (%2) is a file: publish it "
                                 "to the database first (xiuhua-cli pg publish), or leave --engine out to compute here.")
                         .arg(request.source.toString(), request.role));
    }
    auto source = gis::PgLayerSource::parse(request.source.path, request.source.layer);
    if (!source.ok()) return source.error();
    if (database && !(source->connection == *database)) {
      return refused(Metrics::tr("--engine postgis joins tables of one database, and the inputs are in two (%1 and %2).")
                         .arg(database->displayName(), source->connection.displayName()));
    }
    database = source->connection;
    if (gis::Status s = gis::pgCheckFilter(request.source.toString(), request.where); !s) return s.error();
    if (request.source.declaredCrs.kind() == gis::Crs::Kind::Gcj02 || request.source.declaredCrs.kind() == gis::Crs::Kind::Bd09) {
      return refused(Metrics::tr("%1 (%2) is declared in %3, which PostGIS does not know: compute it here (leave --engine out).")
                         .arg(request.source.toString(), request.role, request.source.declaredCrs.name()));
    }
    ServerTable table;
    table.request = request;
    table.source = source.value();
    inputs.tables.push_back(std::move(table));
  }
  if (inputs.tables.empty()) return refused(Metrics::tr("No input was given."));
  auto connection = gis::PgConnection::open(*database);
  if (!connection.ok()) return connection.error();
  inputs.connection = connection.value();
  // ST_IsValid tells every invalid geometry in a NOTICE: not for the client's terminal.
  if (gis::Status s = inputs.execute(QStringLiteral("SET client_min_messages = warning")); !s) return s.error();

  std::vector<CrsInput> described;
  for (ServerTable& table : inputs.tables) {
    auto info = gis::pgGeometryTable(*inputs.connection, table.source.schema, table.source.table);
    if (!info.ok()) return info.error();
    if (!info->has_value()) {
      return refused(Metrics::tr("%1 (%2): no table or view %3 with a geometry column that this user may read.")
                         .arg(table.request.source.toString(), table.request.role, table.source.layer()));
    }
    table.info = **info;
    table.from = inputs.connection->qualifiedName(table.source.schema, table.source.table);
    const QString column = inputs.connection->quoteIdentifier(table.info.geometryColumn);
    QStringList key;
    for (const QString& k : table.info.primaryKey) key << inputs.connection->quoteIdentifier(k);
    table.order = key.isEmpty() ? QStringLiteral("ctid") : key.join(QStringLiteral(", "));
    table.where = table.request.where.trimmed().isEmpty() ? QStringLiteral("TRUE") : QStringLiteral("(%1)").arg(table.request.where);
    const gis::Crs declared = table.request.source.declaredCrs;
    if (declared.isValid()) {
      table.srid = epsgOf(declared);
      if (table.srid == 0) {
        return refused(Metrics::tr("%1 (%2): its declared CRS %3 has no EPSG code, which the server needs.")
                           .arg(table.request.source.toString(), table.request.role, declared.name()));
      }
      table.crs = declared;
      table.geometry = QStringLiteral("ST_SetSRID(%1, %2)").arg(column).arg(table.srid);
    } else if (table.info.srid > 0) {
      table.srid = table.info.srid;
      table.crs = gis::Crs::fromEpsg(table.srid);
      table.geometry = column;
    } else {
      table.geometry = column;  // counted without a CRS, or refused below
    }
    auto extent = inputs.query(QStringLiteral("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(%1) AS e FROM %2 WHERE %3) x")
                                   .arg(column, table.from, table.where));
    if (!extent.ok()) return gis::Error{extent.error().code, QStringLiteral("%1 (%2): %3").arg(table.request.source.toString(), table.request.role, extent.error().message)};
    QRectF box;
    if (extent->size() == 1 && !extent->text(0, 0).isEmpty()) {
      box = QRectF(QPointF(extent->text(0, 0).toDouble(), extent->text(0, 1).toDouble()),
                   QPointF(extent->text(0, 2).toDouble(), extent->text(0, 3).toDouble()));
    }
    described.push_back({table.crs, lonLatOf(table, box), table.request.source.toString(), table.request.role});
  }

  const bool withoutCrs = !measures && !run.crs;
  if (withoutCrs) {
    inputs.crsReason = Metrics::tr("none needed: features are only counted");
    return inputs;
  }
  for (const ServerTable& table : inputs.tables) {
    if (table.srid > 0) continue;
    return gis::Error{gis::ErrorCode::CrsInvalid,
                      Metrics::tr("%1 (%2) has no SRID. Give the source's own CRS as \"%1|crs=EPSG:4549\".")
                          .arg(table.request.source.toString(), table.request.role)};
  }
  CrsDecision decision = chooseMetricCrsFor(described, run.crs);
  inputs.crs = decision.crs;
  inputs.crsReason = decision.reason;
  inputs.crsError = decision.error;
  inputs.warnings = decision.warnings;
  if (inputs.crs.isGeographic() || inputs.crs.kind() != gis::Crs::Kind::Proj) {
    return gis::Error{gis::ErrorCode::CrsInvalid,
                      Metrics::tr("%1 is not a projected CRS: areas and lengths need one in metres (e.g. EPSG:4549).").arg(inputs.crs.name())};
  }
  inputs.srid = epsgOf(inputs.crs);
  auto known = inputs.srid > 0 ? inputs.query(QStringLiteral("SELECT count(*) FROM spatial_ref_sys WHERE srid = %1").arg(inputs.srid))
                               : gis::Result<gis::PgRows>(gis::PgRows{});
  if (!known.ok()) return known.error();
  if (inputs.srid == 0 || known->size() != 1 || known->text(0, 0) == QLatin1String("0")) {
    return refused(Metrics::tr("The metric CRS %1 is not one the server knows (no EPSG code in its spatial_ref_sys): give one with --crs "
                               "EPSG:N, or leave --engine out.")
                       .arg(inputs.crs.name()));
  }
  return inputs;
}

gis::Status materialize(ServerInputs& inputs, std::size_t input, const QString& name, int dimension, const QString& extra) {
  ServerTable& table = inputs.tables[input];
  const QString g = inputs.srid > 0 && inputs.srid != table.srid ? QStringLiteral("ST_Transform(%1, %2)").arg(table.geometry).arg(inputs.srid)
                                                                  : table.geometry;
  const QString sql = QStringLiteral(
                          "CREATE TEMP TABLE %1 ON COMMIT DROP AS "
                          "SELECT row_number() OVER (ORDER BY %2) AS i, "
                          "  CASE WHEN g IS NULL OR ST_IsEmpty(g) OR ST_Dimension(g) = 0 OR ST_IsValid(g) THEN g "
                          "       ELSE ST_CollectionExtract(ST_MakeValid(g), %3) END AS g, "
                          "  NOT (g IS NULL OR ST_IsEmpty(g) OR ST_Dimension(g) = 0 OR ST_IsValid(g)) AS repaired %7"
                          "FROM (SELECT %4 AS g, %2 %8 FROM %5 WHERE %6) src")
                          .arg(name, table.order)
                          .arg(dimension)
                          .arg(g, table.from, table.where, extra.isEmpty() ? QString() : QStringLiteral(", extra "),
                               extra.isEmpty() ? QString() : QStringLiteral(", %1 AS extra").arg(extra));
  if (gis::Status s = inputs.execute(sql); !s) {
    return gis::Error{s.error().code, QStringLiteral("%1 (%2): %3").arg(table.request.source.toString(), table.request.role, s.error().message)};
  }
  if (gis::Status s = inputs.execute(QStringLiteral("CREATE INDEX ON %1 USING gist (g)").arg(name)); !s) return s;
  if (gis::Status s = inputs.execute(QStringLiteral("ANALYZE %1").arg(name)); !s) return s;
  auto counts = inputs.query(QStringLiteral("SELECT count(*), count(*) FILTER (WHERE repaired) FROM %1").arg(name));
  if (!counts.ok()) return counts.error();
  table.rows = counts->text(0, 0).toLongLong();
  table.repaired = counts->text(0, 1).toInt();
  return {};
}

gis::Status materializeOwnKind(ServerInputs& inputs, std::size_t input, const QString& name, QStringList& notes) {
  const ServerTable& table = inputs.tables[input];
  auto dimension = inputs.query(QStringLiteral("SELECT COALESCE(max(ST_Dimension(%1)), 0) FROM %2 WHERE %3").arg(table.geometry, table.from, table.where));
  if (!dimension.ok()) return dimension.error();
  const int kind = dimension->text(0, 0).toInt();  // 0 points, 1 lines, 2 polygons
  if (gis::Status s = materialize(inputs, input, name, kind + 1); !s) return s;
  return checkKind(inputs, input, name, kind, false, notes);
}

gis::Status checkKind(ServerInputs& inputs, std::size_t input, const QString& name, int dimension, bool required, QStringList& notes) {
  const ServerTable& table = inputs.tables[input];
  auto kinds = inputs.query(QStringLiteral("SELECT count(*), count(*) FILTER (WHERE ST_Dimension(g) <> %2) FROM %1 "
                                           "WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)")
                                .arg(name)
                                .arg(dimension));
  if (!kinds.ok()) return kinds.error();
  const QString source = table.request.source.toString();
  const QString where = table.request.where.trimmed();
  if (table.rows == 0) {
    if (required) {
      return gis::Error{gis::ErrorCode::EmptySource,
                        where.isEmpty() ? Metrics::tr("%1 (%2): the layer has no features.").arg(source, table.request.role)
                                        : Metrics::tr("%1 (%2): no feature matches the filter \"%3\".").arg(source, table.request.role, where)};
    }
    notes << (where.isEmpty() ? Metrics::tr("%1 (%2) has no features: nothing is counted from it.").arg(source, table.request.role)
                              : Metrics::tr("no feature of %1 (%2) matches the filter \"%3\": nothing is counted from it.")
                                    .arg(source, table.request.role, where));
    return {};
  }
  if (kinds->text(0, 1).toLongLong() > 0) {
    if (dimension == 2) {
      return gis::Error{gis::ErrorCode::InvalidArgument,
                        Metrics::tr("%1 (%2): the features are not polygons; areas need polygons.").arg(source, table.request.role)};
    }
    const QString kind = dimension == 1 ? Metrics::tr("lines") : Metrics::tr("points");
    return gis::Error{gis::ErrorCode::InvalidArgument, Metrics::tr("%1 (%2): the features are not %3.").arg(source, table.request.role, kind)};
  }
  return {};
}

gis::Result<std::vector<QString>> materializeZones(ServerInputs& inputs, std::size_t input, const ZoneRequest& per, QStringList& notes) {
  const QString field = per.nameField.isEmpty() ? QStringLiteral("NULL") : inputs.connection->quoteIdentifier(per.nameField);
  if (gis::Status s = materialize(inputs, input, QStringLiteral("xh_zone_features"), 3, field + QStringLiteral("::text")); !s) return s.error();
  if (gis::Status s = checkKind(inputs, input, QStringLiteral("xh_zone_features"), 2, true, notes); !s) return s.error();
  const QString zones = per.dissolve ? QStringLiteral("SELECT 0 AS z, (SELECT extra FROM xh_zone_features ORDER BY i LIMIT 1) AS name, "
                                                      "ST_Union(g) AS g FROM xh_zone_features")
                                     : QStringLiteral("SELECT i - 1 AS z, extra AS name, g FROM xh_zone_features");
  if (gis::Status s = inputs.execute(QStringLiteral("CREATE TEMP TABLE xh_zones ON COMMIT DROP AS %1").arg(zones)); !s) return s.error();
  if (gis::Status s = inputs.execute(QStringLiteral("CREATE INDEX ON xh_zones USING gist (g)")); !s) return s.error();
  auto rows = inputs.query(QStringLiteral("SELECT z, name FROM xh_zones ORDER BY z"));
  if (!rows.ok()) return rows.error();
  std::vector<QString> names;
  for (std::size_t r = 0; r < rows->size(); ++r) {
    const QString name = rows->text(r, 1);
    names.push_back(name.isEmpty() ? QStringLiteral("#%1").arg(r + 1) : name);  // as zoneNames() names a feature without one
  }
  return names;
}

void readPerZone(const gis::PgRows& rows, std::vector<double>& perZone, double& outside) {
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const double amount = rows.text(r, 1).toDouble();
    if (rows.text(r, 0) == QLatin1String("outside")) {
      outside = amount;
    } else if (const int z = rows.text(r, 0).toInt(); z >= 0 && static_cast<std::size_t>(z) < perZone.size()) {
      perZone[static_cast<std::size_t>(z)] = amount;
    }
  }
}

void fillServerCommon(MetricResult& result, const ServerInputs& inputs, const std::optional<ZoneRequest>& per, const QElapsedTimer& timer) {
  fillRun(result, per, timer, inputs.crs, inputs.crsReason, inputs.crsError, inputs.warnings);
  for (const ServerTable& table : inputs.tables) {
    result.inputs.push_back(QJsonObject{{QStringLiteral("role"), table.request.role},
                                        {QStringLiteral("source"), table.request.source.toString()},
                                        {QStringLiteral("layer"), table.source.layer()},
                                        {QStringLiteral("where"), table.request.where},
                                        {QStringLiteral("features"), table.rows},
                                        {QStringLiteral("repaired"), table.repaired},
                                        {QStringLiteral("crs"), table.crs.definition()},
                                        {QStringLiteral("encoding"), QStringLiteral("UTF-8")}});
    result.repaired += table.repaired;
  }
  result.engine = QJsonObject{{QStringLiteral("name"), QStringLiteral("postgis")},
                              {QStringLiteral("server"), inputs.connection->info().displayName()},
                              {QStringLiteral("rows_transferred"), inputs.rowsTransferred}};
}

}  // namespace xiuhua::indicators::detail
