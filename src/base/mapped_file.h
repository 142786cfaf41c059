// A file's bytes mapped read-only into memory (mmap): pages are read from the page cache
// when first touched, and a process that looks at a few rows of a large table (the
// gazetteer's ~11 MB, of which a run reads a few hundred rows) neither copies nor reads the
// rest.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace griot {

class MappedFile {
 public:
  // Maps `path`; NotFound or IoError with the path and the reason.
  static Result<MappedFile> Open(const std::string& path);

  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {data_, size_}; }
  // The file's modification time (nanoseconds since the epoch) when it was opened.
  int64_t mtime_ns() const { return mtime_ns_; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  int64_t mtime_ns_ = 0;
  bool mapped_ = false;  // false for an empty file: nothing to unmap
};

}  // namespace griot
