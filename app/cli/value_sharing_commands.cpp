#include "cli/value_sharing_commands.h"

#include "cli/cli_args.h"
#include "xiuhua/indicators/value_sharing.h"
#include "xiuhua/indicators/value_store.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace xiuhua::cli {
namespace {

constexpr const char* kUsage =
    "usage: xiuhua-cli indicators share --project FILE --connection CONN --schema NAME [--join] [--json]\n"
    "       xiuhua-cli indicators unshare --project FILE\n"
    "       xiuhua-cli indicators where --project FILE [--json]\n"
    "  share copies the project's catalog, values and audit into an empty schema (made if missing);\n"
    "  with --join the project uses a schema that holds a district's values already.\n"
    "  CONN: a libpq connection string without a password (\"service=city\"); see xiuhua-cli pg.\n";

int share(const QString& project, const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString connection = option(args, QStringLiteral("--connection"));
  const QString schema = option(args, QStringLiteral("--schema"));
  if (connection.isEmpty() || schema.isEmpty()) {
    err << kUsage;
    return 2;
  }
  auto info = gis::PgConnectionInfo::parse(connection);
  if (!info.ok()) {
    err << "xiuhua-cli: " << info.error().message << "\n";
    return 2;
  }
  const bool join = flag(args, QStringLiteral("--join"));
  auto report = indicators::shareValues(project, {info.value(), schema}, join ? indicators::ShareMode::Join : indicators::ShareMode::Copy);
  if (!report.ok()) {
    err << "xiuhua-cli: " << report.error().message << "\n";
    return 1;
  }
  if (flag(args, QStringLiteral("--json"))) {
    out << QJsonDocument(QJsonObject{{QStringLiteral("project"), project},
                                     {QStringLiteral("connection"), info->displayName()},
                                     {QStringLiteral("schema"), schema},
                                     {QStringLiteral("joined"), report->joined},
                                     {QStringLiteral("copied"), QJsonObject{{QStringLiteral("indicators"), report->indicators},
                                                                            {QStringLiteral("values"), report->values},
                                                                            {QStringLiteral("assessments"), report->assessments},
                                                                            {QStringLiteral("decisions"), report->decisions}}},
                                     {QStringLiteral("shared_values"), report->sharedValues}})
               .toJson();
  } else if (report->joined) {
    out << "the project now uses the values in schema " << schema << " on " << info->displayName() << " (" << report->sharedValues
        << " values); its own stay in the file\n";
  } else {
    out << "copied " << report->indicators << " indicators, " << report->values << " values, " << report->assessments
        << " assessments and " << report->decisions << " decisions to schema " << schema << " on " << info->displayName() << "\n";
  }
  return 0;
}

int where(const QString& project, const QStringList& args, QTextStream& out, QTextStream& err) {
  auto shared = indicators::sharedValuesOf(project);
  if (!shared.ok()) {
    err << "xiuhua-cli: " << shared.error().message << "\n";
    return 1;
  }
  QJsonObject o{{QStringLiteral("project"), project}, {QStringLiteral("shared"), shared->has_value()}};
  if (shared->has_value()) {
    o.insert(QStringLiteral("connection"), (*shared)->connection.toString());
    o.insert(QStringLiteral("schema"), (*shared)->schema);
    // Whether it answers now, and as whom.
    auto store = indicators::ValueStore::open(project);
    o.insert(QStringLiteral("reachable"), store.ok());
    if (!store.ok()) o.insert(QStringLiteral("problem"), store.error().message);
  }
  if (flag(args, QStringLiteral("--json"))) {
    out << QJsonDocument(o).toJson();
  } else if (shared->has_value()) {
    out << "schema " << (*shared)->schema << " on " << (*shared)->connection.displayName()
        << (o.value(QStringLiteral("reachable")).toBool() ? QString() : QStringLiteral(" (not reachable: %1)").arg(o.value(QStringLiteral("problem")).toString()))
        << "\n";
  } else {
    out << "the project file\n";
  }
  return 0;
}

}  // namespace

bool isValueSharingCommand(const QString& sub) {
  return sub == QLatin1String("share") || sub == QLatin1String("unshare") || sub == QLatin1String("where");
}

int runValueSharing(const QString& sub, const QString& project, const QStringList& args, QTextStream& out, QTextStream& err) {
  if (sub == QLatin1String("share")) return share(project, args, out, err);
  if (sub == QLatin1String("where")) return where(project, args, out, err);
  // unshare: works with the server down (nothing is asked of it).
  if (gis::Status s = indicators::stopSharingValues(project); !s) {
    err << "xiuhua-cli: " << s.error().message << "\n";
    return 1;
  }
  out << "the project's indicator values are read from " << project << " again (as they were when sharing began)\n";
  return 0;
}

}  // namespace xiuhua::cli
