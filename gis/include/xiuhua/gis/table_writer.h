#pragma once

#include "xiuhua/gis/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace xiuhua::gis {

// One table of a workbook: its name (the worksheet's tab), header row and rows of cells. Columns
// listed in numericColumns are written as numbers (an empty cell stays empty; text that is not a
// number is written as 0, so callers pass numbers in C locale, e.g. QString::number).
struct TableSheet {
  QString name;
  QStringList columns;
  std::vector<QStringList> rows;
  QStringList numericColumns;
};

// Writes tables as CSV (UTF-8 with a byte order mark, for Excel) or XLSX, by the file's suffix, through GDAL. The file is written
// beside the target and renamed over it, so a failure never leaves half a file (nor replaces an
// older one). Errors name the file.
class TableWriter {
 public:
  // One table; an XLSX file gets one worksheet named "values".
  static Status write(const QString& path, const QStringList& columns, const std::vector<QStringList>& rows,
                      const QStringList& numericColumns = {});
  // XLSX: one worksheet per sheet, in order, named by validSheetNames(). CSV holds one table:
  // more than one sheet is refused (write one file per table).
  static Status writeSheets(const QString& path, const std::vector<TableSheet>& sheets);
  // Names Excel accepts for worksheets, in order: at most 31 characters, none of []:*?/\ (each
  // becomes "_"), no leading or trailing apostrophe, not empty ("Sheet"), unique regardless of
  // case (a repeated name gets " (2)", " (3)" … within the 31 characters).
  static QStringList validSheetNames(const QStringList& names);
};

}  // namespace xiuhua::gis
