#include "xiuhua/gis/edit/edit_buffer.h"

#include "edit/edit_journal.h"
#include "edit/layer_save.h"
#include "postgis/pg_layer_save.h"
#include "xiuhua/gis/postgis/pg_connection_info.h"
#include "xiuhua/gis/file_access.h"
#include "xiuhua/gis/file_stamp.h"
#include "xiuhua/gis/vector_editor.h"

#include "translate.h"
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#include <algorithm>
#include <mutex>

namespace xiuhua::gis {

namespace {

QString tr(const char* text, int n = -1) { return detail::translate("EditBuffer", text, n); }

// ".<file>.xhlock" beside the file: one editing session per file, across processes and machines
// sharing the folder (QLockFile: the holder's pid, host and application; stale when that process
// is gone).
QString lockPath(const QString& path) {
  const QFileInfo file(path);
  return file.absoluteDir().filePath(QStringLiteral(".%1.xhlock").arg(file.fileName()));
}

bool keepsFids(const QString& driver) { return driver == QLatin1String("GPKG") || driver == QLatin1String("SQLite"); }

}  // namespace

// One file's claim by this process: its lock, and the file's stamp as this process last left it.
// Sessions on several layers of one GeoPackage share it (one lock per file, as another process
// sees it); a save by one of them moves the stamp on for all, and their journals with it.
struct FileClaim {
  std::unique_ptr<QLockFile> lock;
  QString stamp;
  std::vector<EditBuffer*> sessions;
};

namespace {

std::mutex& claimsMutex() {
  static std::mutex m;
  return m;
}

std::map<QString, std::weak_ptr<FileClaim>>& claims() {
  static std::map<QString, std::weak_ptr<FileClaim>> c;
  return c;
}

}  // namespace

struct EditBuffer::Private {
  std::shared_ptr<FileClaim> claim;  // a file's; none for a shared table (its rows' versions instead)
  QString journal;
  QString tableStamp;  // a shared table has no file stamp: always empty
  QString& stamp() { return claim ? claim->stamp : tableStamp; }  // fileStamp when the session started (or last saved)
  // A shared table's: for each edited row, the version it was read at (what the save checks), and
  // what the last save met.
  std::map<qint64, qint64> expected;
  std::vector<EditConflict> conflicts;
  bool shared() const { return !claim; }
};

EditBuffer::EditBuffer(std::unique_ptr<Private> priv, std::shared_ptr<const VectorData> base) : d(std::move(priv)), mBase(std::move(base)) {
  buildIndex();
}

void EditBuffer::buildIndex() {
  mUnsortedIndex.clear();
  if (std::is_sorted(mBase->fids.begin(), mBase->fids.end())) return;
  mUnsortedIndex.reserve(mBase->fids.size());
  for (std::size_t i = 0; i < mBase->fids.size(); ++i) mUnsortedIndex.emplace_back(mBase->fids[i], i);
  std::sort(mUnsortedIndex.begin(), mUnsortedIndex.end());
}

std::optional<std::size_t> EditBuffer::rowOf(qint64 fid) const {
  if (mUnsortedIndex.empty()) {
    const auto it = std::lower_bound(mBase->fids.begin(), mBase->fids.end(), fid);
    if (it == mBase->fids.end() || *it != fid) return std::nullopt;
    return static_cast<std::size_t>(it - mBase->fids.begin());
  }
  const auto it = std::lower_bound(mUnsortedIndex.begin(), mUnsortedIndex.end(), std::pair<std::int64_t, std::size_t>(fid, 0));
  if (it == mUnsortedIndex.end() || it->first != fid) return std::nullopt;
  return it->second;
}

EditBuffer::~EditBuffer() {
  if (!d->claim) return;
  // The lock file goes with the file's last session (QLockFile).
  const std::lock_guard<std::mutex> guard(claimsMutex());
  auto& sessions = d->claim->sessions;
  sessions.erase(std::remove(sessions.begin(), sessions.end(), this), sessions.end());
}

bool EditBuffer::hasJournal(const QString& path, const QString& layer) {
  if (PgLayerSource::isPgPath(path)) return !detail::orphanedJournal(path, layer).isEmpty() || QFileInfo::exists(detail::journalPath(path, layer));
  return QFileInfo::exists(detail::journalPath(path, layer));
}

namespace {

// This process's claim of the layer's file: shared with the sessions on its other layers (a
// GeoPackage), else new — its lock taken, a save cut short by a crash undone under it. Refused when
// another process holds the file, or this one edits the same layer (or a file rewritten whole).
Result<std::shared_ptr<FileClaim>> claimFile(const VectorData* data) {
  std::shared_ptr<FileClaim> found;
  const std::lock_guard<std::mutex> guard(claimsMutex());
  const QString key = QFileInfo(data->path).absoluteFilePath();
  found = claims()[key].lock();
  if (found) {
    // Another layer of a GeoPackage may be edited beside it (its saves touch only their own
    // rows); the same layer twice, or a file that is rewritten whole on save, never.
    for (const EditBuffer* other : found->sessions) {
      if (other->base().layerName == data->layerName || !keepsFids(data->driver)) {
        return Error{ErrorCode::IoFailed, tr("%1 (layer %2) is already being edited in this window (process %3).")
                                              .arg(QFileInfo(data->path).fileName(), data->layerName)
                                              .arg(QCoreApplication::applicationPid())};
      }
    }
  } else {
    auto claim = std::make_shared<FileClaim>();
    claim->lock = std::make_unique<QLockFile>(lockPath(data->path));
    claim->lock->setStaleLockTime(0);  // only a dead holder makes it stale, never its age
    if (!claim->lock->tryLock(0) && claim->lock->error() != QLockFile::LockFailedError) {
      // No lock file can be made (a read-only folder …): the editor check says why by name.
      auto editor = VectorEditor::open(SourceRef{data->path, data->layerName, Crs(), {}});
      if (!editor.ok()) return editor.error();
      return Error{ErrorCode::IoFailed, tr("%1 cannot be edited: no lock file can be written beside it in %2.")
                                            .arg(QFileInfo(data->path).fileName(), QFileInfo(data->path).absolutePath())};
    }
    if (!claim->lock->isLocked()) {
      qint64 pid = 0;
      QString host;
      QString app;
      claim->lock->getLockInfo(&pid, &host, &app);
      const QDateTime since = QFileInfo(lockPath(data->path)).lastModified();
      return Error{ErrorCode::IoFailed, tr("%1 is being edited by %2 (process %3 on %4) since %5; try again when it is saved and closed.")
                                            .arg(QFileInfo(data->path).fileName(), app.isEmpty() ? tr("another program") : app)
                                            .arg(pid)
                                            .arg(host, since.toString(QStringLiteral("yyyy-MM-dd HH:mm")))};
    }
    claims()[key] = claim;
    found = std::move(claim);
    // Under the lock (no other session is mid-save): a save cut short by a crash is undone, the
    // old files back.
    detail::recoverInterruptedSwap(data->path);
  }
  return found;
}

}  // namespace

Result<std::unique_ptr<EditBuffer>> EditBuffer::start(std::shared_ptr<const VectorData> data, bool restoreJournal) {
  if (!data) return Error{ErrorCode::InvalidArgument, tr("There is no layer to edit.")};
  if (!data->readOnlyReason.isEmpty()) {
    return Error{ErrorCode::IoFailed, tr("%1 (layer %2) opens read-only: %3").arg(data->path, data->layerName, data->readOnlyReason)};
  }
  if (PgLayerSource::isPgPath(data->path)) return startShared(std::move(data), restoreJournal);
  if (isProtectedFile(data->path)) {
    return Error{ErrorCode::IoFailed, tr("%1 is read-only (marked so, or installed in a system folder such as /usr/share): it "
                                         "cannot be edited. Copy it, or the project with its data, to a folder of your own to edit it.")
                                          .arg(data->path)};
  }
  auto priv = std::make_unique<Private>();
  auto claim = claimFile(data.get());
  if (!claim.ok()) return claim.error();
  priv->claim = std::move(claim).value();
  // Writable? (A read-only file, or a format GDAL cannot write, says so here, by name.)
  SourceRef source{data->path, data->layerName, Crs(), {}};
  auto editor = VectorEditor::open(source);
  if (!editor.ok()) return editor.error();
  editor.value().reset();
  // The file as this session starts from (after the update-mode probe, which may touch it).
  if (priv->claim->sessions.empty()) priv->claim->stamp = fileStamp(data->path);
  priv->journal = detail::journalPath(data->path, data->layerName);
  std::unique_ptr<EditBuffer> buffer(new EditBuffer(std::move(priv), std::move(data)));
  {
    const std::lock_guard<std::mutex> guard(claimsMutex());
    buffer->d->claim->sessions.push_back(buffer.get());
  }
  if (QFileInfo::exists(buffer->d->journal) && restoreJournal) {
    auto journal = detail::readJournal(buffer->d->journal, buffer->mBase->fields);
    if (!journal.ok()) {
      buffer->mJournalProblem = journal.error().message;
    } else if (journal->stamp != buffer->d->stamp()) {
      buffer->mJournalProblem = tr("%1: the unsaved edits of an earlier session were made to another version of the file (it "
                                   "changed since); they are kept in %2 but not restored.")
                                    .arg(buffer->mBase->path, buffer->d->journal);
    } else {
      buffer->mOverrides = std::move(journal->overrides);
      buffer->mNextFid = std::min<qint64>(journal->nextFid, -1);
      buffer->mRestored = true;
    }
  }
  return buffer;
}

// A shared table: no lock (several planners edit it at once), each edited row checked at save
// against the version read; the journal in Xiuhua's data folder.
Result<std::unique_ptr<EditBuffer>> EditBuffer::startShared(std::shared_ptr<const VectorData> data, bool restoreJournal) {
  if (data->versions.size() != data->fids.size()) {
    return Error{ErrorCode::IoFailed, tr("%1 (layer %2): the rows' versions were not read, so a save could not tell another user's "
                                         "change from yours; it opens read-only.")
                                          .arg(data->path, data->layerName)};
  }
  auto priv = std::make_unique<Private>();
  priv->journal = detail::journalPath(data->path, data->layerName);
  std::unique_ptr<EditBuffer> buffer(new EditBuffer(std::move(priv), std::move(data)));
  // This process's own journal (a session ended without saving), else one a crashed process left.
  QString found = QFileInfo::exists(buffer->d->journal) ? buffer->d->journal : detail::orphanedJournal(buffer->mBase->path, buffer->mBase->layerName);
  if (!found.isEmpty() && restoreJournal) {
    auto journal = detail::readJournal(found, buffer->mBase->fields);
    if (!journal.ok()) {
      buffer->mJournalProblem = journal.error().message;
    } else if (found != buffer->d->journal && !QFile::rename(found, buffer->d->journal)) {
      buffer->mJournalProblem = tr("%1: the unsaved edits of an earlier session (in %2) cannot be taken over.").arg(buffer->mBase->path, found);
    } else {
      // Taken up as they were, each edit with the version it was made on: the save checks those.
      buffer->mOverrides = std::move(journal->overrides);
      buffer->d->expected = std::move(journal->versions);
      buffer->mNextFid = std::min<qint64>(journal->nextFid, -1);
      buffer->mRestored = true;
    }
  }
  return buffer;
}

std::optional<EditedFeature> EditBuffer::feature(qint64 fid) const {
  if (const auto o = mOverrides.find(fid); o != mOverrides.end() && o->second.present) return o->second.value;
  if (const auto o = mSaved.find(fid); o != mSaved.end() && o->second.present) return o->second.value;
  const std::optional<std::size_t> row = rowOf(fid);
  if (!row) return std::nullopt;
  return EditedFeature{fid, mBase->geometries[*row], mBase->attributes[*row]};
}

std::vector<qint64> EditBuffer::fids() const {
  std::vector<qint64> out;
  out.reserve(mBase->fids.size());
  auto deleted = [&](qint64 fid) {
    for (const auto* map : {&mOverrides, &mSaved}) {
      const auto o = map->find(fid);
      if (o != map->end() && o->second.present) return !o->second.value.has_value();
    }
    return false;
  };
  for (const std::int64_t fid : mBase->fids) {
    if (!deleted(fid)) out.push_back(fid);
  }
  // Saved additions (under their fids in the file) not in the base yet, then unsaved ones in the
  // order made (-1, -2 …).
  for (const auto& [fid, o] : mSaved) {
    if (fid >= 0 && o.value && !rowOf(fid)) out.push_back(fid);
  }
  std::vector<qint64> added;
  for (auto it = mOverrides.begin(); it != mOverrides.end() && it->first < 0; ++it) {
    if (it->second.present && it->second.value) added.push_back(it->first);
  }
  out.insert(out.end(), added.rbegin(), added.rend());  // -1 (the first made), -2 …
  return out;
}

qint64 EditBuffer::newFid() { return mNextFid--; }

FeatureOverride EditBuffer::overrideOf(qint64 fid) const {
  const auto o = mOverrides.find(fid);
  return o == mOverrides.end() ? FeatureOverride{} : o->second;
}

Status EditBuffer::setOverride(qint64 fid, const FeatureOverride& value) {
  if (value.present) {
    mOverrides[fid] = value;
    // A shared table's row keeps the version it had when first edited, whatever is read since.
    if (d->shared() && fid >= 0 && !d->expected.count(fid)) {
      if (const auto row = rowOf(fid)) d->expected[fid] = mBase->versions[*row];
    }
  } else {
    mOverrides.erase(fid);
    d->expected.erase(fid);
  }
  return writeJournal();
}

const std::vector<EditConflict>& EditBuffer::conflicts() const { return d->conflicts; }

Status EditBuffer::resolve(qint64 fid, ConflictResolution how, const AttributeRow& merged) {
  const auto it = std::find_if(d->conflicts.begin(), d->conflicts.end(), [&](const EditConflict& c) { return c.fid == fid; });
  if (it == d->conflicts.end()) return Error{ErrorCode::InvalidArgument, tr("Feature %1 has no conflict to settle.").arg(fid)};
  const EditConflict conflict = *it;
  if (how != ConflictResolution::KeepTheirs && conflict.kind == EditConflict::Kind::Refused) {
    return Error{ErrorCode::InvalidArgument, tr("The server refuses your change of feature %1; only keeping the row as it is can settle it.").arg(fid)};
  }
  d->conflicts.erase(it);
  if (how == ConflictResolution::KeepTheirs) {
    mOverrides.erase(fid);
    d->expected.erase(fid);
  } else if (!conflict.theirs) {
    // Theirs is deleted: mine, if I still want it, comes back as a new feature.
    mOverrides.erase(fid);
    d->expected.erase(fid);
    if (conflict.mine) {
      EditedFeature added = *conflict.mine;
      if (how == ConflictResolution::Merge) added.attributes = merged;
      added.fid = newFid();
      mOverrides[added.fid] = FeatureOverride{true, added};
    }
  } else {
    // Over theirs: the next save checks against the version they left.
    d->expected[fid] = conflict.theirVersion;
    if (how == ConflictResolution::Merge && conflict.mine) {
      EditedFeature f = *conflict.mine;
      f.attributes = merged;
      mOverrides[fid] = FeatureOverride{true, f};
    }
  }
  return writeJournal();
}

Status EditBuffer::writeJournal() const {
  if (mOverrides.empty()) {
    QFile::remove(d->journal);
    return {};
  }
  return detail::writeJournal(d->journal, detail::Journal{d->stamp(), mNextFid, mOverrides, d->expected});
}

Result<std::map<qint64, qint64>> EditBuffer::save() {
  if (mOverrides.empty()) return std::map<qint64, qint64>();
  if (d->shared()) return saveShared();
  // Nothing saved over changes made meanwhile by another program.
  if (fileStamp(mBase->path) != d->stamp()) {
    return Error{ErrorCode::IoFailed, tr("%1 changed on disk since editing started (another program wrote it); nothing was "
                                         "saved. Your edits are kept: export them, or stop editing and start again.")
                                          .arg(mBase->path)};
  }
  std::map<qint64, qint64> added;
  if (keepsFids(mBase->driver)) {
    auto saved = detail::saveInTransaction(*mBase, mOverrides);
    if (!saved.ok()) return saved.error();
    added = std::move(saved).value();
  } else {
    if (Status s = detail::rewriteLayer(*mBase, mOverrides); !s) return s.error();
  }
  for (auto& [fid, o] : mOverrides) {
    const auto newFid = added.find(fid);
    const qint64 key = newFid != added.end() ? newFid->second : fid;
    if (o.value) o.value->fid = key;
    mSaved[key] = std::move(o);
  }
  mOverrides.clear();
  QFile::remove(d->journal);
  d->stamp() = fileStamp(mBase->path);
  // The other sessions on this file go on from the file as saved now (their journals too).
  for (EditBuffer* other : d->claim->sessions) {
    if (other != this) static_cast<void>(other->writeJournal());
  }
  return added;
}

Result<std::map<qint64, qint64>> EditBuffer::saveShared() {
  d->conflicts.clear();
  auto outcome = detail::savePgEdits(*mBase, mOverrides, d->expected);
  if (!outcome.ok()) return outcome.error();
  if (!outcome->conflicts.empty()) {
    d->conflicts = std::move(outcome->conflicts);
    return Error{ErrorCode::EditConflict,
                 tr("%1 (layer %2): %n feature(s) were changed by another user, or refused by the server, since you read them. Nothing "
                    "was saved and nothing was overwritten: settle each (keep theirs, take yours, or merge), then save again.",
                    static_cast<int>(d->conflicts.size()))
                     .arg(mBase->path, mBase->layerName)};
  }
  for (auto& [fid, o] : mOverrides) {
    const auto newFid = outcome->added.find(fid);
    const qint64 key = newFid != outcome->added.end() ? newFid->second : fid;
    if (o.value) o.value->fid = key;
    mSaved[key] = std::move(o);
  }
  mOverrides.clear();
  d->expected.clear();
  QFile::remove(d->journal);
  return std::move(outcome->added);
}

void EditBuffer::rebase(std::shared_ptr<const VectorData> data) {
  mBase = std::move(data);
  buildIndex();
  mSaved.clear();
  if (!d->shared()) d->stamp() = fileStamp(mBase->path);
}

void EditBuffer::discard() {
  mOverrides.clear();
  QFile::remove(d->journal);
}

}  // namespace xiuhua::gis
