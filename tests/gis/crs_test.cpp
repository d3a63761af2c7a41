#include "xiuhua/gis/china_offsets.h"
#include "xiuhua/gis/coordinate_transform.h"
#include "xiuhua/gis/crs.h"

#include <gtest/gtest.h>

namespace xiuhua::gis {
namespace {

// A local transverse Mercator in the style of 上海2000 definitions (parameters illustrative).
const char* kShanghaiLocal =
    "+proj=tmerc +lat_0=31.236 +lon_0=121.465 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs";

TEST(Crs, ParsesTheCodesDistrictsUse) {
  for (int code : {4490, 4549, 4550, 4326, 3857, 32651}) {
    const auto crs = Crs::fromUserInput(QStringLiteral("EPSG:%1").arg(code));
    ASSERT_TRUE(crs.ok()) << code;
    EXPECT_EQ(crs->kind(), Crs::Kind::Proj);
    EXPECT_FALSE(crs->name().isEmpty());
  }
  EXPECT_TRUE(Crs::fromEpsg(4490).isGeographic());
  EXPECT_FALSE(Crs::fromEpsg(4549).isGeographic());
  EXPECT_TRUE(Crs::fromEpsg(4549).name().contains(QStringLiteral("120E")));
}

TEST(Crs, ParsesUserProjStringAndChineseOffsetNames) {
  auto local = Crs::fromUserInput(QString::fromLatin1(kShanghaiLocal));
  ASSERT_TRUE(local.ok()) << local.error().message.toStdString();
  EXPECT_FALSE(local->isGeographic());
  EXPECT_EQ(Crs::fromUserInput(QStringLiteral("gcj-02"))->kind(), Crs::Kind::Gcj02);
  EXPECT_EQ(Crs::fromUserInput(QStringLiteral("BD09"))->kind(), Crs::Kind::Bd09);
}

TEST(Crs, ParsesEsriWktAsShapefilePrjFilesHaveIt) {
  const char* wkt =
      "PROJCS[\"CGCS2000_3_Degree_GK_CM_120E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
      "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
      "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
      "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",120.0],PARAMETER[\"Scale_Factor\",1.0],"
      "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
  auto crs = Crs::fromUserInput(QString::fromLatin1(wkt));
  ASSERT_TRUE(crs.ok()) << crs.error().message.toStdString();
  EXPECT_FALSE(crs->isGeographic());
  auto t = CoordinateTransform::create(crs.value(), Crs::fromEpsg(4549));
  ASSERT_TRUE(t.ok());
  const QPointF p = (*t)->transform(QPointF(619000, 3470000));
  EXPECT_NEAR(p.x(), 619000, 0.01);  // the same system as EPSG:4549
  EXPECT_NEAR(p.y(), 3470000, 0.01);
}

TEST(Crs, RejectsGarbageWithAReason) {
  const auto bad = Crs::fromUserInput(QStringLiteral("+proj=nonsense +foo"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::CrsInvalid);
  EXPECT_TRUE(bad.error().message.contains(QStringLiteral("nonsense")));
  EXPECT_FALSE(Crs::fromUserInput(QString()).ok());
}

TEST(CoordinateTransform, CentralMeridianMapsToFalseEasting) {
  auto t = CoordinateTransform::create(Crs::fromEpsg(4490), Crs::fromEpsg(4549));
  ASSERT_TRUE(t.ok());
  const QPointF p = (*t)->transform(QPointF(120.0, 31.0));  // lon, lat order whatever the EPSG axis order
  EXPECT_NEAR(p.x(), 500000.0, 1e-3);
  EXPECT_NEAR(p.y(), 3430000.0, 5000.0);
  auto back = CoordinateTransform::create(Crs::fromEpsg(4549), Crs::fromEpsg(4490));
  const QPointF q = (*back)->transform(p);
  EXPECT_NEAR(q.x(), 120.0, 1e-9);
  EXPECT_NEAR(q.y(), 31.0, 1e-9);
}

TEST(CoordinateTransform, Gcj02SourceIsCorrectedBeforeProj) {
  const QPointF wgs(121.25, 31.38);
  const QPointF gcj = china::wgs84ToGcj02(wgs);
  auto fromGcj = CoordinateTransform::create(Crs::gcj02(), Crs::fromEpsg(4549));
  auto fromWgs = CoordinateTransform::create(Crs::fromEpsg(4326), Crs::fromEpsg(4549));
  ASSERT_TRUE(fromGcj.ok() && fromWgs.ok());
  const QPointF a = (*fromGcj)->transform(gcj);
  const QPointF b = (*fromWgs)->transform(wgs);
  EXPECT_LT(std::hypot(a.x() - b.x(), a.y() - b.y()), 0.01);
  // Declaring nothing would leave the ~470 m error in place.
  const QPointF wrong = (*fromWgs)->transform(gcj);
  EXPECT_GT(std::hypot(wrong.x() - b.x(), wrong.y() - b.y()), 300);
}

TEST(CoordinateTransform, Bd09ToGcj02AndIdentity) {
  const QPointF gcj(121.4737, 31.2304);
  auto t = CoordinateTransform::create(Crs::bd09(), Crs::gcj02());
  ASSERT_TRUE(t.ok());
  const QPointF back = (*t)->transform(china::gcj02ToBd09(gcj));
  EXPECT_NEAR(back.x(), gcj.x(), 1e-5);
  EXPECT_NEAR(back.y(), gcj.y(), 1e-5);
  auto same = CoordinateTransform::create(Crs::fromEpsg(4549), Crs::fromEpsg(4549));
  EXPECT_TRUE((*same)->isIdentity());
}

TEST(CoordinateTransform, UserLocalStringRoundTrips) {
  auto local = Crs::fromUserInput(QString::fromLatin1(kShanghaiLocal));
  auto to = CoordinateTransform::create(Crs::fromEpsg(4490), local.value());
  auto from = CoordinateTransform::create(local.value(), Crs::fromEpsg(4490));
  const QPointF origin = (*to)->transform(QPointF(121.465, 31.236));
  EXPECT_NEAR(origin.x(), 0.0, 1e-3);
  EXPECT_NEAR(origin.y(), 0.0, 1e-3);
  const QPointF p = (*from)->transform(QPointF(1000, 2000));
  const QPointF again = (*to)->transform(p);
  EXPECT_NEAR(again.x(), 1000, 1e-4);
  EXPECT_NEAR(again.y(), 2000, 1e-4);
}

}  // namespace
}  // namespace xiuhua::gis
