#pragma once

#include "xiuhua/gis/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace xiuhua::gis {

// A table of text cells read from a CSV or spreadsheet, for catalogs and value imports.
struct TextTable {
  QString path;
  QStringList columns;
  std::vector<QStringList> rows;  // one per data row, one cell per column (empty when absent)
  std::vector<int> lines;         // the row's line in a CSV (header = 1) or row in a sheet

  int column(const QString& name) const { return static_cast<int>(columns.indexOf(name)); }
};

// Reads a CSV (UTF-8, first line the header) or an XLSX/ODS sheet through GDAL, every cell as
// text exactly as written (no type guessing, no geometry columns). `sheet` picks a spreadsheet
// layer; empty: the first. Errors name the file.
class TableReader {
 public:
  static Result<TextTable> read(const QString& path, const QString& sheet = {});
};

}  // namespace xiuhua::gis
