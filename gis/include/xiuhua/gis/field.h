#pragma once

#include <QString>
#include <QVariant>

#include <vector>

namespace xiuhua::gis {

struct Field {
  enum class Type { Integer, Real, String, Date, DateTime, Other };
  QString name;
  Type type = Type::String;
  bool isNumeric() const { return type == Type::Integer || type == Type::Real; }
};

// One feature's attributes, in field order. Null values are invalid QVariants.
using AttributeRow = std::vector<QVariant>;

}  // namespace xiuhua::gis
