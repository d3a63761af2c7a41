#pragma once

#include <QString>

namespace xiuhua::gis {

// True when a file is to be left unchanged even though this process might be allowed to write it
// (root may write anything): it has no write permission bit at all (chmod a-w), or it lies in a
// system data folder where packages install their files — /usr/share, /usr/local/share and the
// folders of $XDG_DATA_DIRS (the demo project in /usr/share/xiuhua/demo). Writing there would
// change an installed package's files behind the package manager's back. A path not there yet is
// judged by its folder: a file is not to be created in a system data folder either.
bool isProtectedFile(const QString& path);

}  // namespace xiuhua::gis
