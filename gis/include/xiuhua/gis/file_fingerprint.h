#pragma once

#include <QJsonArray>
#include <QString>

namespace xiuhua::gis {

// What a data file holds, wherever it is: for the file and each side file that holds part of its
// data (a shapefile's .dbf/.shx/.prj/.cpg, a SQLite-based file's -wal), its name, size,
// modification time (UTC, ms) and SHA-256. A copy of the file (another folder, another machine, a
// fresh clone) has the same fingerprint but for the times. The SHA-256 of a file is computed once
// per process for a path, size and time, so asking again is a stat. Thread-safe.
QJsonArray fileFingerprint(const QString& path);

// The SHA-256 (hex) of one file, computed once per process for its path, size and time; empty when
// it cannot be read.
QString fileSha256(const QString& path);

// True when the files at path still hold what a fingerprint recorded: the same files by name, each
// with the same size and either the same time or the same SHA-256 (a copy: new times, same bytes).
// Only a file whose time changed is read (once per process).
bool fingerprintHolds(const QJsonArray& recorded, const QString& path);

// The fingerprint of a layer's source: a file's as fileFingerprint; a PostGIS table's computed in
// the server (pgTableFingerprint: its rows and a digest of every row). Empty when it cannot be
// had (the server unreachable).
QJsonArray sourceFingerprint(const QString& path, const QString& layer);
// True when the source still holds what its fingerprint recorded. A PostGIS table's holds only when
// the server computes the same fingerprint again; an empty record (unknown) never holds.
bool sourceFingerprintHolds(const QJsonArray& recorded, const QString& path, const QString& layer);

}  // namespace xiuhua::gis
