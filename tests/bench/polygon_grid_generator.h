#pragma once

#include <QString>

namespace xiuhua::bench {

// Writes (once; reused when present with the same count) a GeoPackage with `count` small jittered
// quadrilaterals tiling a square around Jiading in EPSG:4549, with an integer and a text field.
// Deterministic: the same count gives the same file content.
bool ensurePolygonGrid(const QString& path, int count);

}  // namespace xiuhua::bench
