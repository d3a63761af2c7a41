#pragma once

#include "xiuhua/gis/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace xiuhua::gis {

// Writes a table as CSV (UTF-8) or XLSX, by the file's suffix, through GDAL. Columns listed in
// numericColumns are written as numbers (empty cells as empty). The file is written beside the
// target and renamed over it, so a failure never leaves half a file. Errors name the file.
class TableWriter {
 public:
  static Status write(const QString& path, const QStringList& columns, const std::vector<QStringList>& rows,
                      const QStringList& numericColumns = {});
};

}  // namespace xiuhua::gis
