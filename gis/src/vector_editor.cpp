#include "xiuhua/gis/vector_editor.h"

#include "xiuhua/gis/file_access.h"
#include "xiuhua/gis/postgis/pg_connection_info.h"

#include "gdal_env.h"
#include "ogr_convert.h"

#include "translate.h"
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCoreApplication>
#include <QFileInfo>

#include <cstring>

namespace xiuhua::gis {

struct RemovedFeatures {
  QString source;  // the layer they came from, for messages
  std::vector<OGRFeatureUniquePtr> features;
};

namespace {

QString tr(const char* text) { return detail::translate("VectorEditor", text); }

Error editFailure(const SourceRef& source, const QString& why) {
  return Error{ErrorCode::IoFailed, tr("%1: cannot edit the layer (%2).").arg(source.toString(), why)};
}

void setField(OGRFeature& feature, int index, OGRFieldType type, const QVariant& v) {
  if (!v.isValid() || v.isNull()) return;
  switch (type) {
    case OFTInteger:
    case OFTInteger64: feature.SetField(index, static_cast<GIntBig>(v.toLongLong())); break;
    case OFTReal: feature.SetField(index, v.toDouble()); break;
    default: feature.SetField(index, v.toString().toUtf8().constData());
  }
}

int dimensionOf(Geometry::Type type) {
  switch (type) {
    case Geometry::Type::Point: return 0;
    case Geometry::Type::Line: return 1;
    case Geometry::Type::Polygon: return 2;
    case Geometry::Type::Empty: break;
  }
  return -1;
}

// 0, 1 or 2 for a layer of points, lines or polygons (single or multi); -1 for any other.
int dimensionOf(OGRwkbGeometryType type) {
  const OGRwkbGeometryType flat = wkbFlatten(type);
  if (flat == wkbPoint || flat == wkbMultiPoint) return 0;
  if (OGR_GT_IsCurve(flat) || OGR_GT_IsSubClassOf(flat, wkbMultiCurve)) return 1;
  if (OGR_GT_IsSurface(flat) || OGR_GT_IsSubClassOf(flat, wkbMultiSurface)) return 2;
  return -1;
}

QString typeName(Geometry::Type type) {
  switch (type) {
    case Geometry::Type::Point: return tr("point");
    case Geometry::Type::Line: return tr("line");
    case Geometry::Type::Polygon: return tr("polygon");
    case Geometry::Type::Empty: break;
  }
  return tr("empty geometry");
}

}  // namespace

struct VectorEditor::Impl {
  SourceRef source;
  GDALDatasetUniquePtr dataset;
  OGRLayer* layer = nullptr;
  Crs crs;

  // Runs `work` in a transaction where the dataset has them; rolls back when it fails.
  template <typename Work>
  auto inTransaction(Work work) -> decltype(work()) {
    detail::GdalErrorCollector errors;
    const bool transaction = dataset->StartTransaction(FALSE) == OGRERR_NONE;
    auto result = work();
    if (!result.ok()) {
      if (transaction) dataset->RollbackTransaction();
      return result;
    }
    if (transaction && dataset->CommitTransaction() != OGRERR_NONE) return editFailure(source, errors.lastError());
    if (layer->SyncToDisk() != OGRERR_NONE) return editFailure(source, errors.lastError());
    return result;
  }
};

VectorEditor::VectorEditor(std::unique_ptr<Impl> impl) : mImpl(std::move(impl)) {}
VectorEditor::~VectorEditor() = default;
const Crs& VectorEditor::crs() const { return mImpl->crs; }

bool VectorEditor::keepsFids() const {
  const char* driver = mImpl->dataset->GetDriverName();
  return driver != nullptr && (std::strcmp(driver, "GPKG") == 0 || std::strcmp(driver, "SQLite") == 0);
}

Result<std::unique_ptr<VectorEditor>> VectorEditor::open(const SourceRef& source) {
  detail::ensureGdalRegistered();
  if (PgLayerSource::isPgPath(source.path)) {
    // A shared table is edited through an editing session (EditBuffer: one transaction per save,
    // each row checked against the version read), never written feature by feature.
    return Error{ErrorCode::IoFailed, tr("%1 (layer %2): a PostGIS table is changed through an editing session (Start editing, then "
                                         "Save), which checks each row against the version you read.")
                                          .arg(source.path, source.layer)};
  }
  const QFileInfo file(source.path);
  if (!file.exists()) return Error{ErrorCode::FileNotFound, tr("%1: the file does not exist.").arg(source.path)};
  // A protected file (no write bit, or installed under /usr/share) stays as it is, even for root.
  if (!file.isWritable() || isProtectedFile(source.path)) {
    return Error{ErrorCode::IoFailed, tr("%1: the file is read-only, so its layers cannot be edited.").arg(source.path)};
  }
  detail::GdalErrorCollector errors;
  auto impl = std::make_unique<Impl>();
  impl->source = source;
  impl->dataset.reset(GDALDataset::Open(source.path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
  if (!impl->dataset) {
    return Error{ErrorCode::IoFailed, tr("%1: GDAL cannot open this format for writing, so it cannot be edited (%2).")
                                          .arg(source.path, errors.lastError())};
  }
  impl->layer = source.layer.isEmpty() ? impl->dataset->GetLayer(0) : impl->dataset->GetLayerByName(source.layer.toUtf8().constData());
  if (impl->layer == nullptr) return Error{ErrorCode::EmptySource, tr("%1: there is no such layer.").arg(source.toString())};
  QString problem;
  impl->crs = source.declaredCrs.isValid() ? source.declaredCrs : detail::crsFromOgr(impl->layer->GetSpatialRef(), problem);
  return std::unique_ptr<VectorEditor>(new VectorEditor(std::move(impl)));
}

Result<std::vector<qint64>> VectorEditor::add(const std::vector<Geometry>& geometries, const Crs& from,
                                              const std::vector<std::map<QString, QVariant>>& attributes) {
  Impl& d = *mImpl;
  if (d.layer->TestCapability(OLCSequentialWrite) == 0) return editFailure(d.source, tr("the format does not take new features"));
  std::unique_ptr<OGRCoordinateTransformation> transform;
  if (from.isValid() && d.crs.isValid() && !(from == d.crs)) {
    if (from.kind() != Crs::Kind::Proj || d.crs.kind() != Crs::Kind::Proj) {
      return editFailure(d.source, tr("features in %1 cannot be written into a layer in %2").arg(from.definition(), d.crs.definition()));
    }
    OGRSpatialReference source;
    OGRSpatialReference target;
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (source.SetFromUserInput(from.definition().toUtf8().constData()) != OGRERR_NONE ||
        target.SetFromUserInput(d.crs.definition().toUtf8().constData()) != OGRERR_NONE) {
      return editFailure(d.source, tr("PROJ does not know %1 or %2").arg(from.definition(), d.crs.definition()));
    }
    transform.reset(OGRCreateCoordinateTransformation(&source, &target));
    if (!transform) return editFailure(d.source, tr("no transformation from %1 to %2").arg(from.definition(), d.crs.definition()));
  }
  const OGRwkbGeometryType layerType = wkbFlatten(d.layer->GetGeomType());
  for (const Geometry& g : geometries) {
    const int layerDimension = dimensionOf(layerType);
    if (!g.isEmpty() && layerDimension >= 0 && dimensionOf(g.type()) != layerDimension) {
      return editFailure(d.source, tr("a %1 cannot go into a layer of %2").arg(typeName(g.type()), QString::fromUtf8(OGRGeometryTypeToName(layerType))));
    }
  }
  return d.inTransaction([&]() -> Result<std::vector<qint64>> {
    detail::GdalErrorCollector errors;
    std::vector<qint64> fids;
    OGRFeatureDefn* defn = d.layer->GetLayerDefn();
    for (std::size_t i = 0; i < geometries.size(); ++i) {
      // A layer of single parts takes a multi-part geometry as one feature per part.
      std::vector<Geometry> pieces;
      if (!OGR_GT_IsSubClassOf(layerType, wkbGeometryCollection) && layerType != wkbUnknown && geometries[i].parts().size() > 1) {
        for (const Geometry::Part& part : geometries[i].parts()) pieces.emplace_back(geometries[i].type(), std::vector<Geometry::Part>{part});
      } else {
        pieces.push_back(geometries[i]);
      }
      for (const Geometry& piece : pieces) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(defn));
        if (std::unique_ptr<OGRGeometry> g = detail::toOgr(piece)) {
          if (transform && g->transform(transform.get()) != OGRERR_NONE) return editFailure(d.source, tr("the coordinates cannot be reprojected"));
          OGRGeometry* typed = g.release();
          if (layerType != wkbUnknown) typed = OGRGeometryFactory::forceTo(typed, layerType);
          feature->SetGeometryDirectly(typed);
        }
        if (i < attributes.size()) {
          for (const auto& [name, value] : attributes[i]) {
            const int index = defn->GetFieldIndex(name.toUtf8().constData());
            if (index >= 0) setField(*feature, index, defn->GetFieldDefn(index)->GetType(), value);
          }
        }
        if (d.layer->CreateFeature(feature.get()) != OGRERR_NONE) return editFailure(d.source, errors.lastError());
        fids.push_back(feature->GetFID());
      }
    }
    return fids;
  });
}

Result<std::shared_ptr<const RemovedFeatures>> VectorEditor::remove(const std::vector<qint64>& fids) {
  Impl& d = *mImpl;
  if (d.layer->TestCapability(OLCDeleteFeature) == 0) return editFailure(d.source, tr("the format cannot delete features"));
  return d.inTransaction([&]() -> Result<std::shared_ptr<const RemovedFeatures>> {
    detail::GdalErrorCollector errors;
    auto removed = std::make_shared<RemovedFeatures>();
    removed->source = d.source.toString();
    // All of them first: a format without transactions must not lose some before failing.
    for (qint64 fid : fids) {
      OGRFeatureUniquePtr feature(d.layer->GetFeature(fid));
      if (!feature) return editFailure(d.source, tr("there is no feature %1").arg(fid));
      removed->features.push_back(std::move(feature));
    }
    for (qint64 fid : fids) {
      if (d.layer->DeleteFeature(fid) != OGRERR_NONE) return editFailure(d.source, errors.lastError());
    }
    return std::shared_ptr<const RemovedFeatures>(std::move(removed));
  });
}

Result<std::vector<qint64>> VectorEditor::restore(const RemovedFeatures& removed) {
  Impl& d = *mImpl;
  return d.inTransaction([&]() -> Result<std::vector<qint64>> {
    detail::GdalErrorCollector errors;
    std::vector<qint64> fids;
    for (const OGRFeatureUniquePtr& old : removed.features) {
      OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(d.layer->GetLayerDefn()));
      feature->SetFrom(old.get());  // fields by name, and the geometry
      feature->SetFID(old->GetFID());
      if (d.layer->CreateFeature(feature.get()) != OGRERR_NONE) {
        feature->SetFID(OGRNullFID);  // a format that assigns its own fids
        if (d.layer->CreateFeature(feature.get()) != OGRERR_NONE) return editFailure(d.source, errors.lastError());
      }
      fids.push_back(feature->GetFID());
    }
    return fids;
  });
}

}  // namespace xiuhua::gis
