#pragma once

#include <QString>

namespace xiuhua::gis {

// The size and time (ms) of a data file and of the side files that hold part of its data — a
// shapefile's .dbf/.shx/.prj/.cpg, a SQLite-based file's -wal — as one string. Equal stamps: the
// data on disk has not changed (as far as a file system can tell).
QString fileStamp(const QString& path);

}  // namespace xiuhua::gis
