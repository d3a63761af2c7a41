#pragma once

#include "xiuhua/gis/field.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/result.h"
#include "xiuhua/gis/vector_data.h"

#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace xiuhua::gis {

struct EditConflict;
enum class ConflictResolution;

// A feature as it is being edited, in the layer's CRS; attributes in the layer's field order.
struct EditedFeature {
  qint64 fid = 0;  // negative: added in this session, not saved yet
  Geometry geometry;
  AttributeRow attributes;
};

// What the session holds for one fid, beside the layer on disk: nothing (as on disk), a new
// version of the feature, or its deletion.
struct FeatureOverride {
  bool present = false;                // false: the feature is as on disk
  std::optional<EditedFeature> value;  // with present: the feature now, or nullopt when deleted
};

// The edits of one layer in one editing session — the layer on disk stays as it was until save().
// Only what changed is held (a session on a million-feature layer costs what it edits). Every
// change is journaled beside the layer at once, so a crash loses nothing: the next session on the
// layer finds the journal and can restore it. The session holds the layer's lock (a second planner
// is told who has it) and refuses to save over a file that changed on disk since it started.
//
// Changes go through FeatureEditCommand (undo/redo); this class is the state they act on.
class EditBuffer {
 public:
  // Starts a session on the layer read into `data` (what the map shows; its geometries in the
  // layer's CRS). Refuses a read-only source or format, or a layer another session holds. With
  // restoreJournal, a journal left by a session that did not end (a crash) is taken up, if the
  // file is still as it was then; otherwise the journal is left alone and journalProblem() says why.
  static Result<std::unique_ptr<EditBuffer>> start(std::shared_ptr<const VectorData> data, bool restoreJournal = true);
  ~EditBuffer();  // releases the lock; the journal stays if there are unsaved edits (see discard())
  EditBuffer(const EditBuffer&) = delete;
  EditBuffer& operator=(const EditBuffer&) = delete;

  // Whether a journal with unsaved edits exists for this layer (a session that did not end).
  static bool hasJournal(const QString& path, const QString& layer);

  const VectorData& base() const { return *mBase; }
  std::shared_ptr<const VectorData> baseData() const { return mBase; }
  bool isModified() const { return !mOverrides.empty(); }
  bool restoredFromJournal() const { return mRestored; }
  const QString& journalProblem() const { return mJournalProblem; }

  // The feature as edited; nullopt when it is deleted or there is no such fid.
  std::optional<EditedFeature> feature(qint64 fid) const;
  // The fids of the features now: those on disk not deleted, then the added ones.
  std::vector<qint64> fids() const;
  const std::map<qint64, FeatureOverride>& overrides() const { return mOverrides; }
  // A fid for a new feature (negative, never used before in this session).
  qint64 newFid();

  // The low-level change every command makes; journals it. Failing to journal is reported (the
  // change is kept in memory).
  FeatureOverride overrideOf(qint64 fid) const;
  Status setOverride(qint64 fid, const FeatureOverride& value);

  // Writes the edits into the layer: a GeoPackage in one transaction, touching only the changed
  // features; another format (Shapefile, GeoJSON) rewritten beside and swapped in with all its side
  // files, the shapefile in its own text encoding. A failure leaves the file as it was and says why.
  // On success the session goes on from the saved state (overrides empty, journal gone; the saved
  // features still read as saved until rebase()); the returned map gives each added feature's fid in
  // the file (GeoPackage), empty when the format renumbers its features. The caller reloads the
  // layer, rebases the session on it, and clears its undo history (the steps refer to the old file).
  Result<std::map<qint64, qint64>> save();
  // The layer as read again after a save.
  void rebase(std::shared_ptr<const VectorData> data);

  // A shared table (PostGIS): what the last save met — rows other users changed or deleted since
  // they were read, or that the server refused (save() then fails with ErrorCode::EditConflict and
  // writes nothing). Each is settled with resolve(); the next save writes the rest.
  const std::vector<EditConflict>& conflicts() const;
  // Keep theirs (my edit of the feature dropped), take mine (written over theirs), or merge (mine
  // with the merged attributes, over theirs). A feature they deleted comes back, if taken, as new.
  Status resolve(qint64 fid, ConflictResolution how, const AttributeRow& merged = {});
  // Forgets the edits (and the journal).
  void discard();

 private:
  struct Private;
  explicit EditBuffer(std::unique_ptr<Private> d, std::shared_ptr<const VectorData> base);
  Status writeJournal() const;
  static Result<std::unique_ptr<EditBuffer>> startShared(std::shared_ptr<const VectorData> data, bool restoreJournal);
  Result<std::map<qint64, qint64>> saveShared();

  std::unique_ptr<Private> d;
  std::shared_ptr<const VectorData> mBase;
  // fid → row of the base: nothing when the base's fids ascend (as GDAL reads them: a binary
  // search on them), else a sorted copy of (fid, row).
  std::optional<std::size_t> rowOf(qint64 fid) const;
  void buildIndex();
  std::vector<std::pair<std::int64_t, std::size_t>> mUnsortedIndex;
  std::map<qint64, FeatureOverride> mOverrides;
  std::map<qint64, FeatureOverride> mSaved;  // saved, until rebase()
  qint64 mNextFid = -1;
  bool mRestored = false;
  QString mJournalProblem;
};

}  // namespace xiuhua::gis
