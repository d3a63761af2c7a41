#include "pg_layer_save.h"

#include "edit/layer_save.h"
#include "ogr_convert.h"
#include "translate.h"
#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/gis/postgis/pg_tables.h"

#include <ogr_geometry.h>

#include <QDate>
#include <QDateTime>

namespace xiuhua::gis::detail {
namespace {

QString tr(const char* text) { return detail::translate("EditBuffer", text); }

Error saveFailure(const QString& table, const QString& why) {
  return Error{ErrorCode::IoFailed, tr("%1: the edits cannot be saved (%2); nothing was written to the table.").arg(table, why)};
}

// A value as the server reads it from text (the column's type is inferred from the statement).
QString textOf(const QVariant& v, Field::Type type) {
  if (!v.isValid() || v.isNull()) return {};
  switch (type) {
    case Field::Type::Integer: return QString::number(v.toLongLong());
    case Field::Type::Real: return QString::number(v.toDouble(), 'g', 17);
    case Field::Type::Date: return v.toDate().toString(Qt::ISODate);
    case Field::Type::DateTime: return v.toDateTime().toString(Qt::ISODateWithMs);
    default: return v.toString();
  }
}

QVariant valueOf(const std::optional<QString>& text, Field::Type type) {
  if (!text) return {};
  switch (type) {
    case Field::Type::Integer: return QVariant::fromValue<qlonglong>(text->toLongLong());
    case Field::Type::Real: return text->toDouble();
    default: return *text;
  }
}

// The geometry as hex WKB (null for an empty one).
QString hexWkb(const Geometry& g) {
  const std::unique_ptr<OGRGeometry> ogr = toOgr(g);
  if (!ogr) return {};
  QByteArray wkb(static_cast<qsizetype>(ogr->WkbSize()), Qt::Uninitialized);
  ogr->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
  return QString::fromLatin1(wkb.toHex());
}

Geometry fromHexWkb(const std::optional<QString>& hex) {
  if (!hex || hex->isEmpty()) return {};
  const QByteArray wkb = QByteArray::fromHex(hex->toLatin1());
  OGRGeometry* g = nullptr;
  if (OGRGeometryFactory::createFromWkb(reinterpret_cast<const unsigned char*>(wkb.constData()), nullptr, &g, wkb.size()) != OGRERR_NONE) return {};
  std::unique_ptr<OGRGeometry> owned(g);
  return fromOgr(owned.get());
}

// The statements of one table: the columns by the layer's fields, identifiers quoted.
struct Statements {
  const PgConnection& c;
  const PgTableInfo& table;
  const VectorData& base;

  QString name() const { return c.qualifiedName(table.schema, table.table); }
  QString key() const { return c.quoteIdentifier(table.primaryKey.front()); }
  QString geometry() const { return c.quoteIdentifier(table.geometryColumn); }

  // The geometry from parameter $n in the column's kind: one part where the column takes one.
  QString geometryFrom(int n) const {
    QString g = QStringLiteral("ST_GeomFromWKB(decode($%1, 'hex'))").arg(n);
    if (table.srid > 0) g = QStringLiteral("ST_SetSRID(%1, %2)").arg(g).arg(table.srid);
    if (table.geometryType.startsWith(QLatin1String("MULTI"))) return QStringLiteral("ST_Multi(%1)").arg(g);
    return QStringLiteral("(CASE WHEN ST_NumGeometries(%1) = 1 THEN ST_GeometryN(%1, 1) ELSE %1 END)").arg(g);
  }

  QStringList values(const EditedFeature& f) const {
    QStringList out;
    for (std::size_t i = 0; i < base.fields.size(); ++i) {
      out << textOf(i < f.attributes.size() ? f.attributes[i] : QVariant(), base.fields[i].type);
    }
    out << hexWkb(f.geometry);
    return out;
  }

  QString update() const {
    QStringList sets;
    for (std::size_t i = 0; i < base.fields.size(); ++i) sets << QStringLiteral("%1 = $%2").arg(c.quoteIdentifier(base.fields[i].name)).arg(i + 3);
    sets << QStringLiteral("%1 = %2").arg(geometry(), geometryFrom(static_cast<int>(base.fields.size()) + 3));
    return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = $1 AND xmin::text::bigint = $2 RETURNING %3").arg(name(), sets.join(QStringLiteral(", ")), key());
  }

  QString insert() const {
    QStringList columns;
    QStringList params;
    for (std::size_t i = 0; i < base.fields.size(); ++i) {
      columns << c.quoteIdentifier(base.fields[i].name);
      params << QStringLiteral("$%1").arg(i + 1);
    }
    columns << geometry();
    params << geometryFrom(static_cast<int>(base.fields.size()) + 1);
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING %4").arg(name(), columns.join(QStringLiteral(", ")), params.join(QStringLiteral(", ")), key());
  }

  QString remove() const { return QStringLiteral("DELETE FROM %1 WHERE %2 = $1 AND xmin::text::bigint = $2 RETURNING %2").arg(name(), key()); }

  QString current() const {
    QStringList columns{QStringLiteral("xmin::text")};
    for (const Field& f : base.fields) columns << c.quoteIdentifier(f.name) + QStringLiteral("::text");
    columns << QStringLiteral("encode(ST_AsBinary(%1), 'hex')").arg(geometry());
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3 = $1").arg(columns.join(QStringLiteral(", ")), name(), key());
  }
};

bool sameFeature(const EditedFeature& a, const EditedFeature& b, const VectorData& base) {
  if (hexWkb(a.geometry) != hexWkb(b.geometry)) return false;
  for (std::size_t i = 0; i < base.fields.size(); ++i) {
    const QVariant x = i < a.attributes.size() ? a.attributes[i] : QVariant();
    const QVariant y = i < b.attributes.size() ? b.attributes[i] : QVariant();
    if (textOf(x, base.fields[i].type) != textOf(y, base.fields[i].type)) return false;
  }
  return true;
}

}  // namespace

Result<PgSaveOutcome> savePgEdits(const VectorData& base, const std::map<qint64, FeatureOverride>& overrides,
                                  const std::map<qint64, qint64>& expected) {
  auto source = PgLayerSource::parse(base.path, base.layerName);
  if (!source.ok()) return source.error();
  const QString tableName = source->connection.displayName() + QLatin1Char(' ') + base.layerName;
  auto connection = PgConnection::open(source->connection);
  if (!connection.ok()) return saveFailure(tableName, connection.error().message);
  const PgConnection& c = *connection.value();
  auto info = pgGeometryTable(c, source->schema, source->table);
  if (!info.ok()) return saveFailure(tableName, info.error().message);
  if (!info.value()) return saveFailure(tableName, tr("the table is gone, or this user may no longer read it"));
  const PgTableInfo& table = *info.value();
  if (!table.readOnlyReason().isEmpty()) return saveFailure(tableName, table.readOnlyReason());
  const Statements sql{c, table, base};

  if (Status s = c.execute(QStringLiteral("BEGIN")); !s) return saveFailure(tableName, s.error().message);
  auto rollback = [&] { (void)c.execute(QStringLiteral("ROLLBACK")); };
  PgSaveOutcome outcome;

  // A changed or deleted row that matched nothing: deleted, changed by another, or refused.
  auto explain = [&](qint64 fid, const std::optional<EditedFeature>& mine, qint64 version) -> Result<bool> {
    auto rows = c.query(sql.current(), {QString::number(fid)});
    if (!rows.ok()) return rows.error();
    EditConflict conflict;
    conflict.fid = fid;
    conflict.mine = mine;
    if (rows->size() == 0) {
      if (!mine) return true;  // deleted by both: as I wanted
      conflict.kind = EditConflict::Kind::DeletedByOther;
      conflict.message = tr("%1: feature %2 was deleted by another user after you read it.").arg(tableName).arg(fid);
    } else {
      EditedFeature theirs;
      theirs.fid = fid;
      for (std::size_t i = 0; i < base.fields.size(); ++i) theirs.attributes.push_back(valueOf(rows->rows[0][i + 1], base.fields[i].type));
      theirs.geometry = fromHexWkb(rows->rows[0][base.fields.size() + 1]);
      conflict.theirs = theirs;
      conflict.theirVersion = rows->text(0, 0).toLongLong();
      if (conflict.theirVersion == version) {
        conflict.kind = EditConflict::Kind::Refused;
        conflict.message = tr("%1: the server refused your change of feature %2 (row-level security: this user may not change that "
                              "row). It is as you read it; nothing was overwritten.")
                               .arg(tableName)
                               .arg(fid);
      } else {
        if (mine && sameFeature(*mine, theirs, base)) return true;  // already as mine (a repeated save)
        conflict.kind = EditConflict::Kind::ChangedByOther;
        conflict.message = tr("%1: feature %2 was changed by another user after you read it.").arg(tableName).arg(fid);
      }
    }
    outcome.conflicts.push_back(std::move(conflict));
    return false;
  };

  for (const auto& [fid, o] : overrides) {
    if (!o.present) continue;
    if (fid < 0) {
      if (!o.value) continue;
      auto r = c.run(sql.insert(), sql.values(*o.value));
      if (const auto* e = std::get_if<PgError>(&r)) {
        rollback();
        return saveFailure(tableName, e->error.message);
      }
      outcome.added[fid] = std::get<PgRows>(r).text(0, 0).toLongLong();
      continue;
    }
    const auto version = expected.find(fid);
    if (version == expected.end()) {
      rollback();
      return saveFailure(tableName, tr("the version read of feature %1 is unknown").arg(fid));
    }
    QStringList params{QString::number(fid), QString::number(version->second)};
    if (o.value) params << sql.values(*o.value);
    auto r = c.run(o.value ? sql.update() : sql.remove(), params);
    if (const auto* e = std::get_if<PgError>(&r)) {
      if (e->sqlState == QLatin1String("42501")) {  // a WITH CHECK policy (or a privilege) refused the new row
        EditConflict conflict{fid, EditConflict::Kind::Refused, o.value, std::nullopt, version->second,
                              tr("%1: the server refused your change of feature %2: %3").arg(tableName).arg(fid).arg(e->error.message)};
        outcome.conflicts.push_back(std::move(conflict));
        break;  // the transaction is aborted: the other rows are checked at the next save
      }
      rollback();
      return saveFailure(tableName, e->error.message);
    }
    if (std::get<PgRows>(r).size() == 1) continue;
    auto settled = explain(fid, o.value, version->second);
    if (!settled.ok()) {
      rollback();
      return saveFailure(tableName, settled.error().message);
    }
  }
  if (!outcome.conflicts.empty()) {
    rollback();
    outcome.added.clear();
    return outcome;
  }
  reachStage("pg-rows-written");
  if (Status s = c.execute(QStringLiteral("COMMIT")); !s) {
    return Error{ErrorCode::ConnectionFailed,
                 tr("%1: the connection was lost while saving: %2. The server keeps nothing of a transaction it did not commit; your "
                    "edits are kept here. Save again when the server is back.")
                     .arg(tableName, s.error().message)};
  }
  return outcome;
}

}  // namespace xiuhua::gis::detail

namespace xiuhua::gis {

QString EditConflict::code() const {
  switch (kind) {
    case Kind::ChangedByOther: return QStringLiteral("changed");
    case Kind::DeletedByOther: return QStringLiteral("deleted");
    case Kind::Refused: return QStringLiteral("refused");
  }
  return {};
}

}  // namespace xiuhua::gis
