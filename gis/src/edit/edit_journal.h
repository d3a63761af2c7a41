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
  std::map<qint64, qint64> versions;  // a shared table's: the row version each edit was made on
};

// ".<file>.<layer>.xhjournal" beside the file;
// for a PostGIS table, a file named after the source, the table and this process in Xiuhua's data
// folder (~/.local/share/Xiuhua/journals): sessions of two processes on one machine keep their own.
QString journalPath(const QString& path, const QString& layer);
// A PostGIS table's journal left by a process that is gone (a crash); empty when there is none.
QString orphanedJournal(const QString& path, const QString& layer);
Status writeJournal(const QString& file, const Journal& journal);
// The journal; the fields give the attributes their types back.
Result<Journal> readJournal(const QString& file, const std::vector<Field>& fields);

}  // namespace xiuhua::gis::detail
