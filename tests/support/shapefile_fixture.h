#pragma once

// Overhead-line sections in a GBK (code page 936) shapefile, written by GDAL as a utility's file
// would be, as the editing tests start from.
#include "support/temp_dir.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <QString>

namespace xiuhua::test {

// `count` 50 m sections 100 m apart in dir/架空线.shp (EPSG:4549), fids 0 … count−1: field "name"
// 架空 / 入地 alternately (架空 first) and, withYear, "year" 2020 …. Returns the path.
inline QString writeGbkSections(const TempDir& dir, int count, bool withYear) {
  GDALAllRegister();  // a test may run alone, before anything else has registered the drivers
  const QString path = dir.path(QStringLiteral("架空线.shp"));
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  if (driver == nullptr) return {};
  GDALDatasetUniquePtr ds(driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
  OGRSpatialReference srs;
  srs.importFromEPSG(4549);
  const char* options[] = {"ENCODING=CP936", nullptr};
  OGRLayer* layer = ds->CreateLayer("架空线", &srs, wkbLineString, const_cast<char**>(options));
  OGRFieldDefn name("name", OFTString);
  OGRFieldDefn year("year", OFTInteger);
  layer->CreateField(&name);
  if (withYear) layer->CreateField(&year);
  for (int i = 0; i < count; ++i) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    f->SetField(0, i % 2 == 0 ? "架空" : "入地");
    if (withYear) f->SetField(1, 2020 + i);
    OGRLineString line;
    line.addPoint(600000 + 100 * i, 3460000);
    line.addPoint(600050 + 100 * i, 3460050);
    f->SetGeometry(&line);
    EXPECT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
  }
  return path;
}

}  // namespace xiuhua::test
