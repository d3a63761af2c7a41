#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/result.h"

#include <QDir>
#include <QString>

namespace xiuhua::gis {

// A vector source as users and scripts name it: `path`, with options after `|` (the GDAL/QGIS
// convention): `layername=NAME` (an empty layer means the source's first), `crs=DEFINITION` (the
// source's own CRS, for a file without one or with a wrong one: a GCJ-02 GeoJSON) and
// `encoding=NAME` (the text encoding of a shapefile or CSV, when its declaration is missing or
// wrong). A project declares the same per layer; declaredCrs and encoding then win over the file.
struct SourceRef {
  QString path;
  QString layer;
  Crs declaredCrs;
  QString encoding;

  // Reads "path|layername=…|crs=…|encoding=…"; fails naming the option that is not understood (an
  // unknown option, a CRS PROJ cannot read, an encoding Xiuhua does not know).
  static Result<SourceRef> parseChecked(const QString& text);
  // The same, ignoring what cannot be read (for sources the project itself wrote).
  static SourceRef parse(const QString& text);
  // "path" or "path|layername=…", as messages name the source.
  QString toString() const;
  bool isEmpty() const { return path.isEmpty(); }
};

// A source's path made absolute against folder (cleaned); a database source ("PG:…") as it is.
QString absoluteSourcePath(const QString& path, const QDir& folder);
// A source's path relative to folder, as projects and records keep it; a database source as it is.
QString relativeSourcePath(const QString& path, const QDir& folder);
// True for a source that is not a file: a PostGIS table ("PG:…").
bool isDatabaseSource(const QString& path);

}  // namespace xiuhua::gis
