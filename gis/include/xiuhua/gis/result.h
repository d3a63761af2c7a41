#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace xiuhua::gis {

// Error codes shared by the libraries. The message is user-facing and names the file.
enum class ErrorCode {
  FileNotFound,
  UnknownFormat,
  CorruptFile,
  MissingSidecar,
  EmptySource,
  CrsInvalid,
  TransformFailed,
  GeometryInvalid,
  IoFailed,
  ProjectInvalid,
  InvalidArgument,
  Cancelled,
  ConnectionFailed,  // a database server: unreachable, refused, or the connection lost
  DatabaseError,     // a database server refused a statement
  EditConflict,      // a save met rows another user changed meanwhile; nothing was written
};

struct Error {
  ErrorCode code;
  QString message;
};

// A value or an Error. Library boundaries return this instead of throwing.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : mData(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : mData(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(mData); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(mData); }
  const T& value() const& { return std::get<T>(mData); }
  T&& value() && { return std::get<T>(std::move(mData)); }
  const Error& error() const { return std::get<Error>(mData); }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> mData;
};

// Result of an operation that returns nothing on success.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : mError(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return !mError.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *mError; }

 private:
  std::optional<Error> mError;
};

}  // namespace xiuhua::gis
