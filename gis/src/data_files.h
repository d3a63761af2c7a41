#pragma once

// Internal: the files that hold a data source's data. Never in public headers.
#include <QFileInfo>
#include <QList>
#include <QString>

namespace xiuhua::gis::detail {

// The existing files of a data source, main file first: a shapefile's .shp/.dbf with its
// .dbf/.shx/.prj/.cpg (whichever of them the path names), a SQLite-based file with its -wal, every
// file of a folder (a folder of shapefiles or CSVs), in name order.
QList<QFileInfo> dataFiles(const QString& path);

}  // namespace xiuhua::gis::detail
