// Coverage by walking distance along a network, beside the straight-line coverage, on hand-made
// data with known answers.
#include "support/temp_dir.h"
#include "xiuhua/gis/vector_writer.h"
#include "xiuhua/indicators/metrics/coverage_what_if.h"
#include "xiuhua/indicators/metrics/service_coverage.h"

#include <gtest/gtest.h>

namespace xiuhua::indicators {
namespace {

gis::Geometry rect(double x0, double y0, double x1, double y1) {
  return gis::Geometry(gis::Geometry::Type::Polygon,
                       {gis::Geometry::Part{gis::Geometry::Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}});
}

gis::Geometry line(QPointF a, QPointF b) { return gis::Geometry(gis::Geometry::Type::Line, {gis::Geometry::Part{gis::Geometry::Ring{a, b}}}); }

// A stop on a street along y = 0; homes along the street (A, 200 m × 5 m) and 200 m north of the stop
// (B, 100 m × 5 m, no street): both within 300 m as the crow flies, only A by walking.
struct Town {
  test::TempDir dir;
  QString file = dir.path(QStringLiteral("街道.gpkg"));
  CoverageParams params;

  Town() {
    const gis::Crs crs = gis::Crs::fromEpsg(4549);
    auto layer = [&](const char* name, gis::Geometry::Type type, std::vector<gis::Geometry> geometries) {
      gis::LayerToWrite l{QString::fromLatin1(name), crs, type, {}, std::move(geometries), {}};
      return l;
    };
    const QPointF origin(600000, 3460000);
    auto at = [&](double x, double y) { return origin + QPointF(x, y); };
    EXPECT_TRUE(gis::VectorWriter::writeGeoPackage(
                    file, {layer("stops", gis::Geometry::Type::Point, {gis::Geometry::point(at(0, 0)), gis::Geometry::point(at(5000, 5000))}),
                           layer("streets", gis::Geometry::Type::Line, {line(at(-1000, 0), at(1000, 0))}),
                           layer("homes", gis::Geometry::Type::Polygon,
                                 {rect(at(-100, 0).x(), at(-100, 0).y(), at(100, 5).x(), at(100, 5).y()),
                                  rect(at(0, 200).x(), at(0, 200).y(), at(100, 205).x(), at(100, 205).y())})})
                    .ok());
    params.facilities = gis::SourceRef::parse(file + QStringLiteral("|layername=stops"));
    params.radius = 300;
    params.target = gis::SourceRef::parse(file + QStringLiteral("|layername=homes"));
    params.network = NetworkParams{gis::SourceRef::parse(file + QStringLiteral("|layername=streets")), QString(), 50, 10};
  }
};

TEST(NetworkCoverage, WalkingReachesLessThanTheCrowFliesAndSaysHowMuchLess) {
  Town town;
  MetricRun run;
  run.resultLayers = true;
  const MetricResult r = computeCoverage(town.params, run).value();
  EXPECT_NEAR(*r.value, 1000.0 / 1500.0, 1e-9);  // A only
  EXPECT_NEAR(r.counts.value(QStringLiteral("euclidean_area_ratio")).toDouble(), 1.0, 1e-9);
  EXPECT_NEAR(r.counts.value(QStringLiteral("network_minus_euclidean_points")).toDouble(), -100.0 / 3.0, 1e-7);
  EXPECT_EQ(r.counts.value(QStringLiteral("facilities_off_network")).toInt(), 1);  // the far stop: 5 km from any street
  QStringList layers;
  for (const auto& l : r.layers) layers << l.name;
  EXPECT_TRUE(layers.contains(QStringLiteral("walked")) && layers.contains(QStringLiteral("euclidean_service_area"))) << layers.join(QLatin1Char(' ')).toStdString();

  // A what-if on a base of the far stop alone, proposing the stop on the street: it is walked
  // too, so the scenario is the walking coverage (A), not the straight-line one (A and B).
  WhatIfParams whatIf;
  whatIf.coverage = town.params;
  whatIf.coverage.facilityWhere = QStringLiteral("fid = 2");
  whatIf.add = town.params.facilities;
  whatIf.addWhere = QStringLiteral("fid = 1");
  const auto proposed = computeWhatIf(whatIf);
  ASSERT_TRUE(proposed.ok()) << proposed.error().message.toStdString();
  EXPECT_NEAR(*proposed->base.value, 0.0, 1e-12);
  EXPECT_NEAR(*proposed->scenario.value, 1000.0 / 1500.0, 1e-9);

  // Without the network: both.
  town.params.network.reset();
  EXPECT_NEAR(*computeCoverage(town.params).value().value, 1.0, 1e-9);
}

}  // namespace
}  // namespace xiuhua::indicators
