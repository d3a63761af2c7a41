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


// WKT of a PROJ-backed CRS, as GDAL's warper wants it; empty on failure.
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

namespace {

// Cells of the grid held in memory at most; larger rasters are read at a coarser resolution
// (GDAL averages, or uses overviews) so that a huge file cannot exhaust memory.
constexpr double kMaxCells = 16.0 * 1024 * 1024;
// Marks warped cells that have no value (source nodata, or outside the source).
constexpr double kWarpFill = -3.0e38;

struct WarpOptionsDeleter {
  void operator()(GDALWarpOptions* o) const { GDALDestroyWarpOptions(o); }
};

// A virtual dataset showing band 1 of the source in the target CRS, nearest neighbour (values
// such as population counts must not be blended), with uncovered cells set to nodata.
GDALDatasetUniquePtr warpTo(GDALDataset& source, const std::string& srcWkt, const std::string& dstWkt) {
  std::unique_ptr<GDALWarpOptions, WarpOptionsDeleter> options(GDALCreateWarpOptions());
  options->nBandCount = 1;
  options->panSrcBands = static_cast<int*>(CPLMalloc(sizeof(int)));
  options->panDstBands = static_cast<int*>(CPLMalloc(sizeof(int)));
  options->panSrcBands[0] = options->panDstBands[0] = 1;
  int hasNoData = 0;
  const double noData = source.GetRasterBand(1)->GetNoDataValue(&hasNoData);
  if (hasNoData != 0) {
    options->padfSrcNoDataReal = static_cast<double*>(CPLMalloc(sizeof(double)));
    options->padfSrcNoDataReal[0] = noData;
  }
  options->padfDstNoDataReal = static_cast<double*>(CPLMalloc(sizeof(double)));
  options->padfDstNoDataReal[0] = kWarpFill;  // source nodata and uncovered cells alike
  options->papszWarpOptions = CSLSetNameValue(options->papszWarpOptions, "INIT_DEST", "NO_DATA");
  return GDALDatasetUniquePtr(GDALDataset::FromHandle(GDALAutoCreateWarpedVRTEx(
      GDALDataset::ToHandle(&source), srcWkt.c_str(), dstWkt.c_str(), GRA_NearestNeighbour, 0.125,
      options.get(), nullptr)));
}

// Reads band 1 into grid (size capped at kMaxCells), turning nodata into NaN; computes stats.
bool readBand(GDALDataset& ds, RasterGrid& grid) {
  double gt[6] = {0, 1, 0, 0, 0, 1};
  ds.GetGeoTransform(gt);
  const int fullWidth = ds.GetRasterXSize();
  const int fullHeight = ds.GetRasterYSize();
  const double shrink = std::max(1.0, std::sqrt(static_cast<double>(fullWidth) * fullHeight / kMaxCells));
  grid.width = std::max(1, static_cast<int>(fullWidth / shrink));
  grid.height = std::max(1, static_cast<int>(fullHeight / shrink));
  grid.extent = QRectF(gt[0], gt[3] + gt[5] * fullHeight, gt[1] * fullWidth, -gt[5] * fullHeight);
  GDALRasterBand* band = ds.GetRasterBand(1);
  int hasNoData = 0;
  const double noData = band->GetNoDataValue(&hasNoData);
  grid.values.resize(static_cast<std::size_t>(grid.width) * static_cast<std::size_t>(grid.height));
  GDALRasterIOExtraArg extra;
  INIT_RASTERIO_EXTRA_ARG(extra);
  extra.eResampleAlg = GRIORA_Average;
  if (band->RasterIO(GF_Read, 0, 0, fullWidth, fullHeight, grid.values.data(), grid.width, grid.height,
                     GDT_Float32, 0, 0, &extra) != CE_None) {
    return false;
  }
  bool first = true;
  for (float& v : grid.values) {
    if ((hasNoData != 0 && v == static_cast<float>(noData)) || v <= static_cast<float>(kWarpFill) ||
        !std::isfinite(v)) {
      v = std::numeric_limits<float>::quiet_NaN();
      continue;
    }
    grid.sum += v;
    grid.minimum = first ? v : std::min<double>(grid.minimum, v);
    grid.maximum = first ? v : std::max<double>(grid.maximum, v);
    first = false;
  }
  return true;
}

}  // namespace

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
  grid->mapCrs = mapCrs;  // (an invalid one: the raster's own, set below)
  grid->sourceWidth = ds->GetRasterXSize();
  grid->sourceHeight = ds->GetRasterYSize();
  double gt[6] = {0, 1, 0, 0, 0, 1};
  ds->GetGeoTransform(gt);
  grid->sourceCellSize = std::abs(gt[1]);
  QString problem;
  grid->sourceCrs = sourceCrsOverride.isValid() ? sourceCrsOverride
                                                : detail::crsFromOgr(ds->GetSpatialRef(), problem);
  if (grid->sourceCrs.kind() == Crs::Kind::Gcj02 || grid->sourceCrs.kind() == Crs::Kind::Bd09 ||
      mapCrs.kind() == Crs::Kind::Gcj02 || mapCrs.kind() == Crs::Kind::Bd09) {
    return Error{ErrorCode::TransformFailed,
                 QCoreApplication::translate("RasterReader", "%1: rasters cannot be shown in or from GCJ-02/BD-09 "
                                             "coordinates; choose a map coordinate system such as EPSG:4549.").arg(path)};
  }
  if (!mapCrs.isValid()) grid->mapCrs = grid->sourceCrs;
  GDALDataset* readFrom = ds.get();
  GDALDatasetUniquePtr warped;
  if (mapCrs.isValid() && grid->sourceCrs.isValid() && !(grid->sourceCrs == mapCrs)) {
    warped = warpTo(*ds, wktOf(grid->sourceCrs), wktOf(mapCrs));
    if (!warped) {
      return Error{ErrorCode::TransformFailed,
                   QCoreApplication::translate("RasterReader", "%1: cannot reproject the raster: %2").arg(path, errors.lastError())};
    }
    readFrom = warped.get();
  }
  if (!readBand(*readFrom, *grid)) {
    return Error{ErrorCode::CorruptFile,
                 QCoreApplication::translate("RasterReader", "%1: the raster cannot be read; it may be truncated. GDAL says: %2")
                     .arg(path, errors.lastError())};
  }
  return std::shared_ptr<const RasterGrid>(std::move(grid));
}

}  // namespace xiuhua::gis
