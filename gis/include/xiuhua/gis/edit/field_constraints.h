#pragma once

#include <QString>
#include <QVariant>
#include <optional>
#include <utility>
#include <vector>

#include "xiuhua/gis/field.h"
#include "xiuhua/gis/result.h"

namespace xiuhua::gis {

// What a field accepts, as its source declares it: GDAL field domains (GeoPackage
// gpkg_data_column_constraints — range, enum, glob — and FileGDB domains), NOT NULL and DEFAULT.
// The attribute form and the attribute table check every typed value against this.
struct FieldConstraint {
  bool notNull = false;
  // Numeric range; either bound may be absent (unbounded).
  std::optional<double> minimum, maximum;
  bool minimumInclusive = true, maximumInclusive = true;
  // Allowed values (code, label), codes typed to the field (qlonglong, double or QString), in the
  // order the source gives them (GDAL gives a GeoPackage's sorted by code); a code without a label
  // is read with the code as its label. Empty: any value.
  std::vector<std::pair<QVariant, QString>> values;
  QString glob;  // SQLite GLOB pattern the text must match (case-sensitive); empty: any
  // As the source states it, in OGR's form: a literal ('buried', 2025, '2024/03/01 10:20:30'),
  // CURRENT_DATE, CURRENT_TIMESTAMP, CURRENT_TIME, or "{year}" (the project's year; not storable
  // in a file). Empty: no default.
  QString defaultExpression;
  QString domainName;  // for messages; when writing, the domain to create or reuse
  QString description;
  bool isEmpty() const;
};

// One constraint per field, in the layer's field order.
struct LayerConstraints {
  std::vector<FieldConstraint> fields;
};

// The constraints the layer's source declares for `fields` (matched by name; a field the layer
// does not have gets an empty constraint). An empty layerName means the first layer. A format
// without constraints (Shapefile, CSV …) gives empty constraints, not an error; a missing or
// unreadable source, or a missing layer, is an Error naming the file.
Result<LayerConstraints> readConstraints(const QString& path, const QString& layerName,
                                         const std::vector<Field>& fields);

// Writes the constraint of one field of a layer whose format holds domains (GeoPackage, FileGDB):
// its domain (one of values, range or glob — a field holds one domain), NOT NULL and DEFAULT.
// An empty part removes it from the field. The domain is named constraint.domainName, or
// "<layer>_<field>" when that is empty; an existing domain of that name is reused when it is the
// same and refused otherwise (GDAL 3.6 cannot update GeoPackage domains). A default outside the
// constraint, "{year}", or a format that cannot hold the constraint is an Error naming the file
// and field. Opens the file for update: no other connection may be writing it.
Status writeConstraint(const QString& path, const QString& layerName, const QString& fieldName,
                       const FieldConstraint& constraint);

// nullopt when the value is acceptable for the field; otherwise a user-facing message naming the
// field and what is allowed, e.g. "状态 must be one of: overhead (架空), buried (入地)". The value
// must convert to the field's type (text "abc" is refused for an Integer field; for numeric, date
// and datetime fields text is parsed, ISO for dates). Null — an invalid or null QVariant, or blank
// text for a non-text field — is fine unless notNull.
std::optional<QString> checkValue(const Field& field, const FieldConstraint& constraint,
                                  const QVariant& value);

// The value converted to the field's type as the form stores it (qlonglong, double, QString,
// QDate, QDateTime); an invalid QVariant for null or for a value that does not convert.
QVariant convertToFieldType(const Field& field, const QVariant& value);

// The default for a new feature: literals unquoted and typed to the field, CURRENT_DATE /
// CURRENT_TIMESTAMP / CURRENT_TIME as today's date / the local date and time / the time now,
// "{year}" as `year`; an invalid QVariant when there is no default or it is not understood
// (a driver-specific SQL expression).
QVariant defaultValue(const Field& field, const FieldConstraint& constraint, int year);

}  // namespace xiuhua::gis
