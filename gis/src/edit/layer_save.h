#pragma once

// Internal: writing an editing session's changes into the layer's file without ever leaving it half
// written.
#include "xiuhua/gis/edit/edit_buffer.h"

#include <map>

namespace xiuhua::gis::detail {

// A GeoPackage (or SQLite) layer: the changed, added and deleted features only, in one
// transaction. Returns each added feature's new fid.
Result<std::map<qint64, qint64>> saveInTransaction(const VectorData& base, const std::map<qint64, FeatureOverride>& overrides);

// Any other format: the layer copied with the changes into new files beside it (same driver, CRS,
// fields; a shapefile in its own text encoding), then swapped in — every side file at once, the old
// ones kept as backups until the new ones are all in place, and put back if that fails.
Status rewriteLayer(const VectorData& base, const std::map<qint64, FeatureOverride>& overrides);

// After a crash during a swap: puts back backups whose file is missing and removes the others.
void recoverInterruptedSwap(const QString& path);

}  // namespace xiuhua::gis::detail
