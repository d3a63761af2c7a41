#include "xiuhua/gis/edit/edit_buffer.h"

#include "edit/edit_journal.h"
#include "edit/layer_save.h"
#include "xiuhua/gis/file_stamp.h"
#include "xiuhua/gis/vector_editor.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

namespace xiuhua::gis {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("EditBuffer", text); }

// ".<file>.xhlock" beside the file: one editing session per file, across processes and machines
// sharing the folder (QLockFile: the holder's pid, host and application; stale when that process
// is gone).
QString lockPath(const QString& path) {
  const QFileInfo file(path);
  return file.absoluteDir().filePath(QStringLiteral(".%1.xhlock").arg(file.fileName()));
}

bool keepsFids(const QString& driver) { return driver == QLatin1String("GPKG") || driver == QLatin1String("SQLite"); }

}  // namespace

struct EditBuffer::Private {
  std::unique_ptr<QLockFile> lock;
  QString journal;
  QString stamp;  // fileStamp when the session started (or last saved)
};

EditBuffer::EditBuffer(std::unique_ptr<Private> priv, std::shared_ptr<const VectorData> base) : d(std::move(priv)), mBase(std::move(base)) {
  for (std::size_t i = 0; i < mBase->fids.size(); ++i) mIndex[mBase->fids[i]] = i;
}

EditBuffer::~EditBuffer() = default;  // the lock file goes with QLockFile

bool EditBuffer::hasJournal(const QString& path, const QString& layer) { return QFileInfo::exists(detail::journalPath(path, layer)); }

Result<std::unique_ptr<EditBuffer>> EditBuffer::start(std::shared_ptr<const VectorData> data, bool restoreJournal) {
  if (!data) return Error{ErrorCode::InvalidArgument, tr("There is no layer to edit.")};
  detail::recoverInterruptedSwap(data->path);  // a save cut short by a crash: the old files back
  // Writable? (A read-only file, or a format GDAL cannot write, says so here, by name.)
  SourceRef source{data->path, data->layerName, Crs()};
  auto editor = VectorEditor::open(source);
  if (!editor.ok()) return editor.error();
  editor.value().reset();
  auto priv = std::make_unique<Private>();
  priv->lock = std::make_unique<QLockFile>(lockPath(data->path));
  priv->lock->setStaleLockTime(0);  // only a dead holder makes it stale, never its age
  if (!priv->lock->tryLock(0)) {
    qint64 pid = 0;
    QString host;
    QString app;
    priv->lock->getLockInfo(&pid, &host, &app);
    const QDateTime since = QFileInfo(lockPath(data->path)).lastModified();
    return Error{ErrorCode::IoFailed, tr("%1 is being edited by %2 (process %3 on %4) since %5; try again when it is saved and closed.")
                                          .arg(QFileInfo(data->path).fileName(), app.isEmpty() ? tr("another program") : app)
                                          .arg(pid)
                                          .arg(host, since.toString(QStringLiteral("yyyy-MM-dd HH:mm")))};
  }
  priv->journal = detail::journalPath(data->path, data->layerName);
  priv->stamp = fileStamp(data->path);
  std::unique_ptr<EditBuffer> buffer(new EditBuffer(std::move(priv), std::move(data)));
  if (QFileInfo::exists(buffer->d->journal) && restoreJournal) {
    auto journal = detail::readJournal(buffer->d->journal, buffer->mBase->fields);
    if (!journal.ok()) {
      buffer->mJournalProblem = journal.error().message;
    } else if (journal->stamp != buffer->d->stamp) {
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

std::optional<EditedFeature> EditBuffer::feature(qint64 fid) const {
  if (const auto o = mOverrides.find(fid); o != mOverrides.end() && o->second.present) return o->second.value;
  if (const auto o = mSaved.find(fid); o != mSaved.end() && o->second.present) return o->second.value;
  const auto row = mIndex.find(fid);
  if (row == mIndex.end()) return std::nullopt;
  return EditedFeature{fid, mBase->geometries[row->second], mBase->attributes[row->second]};
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
    if (fid >= 0 && o.value && mIndex.count(fid) == 0) out.push_back(fid);
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
  } else {
    mOverrides.erase(fid);
  }
  return writeJournal();
}

Status EditBuffer::writeJournal() const {
  if (mOverrides.empty()) {
    QFile::remove(d->journal);
    return {};
  }
  return detail::writeJournal(d->journal, detail::Journal{d->stamp, mNextFid, mOverrides});
}

Result<std::map<qint64, qint64>> EditBuffer::save() {
  if (mOverrides.empty()) return std::map<qint64, qint64>();
  // Nothing saved over changes made meanwhile by another program.
  if (fileStamp(mBase->path) != d->stamp) {
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
  d->stamp = fileStamp(mBase->path);
  return added;
}

void EditBuffer::rebase(std::shared_ptr<const VectorData> data) {
  mBase = std::move(data);
  mIndex.clear();
  for (std::size_t i = 0; i < mBase->fids.size(); ++i) mIndex[mBase->fids[i]] = i;
  mSaved.clear();
  d->stamp = fileStamp(mBase->path);
}

void EditBuffer::discard() {
  mOverrides.clear();
  QFile::remove(d->journal);
}

}  // namespace xiuhua::gis
