#pragma once

// Internal: the numbers of a CSV layer checked against the file's own text. Never in public headers.
#include "xiuhua/gis/result.h"
#include "xiuhua/gis/vector_data.h"

#include <QStringList>

namespace xiuhua::gis::detail {

struct CsvNumberCheck {
  QStringList fields;    // the numeric fields whose values were read again from the text
  QStringList warnings;  // how they were read, one line per field
};

// GDAL reads "68,500" in a column typed Real (by a .csvt or by detection) as 68.5, taking the comma
// for a decimal comma, and in an Integer column as 68, without a word. For every numeric field of
// the layer this reads the file's text of each value (with GDAL's CSV tokenizer) and, where values
// hold commas, decides per column: thousands separators ("1,234,567", or 3-digit groups in a file
// that also writes "12.5"), decimal commas ("68,5"), or — for 3-digit groups alone — thousands in a
// comma-separated file and decimal commas in a semicolon-separated one (the European convention);
// then sets the values read so and says so, naming the field. A column that mixes both, or a value
// that is no number, fails naming the file, the field and the line.
Result<CsvNumberCheck> checkCsvNumbers(const QString& gdalPath, VectorData& data);

}  // namespace xiuhua::gis::detail
