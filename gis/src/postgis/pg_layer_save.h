#pragma once

// Internal: an editing session's changes written into a PostGIS table — one transaction, each
// changed or deleted row checked against the version it was read at, nothing committed when one
// was changed by someone else meanwhile.
#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/edit/edit_conflict.h"

#include <map>
#include <vector>

namespace xiuhua::gis::detail {

struct PgSaveOutcome {
  std::map<qint64, qint64> added;       // each added feature's new key
  std::vector<EditConflict> conflicts;  // non-empty: nothing was committed
};

// expected: for each changed or deleted feature, the row version it was read at. A row already
// exactly as mine (a save whose commit was lost with the connection, then repeated) is no conflict.
// Stage "pg-rows-written" (setSaveHook) is reached after the rows are written, before COMMIT.
Result<PgSaveOutcome> savePgEdits(const VectorData& base, const std::map<qint64, FeatureOverride>& overrides,
                                  const std::map<qint64, qint64>& expected);

}  // namespace xiuhua::gis::detail
