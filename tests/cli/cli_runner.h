#pragma once

// Runs the real xiuhua-cli binary (English messages unless --lang is given) and collects its output.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace xiuhua::test {

struct CliRun {
  int exitCode = -1;
  QString out;
  QString err;
};

inline CliRun cli(const QStringList& args) {
  QProcess p;
  // English messages unless a test asks for another language with --lang.
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
  env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(XIUHUA_CLI), args);
  p.waitForFinished(300000);
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace xiuhua::test
