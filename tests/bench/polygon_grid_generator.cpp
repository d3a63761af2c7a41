#include "polygon_grid_generator.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFileInfo>

#include <cmath>
#include <random>

namespace xiuhua::bench {

bool ensurePolygonGrid(const QString& path, int count) {
  GDALAllRegister();
  const QByteArray file = path.toUtf8();
  if (QFileInfo::exists(path)) {
    GDALDatasetUniquePtr existing(GDALDataset::Open(file.constData(), GDAL_OF_VECTOR));
    if (existing && existing->GetLayer(0) != nullptr && existing->GetLayer(0)->GetFeatureCount() == count) return true;
  }
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(driver->Create(file.constData(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) return false;
  OGRSpatialReference srs;
  srs.importFromEPSG(4549);
  OGRLayer* layer = ds->CreateLayer("parcels", &srs, wkbPolygon, nullptr);
  OGRFieldDefn id("parcel_id", OFTInteger);
  OGRFieldDefn name("name", OFTString);
  layer->CreateField(&id);
  layer->CreateField(&name);
  const int side = static_cast<int>(std::ceil(std::sqrt(count)));
  const double extent = 30000.0;  // metres
  const double cell = extent / side;
  const double x0 = 605000;
  const double y0 = 3455000;
  std::mt19937 rng(20261122);
  std::uniform_real_distribution<double> jitter(0.05 * cell, 0.25 * cell);
  ds->StartTransaction();
  for (int i = 0; i < count; ++i) {
    const double cx = x0 + (i % side) * cell;
    const double cy = y0 + (i / side) * cell;
    OGRLinearRing ring;
    ring.addPoint(cx + jitter(rng), cy + jitter(rng));
    ring.addPoint(cx + cell - jitter(rng), cy + jitter(rng));
    ring.addPoint(cx + cell - jitter(rng), cy + cell - jitter(rng));
    ring.addPoint(cx + jitter(rng), cy + cell - jitter(rng));
    ring.closeRings();
    OGRPolygon polygon;
    polygon.addRing(&ring);
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    f->SetField(0, i);
    f->SetField(1, i % 7 == 0 ? "居住用地" : "公园绿地");
    f->SetGeometry(&polygon);
    if (layer->CreateFeature(f.get()) != OGRERR_NONE) return false;
    if (i % 100000 == 99999) {
      ds->CommitTransaction();
      ds->StartTransaction();
    }
  }
  return ds->CommitTransaction() == OGRERR_NONE;
}

}  // namespace xiuhua::bench
