#pragma once

#include <QString>
#include <QVariant>
#include <vector>

#include "xiuhua/gis/field.h"
#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/result.h"

namespace xiuhua::gis {

// The rows an update touches (those the filter selects, in input order) and their new values.
struct CalculatorResult {
  std::vector<qint64> fids;
  // Typed to the target (qlonglong, double, QString, QDate, QDateTime); null: an invalid QVariant.
  std::vector<QVariant> values;
};

// Bulk update of one field from an expression in SQLite syntax, evaluated by SQLite itself on an
// in-memory table of the rows. Fields are referenced by name ("name with spaces", or name);
// pseudo-fields for the geometry: $area and $length (perimeter for polygons) in the units of the
// geometries' CRS — pass projected metres —, $x and $y (the point, or the centroid), $id (the fid).
// Date fields are ISO text ("2024-05-01"), DateTime fields SQLite's "2024-05-01 08:30:00", so
// SQLite's date functions and comparisons with them work. A double-quoted name that is not a field
// is an error (SQLite would otherwise take it for a string).
//
// Immutable once created; evaluate() may run on any thread, on several at once.
class FieldCalculator {
 public:
  // Checks that the expression (and the optional filter, a SQLite boolean expression) compile
  // against the fields; the error message is SQLite's, with the expression quoted.
  static Result<FieldCalculator> create(const std::vector<Field>& fields, const QString& expression,
                                        const QString& where = {});

  // Evaluates for the rows: fids, attributes in field order, and geometries (in a projected CRS)
  // either one per row or none at all. Values are converted to targetType (Integer: whole numbers
  // only, 3.0 is fine, 2.5 is not; Real; String; Date; DateTime; Other: as SQLite gives them); a
  // value that does not convert is an error naming the fid and the value; nulls stay null.
  Result<CalculatorResult> evaluate(const std::vector<qint64>& fids,
                                    const std::vector<AttributeRow>& rows,
                                    const std::vector<Geometry>& geometries,
                                    Field::Type targetType) const;

  const QString& expression() const { return mExpression; }
  const QString& where() const { return mWhere; }

 private:
  FieldCalculator() = default;

  std::vector<Field> mFields;
  std::vector<bool> mHasColumn;  // false for a later field whose name repeats an earlier one
                                 // (SQLite ignores case)
  QString mExpression;
  QString mWhere;
  QString mSelectSql;           // the expression and filter rewritten onto the table's columns
  bool mNeedsMeasures = false;  // $area, $length, $x or $y is used: compute them with GEOS
};

}  // namespace xiuhua::gis
