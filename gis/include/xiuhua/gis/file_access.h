#pragma once

#include <QString>

namespace xiuhua::gis {

// True when a file has no write permission bit at all (chmod a-w; the demo installed under
// /usr/share): it is left unchanged, by root too. Mode bits, not access(): root may write anything.
bool isMarkedReadOnly(const QString& path);

}  // namespace xiuhua::gis
