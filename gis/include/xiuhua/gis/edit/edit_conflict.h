#pragma once

#include "xiuhua/gis/edit/edit_buffer.h"

#include <QString>

#include <optional>

namespace xiuhua::gis {

// A feature another user changed since it was read, found when saving to a shared database (a
// PostGIS table): the save stopped before committing, nothing was written. Mine is the session's
// version (nullopt: I deleted it); theirs is the row as it is in the database now (nullopt: it is
// gone).
struct EditConflict {
  enum class Kind {
    ChangedByOther,   // another user changed the row after it was read
    DeletedByOther,   // another user deleted the row
    Refused,          // the row is as read, but the server refused the change (row-level security)
  };
  qint64 fid = 0;
  Kind kind = Kind::ChangedByOther;
  std::optional<EditedFeature> mine;
  std::optional<EditedFeature> theirs;
  qint64 theirVersion = 0;  // the row's version now (PostGIS: xmin), for "take mine" and merges
  QString message;          // says which and what to do, naming the table and the feature

  // A stable code for JSON ("changed", "deleted", "refused").
  QString code() const;
};

// How the user settles a conflict: keep theirs (drop my edit of the feature), take mine (write mine
// over theirs at the next save), or merge (my feature with the given attribute values, over theirs).
enum class ConflictResolution { KeepTheirs, TakeMine, Merge };

}  // namespace xiuhua::gis
