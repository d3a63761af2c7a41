// Walking-distance service areas on a small hand-made network with known answers.
#include "xiuhua/gis/overlay/geometry_measures.h"
#include "xiuhua/gis/overlay/network_service_area.h"

#include <gtest/gtest.h>

#include <cmath>

namespace xiuhua::gis {
namespace {

Geometry line(std::vector<QPointF> points) { return Geometry(Geometry::Type::Line, {Geometry::Part{Geometry::Ring(std::move(points))}}); }

double length(const Geometry& g) { return lengths({g}).front(); }

// A street from (0,0) to (1000,0), crossed at x = 500 by one from (500,-500) to (500,500) (no
// shared vertex: the crossing is found by noding), and a dead end from (1000,0) to (1000,300).
NetworkServiceAreas cross(double width = 10) {
  NetworkServiceAreas::Options options;
  options.maxSnap = 50;
  options.width = width;
  return NetworkServiceAreas::build({line({{0, 0}, {1000, 0}}), line({{500, -500}, {500, 500}}), line({{1000, 0}, {1000, 300}})}, options)
      .value();
}

TEST(NetworkServiceAreas, WalksTheNetworkUpToTheDistance) {
  const NetworkServiceAreas network = cross();
  EXPECT_EQ(network.nodeCount(), 6U);  // the ends, the crossing, the corner
  EXPECT_EQ(network.edgeCount(), 5U);
  // From the street's west end, 600 m: 600 m along it, then 100 m up and 100 m down the cross street.
  const NetworkServiceAreas::Area a = network.serviceArea(Geometry::point({0, 0}), 600);
  ASSERT_TRUE(a.reached);
  EXPECT_NEAR(length(a.walked), 800, 1e-6);
  // Its area is the walked lines buffered by 10 m (GEOS, the same construction).
  const Geometry expected = unionOf(bufferEach({line({{0, 0}, {600, 0}}), line({{500, -100}, {500, 100}})}, {10.0, 10.0}));
  EXPECT_NEAR(areas({a.polygon}).front(), areas({expected}).front(), 1e-6);
  // Beyond every end: the whole network.
  EXPECT_NEAR(length(network.serviceArea(Geometry::point({0, 0}), 5000).walked), 2300, 1e-6);
}

TEST(NetworkServiceAreas, SnapsFacilitiesToTheNearestEdgesWithinTheSnapDistance) {
  const NetworkServiceAreas network = cross();
  // A stop 40 m north of the street at x = 300: entered at (300,0), 560 m left to walk:
  // west to x = 0 (300), east to x = 860 (560), and 360 m up and down the cross street (200 spent).
  const NetworkServiceAreas::Area a = network.serviceArea(Geometry::point({300, 40}), 600);
  ASSERT_TRUE(a.reached);
  EXPECT_NEAR(length(a.walked), 40 + 860 + 720, 1e-6);  // the 40 m walk to the street counts
  // 80 m away with a 50 m snap distance: no access.
  const NetworkServiceAreas::Area far = network.serviceArea(Geometry::point({300, 80}), 600);
  EXPECT_FALSE(far.reached);
  EXPECT_TRUE(far.polygon.isEmpty());
  // A triangular park whose nearest point to the street is its south corner (350,10): entered at
  // (350,0) with 530 m left: west to x = 0, east through the crossing (160 m from the park) to
  // x = 880, and 380 m up and down the cross street.
  const Geometry park(Geometry::Type::Polygon, {Geometry::Part{Geometry::Ring{{300, 30}, {400, 30}, {350, 10}, {300, 30}}}});
  const NetworkServiceAreas::Area p = network.serviceArea(park, 540);
  ASSERT_TRUE(p.reached);
  EXPECT_NEAR(length(p.walked), 10 + 880 + 2 * 380, 1e-6);
  EXPECT_GT(areas({p.polygon}).front(), areas({park}).front());
  // A stop 20 m east and 20 m north of the crossing, 100 m: the crossing (28.28 m off) is entered
  // directly; the east and north arms at their nearest points 20 m off (80 m left, from 20 m along:
  // 100 m of each arm); west and south 100 − 28.28 m from the crossing; plus the three walks to the
  // network (28.28 + 20 + 20).
  const double diagonal = std::hypot(20.0, 20.0);
  const NetworkServiceAreas::Area c = network.serviceArea(Geometry::point({520, 20}), 100);
  ASSERT_TRUE(c.reached);
  EXPECT_NEAR(length(c.walked), 2 * 100 + 2 * (100 - diagonal) + diagonal + 40, 1e-6);
}

TEST(NetworkServiceAreas, RefusesANetworkWithoutLines) {
  EXPECT_FALSE(NetworkServiceAreas::build({Geometry::point({0, 0})}, {}).ok());
}

}  // namespace
}  // namespace xiuhua::gis
