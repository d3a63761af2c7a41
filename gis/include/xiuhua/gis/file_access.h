#pragma once

#include <QString>

namespace xiuhua::gis {

// True when a file is to be left unchanged even though this process might be allowed to write it
// (root may write anything): it has no write permission bit at all (chmod a-w), or it lies in a
// system data folder where packages install their files — $XDG_DATA_DIRS, by default
// /usr/local/share and /usr/share (the demo project in /usr/share/xiuhua/demo). Writing there
// would change an installed package's files behind the package manager's back.
bool isProtectedFile(const QString& path);

}  // namespace xiuhua::gis
