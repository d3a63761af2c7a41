#pragma once

#include <QString>

namespace xiuhua::gis {

// Versions of the libraries in use at run time, for the About dialog and `xiuhua-cli --version`.
struct LibraryVersions {
  QString gdal;
  QString geos;
  QString proj;
  QString sqlite;
};

LibraryVersions libraryVersions();

}  // namespace xiuhua::gis
