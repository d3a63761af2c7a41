#pragma once

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// `xiuhua-cli pg check|tables --connection "service=NAME" [--json]`: test a PostgreSQL connection
// (what failed, in the user's terms) and list the tables and views with a geometry column.
int runPostgis(const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace xiuhua::cli
