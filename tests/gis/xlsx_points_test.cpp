#include "support/temp_dir.h"
#include "xiuhua/gis/vector_reader.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

namespace xiuhua::gis {
namespace {

// A spreadsheet of bus stops with 经度/纬度 columns, as bureaus send them.
TEST(XlsxPoints, LonLatColumnsBecomePoints) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("公交站点.xlsx"));
  GDALAllRegister();
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    ASSERT_NE(driver, nullptr);
    GDALDatasetUniquePtr ds(driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->CreateLayer("站点", nullptr, wkbNone, nullptr);
    OGRFieldDefn name("站名", OFTString);
    OGRFieldDefn lon("经度", OFTReal);
    OGRFieldDefn lat("纬度", OFTReal);
    layer->CreateField(&name);
    layer->CreateField(&lon);
    layer->CreateField(&lat);
    const double coords[][2] = {{121.25, 31.38}, {121.32, 31.30}};
    for (const auto& c : coords) {
      OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
      f->SetField(0, "博乐路城中路");
      f->SetField(1, c[0]);
      f->SetField(2, c[1]);
      ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
    }
  }
  auto data = VectorReader::read(path);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  ASSERT_EQ(data.value()->featureCount(), 2U);
  EXPECT_EQ(data.value()->geometryType, Geometry::Type::Point);
  EXPECT_EQ(data.value()->geometries[1].parts()[0][0][0], QPointF(121.32, 31.30));
  EXPECT_EQ(data.value()->attributes[0][0].toString(), QStringLiteral("博乐路城中路"));
}

}  // namespace
}  // namespace xiuhua::gis
