#include "xiuhua/gis/library_versions.h"

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>
#include <sqlite3.h>

namespace xiuhua::gis {

LibraryVersions libraryVersions() {
  return {QString::fromLatin1(GDALVersionInfo("RELEASE_NAME")), QString::fromLatin1(GEOSversion()),
          QString::fromLatin1(proj_info().release), QString::fromLatin1(sqlite3_libversion())};
}

}  // namespace xiuhua::gis
