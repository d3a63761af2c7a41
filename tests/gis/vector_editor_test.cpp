// Editing layers in place: features added (reprojected), removed and put back, in GeoPackage and
// Shapefile; read-only sources refused by name.
#include "support/temp_dir.h"
#include "xiuhua/gis/vector_editor.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/gis/vector_writer.h"

#include <gtest/gtest.h>

#include <QFile>

namespace xiuhua::gis {
namespace {

Geometry square(double x, double y, double size) {
  return Geometry(Geometry::Type::Polygon,
                  {Geometry::Part{Geometry::Ring{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}});
}

LayerToWrite parks() {
  LayerToWrite layer;
  layer.name = QStringLiteral("parks");
  layer.crs = Crs::fromEpsg(4549);
  layer.fields = {{QStringLiteral("name"), Field::Type::String}, {QStringLiteral("area_m2"), Field::Type::Real}};
  for (int i = 0; i < 3; ++i) {
    layer.geometries.push_back(square(600000 + 1000 * i, 3460000, 100));
    layer.attributes.push_back({QStringLiteral("公园%1").arg(i + 1), 10000.0});
  }
  return layer;
}

std::shared_ptr<const VectorData> read(const QString& path, const QString& layer = {}) {
  ReadOptions options;
  options.layerName = layer;
  return VectorReader::read(path, options).value();
}

TEST(VectorEditor, AddsRemovesAndRestoresInAGeoPackage) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("设施.gpkg"));
  ASSERT_TRUE(VectorWriter::writeGeoPackage(path, {parks()}).ok());
  auto editor = VectorEditor::open(SourceRef::parse(path + QStringLiteral("|layername=parks"))).value();
  EXPECT_EQ(editor->crs().definition(), QStringLiteral("EPSG:4549"));
  EXPECT_TRUE(editor->keepsFids());

  // One park given in the layer's CRS, one in longitude/latitude (reprojected by PROJ).
  const auto added = editor->add({square(605000, 3461000, 50)}, Crs::fromEpsg(4549), {{{QStringLiteral("name"), QStringLiteral("新公园")},
                                                                                        {QStringLiteral("no_such_field"), 1}}});
  ASSERT_TRUE(added.ok()) << added.error().message.toStdString();
  ASSERT_EQ(added->size(), 1U);
  const double lon = 121.049878233, lat = 31.257507102;
  const Geometry lonLatPark(Geometry::Type::Polygon,
                            {Geometry::Part{Geometry::Ring{{lon, lat}, {lon + 0.001, lat}, {lon + 0.001, lat + 0.001}, {lon, lat}}}});
  const auto lonLat = editor->add({lonLatPark}, Crs::fromEpsg(4490));
  ASSERT_TRUE(lonLat.ok()) << lonLat.error().message.toStdString();
  // A point is no park: refused, and nothing added.
  const auto point = editor->add({Geometry::point({605000, 3461000})}, Crs());
  ASSERT_FALSE(point.ok());
  EXPECT_TRUE(point.error().message.contains(QStringLiteral("point"))) << point.error().message.toStdString();
  auto data = read(path, QStringLiteral("parks"));
  ASSERT_EQ(data->featureCount(), 5U);
  EXPECT_EQ(data->attributes[3][0].toString(), QStringLiteral("新公园"));
  EXPECT_EQ(data->geometries[3].type(), Geometry::Type::Polygon);
  const QPointF p = data->geometries[4].parts()[0][0][0];  // its first corner, as cs2cs EPSG:4490 → EPSG:4549 gives it
  EXPECT_NEAR(p.x(), 600000, 0.01);
  EXPECT_NEAR(p.y(), 3460000, 0.01);

  // Remove two, then put them back under their own fids with their fields.
  const qint64 second = data->fids[1];
  const auto removed = editor->remove({second, (*added)[0]});
  ASSERT_TRUE(removed.ok()) << removed.error().message.toStdString();
  data = read(path, QStringLiteral("parks"));
  EXPECT_EQ(data->featureCount(), 3U);
  const auto restored = editor->restore(**removed);
  ASSERT_TRUE(restored.ok()) << restored.error().message.toStdString();
  EXPECT_EQ((*restored)[0], second);
  EXPECT_EQ((*restored)[1], (*added)[0]);
  data = read(path, QStringLiteral("parks"));
  ASSERT_EQ(data->featureCount(), 5U);
  EXPECT_EQ(data->attributes[1][0].toString(), QStringLiteral("公园2"));

  // Unknown fids are refused and nothing is removed (one transaction).
  const auto unknown = editor->remove({data->fids[0], 9999});
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(unknown.error().message.contains(QStringLiteral("9999")));
  EXPECT_EQ(read(path, QStringLiteral("parks"))->featureCount(), 5U);
}

TEST(VectorEditor, EditsAShapefileAndRefusesReadOnlyFiles) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("公园.shp"));
  ASSERT_TRUE(VectorWriter::writeFile(path, parks()).ok());
  {
    auto editor = VectorEditor::open(SourceRef::parse(path)).value();
    EXPECT_FALSE(editor->keepsFids());  // a shapefile renumbers its features when packed
    ASSERT_TRUE(editor->add({square(607000, 3462000, 80)}, Crs(), {{{QStringLiteral("name"), QStringLiteral("口袋公园")}}}).ok());
    // Unknown fids are refused before anything is removed (a shapefile has no transactions).
    EXPECT_FALSE(editor->remove({0, 99}).ok());
    ASSERT_TRUE(editor->remove({0}).ok());
    // Its polygon layer takes a two-part park as two features.
    Geometry twoParts = square(608000, 3462000, 50);
    twoParts.parts().push_back(square(608100, 3462000, 50).parts().front());
    const auto parts = editor->add({twoParts}, Crs(), {{{QStringLiteral("name"), QStringLiteral("两块绿地")}}});
    ASSERT_TRUE(parts.ok()) << parts.error().message.toStdString();
    EXPECT_EQ(parts->size(), 2U);
  }
  auto data = read(path);
  ASSERT_EQ(data->featureCount(), 5U);
  EXPECT_EQ(data->attributes[4][0].toString(), QStringLiteral("两块绿地"));
  EXPECT_EQ(data->attributes[0][0].toString(), QStringLiteral("公园2"));
  EXPECT_EQ(data->attributes[2][0].toString(), QStringLiteral("口袋公园"));

  QFile::setPermissions(path, QFile::ReadOwner);
  const auto readOnly = VectorEditor::open(SourceRef::parse(path));
  ASSERT_FALSE(readOnly.ok());
  EXPECT_TRUE(readOnly.error().message.contains(QStringLiteral("公园.shp")));
  EXPECT_TRUE(readOnly.error().message.contains(QStringLiteral("read-only")));
  EXPECT_FALSE(VectorEditor::open(SourceRef::parse(dir.path(QStringLiteral("没有.gpkg")))).ok());
}

}  // namespace
}  // namespace xiuhua::gis
