#pragma once

#include "xiuhua/indicators/value_store.h"

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// `xiuhua-cli indicators audit|confirm|baseline --project FILE …`: what the plans leave open in the
// catalog, and the analysts' answers (see README).
bool isCatalogAuditCommand(const QString& sub);
int runCatalogAudit(const QString& sub, indicators::ValueStore& store, const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace xiuhua::cli
