#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/indicator.h"

#include <QString>

#include <vector>

namespace xiuhua::indicators {

// A plan's indicators, in the file's order.
struct Catalog {
  QString path;
  std::vector<Indicator> indicators;

  const Indicator* find(const QString& code) const;
  QStringList categories() const;  // in order of first appearance
};

// Reads a catalog CSV/XLSX (format: resources/catalogs/README.md) through gis::TableReader.
// All or nothing: any problem refuses the whole file with an error that names the file, the
// line and the reason for each problem found (up to 20).
class CatalogReader {
 public:
  static gis::Result<Catalog> read(const QString& path);
};

}  // namespace xiuhua::indicators
