#include "cli/postgis_commands.h"

#include "cli/cli_args.h"
#include "xiuhua/gis/postgis/pg_connection.h"
#include "xiuhua/gis/postgis/pg_tables.h"
#include "xiuhua/gis/source_ref.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/gis/vector_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace xiuhua::cli {
namespace {

constexpr const char* kUsage =
    "usage: xiuhua-cli pg check --connection CONN [--json]\n"
    "       xiuhua-cli pg tables --connection CONN [--json]\n"
    "       xiuhua-cli pg publish --connection CONN --source SRC --table SCHEMA.TABLE [--where EXPR]\n"
    "  CONN: a libpq connection string without a password, e.g. \"service=city\" or\n"
    "        \"host=db.example port=5432 dbname=city user=planner sslmode=verify-full\";\n"
    "        passwords come from ~/.pgpass (PGPASSFILE) or the service file (PGSERVICEFILE)\n";

void print(QTextStream& out, const QJsonObject& o) { out << QJsonDocument(o).toJson(QJsonDocument::Indented); }

int check(const gis::PgConnectionInfo& info, bool json, QTextStream& out) {
  const gis::PgConnectionCheck c = gis::checkPgConnection(info);
  if (json) {
    print(out, {{QStringLiteral("connection"), info.displayName()},
                {QStringLiteral("ok"), c.ok()},
                {QStringLiteral("problem"), c.code()},
                {QStringLiteral("message"), c.message},
                {QStringLiteral("user"), c.user},
                {QStringLiteral("server_version"), c.serverVersion},
                {QStringLiteral("postgis_version"), c.postgisVersion},
                {QStringLiteral("ssl"), c.ssl}});
  } else {
    out << c.message << "\n";
  }
  return c.ok() ? 0 : 1;
}

int tables(const gis::PgConnectionInfo& info, bool json, QTextStream& out, QTextStream& err) {
  auto connection = gis::PgConnection::open(info);
  if (!connection.ok()) {
    // Say why in the user's terms, as "check" does.
    err << "xiuhua-cli: " << gis::checkPgConnection(info).message << "\n";
    return 1;
  }
  auto list = gis::pgGeometryTables(*connection.value());
  if (!list.ok()) {
    err << "xiuhua-cli: " << list.error().message << "\n";
    return 1;
  }
  QJsonArray rows;
  for (const gis::PgTableInfo& t : list.value()) {
    const QString source = QStringLiteral("PG:%1|layername=%2").arg(info.toString(), t.layerName());
    if (json) {
      rows.append(QJsonObject{{QStringLiteral("schema"), t.schema},
                              {QStringLiteral("table"), t.table},
                              {QStringLiteral("geometry_column"), t.geometryColumn},
                              {QStringLiteral("geometry_type"), t.geometryType},
                              {QStringLiteral("srid"), t.srid},
                              {QStringLiteral("view"), t.isView},
                              {QStringLiteral("estimated_rows"), t.estimatedRows ? QJsonValue(*t.estimatedRows) : QJsonValue()},
                              {QStringLiteral("primary_key"), QJsonArray::fromStringList(t.primaryKey)},
                              {QStringLiteral("read_only"), t.readOnlyReason()},
                              {QStringLiteral("source"), source}});
    } else {
      out << t.layerName() << "\t" << t.geometryType << "\tSRID " << t.srid << "\t"
          << (t.estimatedRows ? QString::number(*t.estimatedRows) : QStringLiteral("?")) << " rows\t" << source << "\n";
    }
  }
  if (json) print(out, {{QStringLiteral("connection"), info.displayName()}, {QStringLiteral("tables"), rows}});
  return 0;
}

// A layer published as a new table: read as Xiuhua reads it (its text decoded once, whatever its
// encoding), written in UTF-8 with its SRID, a key and a spatial index.
int publish(const gis::PgConnectionInfo& info, const QStringList& args, QTextStream& out, QTextStream& err) {
  auto ref = gis::SourceRef::parseChecked(option(args, QStringLiteral("--source")));
  const QString table = option(args, QStringLiteral("--table"));
  if (!ref.ok() || ref->path.isEmpty() || !table.contains(QLatin1Char('.'))) {
    err << (ref.ok() ? QString() : ref.error().message + QLatin1Char('\n')) << kUsage;
    return 2;
  }
  gis::ReadOptions options;
  options.layerName = ref->layer;
  options.encodingOverride = ref->encoding;
  options.where = option(args, QStringLiteral("--where"));
  auto data = gis::VectorReader::read(ref->path, options);
  if (!data.ok()) {
    err << "xiuhua-cli: " << data.error().message << "\n";
    return 1;
  }
  const gis::VectorData& d = *data.value();
  gis::LayerToWrite layer;
  layer.crs = ref->declaredCrs.isValid() ? ref->declaredCrs : d.crs;
  layer.type = d.geometryType;
  for (const gis::Field& f : d.fields) {
    const bool number = f.type == gis::Field::Type::Integer || f.type == gis::Field::Type::Real;
    layer.fields.push_back({f.name, number ? f.type : gis::Field::Type::String});
  }
  layer.geometries = d.geometries;
  layer.attributes = d.attributes;
  const qsizetype dot = table.indexOf(QLatin1Char('.'));
  if (gis::Status s = gis::VectorWriter::publishToPostgis(info.toString(), table.left(dot), table.mid(dot + 1), layer); !s) {
    err << "xiuhua-cli: " << s.error().message << "\n";
    return 1;
  }
  print(out, {{QStringLiteral("table"), table},
              {QStringLiteral("features"), static_cast<qint64>(d.featureCount())},
              {QStringLiteral("crs"), layer.crs.definition()},
              {QStringLiteral("encoding_read"), d.encoding.name},
              {QStringLiteral("source"), QStringLiteral("PG:%1|layername=%2").arg(info.toString(), table)}});
  return 0;
}

}  // namespace

int runPostgis(const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString sub = args.value(0);
  if (sub != QLatin1String("check") && sub != QLatin1String("tables") && sub != QLatin1String("publish")) {
    err << kUsage;
    return 2;
  }
  const QStringList rest = args.mid(1);
  if (auto unknown = unknownOption(rest, {QStringLiteral("--connection"), QStringLiteral("--source"), QStringLiteral("--table"), QStringLiteral("--where")},
                                   {QStringLiteral("--json")})) {
    err << "xiuhua-cli: unknown option " << *unknown << "\n" << kUsage;
    return 2;
  }
  const QString text = option(rest, QStringLiteral("--connection"));
  if (text.isEmpty()) {
    err << kUsage;
    return 2;
  }
  auto info = gis::PgConnectionInfo::parse(text);
  if (!info.ok()) {
    err << "xiuhua-cli: " << info.error().message << "\n";
    return 2;
  }
  const bool json = flag(rest, QStringLiteral("--json"));
  if (sub == QLatin1String("publish")) return publish(info.value(), rest, out, err);
  return sub == QLatin1String("check") ? check(info.value(), json, out) : tables(info.value(), json, out, err);
}

}  // namespace xiuhua::cli
