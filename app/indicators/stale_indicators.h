#pragma once

#include "xiuhua/gis/project.h"

#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace xiuhua::app {

// The computed indicators of a project whose value no longer matches its layers, with the reason
// (user-facing): a layer it is computed from has unsaved edits (`editedLayers`: ids of the layers
// with unsaved edits), or a layer file changed since the computation of the year (an edit was
// saved, the file replaced). Only indicators with a computed value for the year count. Opens its own connections;
// any thread.
std::map<QString, QString> findStaleIndicators(const QString& projectPath, int year, const std::vector<gis::LayerSpec>& layers,
                                               const QStringList& editedLayers);

}  // namespace xiuhua::app
