#pragma once

#include "xiuhua/gis/result.h"

#include <QString>

namespace xiuhua::app {

// The demo project shipped with Xiuhua and the user's own copy of it. The installed demo lies
// read-only under /usr/share/xiuhua/demo, so the GUI opens a copy in the user's documents, where
// layers can be edited and indicators computed.
namespace demo_project {

// The demos: 嘉定 (the district plan, coverage maps, the report), and 普陀 (the Putuo plan's shares
// and per-capita figures computed from the map: 人均公园绿地面积, 年径流总量控制率 …).
enum class Demo { Jiading, Putuo };

// The shipped demo project file: in $XIUHUA_DEMO_DIR when set (the Putuo demo in the folder
// demo-putuo beside it), else <prefix>/share/xiuhua/demo (demo-putuo) beside an installed binary,
// else the folder built or committed in the source tree beside a build (build-dir/app/xiuhua);
// empty when there is none.
QString shippedProject(Demo demo = Demo::Jiading);

// Where the user's copy goes by default: <Documents>/Xiuhua/jiading-demo (putuo-demo).
QString defaultCopyFolder(Demo demo = Demo::Jiading);

// Copies the folder of the shipped project to `folder` and returns the project file in the copy.
// A copy already there (the project file exists) is kept as it is, with whatever the user did to
// it, and returned. The project is copied through SQLite (consistent even when written in WAL
// mode), the other files as they are and made writable, SQLite's side files left out; the copy is
// made in a temporary folder beside `folder` and renamed, so a failure leaves nothing half-copied.
// An existing `folder` without the project is refused: nothing the user has there is touched.
gis::Result<QString> copyTo(const QString& shippedProject, const QString& folder);

}  // namespace demo_project
}  // namespace xiuhua::app
