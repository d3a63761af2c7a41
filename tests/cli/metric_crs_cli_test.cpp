// End-to-end: lengths and areas are measured in a CRS chosen for the data wherever it lies — the
// CGCS2000 zone inside China, the UTM zone elsewhere, a transverse Mercator on data across a zone
// boundary — and checked against geodesic lengths on the ellipsoid (PROJ's geodesic routines,
// independent of any projection). A distorted projected input is reprojected, and said so.
#include "cli/cli_runner.h"
#include "support/temp_dir.h"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <geodesic.h>

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <utility>
#include <vector>

namespace {

using xiuhua::test::cli;
using xiuhua::test::CliRun;

QJsonObject json(const QString& text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

using LonLat = std::vector<std::pair<double, double>>;

// The geodesic length of a polyline on the WGS 84 ellipsoid, in metres.
double geodesicLength(const LonLat& points) {
  geod_geodesic g;
  geod_init(&g, 6378137.0, 1 / 298.257223563);
  double total = 0;
  for (std::size_t i = 1; i < points.size(); ++i) {
    double s12 = 0;
    geod_inverse(&g, points[i - 1].second, points[i - 1].first, points[i].second, points[i].first, &s12, nullptr, nullptr);
    total += s12;
  }
  return total;
}

// A zig-zag street of `n` vertices about 150–300 m apart, starting at (lon, lat).
LonLat street(double lon, double lat, int n = 30) {
  LonLat out;
  for (int i = 0; i < n; ++i) out.emplace_back(lon + 0.0021 * i, lat + ((i % 3) - 1) * 0.0013);
  return out;
}

QString lineGeoJson(const LonLat& points) {
  QStringList coords;
  for (const auto& [lon, lat] : points) coords << QStringLiteral("[%1,%2]").arg(lon, 0, 'f', 7).arg(lat, 0, 'f', 7);
  return QStringLiteral(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},)"
                        R"("geometry":{"type":"LineString","coordinates":[%1]}}]})")
      .arg(coords.join(QLatin1Char(',')));
}

QJsonObject length(const QString& source, const QStringList& extra = {}) {
  const CliRun r = cli(QStringList{QStringLiteral("length"), QStringLiteral("--lines"), source, QStringLiteral("--json")} + extra);
  EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
  return json(r.out);
}

// The issue's Helsinki (25°E, 60°N) was measured in EPSG:4534, a zone clamped to 75°E: +8.2 %.
TEST(CliMetricCrs, DataAtSeveralLongitudesAreMeasuredInTheirZone) {
  struct Place {
    const char* name;
    double lon;
    double lat;
    const char* crs;
  };
  const std::vector<Place> places = {{"Helsinki", 24.90, 60.16, "EPSG:32635"}, {"Paris", 2.30, 48.85, "EPSG:32631"},
                                     {"Rio de Janeiro", -43.25, -22.92, "EPSG:32723"}, {"Sydney", 151.17, -33.88, "EPSG:32756"},
                                     {"Jiading", 121.20, 31.35, "EPSG:4549"}, {"Ürümqi", 87.55, 43.80, "EPSG:4538"}};
  for (const Place& p : places) {
    xiuhua::test::TempDir dir;
    const LonLat line = street(p.lon, p.lat);
    const QString file = dir.write(QStringLiteral("street.geojson"), lineGeoJson(line).toUtf8());
    const QJsonObject o = length(file);
    EXPECT_EQ(o.value(QStringLiteral("crs")).toString(), QString::fromLatin1(p.crs)) << p.name;
    const double expected = geodesicLength(line);
    EXPECT_NEAR(o.value(QStringLiteral("length_m")).toDouble(), expected, 0.001 * expected) << p.name;
    EXPECT_LT(o.value(QStringLiteral("scale_error")).toDouble(), 0.001) << p.name;
    EXPECT_FALSE(o.value(QStringLiteral("crs_reason")).toString().isEmpty()) << p.name;
    EXPECT_TRUE(o.value(QStringLiteral("warnings")).toArray().isEmpty()) << p.name;
  }
}

// A GPX track near Boston (the issue: 449.6 m against a geodesic 409.6 m).
TEST(CliMetricCrs, AGpxTrackNearBostonMatchesItsGeodesicLength) {
  xiuhua::test::TempDir dir;
  const LonLat track = {{-71.0589, 42.3601}, {-71.0575, 42.3610}, {-71.0561, 42.3622}, {-71.0549, 42.3630}, {-71.0540, 42.3641}};
  QString points;
  for (const auto& [lon, lat] : track) points += QStringLiteral("<trkpt lat=\"%1\" lon=\"%2\"/>").arg(lat, 0, 'f', 4).arg(lon, 0, 'f', 4);
  const QString gpx = dir.write(QStringLiteral("walk.gpx"), QStringLiteral("<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"test\" "
                                                                           "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>walk</name>"
                                                                           "<trkseg>%1</trkseg></trk></gpx>")
                                                                .arg(points)
                                                                .toUtf8());
  const QJsonObject o = length(gpx + QStringLiteral("|layername=tracks"));
  EXPECT_EQ(o.value(QStringLiteral("crs")).toString(), QStringLiteral("EPSG:32619"));
  const double expected = geodesicLength(track);
  EXPECT_NEAR(o.value(QStringLiteral("length_m")).toDouble(), expected, 0.001 * expected);
}

// Across the 121.5°E boundary of two CGCS2000 zones: a transverse Mercator centred on the data.
TEST(CliMetricCrs, DataAcrossAZoneBoundaryGetATransverseMercatorOnThem) {
  xiuhua::test::TempDir dir;
  const LonLat line = {{120.9, 31.3}, {121.3, 31.32}, {121.7, 31.28}, {122.1, 31.3}};
  const QString file = dir.write(QStringLiteral("across.geojson"), lineGeoJson(line).toUtf8());
  const QJsonObject o = length(file);
  EXPECT_TRUE(o.value(QStringLiteral("crs")).toString().contains(QStringLiteral("+proj=tmerc"))) << o.value(QStringLiteral("crs")).toString().toStdString();
  const double expected = geodesicLength(line);
  EXPECT_NEAR(o.value(QStringLiteral("length_m")).toDouble(), expected, 0.0005 * expected);
  EXPECT_TRUE(o.value(QStringLiteral("crs_reason")).toString().contains(QStringLiteral("zone")));
}

// The demo roads reprojected to Web Mercator measured 1,557,639 m instead of 1,328,242 m (+17.3 %).
TEST(CliMetricCrs, AWebMercatorInputIsReprojectedAndSaidSo) {
  xiuhua::test::TempDir dir;
  const QString out = dir.path(QStringLiteral("roads_3857.gpkg"));
  GDALAllRegister();
  GDALDatasetH source = GDALOpenEx(DEMO_DATA_DIR "/roads/roads.shp", GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  ASSERT_NE(source, nullptr);
  const char* argv[] = {"-t_srs", "EPSG:3857", "-f", "GPKG", nullptr};
  GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(const_cast<char**>(argv), nullptr);
  GDALDatasetH written = GDALVectorTranslate(out.toUtf8().constData(), nullptr, 1, &source, options, nullptr);
  GDALVectorTranslateOptionsFree(options);
  ASSERT_NE(written, nullptr);
  GDALClose(written);
  GDALClose(source);

  const QJsonObject original = length(QStringLiteral(DEMO_DATA_DIR "/roads/roads.shp"));
  const CliRun r = cli({QStringLiteral("length"), QStringLiteral("--lines"), out, QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject o = json(r.out);
  const double metres = original.value(QStringLiteral("length_m")).toDouble();
  EXPECT_NEAR(metres, 1328241.744, 0.01);
  EXPECT_NEAR(o.value(QStringLiteral("length_m")).toDouble(), metres, 1e-6 * metres);
  EXPECT_EQ(o.value(QStringLiteral("crs")).toString(), QStringLiteral("EPSG:4549"));
  const QString warnings = o.value(QStringLiteral("warnings")).toVariant().toStringList().join(QLatin1Char('\n'));
  EXPECT_TRUE(warnings.contains(QStringLiteral("EPSG:3857")) && warnings.contains(QStringLiteral("reprojected"))) << warnings.toStdString();
  EXPECT_TRUE(r.err.contains(QStringLiteral("EPSG:3857"))) << r.err.toStdString();  // on standard error too

  // Asked for explicitly, Web Mercator is used — with the distortion named.
  const CliRun asked = cli({QStringLiteral("length"), QStringLiteral("--lines"), out, QStringLiteral("--crs"), QStringLiteral("EPSG:3857"),
                            QStringLiteral("--json")});
  ASSERT_EQ(asked.exitCode, 0) << asked.err.toStdString();
  EXPECT_GT(json(asked.out).value(QStringLiteral("length_m")).toDouble(), 1.15 * metres);
  EXPECT_TRUE(asked.err.contains(QStringLiteral("distorts"))) << asked.err.toStdString();
}

// Counting needs no CRS; where one is needed the message names the input and how to give it.
TEST(CliMetricCrs, CountNeedsNoCrsAndASourceCrsIsGivenPerInput) {
  xiuhua::test::TempDir dir;
  const QString shp = dir.copy(QStringLiteral(DEMO_DATA_DIR "/roads/roads.shp"), QStringLiteral("道路"));
  QFile::remove(dir.path(QStringLiteral("道路.prj")));
  CliRun r = cli({QStringLiteral("count"), QStringLiteral("--features"), shp, QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_EQ(json(r.out).value(QStringLiteral("count")).toInt(), 468);
  const QString per = QStringLiteral(DEMO_DATA_DIR "/jiading.gpkg|layername=subdistricts");
  r = cli({QStringLiteral("count"), QStringLiteral("--features"), shp, QStringLiteral("--per"), per, QStringLiteral("--per-field"),
           QStringLiteral("name")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains(shp) && r.err.contains(QStringLiteral("|crs=EPSG:"))) << r.err.toStdString();
  r = cli({QStringLiteral("length"), QStringLiteral("--lines"), shp + QStringLiteral("|crs=EPSG:4549"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_NEAR(json(r.out).value(QStringLiteral("length_m")).toDouble(), 1328241.744, 0.01);
  r = cli({QStringLiteral("length"), QStringLiteral("--lines"), shp + QStringLiteral("|crs=EPSG:0")});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains(QStringLiteral("crs=EPSG:0"))) << r.err.toStdString();
}

}  // namespace
