#pragma once

// Internal: writing a file atomically — build it under a hidden temporary name beside the target,
// then rename it over the target (a failure never leaves half a file).
#include <QFileInfo>
#include <QString>

namespace xiuhua::gis::detail {

// A hidden name beside the target with the given suffix (so that GDAL picks the same driver).
QString temporaryBeside(const QFileInfo& target, const QString& suffix);
// Renames temp over target unless writing it failed (writeError, e.g. GDAL's last error, not
// empty); on failure removes temp and returns why (empty on success).
QString replaceWith(const QString& temp, const QFileInfo& target, const QString& writeError = {});

}  // namespace xiuhua::gis::detail
