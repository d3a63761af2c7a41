// Writing result layers to a GeoPackage and reading them back.
#include "support/temp_dir.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/gis/vector_writer.h"

#include <gtest/gtest.h>

namespace xiuhua::gis {
namespace {

TEST(VectorWriter, WritesLayersThatReadBackTheSame) {
  test::TempDir dir;
  LayerToWrite layer;
  layer.name = QStringLiteral("覆盖");
  layer.crs = Crs::fromEpsg(4549);
  layer.fields = {{QStringLiteral("名称"), Field::Type::String}, {QStringLiteral("ratio"), Field::Type::Real},
                  {QStringLiteral("n"), Field::Type::Integer}};
  layer.geometries = {Geometry(Geometry::Type::Polygon,
                               {Geometry::Part{Geometry::Ring{{600000, 3460000}, {600100, 3460000}, {600100, 3460100}, {600000, 3460000}}}})};
  layer.attributes = {{QStringLiteral("南翔镇"), 0.873, QVariant::fromValue<qlonglong>(7)}};
  const QString path = dir.path(QStringLiteral("结果 图层.gpkg"));
  ASSERT_TRUE(VectorWriter::writeGeoPackage(path, {layer}).ok());
  ReadOptions options;
  options.layerName = QStringLiteral("覆盖");
  const auto data = VectorReader::read(path, options).value();
  ASSERT_EQ(data->featureCount(), 1U);
  EXPECT_EQ(data->crs.definition(), QStringLiteral("EPSG:4549"));
  EXPECT_EQ(data->attributes[0][0].toString(), QStringLiteral("南翔镇"));
  EXPECT_DOUBLE_EQ(data->attributes[0][1].toDouble(), 0.873);
  EXPECT_EQ(data->attributes[0][2].toLongLong(), 7);
  EXPECT_EQ(data->geometries[0].type(), Geometry::Type::Polygon);
  // A file that cannot be written is refused by name, and nothing is left behind.
  const QString bad = dir.path(QStringLiteral("没有的目录/out.gpkg"));
  const Status s = VectorWriter::writeGeoPackage(bad, {layer});
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.error().message.contains(bad));
}

}  // namespace
}  // namespace xiuhua::gis
