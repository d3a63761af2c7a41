#pragma once

#include "xiuhua/gis/result.h"

#include <QString>

namespace xiuhua::gis {

// A coordinate reference system: a PROJ definition (EPSG code, WKT or PROJ string, such as the
// local 上海2000 strings), or one of the Chinese offset systems that PROJ lacks (GCJ-02, BD-09),
// which are geographic coordinates distorted from WGS84 by a published algorithm.
class Crs {
 public:
  enum class Kind { None, Proj, Gcj02, Bd09 };

  Crs() = default;

  // Accepts "EPSG:4549", WKT, a PROJ string, "GCJ02"/"GCJ-02", "BD09"/"BD-09".
  // Fails with CrsInvalid when PROJ cannot parse the definition.
  static Result<Crs> fromUserInput(const QString& definition);
  static Crs fromEpsg(int code);
  static Crs gcj02() { return Crs(Kind::Gcj02, QStringLiteral("GCJ02")); }
  static Crs bd09() { return Crs(Kind::Bd09, QStringLiteral("BD09")); }

  Kind kind() const { return mKind; }
  bool isValid() const { return mKind != Kind::None; }
  // The definition as given (round-trips through fromUserInput).
  const QString& definition() const { return mDefinition; }
  // Human-readable name, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)".
  const QString& name() const { return mName; }
  bool isGeographic() const { return mGeographic; }
  // For GCJ-02 and BD-09: the PROJ definition they are based on (EPSG:4326).
  QString projDefinition() const;

  bool operator==(const Crs& other) const {
    return mKind == other.mKind && mDefinition == other.mDefinition;
  }

 private:
  Crs(Kind kind, QString definition);
  Kind mKind = Kind::None;
  QString mDefinition;
  QString mName;
  bool mGeographic = false;
};

}  // namespace xiuhua::gis
