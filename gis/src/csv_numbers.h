#pragma once

// Internal: the numbers of a CSV layer checked against the file's own text. Never in public headers.
#include "xiuhua/gis/result.h"
#include "xiuhua/gis/vector_data.h"

#include <QStringList>

#include <vector>

namespace xiuhua::gis::detail {

// GDAL reads "68,500" in a column typed Real (by a .csvt or by detection) as 68.5, taking the comma
// for a decimal comma, and in an Integer column as 68, without a word. A scan reads the file's own
// text of every numeric field's values (with GDAL's CSV tokenizer) and decides per column:
// thousands separators ("1,234,567", or 3-digit groups in a file that also writes "12.5"), decimal
// commas ("68,5"), or — for 3-digit groups alone — thousands in a comma-separated file and decimal
// commas in a semicolon-separated one (the European convention).
struct CsvNumberScan {
  enum class Reading { AsIs, Thousands, DecimalComma };
  struct Cell {
    qint64 fid = 0;  // as GDAL numbers the records: 1 for the first after the header
    int line = 0;
    QString text;
  };
  struct Column {
    int field = 0;
    Reading reading = Reading::AsIs;
    std::vector<Cell> cells;  // its values that are not plain numbers
  };
  std::vector<Column> columns;  // the numeric fields with such values
  QStringList warnings;         // what could not be checked, and why

  // The fields whose values GDAL misreads (read again from the text after reading).
  QStringList misreadFields(const VectorData& data) const;
};

// Scans `file` (the layer's CSV) for the numeric fields of `data` (described, not yet read). Fails,
// naming the file, the field and two lines, on a column that writes numbers both ways.
Result<CsvNumberScan> scanCsvNumbers(const QString& file, const VectorData& data);

// Sets the values of the scanned columns as their text says (text that is no number: empty), and
// returns a line per column saying so, naming the field.
QStringList applyCsvNumbers(const CsvNumberScan& scan, const QString& file, VectorData& data);

}  // namespace xiuhua::gis::detail
