#include "xiuhua/gis/postgis/pg_feature_source.h"

#include "ogr_convert.h"
#include "pg_connect.h"
#include "translate.h"
#include "xiuhua/gis/coordinate_transform.h"
#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/gis/postgis/pg_tables.h"

#include <ogr_geometry.h>


#include <cmath>
#include <mutex>

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("PgFeatureSource", text); }

constexpr std::size_t kIdleConnections = 4;  // one per render worker and the identify tool
// A geometry above this size (bytes, about 120 vertices) whose box is below the level of detail
// comes as its envelope.
constexpr int kEnvelopeAboveBytes = 2048;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

QString number(double v) { return QString::number(v, 'g', 17); }

Geometry::Type typeFromPostgis(const QString& declared) {
  const QString t = declared.toUpper();
  if (t.contains(QLatin1String("POLYGON")) || t.contains(QLatin1String("SURFACE"))) return Geometry::Type::Polygon;
  if (t.contains(QLatin1String("LINE")) || t.contains(QLatin1String("CURVE"))) return Geometry::Type::Line;
  if (t.contains(QLatin1String("POINT"))) return Geometry::Type::Point;
  return Geometry::Type::Empty;
}

bool finite(const QRectF& r) {
  return std::isfinite(r.left()) && std::isfinite(r.top()) && std::isfinite(r.right()) && std::isfinite(r.bottom());
}

}  // namespace

struct PgFeatureSource::Impl {
  PgLayerSource source;
  PgTableInfo table;
  Crs layerCrs;  // invalid: drawn untransformed
  Crs mapCrs;
  Geometry::Type type = Geometry::Type::Empty;
  QStringList columns;  // every column but the geometries
  QRectF layerExtent;
  QRectF mapExtent;
  mutable std::mutex poolMutex;
  mutable std::vector<std::shared_ptr<PgConnection>> idle;

  QString name() const { return source.connection.displayName() + QStringLiteral(": ") + source.layer(); }

  Result<std::shared_ptr<PgConnection>> take() const {
    {
      std::lock_guard lock(poolMutex);
      while (!idle.empty()) {
        auto c = std::move(idle.back());
        idle.pop_back();
        if (c->isOk()) return c;
      }
    }
    return PgConnection::open(source.connection);
  }
  void giveBack(std::shared_ptr<PgConnection> c) const {
    if (!c || !c->isOk() || PQtransactionStatus(PgConnectionAccess::handle(*c)) != PQTRANS_IDLE) return;
    std::lock_guard lock(poolMutex);
    if (idle.size() < kIdleConnections) idle.push_back(std::move(c));
  }

  // The view's query: key, geometry, fields; meeting the envelope ($1..$4 in the table's CRS, SRID
  // $6) through the GiST index. A geometry of many bytes whose box is below $5 on both sides comes
  // as its envelope (five points): it is drawn as one pixel either way. Sending every geometry as
  // WKB costs the server no more than the key alone (EXPLAIN ANALYZE, 1 M rows: 431 against 421 ms),
  // while computing each box cost twice that (830 ms).
  QString viewQuery(const PgConnection& c, const QStringList& fields) const {
    const QString geom = c.quoteIdentifier(table.geometryColumn);
    const QString key = table.primaryKey.size() == 1 ? c.quoteIdentifier(table.primaryKey.front()) + QStringLiteral("::text") : QStringLiteral("NULL::text");
    QString selected;
    for (const QString& f : fields) selected += QStringLiteral(", ") + c.quoteIdentifier(f) + QStringLiteral("::text");
    return QStringLiteral(
               "SELECT %1, ST_AsBinary(CASE WHEN ST_MemSize(%2) > %5 AND ST_XMax(%2) - ST_XMin(%2) < $5 AND ST_YMax(%2) - ST_YMin(%2) < $5 "
               "THEN ST_Envelope(%2) ELSE %2 END)%3 FROM %4 WHERE %2 && ST_MakeEnvelope($1, $2, $3, $4, $6)")
        .arg(key, geom, selected, c.qualifiedName(table.schema, table.table))
        .arg(kEnvelopeAboveBytes);
  }

  // The request's rectangle and minimum size in the table's CRS, as the query's parameters.
  QStringList viewParameters(const FeatureRequest& request) const {
    QRectF rect = request.rect.normalized();
    double scale = 1.0;
    if (layerCrs.isValid() && mapCrs.isValid() && !(layerCrs == mapCrs)) {
      auto toLayer = CoordinateTransform::create(mapCrs, layerCrs);
      const QRectF transformed = toLayer.ok() ? (*toLayer)->transformBounds(rect) : QRectF();
      // A view reaching beyond where the table's CRS is defined: the whole table meets it.
      const QRectF used = finite(transformed) && !transformed.isEmpty() ? transformed : layerExtent;
      if (rect.width() > 0) scale = used.width() / rect.width();
      rect = used;
    }
    const double minSize = std::max(0.0, request.minSize * scale);
    return {number(rect.left()), number(rect.top()), number(rect.right()), number(rect.bottom()), number(minSize),
            QString::number(table.srid)};
  }
};

PgFeatureSource::PgFeatureSource(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
PgFeatureSource::~PgFeatureSource() = default;

Result<std::shared_ptr<const PgFeatureSource>> PgFeatureSource::open(const PgLayerSource& source, const Crs& layerCrs, const Crs& mapCrs) {
  auto impl = std::make_unique<Impl>();
  impl->source = source;
  impl->mapCrs = mapCrs;
  auto connection = PgConnection::open(source.connection);
  if (!connection.ok()) return connection.error();
  const PgConnection& c = **connection;
  auto table = pgGeometryTable(c, source.schema, source.table);
  if (!table.ok()) return table.error();
  if (!table->has_value()) {
    return Error{ErrorCode::InvalidArgument, tr("%1: there is no table or view of that name with a geometry column that you may read.").arg(impl->name())};
  }
  impl->table = **table;
  impl->type = typeFromPostgis(impl->table.geometryType);
  if (!impl->table.estimatedRows.has_value()) {
    // Never analysed: the planner has no estimate, so count (a scan, once, at open).
    auto counted = c.query(QStringLiteral("SELECT count(*) FROM %1").arg(c.qualifiedName(impl->table.schema, impl->table.table)));
    if (!counted.ok()) return counted.error();
    impl->table.estimatedRows = counted->text(0, 0).toLongLong();
  }
  impl->layerCrs = layerCrs;
  if (!impl->layerCrs.isValid() && impl->table.srid > 0) {
    auto srs = c.query(QStringLiteral("SELECT auth_name, auth_srid::text, srtext FROM spatial_ref_sys WHERE srid = $1"),
                       {QString::number(impl->table.srid)});
    if (!srs.ok()) return srs.error();
    if (srs->size() == 1 && srs->text(0, 0).compare(QLatin1String("EPSG"), Qt::CaseInsensitive) == 0) {
      impl->layerCrs = Crs::fromEpsg(srs->text(0, 1).toInt());
    } else if (srs->size() == 1) {
      auto crs = Crs::fromUserInput(srs->text(0, 2));
      if (crs.ok()) impl->layerCrs = crs.value();
    }
  }
  auto columns = c.query(QStringLiteral("SELECT a.attname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                                        "WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped "
                                        "AND t.typname NOT IN ('geometry', 'geography') ORDER BY a.attnum"),
                         {c.qualifiedName(impl->table.schema, impl->table.table)});
  if (!columns.ok()) return columns.error();
  for (std::size_t i = 0; i < columns->size(); ++i) impl->columns << columns->text(i, 0);
  // The planner's extent after ANALYZE costs nothing; without statistics the table is scanned once.
  auto extent = c.run(QStringLiteral("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_EstimatedExtent($1, $2, $3) AS e) s"),
                      {impl->table.schema, impl->table.table, impl->table.geometryColumn});
  const auto* estimated = std::get_if<PgRows>(&extent);
  if (estimated == nullptr || estimated->size() != 1 || !estimated->rows[0][0].has_value()) {
    auto scanned = c.query(QStringLiteral("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(%1) AS e FROM %2) s")
                               .arg(c.quoteIdentifier(impl->table.geometryColumn), c.qualifiedName(impl->table.schema, impl->table.table)));
    if (!scanned.ok()) return scanned.error();
    extent = std::move(scanned).value();
    estimated = std::get_if<PgRows>(&extent);
  }
  if (estimated->size() == 1 && estimated->rows[0][0].has_value()) {
    impl->layerExtent = QRectF(QPointF(estimated->text(0, 0).toDouble(), estimated->text(0, 1).toDouble()),
                               QPointF(estimated->text(0, 2).toDouble(), estimated->text(0, 3).toDouble()));
  }
  impl->mapExtent = impl->layerExtent;
  if (impl->layerCrs.isValid() && mapCrs.isValid() && !(impl->layerCrs == mapCrs) && !impl->layerExtent.isNull()) {
    auto toMap = CoordinateTransform::create(impl->layerCrs, mapCrs);
    if (!toMap.ok()) return toMap.error();
    impl->mapExtent = (*toMap)->transformBounds(impl->layerExtent);
  }
  impl->idle.push_back(std::move(connection).value());
  return std::shared_ptr<const PgFeatureSource>(new PgFeatureSource(std::move(impl)));
}

QString PgFeatureSource::displayName() const { return d->name(); }
Geometry::Type PgFeatureSource::geometryType() const { return d->type; }
const Crs& PgFeatureSource::mapCrs() const { return d->mapCrs; }
QRectF PgFeatureSource::extent() const { return d->mapExtent; }
std::optional<qint64> PgFeatureSource::estimatedCount() const { return d->table.estimatedRows; }
QStringList PgFeatureSource::fieldNames() const { return d->columns; }
const PgLayerSource& PgFeatureSource::source() const { return d->source; }
const Crs& PgFeatureSource::sourceCrs() const { return d->layerCrs; }

Result<FetchSummary> PgFeatureSource::fetch(const FeatureRequest& request, const std::function<void(std::vector<StreamedFeature>&)>& sink,
                                            const std::atomic<bool>* cancel) const {
  for (const QString& f : request.fields) {
    if (!d->columns.contains(f)) return Error{ErrorCode::InvalidArgument, tr("%1: no column %2.").arg(d->name(), f)};
  }
  auto taken = d->take();
  if (!taken.ok()) return taken.error();
  std::shared_ptr<PgConnection> connection = std::move(taken).value();
  PGconn* conn = PgConnectionAccess::handle(*connection);
  std::unique_ptr<CoordinateTransform> toMap;
  if (d->layerCrs.isValid() && d->mapCrs.isValid() && !(d->layerCrs == d->mapCrs)) {
    auto t = CoordinateTransform::create(d->layerCrs, d->mapCrs);
    if (!t.ok()) return t.error();
    toMap = std::move(t).value();
  }
  const auto failed = [&](const QString& what) -> Error {
    const QString why = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    const bool lost = PQstatus(conn) != CONNECTION_OK;
    if (!lost) ResultPtr(PQexec(conn, "ROLLBACK"));
    d->giveBack(connection);
    return Error{lost ? ErrorCode::ConnectionFailed : ErrorCode::DatabaseError,
                 tr("%1: %2: %3").arg(d->name(), what, why.isEmpty() ? tr("the connection to the server was lost") : why)};
  };
  // Every row of the cursor is read: plan for the whole result, not the first tenth. No JIT: its
  // compilation took 1.1 s of a 1 M-row full frame's 1.7 s in the server (EXPLAIN ANALYZE), for
  // a query that is cheap per row.
  if (PQresultStatus(ResultPtr(PQexec(conn, "BEGIN READ ONLY; SET LOCAL jit = off; SET LOCAL cursor_tuple_fraction = 1.0")).get()) != PGRES_COMMAND_OK) {
    return failed(tr("cannot start reading"));
  }
  const QStringList params = d->viewParameters(request);
  std::vector<QByteArray> bytes;
  std::vector<const char*> values;
  for (const QString& p : params) bytes.push_back(p.toUtf8());
  for (const QByteArray& b : bytes) values.push_back(b.constData());
  const QByteArray declare = (QStringLiteral("DECLARE xh_view NO SCROLL CURSOR FOR ") + d->viewQuery(*connection, request.fields)).toUtf8();
  if (PQresultStatus(ResultPtr(PQexecParams(conn, declare.constData(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0)).get()) !=
      PGRES_COMMAND_OK) {
    return failed(tr("the server refused the view's query"));
  }
  const int batchSize = std::max(1, request.batchSize);
  const QByteArray fetchSql = QStringLiteral("FETCH FORWARD %1 FROM xh_view").arg(batchSize).toUtf8();
  // The next batch is asked for before this one is decoded and drawn, so that the server reads
  // while the client draws.
  const auto askNext = [&] { return PQsendQueryParams(conn, fetchSql.constData(), 0, nullptr, nullptr, nullptr, nullptr, 1) == 1; };
  const auto receive = [&] {
    ResultPtr r(PQgetResult(conn));
    while (PGresult* rest = PQgetResult(conn)) PQclear(rest);  // the end of this statement's results
    return r;
  };
  const int fieldCount = static_cast<int>(request.fields.size());
  FetchSummary summary;
  if (!askNext()) return failed(tr("reading the features failed"));
  for (;;) {
    ResultPtr r = receive();
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) return failed(tr("reading the features failed"));
    const int rows = PQntuples(r.get());
    if (rows == 0) break;
    if (cancel != nullptr && cancel->load()) {  // between two batches; none is in flight now
      summary.cancelled = true;
      break;
    }
    const bool last = rows < batchSize;
    if (!last && !askNext()) return failed(tr("reading the features failed"));
    std::vector<StreamedFeature> batch(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
      StreamedFeature& f = batch[static_cast<std::size_t>(i)];
      if (!PQgetisnull(r.get(), i, 0)) f.key = QByteArray(PQgetvalue(r.get(), i, 0), PQgetlength(r.get(), i, 0)).toLongLong();
      if (!PQgetisnull(r.get(), i, 1)) {
        OGRGeometry* ogr = nullptr;
        if (OGRGeometryFactory::createFromWkb(PQgetvalue(r.get(), i, 1), nullptr, &ogr, static_cast<size_t>(PQgetlength(r.get(), i, 1))) == OGRERR_NONE) {
          f.geometry = detail::fromOgr(ogr);
        }
        OGRGeometryFactory::destroyGeometry(ogr);
      }
      if (toMap) {
        for (Geometry::Part& part : f.geometry.parts()) {
          for (Geometry::Ring& ring : part) toMap->transform(ring);
        }
      }
      f.box = f.geometry.boundingBox();
      f.values.reserve(static_cast<std::size_t>(fieldCount));
      for (int c = 0; c < fieldCount; ++c) {
        f.values.push_back(PQgetisnull(r.get(), i, 2 + c) ? QVariant()
                                                          : QVariant(QString::fromUtf8(PQgetvalue(r.get(), i, 2 + c), PQgetlength(r.get(), i, 2 + c))));
      }
    }
    summary.features += rows;
    ++summary.batches;
    sink(batch);
    if (last) break;
  }
  ResultPtr(PQexec(conn, "ROLLBACK"));  // read-only: nothing to keep; closes the cursor
  d->giveBack(std::move(connection));
  return summary;
}

Result<std::vector<IdentifiedFeature>> PgFeatureSource::featuresAt(QPointF point, double tolerance, int limit) const {
  QPointF at = point;
  double layerTolerance = tolerance;
  if (d->layerCrs.isValid() && d->mapCrs.isValid() && !(d->layerCrs == d->mapCrs)) {
    auto toLayer = CoordinateTransform::create(d->mapCrs, d->layerCrs);
    if (!toLayer.ok()) return toLayer.error();
    at = (*toLayer)->transform(point);
    const QPointF aside = (*toLayer)->transform(point + QPointF(tolerance, 0));
    layerTolerance = std::hypot(aside.x() - at.x(), aside.y() - at.y());
  }
  auto taken = d->take();
  if (!taken.ok()) return taken.error();
  std::shared_ptr<PgConnection> connection = std::move(taken).value();
  const PgConnection& c = *connection;
  const QString geom = c.quoteIdentifier(d->table.geometryColumn);
  const QString key = d->table.primaryKey.size() == 1 ? c.quoteIdentifier(d->table.primaryKey.front()) + QStringLiteral("::text") : QStringLiteral("NULL::text");
  QString selected;
  for (const QString& f : d->columns) selected += QStringLiteral(", ") + c.quoteIdentifier(f) + QStringLiteral("::text");
  const QString sql = QStringLiteral(
                          "WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), $4) AS pt) "
                          "SELECT %1%2 FROM %3, p WHERE %4 && ST_Expand(p.pt, $3) AND "
                          "CASE WHEN ST_Dimension(%4) = 2 THEN ST_Intersects(%4, p.pt) ELSE ST_DWithin(%4, p.pt, $3) END "
                          "ORDER BY 1 LIMIT $5")
                          .arg(key, selected, c.qualifiedName(d->table.schema, d->table.table), geom);
  auto rows = c.query(sql, {number(at.x()), number(at.y()), number(layerTolerance), QString::number(d->table.srid), QString::number(limit)});
  d->giveBack(connection);
  if (!rows.ok()) return Error{rows.error().code, tr("%1: %2").arg(d->name(), rows.error().message)};
  std::vector<IdentifiedFeature> found;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    IdentifiedFeature f;
    f.key = rows->text(i, 0).toLongLong();
    for (int col = 0; col < d->columns.size(); ++col) {
      const auto& v = rows->rows[i][static_cast<std::size_t>(col + 1)];
      f.values.emplace_back(d->columns[col], v.has_value() ? QVariant(*v) : QVariant());
    }
    found.push_back(std::move(f));
  }
  return found;
}

Result<QString> PgFeatureSource::queryPlan(const FeatureRequest& request) const {
  auto taken = d->take();
  if (!taken.ok()) return taken.error();
  std::shared_ptr<PgConnection> connection = std::move(taken).value();
  auto rows = connection->query(QStringLiteral("EXPLAIN (FORMAT JSON) ") + d->viewQuery(*connection, request.fields), d->viewParameters(request));
  d->giveBack(connection);
  if (!rows.ok()) return rows.error();
  QString plan;
  for (std::size_t i = 0; i < rows->size(); ++i) plan += rows->text(i, 0);
  return plan;
}

}  // namespace xiuhua::gis
