#pragma once

#include <QStringList>
#include <QTextStream>

namespace xiuhua::cli {

// Each command takes its arguments (after the command name), writes JSON or text to out and
// problems to err, and returns the process exit code: 0 success, 1 failure, 2 bad usage.
int runInfo(const QStringList& args, QTextStream& out, QTextStream& err);
int runProjectCreate(const QStringList& args, QTextStream& out, QTextStream& err);
int runProjectInfo(const QStringList& args, QTextStream& out, QTextStream& err);
int runRender(const QStringList& args, QTextStream& out, QTextStream& err);
int runConvertCoordinates(const QStringList& args, QTextStream& out, QTextStream& err);

}  // namespace xiuhua::cli
