#pragma once

#include "xiuhua/gis/result.h"

#include <QString>

namespace xiuhua::app {

// The demo project shipped with Xiuhua and the user's own copy of it. The installed demo lies
// read-only under /usr/share/xiuhua/demo, so the GUI opens a copy in the user's documents, where
// layers can be edited and indicators computed.
namespace demo_project {

// The shipped demo project file: in $XIUHUA_DEMO_DIR when set, else <prefix>/share/xiuhua/demo
// beside an installed binary, else data/demo of the source tree beside a build
// (build-dir/app/xiuhua); empty when there is none.
QString shippedProject();

// Where the user's copy goes by default: <Documents>/Xiuhua/<the demo folder's name>.
QString defaultCopyFolder();

// Copies the folder of the shipped project to `folder` and returns the project file in the copy.
// A copy already there (the project file exists) is kept as it is, with whatever the user did to
// it, and returned. The project is copied through SQLite (consistent even when written in WAL
// mode), the other files as they are and made writable, SQLite's side files left out; the copy is
// made in a temporary folder beside `folder` and renamed, so a failure leaves nothing half-copied.
// An existing `folder` without the project is refused: nothing the user has there is touched.
gis::Result<QString> copyTo(const QString& shippedProject, const QString& folder);

}  // namespace demo_project
}  // namespace xiuhua::app
