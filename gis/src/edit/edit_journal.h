#pragma once

// Internal: the journal of an editing session — every unsaved change of a layer, written beside it
// (replaced whole, atomically) after each change, read back after a crash.
#include "xiuhua/gis/edit/edit_buffer.h"

#include <map>

namespace xiuhua::gis::detail {

struct Journal {
  QString stamp;  // fileStamp of the layer when the session started
  qint64 nextFid = -1;
  std::map<qint64, FeatureOverride> overrides;
};

// ".<file>.<layer>.xhjournal" beside the file.
QString journalPath(const QString& path, const QString& layer);
Status writeJournal(const QString& file, const Journal& journal);
// The journal; the fields give the attributes their types back.
Result<Journal> readJournal(const QString& file, const std::vector<Field>& fields);

}  // namespace xiuhua::gis::detail
