#include "xiuhua/gis/postgis/pg_connection_info.h"

#include "translate.h"

#include <libpq-fe.h>

#include <memory>

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("PgConnectionInfo", text); }

// A value as libpq reads it inside single quotes: backslash and quote escaped.
QString quoted(const QString& value) {
  QString escaped = value;
  escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
  return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

bool needsQuotes(const QString& value) {
  if (value.isEmpty()) return true;
  for (const QChar c : value) {
    if (c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\') || c == QLatin1Char('=')) return true;
  }
  return false;
}

}  // namespace

Result<PgConnectionInfo> PgConnectionInfo::parse(const QString& connectionString) {
  char* message = nullptr;
  const QByteArray utf8 = connectionString.toUtf8();
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfoParse(utf8.constData(), &message), &PQconninfoFree);
  if (!options) {
    const QString why = message != nullptr ? QString::fromUtf8(message).trimmed() : tr("out of memory");
    PQfreemem(message);
    const QString shown = connectionString.contains(QLatin1String("password"), Qt::CaseInsensitive) ? tr("(not shown: it holds a password)") : connectionString;
    return Error{ErrorCode::InvalidArgument, tr("The connection \"%1\" cannot be read: %2").arg(shown, why)};
  }
  PgConnectionInfo info;
  // libpq lists every keyword it knows, in its own order; those the string set have a value.
  for (const PQconninfoOption* o = options.get(); o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    const QString key = QString::fromUtf8(o->keyword);
    if (key == QLatin1String("password")) {
      // The string itself is not repeated: it holds the password.
      return Error{ErrorCode::InvalidArgument,
                   tr("A PostgreSQL connection holds a password (password=…). Xiuhua keeps no password in a source, a project or "
                      "the settings: put it in ~/.pgpass or in the service file (pg_service.conf).")};
    }
    info.mOptions.emplace_back(key, QString::fromUtf8(o->val));
  }
  if (info.mOptions.empty()) {
    return Error{ErrorCode::InvalidArgument, tr("The connection \"%1\" names no server: give service=NAME, or host, port, dbname and user.").arg(connectionString)};
  }
  return info;
}

QString PgConnectionInfo::toString() const {
  QStringList parts;
  for (const auto& [key, value] : mOptions) parts << key + QLatin1Char('=') + (needsQuotes(value) ? quoted(value) : value);
  return parts.join(QLatin1Char(' '));
}

QString PgConnectionInfo::displayName() const {
  const QString service = value(QStringLiteral("service"));
  const QString host = value(QStringLiteral("host"));
  if (!service.isEmpty() && host.isEmpty()) return tr("service %1").arg(service);
  QString name;
  const QString user = value(QStringLiteral("user"));
  if (!user.isEmpty()) name += user + QLatin1Char('@');
  name += host.isEmpty() ? QStringLiteral("localhost") : host;
  const QString port = value(QStringLiteral("port"));
  if (!port.isEmpty()) name += QLatin1Char(':') + port;
  const QString db = value(QStringLiteral("dbname"));
  if (!db.isEmpty()) name += QLatin1Char('/') + db;
  if (!service.isEmpty()) name = tr("service %1").arg(service) + QStringLiteral(" (") + name + QLatin1Char(')');
  return name;
}

QString PgConnectionInfo::value(const QString& key) const {
  for (const auto& [k, v] : mOptions) {
    if (k == key) return v;
  }
  return {};
}

void PgConnectionInfo::set(const QString& key, const QString& value) {
  for (auto it = mOptions.begin(); it != mOptions.end(); ++it) {
    if (it->first != key) continue;
    if (value.isEmpty()) {
      mOptions.erase(it);
    } else {
      it->second = value;
    }
    return;
  }
  if (!value.isEmpty()) mOptions.emplace_back(key, value);
}

bool PgLayerSource::isPgPath(const QString& path) { return path.startsWith(QLatin1String("PG:"), Qt::CaseInsensitive); }

Result<PgLayerSource> PgLayerSource::parse(const QString& path, const QString& layer) {
  if (!isPgPath(path)) return Error{ErrorCode::InvalidArgument, tr("%1 is not a PostGIS source (PG:…).").arg(path)};
  auto info = PgConnectionInfo::parse(path.mid(3));
  if (!info.ok()) return info.error();
  PgLayerSource source;
  source.connection = std::move(info).value();
  const qsizetype dot = layer.indexOf(QLatin1Char('.'));
  source.schema = dot < 0 ? QStringLiteral("public") : layer.left(dot);
  source.table = dot < 0 ? layer : layer.mid(dot + 1);
  if (source.table.isEmpty() || source.schema.isEmpty()) {
    return Error{ErrorCode::InvalidArgument,
                 tr("%1: name the table as layername=schema.table (e.g. PG:service=city|layername=public.roads).").arg(path)};
  }
  return source;
}

}  // namespace xiuhua::gis
