#include "edit/layer_save.h"

#include "atomic_file.h"
#include "gdal_env.h"
#include "ogr_convert.h"
#include "xiuhua/gis/edit/format_limits.h"

#include "translate.h"
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <algorithm>

namespace xiuhua::gis::detail {

namespace {

const char* const kBackup = ".xhbak";

QString tr(const char* text) { return detail::translate("EditBuffer", text); }

std::function<void(const char*)>& saveHook() {
  static std::function<void(const char*)> hook;
  return hook;
}

Error saveFailure(const QString& path, const QString& why) {
  return Error{ErrorCode::IoFailed, tr("%1: the edits cannot be saved (%2); the file is as it was.").arg(path, why)};
}

bool isShapefile(const QString& path) { return QFileInfo(path).suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0; }

// The side file of a shapefile with this suffix (any case), or an empty string.
QString sideFile(const QDir& dir, const QString& baseName, const QString& suffix) {
  for (const QFileInfo& f : dir.entryInfoList({baseName + QStringLiteral(".*")}, QDir::Files | QDir::Hidden)) {
    if (f.suffix().compare(suffix, Qt::CaseInsensitive) == 0) return f.absoluteFilePath();
  }
  return {};
}

// The rewritten shapefile declares its encoding as the original did: the same .cpg text (GDAL
// would write its own name for it, e.g. GB18030 for a 936), no .cpg when there was none, and the
// original's dBASE language-driver byte — a file from a utility stays as its other readers know it.
bool keepEncodingDeclaration(const QString& originalShp, const QDir& written) {
  const QFileInfo original(originalShp);
  const QString base = original.completeBaseName();
  const QString oldCpg = sideFile(original.absoluteDir(), base, QStringLiteral("cpg"));
  const QString newCpg = sideFile(written, base, QStringLiteral("cpg"));
  if (!newCpg.isEmpty()) QFile::remove(newCpg);
  if (!oldCpg.isEmpty() && !QFile::copy(oldCpg, written.filePath(QFileInfo(oldCpg).fileName()))) return false;
  const QString oldDbf = sideFile(original.absoluteDir(), base, QStringLiteral("dbf"));
  const QString newDbf = sideFile(written, base, QStringLiteral("dbf"));
  if (oldDbf.isEmpty() || newDbf.isEmpty()) return true;
  QFile in(oldDbf);
  QFile out(newDbf);
  if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::ReadWrite)) return false;
  constexpr qint64 kLanguageDriverOffset = 29;
  char ldid = 0;
  return in.seek(kLanguageDriverOffset) && in.read(&ldid, 1) == 1 && out.seek(kLanguageDriverOffset) && out.write(&ldid, 1) == 1;
}

// Puts the feature's geometry and fields into an OGR feature of the layer.
void fill(OGRFeature& out, const EditedFeature& f, const VectorData& base, OGRwkbGeometryType layerType) {
  if (std::unique_ptr<OGRGeometry> g = toOgr(f.geometry)) {
    OGRGeometry* typed = g.release();
    // The layer's own type, except that several parts stay a multi-geometry in a single-part layer
    // (forced into one polygon they would be fused into an invalid one; GDAL writes them, with a
    // warning for a GeoPackage, and a shapefile's polygons and lines are multi-part anyway).
    const auto* collection = dynamic_cast<const OGRGeometryCollection*>(typed);
    const bool severalParts = collection != nullptr && collection->getNumGeometries() > 1;
    const bool singlePartLayer = !OGR_GT_IsSubClassOf(layerType, wkbGeometryCollection);
    if (layerType != wkbUnknown && !(severalParts && singlePartLayer)) typed = OGRGeometryFactory::forceTo(typed, layerType);
    out.SetGeometryDirectly(typed);
  } else {
    out.SetGeometryDirectly(nullptr);
  }
  OGRFeatureDefn* defn = out.GetDefnRef();
  for (std::size_t i = 0; i < base.fields.size() && i < f.attributes.size(); ++i) {
    const int index = defn->GetFieldIndex(base.fields[i].name.toUtf8().constData());
    if (index < 0) continue;
    const QVariant& v = f.attributes[i];
    if (!v.isValid() || v.isNull()) {
      out.SetFieldNull(index);
      continue;
    }
    switch (defn->GetFieldDefn(index)->GetType()) {
      case OFTInteger:
      case OFTInteger64: out.SetField(index, static_cast<GIntBig>(v.toLongLong())); break;
      case OFTReal: out.SetField(index, v.toDouble()); break;
      case OFTDate: {
        const QDate d = v.toDate();
        out.SetField(index, d.year(), d.month(), d.day());
        break;
      }
      case OFTDateTime: {
        const QDateTime t = v.toDateTime();
        out.SetField(index, t.date().year(), t.date().month(), t.date().day(), t.time().hour(), t.time().minute(),
                     static_cast<float>(t.time().second() + t.time().msec() / 1000.0), 100);
        break;
      }
      default: out.SetField(index, v.toString().toUtf8().constData());
    }
  }
}

GDALDatasetUniquePtr openSource(const VectorData& base, bool update, QString& failure) {
  ensureGdalRegistered();
  GdalErrorCollector errors;
  CPLStringList options;
  // A shapefile read recoded to UTF-8 from its own encoding (written back in it).
  if (isShapefile(base.path) && !base.encoding.name.isEmpty()) options.SetNameValue("ENCODING", base.encoding.name.toUtf8().constData());
  GDALDatasetUniquePtr ds(GDALDataset::Open(base.path.toUtf8().constData(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY),
                                            nullptr, options.List(), nullptr));
  if (!ds) failure = errors.lastError().isEmpty() ? tr("GDAL cannot open it") : errors.lastError();
  return ds;
}

// The edited layer in the file: by its name (never another layer in its place), or the only one.
OGRLayer* layerOf(GDALDataset& ds, const VectorData& base) {
  if (!base.layerName.isEmpty()) {
    if (OGRLayer* named = ds.GetLayerByName(base.layerName.toUtf8().constData())) return named;
    if (ds.GetLayerCount() != 1) return nullptr;
  }
  return ds.GetLayer(0);
}

// The files a layer is stored in: the file, and for a shapefile its side files that exist.
QStringList filesOf(const QString& path) {
  const QFileInfo main(path);
  if (!isShapefile(path)) return {main.absoluteFilePath()};
  QStringList files;
  for (const QFileInfo& f : main.absoluteDir().entryInfoList(QDir::Files)) {
    if (f.completeBaseName() == main.completeBaseName()) files << f.absoluteFilePath();
  }
  return files;
}

}  // namespace

Result<std::map<qint64, qint64>> saveInTransaction(const VectorData& base, const std::map<qint64, FeatureOverride>& overrides) {
  QString failure;
  GDALDatasetUniquePtr ds = openSource(base, true, failure);
  if (!ds) return saveFailure(base.path, failure);
  OGRLayer* layer = layerOf(*ds, base);
  if (layer == nullptr) return saveFailure(base.path, tr("the layer is gone"));
  GdalErrorCollector errors;
  if (ds->StartTransaction(FALSE) != OGRERR_NONE) return saveFailure(base.path, errors.lastError());
  auto fail = [&](const QString& why) {
    ds->RollbackTransaction();
    return saveFailure(base.path, why.isEmpty() ? tr("GDAL refused a change") : why);
  };
  const OGRwkbGeometryType layerType = wkbFlatten(layer->GetGeomType());
  std::map<qint64, qint64> added;
  for (const auto& [fid, o] : overrides) {
    if (!o.present) continue;
    if (fid >= 0 && !o.value) {
      if (layer->DeleteFeature(fid) != OGRERR_NONE) return fail(errors.lastError());
    } else if (fid >= 0) {
      OGRFeatureUniquePtr feature(layer->GetFeature(fid));
      if (!feature) return fail(tr("feature %1 is no longer in the file").arg(fid));
      fill(*feature, *o.value, base, layerType);
      if (layer->SetFeature(feature.get()) != OGRERR_NONE) return fail(errors.lastError());
    } else if (o.value) {
      OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
      fill(*feature, *o.value, base, layerType);
      if (layer->CreateFeature(feature.get()) != OGRERR_NONE) return fail(errors.lastError());
      added[fid] = feature->GetFID();
    }
  }
  reachStage("transaction-written");
  if (ds->CommitTransaction() != OGRERR_NONE) return fail(errors.lastError());
  return added;
}

Status rewriteLayer(const VectorData& base, const std::map<qint64, FeatureOverride>& overrides) {
  QString failure;
  GDALDatasetUniquePtr source = openSource(base, false, failure);
  if (!source) return saveFailure(base.path, failure);
  OGRLayer* in = layerOf(*source, base);
  if (in == nullptr) return saveFailure(base.path, tr("the layer is gone"));
  const QFileInfo target(base.path);
  // New files in a hidden folder beside the layer (same file system: the swap is a rename).
  const QDir folder(target.absoluteDir().filePath(QStringLiteral(".%1.saving-%2").arg(target.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(8))));
  if (!QDir().mkpath(folder.path())) return saveFailure(base.path, tr("no room for new files beside it (read-only folder?)"));
  auto cleanUp = [&] { QDir(folder).removeRecursively(); };
  {
    GdalErrorCollector errors;
    GDALDriver* driver = source->GetDriver();
    const QString file = folder.filePath(target.fileName());
    GDALDatasetUniquePtr out(driver != nullptr ? driver->Create(file.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!out) {
      cleanUp();
      return saveFailure(base.path, errors.lastError());
    }
    CPLStringList layerOptions;
    if (isShapefile(base.path) && !base.encoding.name.isEmpty()) layerOptions.SetNameValue("ENCODING", base.encoding.name.toUtf8().constData());
    OGRLayer* layer = out->CreateLayer(in->GetName(), in->GetSpatialRef(), in->GetGeomType(), layerOptions.List());
    bool ok = layer != nullptr;
    for (int i = 0; ok && i < in->GetLayerDefn()->GetFieldCount(); ++i) ok = layer->CreateField(in->GetLayerDefn()->GetFieldDefn(i)) == OGRERR_NONE;
    const OGRwkbGeometryType layerType = ok ? wkbFlatten(layer->GetGeomType()) : wkbUnknown;
    in->ResetReading();
    for (OGRFeatureUniquePtr f(ok ? in->GetNextFeature() : nullptr); ok && f; f.reset(in->GetNextFeature())) {
      const auto o = overrides.find(f->GetFID());
      if (o != overrides.end() && o->second.present && !o->second.value) continue;  // deleted
      OGRFeatureUniquePtr copy(OGRFeature::CreateFeature(layer->GetLayerDefn()));
      copy->SetFrom(f.get());
      if (o != overrides.end() && o->second.present) fill(*copy, *o->second.value, base, layerType);
      ok = layer->CreateFeature(copy.get()) == OGRERR_NONE;
    }
    for (auto it = overrides.begin(); ok && it != overrides.end(); ++it) {
      if (it->first >= 0 || !it->second.value) continue;
      OGRFeatureUniquePtr added(OGRFeature::CreateFeature(layer->GetLayerDefn()));
      fill(*added, *it->second.value, base, layerType);
      ok = layer->CreateFeature(added.get()) == OGRERR_NONE;
    }
    const QString before = errors.lastError();
    out.reset();  // closed: everything written (a full disk shows here)
    if (!ok || errors.lastError() != before) {
      cleanUp();
      const QString why = errors.lastError();
      return saveFailure(base.path, why.isEmpty() ? tr("GDAL could not write the new file (disk full?)") : why);
    }
  }
  source.reset();
  if (isShapefile(base.path) && !keepEncodingDeclaration(base.path, folder)) {
    cleanUp();
    return saveFailure(base.path, tr("its encoding declaration (.cpg, .dbf header) cannot be copied to the new files"));
  }
  reachStage("new-files-written");
  // A shapefile's .shp or .dbf over 2 GB is unreadable to much software (its offsets are 32-bit):
  // refused before anything is swapped. Measured on the written files, not estimated.
  if (isShapefile(base.path)) {
    for (const QFileInfo& written : folder.entryInfoList(QDir::Files)) {
      const QString suffix = written.suffix().toLower();
      if ((suffix == QLatin1String("shp") || suffix == QLatin1String("dbf")) && written.size() > kShapefileMaxFileBytes) {
        cleanUp();
        return saveFailure(base.path, tr("%1 would be %2 MB, over the 2 GB a shapefile file can hold; save the layer as a GeoPackage instead")
                                          .arg(written.fileName())
                                          .arg(written.size() / (1024 * 1024)));
      }
    }
  }
  // The swap: the old files become backups, the new ones move in; on failure the backups go back.
  const QStringList old = filesOf(base.path);
  QStringList backedUp;
  QStringList movedIn;
  auto rollBack = [&] {
    for (const QString& f : movedIn) QFile::remove(f);
    for (const QString& f : backedUp) QFile::rename(f + QLatin1String(kBackup), f);
    cleanUp();
  };
  for (const QString& f : old) {
    QFile::remove(f + QLatin1String(kBackup));
    if (!QFile::rename(f, f + QLatin1String(kBackup))) {
      rollBack();
      return saveFailure(base.path, tr("%1 cannot be replaced (is it open elsewhere, or read-only?)").arg(QFileInfo(f).fileName()));
    }
    backedUp << f;
  }
  reachStage("originals-backed-up");
  for (const QFileInfo& written : folder.entryInfoList(QDir::Files)) {
    const QString destination = target.absoluteDir().filePath(written.fileName());
    if (!QFile::rename(written.filePath(), destination)) {
      rollBack();
      return saveFailure(base.path, tr("%1 cannot be moved in").arg(written.fileName()));
    }
    movedIn << destination;
    if (movedIn.size() == 1) reachStage("swap-half-done");
  }
  // A side file the new layer does not have (e.g. an old spatial index) would now be wrong: it goes
  // with the backups.
  for (const QString& f : backedUp) QFile::remove(f + QLatin1String(kBackup));
  cleanUp();
  return {};
}

void reachStage(const char* stage) {
  if (const auto& hook = saveHook()) hook(stage);
}

void setSaveHook(std::function<void(const char* stage)> hook) { saveHook() = std::move(hook); }

void recoverInterruptedSwap(const QString& path) {
  const QFileInfo main(path);
  const QString prefix = isShapefile(path) ? main.completeBaseName() + QLatin1Char('.') : main.fileName();
  QStringList backups;
  for (const QFileInfo& f : main.absoluteDir().entryInfoList({QStringLiteral("*") + QLatin1String(kBackup)}, QDir::Files | QDir::Hidden)) {
    if (f.fileName().startsWith(prefix)) backups << f.absoluteFilePath();
  }
  auto originalOf = [](const QString& backup) { return backup.chopped(static_cast<int>(qstrlen(kBackup))); };
  // A backup whose file is missing: the new files were not all in place. The old ones, all of them,
  // go back (never a mix of old and new side files).
  const bool incomplete = std::any_of(backups.begin(), backups.end(), [&](const QString& b) { return !QFileInfo::exists(originalOf(b)); });
  for (const QString& b : backups) {
    if (incomplete) {
      QFile::remove(originalOf(b));
      QFile::rename(b, originalOf(b));
    } else {
      QFile::remove(b);  // the swap was done; only the clean-up was not
    }
  }
}

}  // namespace xiuhua::gis::detail
