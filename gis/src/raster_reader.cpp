#include "xiuhua/gis/raster_grid.h"

#include "gdal_env.h"
#include "ogr_convert.h"

#include <gdal_priv.h>
#include <gdalwarper.h>
#include <ogr_spatialref.h>

#include <QCoreApplication>
#include <QFileInfo>

#include <cmath>
#include <limits>

namespace xiuhua::gis {
namespace {


// WKT of a PROJ-backed CRS, as GDAL's warper wants it; empty for GCJ-02/BD-09 or failures.
std::string wktOf(const Crs& crs) {
  OGRSpatialReference srs;
  const QByteArray def = crs.projDefinition().toUtf8();
  if (srs.SetFromUserInput(def.constData()) != OGRERR_NONE) return {};
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  std::string result = wkt != nullptr ? wkt : "";
  CPLFree(wkt);
  return result;
}

}  // namespace

float RasterGrid::valueAt(QPointF p) const {
  if (width == 0 || !extent.contains(p)) return std::numeric_limits<float>::quiet_NaN();
  const int col = std::clamp(static_cast<int>((p.x() - extent.left()) / extent.width() * width), 0, width - 1);
  const int row = std::clamp(static_cast<int>((extent.bottom() - p.y()) / extent.height() * height), 0, height - 1);
  return values[static_cast<std::size_t>(row) * static_cast<std::size_t>(width) + static_cast<std::size_t>(col)];
}

bool RasterReader::isRaster(const QString& path) {
  detail::ensureGdalRegistered();
  detail::GdalErrorCollector quiet;
  const QByteArray utf8 = path.toUtf8();
  GDALDriverH driver = GDALIdentifyDriverEx(utf8.constData(), GDAL_OF_RASTER, nullptr, nullptr);
  if (driver == nullptr) return false;
  // GeoPackage and some others hold both kinds; route them by content.
  GDALDatasetUniquePtr ds(GDALDataset::Open(utf8.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  return ds && ds->GetRasterCount() > 0;
}

Result<std::shared_ptr<const RasterGrid>> RasterReader::read(const QString& path, const Crs& mapCrs,
                                                             const Crs& sourceCrsOverride) {
  detail::ensureGdalRegistered();
  if (!QFileInfo::exists(path)) {
    return Error{ErrorCode::FileNotFound, QCoreApplication::translate("RasterReader", "%1: the file does not exist.").arg(path)};
  }
  detail::GdalErrorCollector errors;
  const QByteArray utf8 = path.toUtf8();
  GDALDatasetUniquePtr ds(GDALDataset::Open(utf8.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  if (!ds || ds->GetRasterCount() < 1) {
    return Error{ErrorCode::CorruptFile,
                 QCoreApplication::translate("RasterReader", "%1: not a raster GDAL can read. GDAL says: %2").arg(path, errors.lastError())};
  }
  auto grid = std::make_shared<RasterGrid>();
  grid->path = QFileInfo(path).absoluteFilePath();
  grid->sourceWidth = ds->GetRasterXSize();
  grid->sourceHeight = ds->GetRasterYSize();
  double gt[6] = {0, 1, 0, 0, 0, 1};
  ds->GetGeoTransform(gt);
  grid->sourceCellSize = std::abs(gt[1]);
  QString problem;
  grid->sourceCrs = sourceCrsOverride.isValid() ? sourceCrsOverride
                                                : detail::crsFromOgr(ds->GetSpatialRef(), problem);

  GDALDataset* readFrom = ds.get();
  GDALDatasetUniquePtr warped;
  const std::string dstWkt = wktOf(mapCrs);
  const std::string srcWkt = wktOf(grid->sourceCrs);
  if (grid->sourceCrs.isValid() && !(grid->sourceCrs == mapCrs) && !dstWkt.empty() &&
      !srcWkt.empty()) {
    warped.reset(GDALDataset::FromHandle(GDALAutoCreateWarpedVRT(
        GDALDataset::ToHandle(ds.get()), srcWkt.c_str(), dstWkt.c_str(), GRA_Bilinear, 0.125, nullptr)));
    if (!warped) {
      return Error{ErrorCode::TransformFailed,
                   QCoreApplication::translate("RasterReader", "%1: cannot reproject the raster: %2").arg(path, errors.lastError())};
    }
    readFrom = warped.get();
  }
  readFrom->GetGeoTransform(gt);
  grid->width = readFrom->GetRasterXSize();
  grid->height = readFrom->GetRasterYSize();
  grid->extent = QRectF(gt[0], gt[3] + gt[5] * grid->height, gt[1] * grid->width,
                        -gt[5] * grid->height);
  GDALRasterBand* band = readFrom->GetRasterBand(1);
  int hasNoData = 0;
  const double noData = band->GetNoDataValue(&hasNoData);
  grid->values.resize(static_cast<std::size_t>(grid->width) * static_cast<std::size_t>(grid->height));
  if (band->RasterIO(GF_Read, 0, 0, grid->width, grid->height, grid->values.data(), grid->width,
                     grid->height, GDT_Float32, 0, 0) != CE_None) {
    return Error{ErrorCode::CorruptFile,
                 QCoreApplication::translate("RasterReader", "%1: the raster cannot be read; it may be truncated. GDAL says: %2")
                     .arg(path, errors.lastError())};
  }
  bool first = true;
  for (float& v : grid->values) {
    if ((hasNoData != 0 && v == static_cast<float>(noData)) || !std::isfinite(v)) {
      v = std::numeric_limits<float>::quiet_NaN();
      continue;
    }
    if (warped && v == 0.0F) {
      // The warper fills cells outside the source with 0 when there is no nodata value.
      if (hasNoData == 0) continue;
    }
    grid->sum += v;
    grid->minimum = first ? v : std::min<double>(grid->minimum, v);
    grid->maximum = first ? v : std::max<double>(grid->maximum, v);
    first = false;
  }
  return std::shared_ptr<const RasterGrid>(std::move(grid));
}

}  // namespace xiuhua::gis
