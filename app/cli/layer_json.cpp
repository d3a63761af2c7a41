#include "cli/layer_json.h"

#include "xiuhua/gis/vector_reader.h"

#include "xiuhua/gis/geometry_validity.h"

#include <QJsonArray>

namespace xiuhua::cli {
namespace {

QString typeName(gis::Geometry::Type t) {
  switch (t) {
    case gis::Geometry::Type::Point: return QStringLiteral("point");
    case gis::Geometry::Type::Line: return QStringLiteral("line");
    case gis::Geometry::Type::Polygon: return QStringLiteral("polygon");
    case gis::Geometry::Type::Empty: break;
  }
  return QStringLiteral("none");
}

QString fieldTypeName(gis::Field::Type t) {
  switch (t) {
    case gis::Field::Type::Integer: return QStringLiteral("integer");
    case gis::Field::Type::Real: return QStringLiteral("real");
    case gis::Field::Type::String: return QStringLiteral("string");
    case gis::Field::Type::Date: return QStringLiteral("date");
    case gis::Field::Type::DateTime: return QStringLiteral("datetime");
    case gis::Field::Type::Other: break;
  }
  return QStringLiteral("other");
}

QString encodingSourceName(gis::EncodingSource s) {
  switch (s) {
    case gis::EncodingSource::Cpg: return QStringLiteral("cpg");
    case gis::EncodingSource::LanguageDriver: return QStringLiteral("dbf-language-driver");
    case gis::EncodingSource::Detected: return QStringLiteral("detected");
    case gis::EncodingSource::Override: return QStringLiteral("override");
    case gis::EncodingSource::Native: return QStringLiteral("native");
  }
  return {};
}

}  // namespace

QJsonObject describeVector(const gis::VectorData& d) {
  QJsonArray fields;
  for (const gis::Field& f : d.fields) {
    fields.append(QJsonObject{{QStringLiteral("name"), f.name}, {QStringLiteral("type"), fieldTypeName(f.type)}});
  }
  QJsonArray sample;
  for (std::size_t i = 0; i < std::min<std::size_t>(3, d.attributes.size()); ++i) {
    QJsonObject row;
    for (std::size_t f = 0; f < d.fields.size(); ++f) {
      row.insert(d.fields[f].name, QJsonValue::fromVariant(d.attributes[i][f]));
    }
    sample.append(row);
  }
  QJsonArray candidates;
  for (const gis::EncodingCandidate& c : d.encoding.candidates) {
    candidates.append(QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("score"), c.score}});
  }
  QStringList warnings = d.warnings;
  if (const QString encoding = gis::encodingWarning(d); !encoding.isEmpty()) warnings.prepend(encoding);
  return {{QStringLiteral("path"), d.path},
          {QStringLiteral("layer"), d.layerName},
          {QStringLiteral("driver"), d.driver},
          {QStringLiteral("geometryType"), typeName(d.geometryType)},
          {QStringLiteral("featureCount"), static_cast<qint64>(d.featureCount())},
          {QStringLiteral("crs"), d.crs.isValid() ? d.crs.definition().left(120) : QString()},
          {QStringLiteral("crsName"), d.crs.name()},
          {QStringLiteral("crsProblem"), d.crsProblem},
          {QStringLiteral("encoding"), d.encoding.name},
          {QStringLiteral("encodingSource"), encodingSourceName(d.encoding.source)},
          {QStringLiteral("encoding_confidence"), d.encoding.confidence},
          {QStringLiteral("encoding_runner_up"), d.encoding.runnerUp},
          {QStringLiteral("encoding_candidates"), candidates},
          {QStringLiteral("fields"), fields},
          {QStringLiteral("extent"), QJsonArray{d.extent.left(), d.extent.top(), d.extent.right(), d.extent.bottom()}},
          {QStringLiteral("invalidGeometries"), static_cast<int>(gis::findInvalidGeometries(d.geometries).size())},
          {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
          {QStringLiteral("readOnly"), d.readOnlyReason},
          {QStringLiteral("sample"), sample}};
}

}  // namespace xiuhua::cli
