#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/result.h"
#include "xiuhua/gis/source_ref.h"

#include <QString>
#include <QVariant>

#include <map>
#include <memory>
#include <vector>

namespace xiuhua::gis {

// Features taken out of a layer by VectorEditor::remove, kept whole (geometry, fields, fid) so
// they can be put back. Opaque.
struct RemovedFeatures;

// Edits a vector source in place through GDAL (GeoPackage, Shapefile, GeoJSON): adds features and
// removes them, each call one transaction where the format has them (all or nothing). Sources GDAL
// cannot open for writing — a read-only file, a format without writing — are refused, with the
// reason and the file named. Not copyable; one per thread.
class VectorEditor {
 public:
  static Result<std::unique_ptr<VectorEditor>> open(const SourceRef& source);
  ~VectorEditor();
  VectorEditor(const VectorEditor&) = delete;
  VectorEditor& operator=(const VectorEditor&) = delete;

  // The layer's own CRS (invalid when it has none).
  const Crs& crs() const;
  // Whether fids stay what they are across edits and reopening, and edits are transactions
  // (GeoPackage, SQLite). A shapefile renumbers its features when GDAL packs it after a deletion.
  bool keepsFids() const;
  // Adds features whose geometries are in `from` (reprojected to the layer's CRS by PROJ; an
  // invalid `from` means the layer's own) with attributes by field name (fields the layer lacks
  // are left out); returns the new fids in order. A geometry of another dimension than the layer's
  // (a point for a polygon layer) is refused; in a layer of single parts, a multi-part geometry
  // becomes one feature per part.
  Result<std::vector<qint64>> add(const std::vector<Geometry>& geometries, const Crs& from,
                                  const std::vector<std::map<QString, QVariant>>& attributes = {});
  // Removes the features; returns them as they were, for restore(). Unknown fids are refused.
  Result<std::shared_ptr<const RemovedFeatures>> remove(const std::vector<qint64>& fids);
  // Puts removed features back — under their old fids where the format keeps fids (GeoPackage);
  // returns the fids they have now.
  Result<std::vector<qint64>> restore(const RemovedFeatures& features);

 private:
  struct Impl;
  explicit VectorEditor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> mImpl;
};

}  // namespace xiuhua::gis
