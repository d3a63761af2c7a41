#pragma once

// Internal: writing an editing session's changes into the layer's file without ever leaving it half
// written.
#include "xiuhua/gis/edit/edit_buffer.h"

#include <functional>
#include <map>

namespace xiuhua::gis::detail {

// A GeoPackage (or SQLite) layer: the changed, added and deleted features only, in one
// transaction. Returns each added feature's new fid.
Result<std::map<qint64, qint64>> saveInTransaction(const VectorData& base, const std::map<qint64, FeatureOverride>& overrides);

// Any other format: the layer copied with the changes into new files beside it (same driver, CRS,
// fields; a shapefile in its own text encoding), then swapped in — every side file at once, the old
// ones kept as backups until the new ones are all in place, and put back if that fails.
Status rewriteLayer(const VectorData& base, const std::map<qint64, FeatureOverride>& overrides);

// Test-only fault injection: the hook is called at each named stage of a save, so a crash test
// can stop (and kill) the process at the most dangerous moments:
//   "transaction-written"   a GeoPackage's rows are written, the transaction is not committed;
//   "new-files-written"     the new files are complete in the hidden folder (their sizes not yet
//                           checked against a shapefile's 2 GB), the old ones untouched;
//   "originals-backed-up"   every old file is renamed to its backup, none of the new ones is in place;
//   "swap-half-done"        the first new file is in place, the others are not (a mix on disk).
// An empty hook (the default) costs one test of a std::function. Not thread-safe: set it before
// saving, on the thread that saves.
//   "pg-rows-written"       a PostGIS table's rows are written, the transaction is not committed.
void setSaveHook(std::function<void(const char* stage)> hook);
// Calls the hook, if any, with the stage reached.
void reachStage(const char* stage);

// After a crash during a swap: puts back backups whose file is missing and removes the others.
void recoverInterruptedSwap(const QString& path);

}  // namespace xiuhua::gis::detail
