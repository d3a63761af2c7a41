#include "ogr_convert.h"

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <QCoreApplication>

#include <memory>

namespace xiuhua::gis::detail {
namespace {

Geometry::Ring readCurve(const OGRSimpleCurve* curve) {
  Geometry::Ring ring;
  const int n = curve->getNumPoints();
  ring.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) ring.emplace_back(curve->getX(i), curve->getY(i));
  return ring;
}

void collect(const OGRGeometry* g, Geometry::Type& type, std::vector<Geometry::Part>& points,
             std::vector<Geometry::Part>& lines, std::vector<Geometry::Part>& polygons) {
  if (g == nullptr || g->IsEmpty()) return;
  if (g->hasCurveGeometry()) {
    std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
    collect(linear.get(), type, points, lines, polygons);
    return;
  }
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
      const auto* p = g->toPoint();
      points.push_back({Geometry::Ring{QPointF(p->getX(), p->getY())}});
      return;
    }
    case wkbLineString:
    case wkbLinearRing:
      lines.push_back({readCurve(g->toLineString())});
      return;
    case wkbPolygon: {
      const auto* poly = g->toPolygon();
      Geometry::Part part;
      part.push_back(readCurve(poly->getExteriorRing()));
      for (int i = 0; i < poly->getNumInteriorRings(); ++i) {
        part.push_back(readCurve(poly->getInteriorRing(i)));
      }
      polygons.push_back(std::move(part));
      return;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbPolyhedralSurface:
    case wkbTIN: {
      const auto* c = dynamic_cast<const OGRGeometryCollection*>(g);
      if (c == nullptr) return;
      for (const OGRGeometry* member : *c) collect(member, type, points, lines, polygons);
      return;
    }
    default: return;
  }
}

OGRLinearRing* toRing(const Geometry::Ring& ring) {
  auto* r = new OGRLinearRing;
  for (const QPointF& p : ring) r->addPoint(p.x(), p.y());
  r->closeRings();
  return r;
}

}  // namespace

std::unique_ptr<OGRGeometry> toOgr(const Geometry& g) {
  switch (g.type()) {
    case Geometry::Type::Polygon: {
      auto multi = std::make_unique<OGRMultiPolygon>();
      for (const Geometry::Part& part : g.parts()) {
        OGRPolygon polygon;
        for (const Geometry::Ring& ring : part) polygon.addRingDirectly(toRing(ring));
        multi->addGeometry(&polygon);
      }
      return multi;
    }
    case Geometry::Type::Line: {
      auto multi = std::make_unique<OGRMultiLineString>();
      for (const Geometry::Part& part : g.parts()) {
        OGRLineString line;
        for (const QPointF& p : part.front()) line.addPoint(p.x(), p.y());
        multi->addGeometry(&line);
      }
      return multi;
    }
    case Geometry::Type::Point: {
      auto multi = std::make_unique<OGRMultiPoint>();
      for (const Geometry::Part& part : g.parts()) {
        const QPointF p = part.front().front();
        OGRPoint point(p.x(), p.y());
        multi->addGeometry(&point);
      }
      return multi;
    }
    case Geometry::Type::Empty: break;
  }
  return nullptr;
}

Geometry fromOgr(const OGRGeometry* geometry) {
  Geometry::Type type = Geometry::Type::Empty;
  std::vector<Geometry::Part> points;
  std::vector<Geometry::Part> lines;
  std::vector<Geometry::Part> polygons;
  collect(geometry, type, points, lines, polygons);
  if (!polygons.empty()) return {Geometry::Type::Polygon, std::move(polygons)};
  if (!lines.empty()) return {Geometry::Type::Line, std::move(lines)};
  if (!points.empty()) return {Geometry::Type::Point, std::move(points)};
  return {};
}

Crs crsFromOgr(const OGRSpatialReference* srs, QString& problem) {
  if (srs == nullptr) return {};
  const char* auth = srs->GetAuthorityName(nullptr);
  const char* code = srs->GetAuthorityCode(nullptr);
  if (auth != nullptr && code != nullptr && QLatin1String(auth) == QLatin1String("EPSG")) {
    auto crs = Crs::fromUserInput(QStringLiteral("EPSG:%1").arg(QLatin1String(code)));
    if (crs.ok()) return crs.value();
  }
  int count = 0;
  int* confidence = nullptr;
  OGRSpatialReferenceH* matches = srs->FindMatches(nullptr, &count, &confidence);
  QString matched;
  if (count > 0 && confidence[0] >= 90) {
    const auto* best = OGRSpatialReference::FromHandle(matches[0]);
    const char* a = best->GetAuthorityName(nullptr);
    const char* c = best->GetAuthorityCode(nullptr);
    if (a != nullptr && c != nullptr) {
      matched = QStringLiteral("%1:%2").arg(QLatin1String(a), QLatin1String(c));
    }
  }
  OSRFreeSRSArray(matches);
  CPLFree(confidence);
  if (!matched.isEmpty()) {
    auto crs = Crs::fromUserInput(matched);
    if (crs.ok()) return crs.value();
  }
  char* wkt = nullptr;
  const char* options[] = {"FORMAT=WKT2_2018", nullptr};
  if (srs->exportToWkt(&wkt, options) != OGRERR_NONE || wkt == nullptr) {
    CPLFree(wkt);
    problem = QCoreApplication::translate("Crs", "GDAL cannot export the coordinate system");
    return {};
  }
  auto crs = Crs::fromUserInput(QString::fromUtf8(wkt));
  CPLFree(wkt);
  if (!crs.ok()) {
    problem = crs.error().message;
    return {};
  }
  return crs.value();
}

}  // namespace xiuhua::gis::detail
