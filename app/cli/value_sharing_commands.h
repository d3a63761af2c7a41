#pragma once

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// `xiuhua-cli indicators share|unshare|where --project FILE …`: where the project's indicator
// values live (the project file, or a schema on a PostgreSQL server shared by several units).
bool isValueSharingCommand(const QString& sub);
int runValueSharing(const QString& sub, const QString& project, const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace xiuhua::cli
