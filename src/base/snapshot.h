// Snapshots: binary copies of tables griot derives from a text file (the gazetteer's phrase
// index from places.tsv), written the first time the file is loaded and read instead of
// deriving them again on later loads.
//
// A snapshot is a header and a run of sections, each a fixed-size value or an array of
// trivially copyable values, read back in the order written. The header names the kind of
// table, its layout version and a key: the source file's size and a hash of its bytes, and a
// fingerprint of the code the tables depend on (word folding, key hashing). A snapshot whose
// header does not match is not read; the caller derives the tables from the text as if there
// were none, and may write a new snapshot over the stale one. Snapshots are a cache: they
// live beside the data they come from, in the machine's own byte order, and are never
// shipped or shared between machines.
//
// Hand-written because it is a few dozen lines over fread/fwrite: a serialisation library
// (protobuf, flatbuffers, cereal) would add a dependency and a schema for arrays of plain
// integers.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/status.h"

namespace griot {

struct SnapshotKey {
  std::string kind;          // "gazetteer", ...
  uint32_t version = 0;      // the layout of the sections, raised when it changes
  uint64_t source_size = 0;  // bytes of the source file
  uint64_t source_hash = 0;  // HashBytes of the source file
  uint64_t code = 0;         // fingerprint of the code the tables depend on

  bool operator==(const SnapshotKey&) const = default;
};

// A 64-bit hash of a whole file's bytes, to tell whether a snapshot was made from them. Not
// a cryptographic hash: it guards against stale caches, not against tampering.
uint64_t HashBytes(std::string_view bytes);

// The path of the snapshot of `source`: beside it, with ".griot-snapshot" appended.
std::string SnapshotPathFor(const std::string& source);

class SnapshotWriter {
 public:
  explicit SnapshotWriter(const SnapshotKey& key);

  template <typename T>
  void Value(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Append(&v, sizeof v);
  }
  template <typename T>
  void Array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Value(static_cast<uint64_t>(v.size()));
    Append(v.data(), v.size() * sizeof(T));
  }
  void Bytes(std::string_view bytes) {
    Value(static_cast<uint64_t>(bytes.size()));
    Append(bytes.data(), bytes.size());
  }

  // Writes the snapshot to `path` through a temporary file renamed over it, so that a reader
  // never sees half a snapshot and two writers at once leave one whole.
  Status Commit(const std::string& path) const;

 private:
  void Append(const void* data, size_t size) { buffer_.append(static_cast<const char*>(data), size); }
  std::string buffer_;
};

class SnapshotReader {
 public:
  // Opens `path` and checks its header against `key`: NotFound when there is no snapshot,
  // InvalidInput when it was made from other data or by other code.
  static Result<SnapshotReader> Open(const std::string& path, const SnapshotKey& key);

  SnapshotReader(SnapshotReader&& other) noexcept
      : file_(other.file_), remaining_(other.remaining_), failed_(other.failed_) {
    other.file_ = nullptr;
  }
  SnapshotReader& operator=(SnapshotReader&&) = delete;
  ~SnapshotReader();

  // Each returns false (and every later call too) when the snapshot ends early or holds an
  // impossible size; the caller then drops what it read.
  template <typename T>
  bool Value(T* v) {
    static_assert(std::is_trivially_copyable_v<T>);
    return Read(v, sizeof *v);
  }
  template <typename T>
  bool Array(std::vector<T>* v) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = 0;
    // A size is checked against the bytes left in the file before anything is allocated: a
    // damaged count must not ask for gigabytes.
    if (!Value(&n) || n > remaining_ / sizeof(T)) return Fail();
    SizeForFill(v, static_cast<size_t>(n));
    return Read(v->data(), v->size() * sizeof(T));
  }
  // Resizes `v` to `n` value-initialized elements in fresh memory backed by huge pages where
  // the kernel can (see AdviseLarge): for the large tables a restore fills.
  template <typename T>
  static void SizeForFill(std::vector<T>* v, size_t n) {
    std::vector<T>().swap(*v);
    v->reserve(n);
    AdviseLarge(v->data(), n * sizeof(T));
    v->resize(n);
  }
  bool Bytes(std::string* bytes);
  // True when every section has been read and nothing follows.
  bool AtEnd();

 private:
 public:
  // Asks the kernel to back a large table, about to be filled, with huge pages where it can
  // (transparent huge pages in "madvise" mode): one fault per 2 MiB instead of one per
  // 4 KiB page, which was most of a snapshot's load time.
  static void AdviseLarge(const void* data, size_t bytes);

 private:
  SnapshotReader(std::FILE* file, uint64_t size) : file_(file), remaining_(size) {}
  bool Read(void* data, size_t size);
  bool Fail() {
    failed_ = true;
    return false;
  }
  std::FILE* file_ = nullptr;
  uint64_t remaining_ = 0;  // bytes of the file not read yet
  bool failed_ = false;
};

}  // namespace griot
