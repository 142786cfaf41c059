#include "base/snapshot.h"

#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace griot {

namespace {

constexpr char kMagic[8] = {'g', 'r', 'i', 'o', 't', 's', 'n', 'p'};
// Written as a value and compared on reading: a snapshot from a machine of the other byte
// order reads it reversed.
constexpr uint32_t kByteOrder = 0x01020304;

void WriteHeader(const SnapshotKey& key, std::string* out) {
  auto put = [&](const void* p, size_t n) { out->append(static_cast<const char*>(p), n); };
  put(kMagic, sizeof kMagic);
  put(&kByteOrder, sizeof kByteOrder);
  const uint32_t kind_size = static_cast<uint32_t>(key.kind.size());
  put(&kind_size, sizeof kind_size);
  put(key.kind.data(), key.kind.size());
  put(&key.version, sizeof key.version);
  put(&key.source_size, sizeof key.source_size);
  put(&key.source_hash, sizeof key.source_hash);
  put(&key.code, sizeof key.code);
}

}  // namespace

uint64_t HashBytes(std::string_view bytes) {
  // Four independent lanes of 8 bytes, so that the multiplies of one step do not wait on
  // each other (the gazetteer is ~11 MB, hashed on every load); then the tail and a mix.
  uint64_t lane[4] = {0x9e3779b97f4a7c15ull, 0xc2b2ae3d27d4eb4full, 0x165667b19e3779f9ull, 0x27d4eb2f165667c5ull};
  const char* p = bytes.data();
  size_t n = bytes.size();
  while (n >= 32) {
    for (int k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, p + 8 * k, 8);
      lane[k] = (lane[k] ^ w) * 0xbf58476d1ce4e5b9ull;
      lane[k] ^= lane[k] >> 31;
    }
    p += 32;
    n -= 32;
  }
  uint64_t h = bytes.size() * 0xff51afd7ed558ccdull;
  for (int k = 0; k < 4; ++k) h = (h ^ lane[k]) * 0x94d049bb133111ebull, h ^= h >> 29;
  while (n > 0) {
    uint64_t w = 0;
    const size_t take = n < 8 ? n : 8;
    std::memcpy(&w, p, take);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 31;
    p += take;
    n -= take;
  }
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 32);
}

std::string SnapshotPathFor(const std::string& source) { return source + ".griot-snapshot"; }

SnapshotWriter::SnapshotWriter(const SnapshotKey& key) { WriteHeader(key, &buffer_); }

Status SnapshotWriter::Commit(const std::string& path) const {
  const std::string temp = fmt::format("{}.{}.tmp", path, static_cast<long>(::getpid()));
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) return Status::IoError(fmt::format("{}: cannot write: {}", temp, std::strerror(errno)));
  const bool written = std::fwrite(buffer_.data(), 1, buffer_.size(), f) == buffer_.size();
  const bool closed = std::fclose(f) == 0;
  std::error_code ec;
  if (!written || !closed) {
    std::filesystem::remove(temp, ec);
    return Status::IoError(fmt::format("{}: write failed", temp));
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return Status::IoError(fmt::format("{}: cannot rename to {}", temp, path));
  }
  return Status::Ok();
}

Result<SnapshotReader> SnapshotReader::Open(const std::string& path, const SnapshotKey& key) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::NotFound(path + ": no snapshot");
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(path, ec);
  SnapshotReader reader(f, ec ? 0 : size);
  std::string expected;
  WriteHeader(key, &expected);
  std::string header(expected.size(), '\0');
  if (!reader.Read(header.data(), header.size()) || header != expected)
    return Status::InvalidInput(path + ": snapshot made from other data or by another version of griot");
  return reader;
}

SnapshotReader::~SnapshotReader() {
  if (file_) std::fclose(file_);
}

void SnapshotReader::AdviseLarge(const void* data, size_t bytes) {
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  if (bytes < kHuge) return;
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

bool SnapshotReader::Read(void* data, size_t size) {
  if (failed_) return false;
  if (size > remaining_) return Fail();
  if (size > 0 && std::fread(data, 1, size, file_) != size) return Fail();
  remaining_ -= size;
  return true;
}

bool SnapshotReader::Bytes(std::string* bytes) {
  uint64_t n = 0;
  if (!Value(&n) || n > remaining_) return Fail();
  bytes->resize(static_cast<size_t>(n));
  return Read(bytes->data(), bytes->size());
}

bool SnapshotReader::AtEnd() {
  if (failed_) return false;
  return std::fgetc(file_) == EOF;
}

}  // namespace griot
