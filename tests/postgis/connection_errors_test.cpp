// "Test connection" names each failure in the user's terms, against the real test server.
#include "support/pg_test_server.h"
#include "xiuhua/gis/postgis/pg_connection.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace xiuhua::gis;
using xiuhua::test::PgTestServer;

namespace {

PgConnectionCheck check(const QString& connection, const QString& password = {}) {
  auto info = PgConnectionInfo::parse(connection);
  EXPECT_TRUE(info.ok()) << (info.ok() ? "" : info.error().message.toStdString());
  return info.ok() ? checkPgConnection(info.value(), password) : PgConnectionCheck{};
}

// A loopback port that nothing listens on (the system's choice of a free one).
int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

}  // namespace

TEST(ConnectionErrors, AGoodConnectionSaysWhatItReached) {
  if (!PgTestServer::available()) return;
  const PgConnectionCheck c = check(PgTestServer::connectionString());
  EXPECT_TRUE(c.ok()) << c.message.toStdString();
  EXPECT_EQ(c.user, QStringLiteral("xh_user"));
  EXPECT_TRUE(c.serverVersion.startsWith(QLatin1String("15"))) << c.serverVersion.toStdString();
  EXPECT_TRUE(c.postgisVersion.startsWith(QLatin1String("3"))) << c.postgisVersion.toStdString();
  EXPECT_TRUE(c.message.contains(QLatin1String("PostGIS"))) << c.message.toStdString();
}

TEST(ConnectionErrors, AWrongPasswordIsNamedAsSuch) {
  if (!PgTestServer::available()) return;
  const PgConnectionCheck c = check(PgTestServer::connectionString(), QStringLiteral("not-the-password"));
  EXPECT_EQ(c.problem, PgConnectionCheck::Problem::PasswordRefused) << c.message.toStdString();
  EXPECT_EQ(c.code(), QStringLiteral("password_refused"));
  EXPECT_TRUE(c.message.contains(QLatin1String("xh_user"))) << c.message.toStdString();
}

TEST(ConnectionErrors, AMissingPasswordIsNamedAsSuch) {
  if (!PgTestServer::available()) return;
  qputenv("PGPASSFILE", "/nonexistent/pgpass");
  const PgConnectionCheck c = check(PgTestServer::connectionString());
  qputenv("PGPASSFILE", PgTestServer::env("XIUHUA_PG_PASSFILE").toUtf8());
  EXPECT_EQ(c.problem, PgConnectionCheck::Problem::PasswordMissing) << c.message.toStdString();
}

TEST(ConnectionErrors, AnUnreachableServerIsNamedAsSuch) {
  if (!PgTestServer::available()) return;
  const int port = freePort();
  ASSERT_GT(port, 0);
  const QString connection = QStringLiteral("host=127.0.0.1 port=%1 dbname=xiuhua_test user=xh_user connect_timeout=3").arg(port);
  const PgConnectionCheck c = check(connection);
  EXPECT_EQ(c.problem, PgConnectionCheck::Problem::Unreachable) << c.message.toStdString();
  EXPECT_TRUE(c.message.contains(QLatin1String("cannot be reached"))) << c.message.toStdString();
}

TEST(ConnectionErrors, AMissingDatabaseIsNamedAsSuch) {
  if (!PgTestServer::available()) return;
  const PgConnectionCheck c = check(PgTestServer::connectionString({}, QStringLiteral("no_such_db")));
  EXPECT_EQ(c.problem, PgConnectionCheck::Problem::DatabaseMissing) << c.message.toStdString();
  EXPECT_TRUE(c.message.contains(QLatin1String("no_such_db"))) << c.message.toStdString();
}

TEST(ConnectionErrors, ADatabaseWithoutPostgisIsNamedAsSuch) {
  if (!PgTestServer::available()) return;
  const PgConnectionCheck c = check(PgTestServer::connectionString({}, QStringLiteral("xiuhua_plain")));
  EXPECT_EQ(c.problem, PgConnectionCheck::Problem::PostgisMissing) << c.message.toStdString();
  EXPECT_TRUE(c.message.contains(QLatin1String("CREATE EXTENSION postgis"))) << c.message.toStdString();
}

TEST(ConnectionErrors, AServerThatRequiresSslSaysSo) {
  if (!PgTestServer::available()) return;
  const PgConnectionCheck c = check(PgTestServer::connectionString(QStringLiteral("xh_ssl")));
  EXPECT_EQ(c.problem, PgConnectionCheck::Problem::SslRequired) << c.message.toStdString();
  EXPECT_TRUE(c.message.contains(QLatin1String("SSL"))) << c.message.toStdString();
}

TEST(ConnectionErrors, SslVerifiedAgainstTheServersCertificateConnects) {
  if (!PgTestServer::available()) return;
  const QString connection = QStringLiteral("host=127.0.0.1 port=%1 dbname=xiuhua_test user=xh_ssl sslmode=verify-full sslrootcert=%2")
                                 .arg(PgTestServer::env("XIUHUA_PG_PORT"), PgTestServer::env("XIUHUA_PG_SSL_ROOTCERT"));
  const PgConnectionCheck c = check(connection);
  EXPECT_TRUE(c.ok()) << c.message.toStdString();
  EXPECT_TRUE(c.ssl);
}

TEST(ConnectionErrors, ACertificateThatDoesNotVerifyIsNamedAsSuch) {
  if (!PgTestServer::available()) return;
  // The server's certificate names localhost and 127.0.0.1; a root file that is not it fails.
  const QString connection = QStringLiteral("host=127.0.0.1 port=%1 dbname=xiuhua_test user=xh_ssl sslmode=verify-full sslrootcert=%2")
                                 .arg(PgTestServer::env("XIUHUA_PG_PORT"), QStringLiteral("/nonexistent/root.crt"));
  const PgConnectionCheck c = check(connection);
  EXPECT_EQ(c.problem, PgConnectionCheck::Problem::CertificateRejected) << c.message.toStdString();
}

TEST(ConnectionErrors, AServiceNameConnectsWithThePasswordFromThePasswordFile) {
  if (!PgTestServer::available()) return;
  const PgConnectionCheck c = check(QStringLiteral("service=%1").arg(PgTestServer::env("XIUHUA_PG_SERVICE")));
  EXPECT_TRUE(c.ok()) << c.message.toStdString();
  EXPECT_EQ(c.user, QStringLiteral("xh_user"));
}

TEST(ConnectionErrors, APasswordInAConnectionIsRefusedAndNotRepeated) {
  const auto info = PgConnectionInfo::parse(QStringLiteral("host=db.example user=planner password=s3cret dbname=city"));
  ASSERT_FALSE(info.ok());
  EXPECT_TRUE(info.error().message.contains(QLatin1String(".pgpass"))) << info.error().message.toStdString();
  EXPECT_FALSE(info.error().message.contains(QLatin1String("s3cret")));
}

TEST(ConnectionErrors, AConnectionStringRoundTripsWithQuotedValues) {
  const auto info = PgConnectionInfo::parse(QStringLiteral("host=db.example dbname='城市 管理' user=o\\'brien"));
  ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
  EXPECT_EQ(info->value(QStringLiteral("dbname")), QStringLiteral("城市 管理"));
  EXPECT_EQ(info->value(QStringLiteral("user")), QStringLiteral("o'brien"));
  const auto again = PgConnectionInfo::parse(info->toString());
  ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
  EXPECT_EQ(again.value(), info.value());
  EXPECT_EQ(info->displayName(), QStringLiteral("o'brien@db.example/城市 管理"));
}
