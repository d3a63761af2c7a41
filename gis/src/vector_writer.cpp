#include "xiuhua/gis/vector_writer.h"

#include "atomic_file.h"
#include "gdal_env.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <memory>

namespace xiuhua::gis {
namespace {

OGRLinearRing* toRing(const Geometry::Ring& ring) {
  auto* r = new OGRLinearRing;
  for (const QPointF& p : ring) r->addPoint(p.x(), p.y());
  r->closeRings();
  return r;
}

// Always the multi type of the layer, so that one layer holds single and multi parts alike.
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

OGRwkbGeometryType layerType(Geometry::Type type) {
  switch (type) {
    case Geometry::Type::Polygon: return wkbMultiPolygon;
    case Geometry::Type::Line: return wkbMultiLineString;
    case Geometry::Type::Point: return wkbMultiPoint;
    case Geometry::Type::Empty: break;
  }
  return wkbUnknown;
}

OGRFieldType fieldType(Field::Type type) {
  switch (type) {
    case Field::Type::Integer: return OFTInteger64;
    case Field::Type::Real: return OFTReal;
    default: return OFTString;
  }
}

}  // namespace

Status VectorWriter::writeGeoPackage(const QString& path, const std::vector<LayerToWrite>& layers) {
  detail::ensureGdalRegistered();
  const QFileInfo target(path);
  auto fail = [&](const QString& why) {
    return Error{ErrorCode::IoFailed, QCoreApplication::translate("VectorWriter", "%1: cannot write the layers (%2).").arg(path, why)};
  };
  const QString temp = detail::temporaryBeside(target, QStringLiteral("gpkg"));
  detail::GdalErrorCollector errors;
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver != nullptr ? driver->Create(temp.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!ds) return fail(errors.lastError());
    for (const LayerToWrite& spec : layers) {
      OGRSpatialReference srs;
      srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      const bool hasCrs = spec.crs.kind() == Crs::Kind::Proj &&
                          srs.SetFromUserInput(spec.crs.definition().toUtf8().constData()) == OGRERR_NONE;
      OGRLayer* layer = ds->CreateLayer(spec.name.toUtf8().constData(), hasCrs ? &srs : nullptr, layerType(spec.type), nullptr);
      if (layer == nullptr) {
        ds.reset();
        QFile::remove(temp);
        return fail(errors.lastError());
      }
      for (const Field& f : spec.fields) {
        OGRFieldDefn field(f.name.toUtf8().constData(), fieldType(f.type));
        layer->CreateField(&field);
      }
      if (layer->StartTransaction() != OGRERR_NONE) return fail(errors.lastError());
      for (std::size_t i = 0; i < spec.geometries.size(); ++i) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        if (std::unique_ptr<OGRGeometry> g = toOgr(spec.geometries[i])) feature->SetGeometryDirectly(g.release());
        const AttributeRow* row = i < spec.attributes.size() ? &spec.attributes[i] : nullptr;
        for (std::size_t f = 0; row != nullptr && f < spec.fields.size() && f < row->size(); ++f) {
          const QVariant& v = (*row)[f];
          if (!v.isValid() || v.isNull()) continue;
          const int index = static_cast<int>(f);
          switch (spec.fields[f].type) {
            case Field::Type::Integer: feature->SetField(index, static_cast<GIntBig>(v.toLongLong())); break;
            case Field::Type::Real: feature->SetField(index, v.toDouble()); break;
            default: feature->SetField(index, v.toString().toUtf8().constData());
          }
        }
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
          ds.reset();
          QFile::remove(temp);
          return fail(errors.lastError());
        }
      }
      if (layer->CommitTransaction() != OGRERR_NONE) {
        ds.reset();
        QFile::remove(temp);
        return fail(errors.lastError());
      }
    }
  }
  if (const QString reason = detail::replaceWith(temp, target, errors.lastError()); !reason.isEmpty()) return fail(reason);
  return {};
}

}  // namespace xiuhua::gis
