#include "xiuhua/gis/china_offsets.h"
#include "xiuhua/gis/vector_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace xiuhua::gis {
namespace {

double metresBetween(QPointF a, QPointF b) {
  const double lat = (a.y() + b.y()) / 2 * std::numbers::pi / 180;
  const double dx = (a.x() - b.x()) * 111319.49 * std::cos(lat);
  const double dy = (a.y() - b.y()) * 110574.0;
  return std::hypot(dx, dy);
}

// Reference pairs of the published GCJ-02 algorithm (as used by Amap), (lon, lat).
struct Pair {
  QPointF wgs;
  QPointF gcj;
};
const Pair kReference[] = {
    {{121.5272106, 31.1774276}, {121.531541859215, 31.17530398364597}},
    {{113.912316, 22.543847}, {113.9171764808363, 22.540796131694766}},
    {{116.377817, 39.911954}, {116.38404722455657, 39.91334545536069}},
};

TEST(ChinaOffsets, Wgs84ToGcj02MatchesReferencePoints) {
  for (const Pair& p : kReference) {
    const QPointF g = china::wgs84ToGcj02(p.wgs);
    EXPECT_NEAR(g.x(), p.gcj.x(), 1e-7);
    EXPECT_NEAR(g.y(), p.gcj.y(), 1e-7);
  }
}

TEST(ChinaOffsets, Gcj02ToWgs84InvertsToMillimetres) {
  for (const Pair& p : kReference) {
    EXPECT_LT(metresBetween(china::gcj02ToWgs84(p.gcj), p.wgs), 0.001);
  }
}

TEST(ChinaOffsets, JiadingOffsetIsAbout420mEastAnd220mSouth) {
  const QPointF wgs(121.25, 31.38);
  const QPointF gcj = china::wgs84ToGcj02(wgs);
  EXPECT_NEAR((gcj.x() - wgs.x()) * 111319.49 * std::cos(31.38 * std::numbers::pi / 180), 420, 60);
  EXPECT_NEAR((gcj.y() - wgs.y()) * 110574.0, -220, 60);
}

TEST(ChinaOffsets, OutsideChinaIsUnchanged) {
  const QPointF tokyo(139.69, 35.68 + 30);  // north of the China box
  EXPECT_EQ(china::wgs84ToGcj02(tokyo), tokyo);
  EXPECT_EQ(china::gcj02ToWgs84(tokyo), tokyo);
}

TEST(ChinaOffsets, Bd09RoundTripsAndShiftsNorthEast) {
  const QPointF gcj(121.4737, 31.2304);
  const QPointF bd = china::gcj02ToBd09(gcj);
  EXPECT_GT(bd.x() - gcj.x(), 0.004);
  EXPECT_GT(bd.y() - gcj.y(), 0.004);
  EXPECT_LT(metresBetween(china::bd09ToGcj02(bd), gcj), 1.0);
}

// The shared DataV outlines: GCJ-02 originals and WGS84 copies derived by an independent inverse.
TEST(ChinaOffsets, AgreesWithDataVWgs84DerivedOutlineWithin2m) {
  auto gcj = VectorReader::read(QStringLiteral(DEMO_SOURCES_DIR "/jiading_310114_detailed_gcj02.geojson"));
  auto wgs = VectorReader::read(QStringLiteral(DEMO_SOURCES_DIR "/jiading_310114_detailed_wgs84_derived.geojson"));
  ASSERT_TRUE(gcj.ok()) << gcj.error().message.toStdString();
  ASSERT_TRUE(wgs.ok()) << wgs.error().message.toStdString();
  const auto& a = gcj.value()->geometries.front().parts();
  const auto& b = wgs.value()->geometries.front().parts();
  ASSERT_EQ(a.size(), b.size());
  int compared = 0;
  double worst = 0;
  for (std::size_t p = 0; p < a.size(); ++p) {
    ASSERT_EQ(a[p].front().size(), b[p].front().size());
    for (std::size_t i = 0; i < a[p].front().size(); ++i) {
      worst = std::max(worst, metresBetween(china::gcj02ToWgs84(a[p].front()[i]), b[p].front()[i]));
      ++compared;
    }
  }
  EXPECT_GT(compared, 1000);
  EXPECT_LT(worst, 2.0);
}

}  // namespace
}  // namespace xiuhua::gis
