#pragma once

#include "xiuhua/gis/map_viewport.h"

class QPainter;

namespace xiuhua::app {

// Draws a scale bar (bottom left) with a round length in m or km.
void drawScaleBar(QPainter& painter, const gis::MapViewport& viewport, double metresPerUnit);
// Draws a north arrow (top right).
void drawNorthArrow(QPainter& painter, const gis::MapViewport& viewport);

}  // namespace xiuhua::app
