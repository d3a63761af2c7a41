#pragma once

#include <QStringList>

#include <optional>

namespace xiuhua::cli {

// The value after `--name`, or the fallback.
inline QString option(const QStringList& args, const QString& name, const QString& fallback = {}) {
  const qsizetype i = args.indexOf(name);
  return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

inline bool flag(const QStringList& args, const QString& name) { return args.contains(name); }

// The first `--option` that is neither a known option with a value nor a known flag; nullopt when
// all are known. Values of known options are skipped (a filter may start with "--").
inline std::optional<QString> unknownOption(const QStringList& args, const QStringList& withValue, const QStringList& flags) {
  for (qsizetype i = 0; i < args.size(); ++i) {
    if (withValue.contains(args[i])) {
      ++i;
    } else if (args[i].startsWith(QLatin1String("--")) && !flags.contains(args[i])) {
      return args[i];
    }
  }
  return std::nullopt;
}

}  // namespace xiuhua::cli
