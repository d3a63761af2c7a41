#pragma once

#include <vector>

namespace xiuhua::gis {

enum class ClassificationMethod { EqualInterval, Quantile, NaturalBreaks };

// Class edges for numeric values: classCount + 1 ascending edges from the minimum to the maximum
// (fewer when the values have fewer distinct levels). NaNs are ignored; empty input gives none.
// NaturalBreaks is Jenks' optimisation; above 3000 values it runs on an evenly spaced sample of
// the sorted values, as QGIS does, so its cost stays bounded.
std::vector<double> classBreaks(std::vector<double> values, ClassificationMethod method,
                                int classCount);

}  // namespace xiuhua::gis
