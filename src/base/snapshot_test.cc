#include "base/snapshot.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace griot {
namespace {

namespace fs = std::filesystem;

std::string TempPath(const std::string& name) {
  return (fs::temp_directory_path() / ("griot_snapshot_test_" + std::to_string(::getpid()) + "_" + name)).string();
}

SnapshotKey Key(std::string_view source) { return SnapshotKey{"test", 3, source.size(), HashBytes(source), 42}; }

TEST(SnapshotTest, RoundTrip) {
  const std::string path = TempPath("round");
  SnapshotWriter out(Key("source text"));
  out.Value(uint32_t{7});
  out.Array(std::vector<uint64_t>{1, 2, 3});
  out.Bytes("héllo");
  out.Array(std::vector<float>{});
  ASSERT_TRUE(out.Commit(path).ok());

  auto in = SnapshotReader::Open(path, Key("source text"));
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  uint32_t v = 0;
  std::vector<uint64_t> a;
  std::string b;
  std::vector<float> empty{1.0f};
  EXPECT_TRUE(in->Value(&v));
  EXPECT_TRUE(in->Array(&a));
  EXPECT_TRUE(in->Bytes(&b));
  EXPECT_TRUE(in->Array(&empty));
  EXPECT_TRUE(in->AtEnd());
  EXPECT_EQ(v, 7u);
  EXPECT_EQ(a, (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(b, "héllo");
  EXPECT_TRUE(empty.empty());
  fs::remove(path);
}

TEST(SnapshotTest, KeyMustMatch) {
  const std::string path = TempPath("key");
  EXPECT_EQ(SnapshotReader::Open(path, Key("x")).status().code(), StatusCode::kNotFound);
  SnapshotWriter out(Key("the source"));
  out.Value(uint8_t{1});
  ASSERT_TRUE(out.Commit(path).ok());
  // Other bytes of the same size, another kind, version or code: not read.
  EXPECT_EQ(SnapshotReader::Open(path, Key("the sourcE")).status().code(), StatusCode::kInvalidInput);
  SnapshotKey other = Key("the source");
  other.version = 4;
  EXPECT_FALSE(SnapshotReader::Open(path, other).ok());
  other = Key("the source");
  other.code = 43;
  EXPECT_FALSE(SnapshotReader::Open(path, other).ok());
  other = Key("the source");
  other.kind = "tesu";
  EXPECT_FALSE(SnapshotReader::Open(path, other).ok());
  EXPECT_TRUE(SnapshotReader::Open(path, Key("the source")).ok());
  fs::remove(path);
}

TEST(SnapshotTest, TruncatedOrOversizedSectionsFail) {
  const std::string path = TempPath("cut");
  SnapshotWriter out(Key("s"));
  out.Array(std::vector<uint64_t>(100, 5));
  ASSERT_TRUE(out.Commit(path).ok());
  fs::resize_file(path, fs::file_size(path) - 8);
  auto in = SnapshotReader::Open(path, Key("s"));
  ASSERT_TRUE(in.ok());
  std::vector<uint64_t> a;
  EXPECT_FALSE(in->Array(&a));
  uint8_t after = 0;
  EXPECT_FALSE(in->Value(&after));  // a failed reader stays failed
  EXPECT_FALSE(in->AtEnd());

  // A size no snapshot could hold is refused before anything is allocated.
  SnapshotWriter huge(Key("s"));
  huge.Value(~uint64_t{0});
  ASSERT_TRUE(huge.Commit(path).ok());
  auto in2 = SnapshotReader::Open(path, Key("s"));
  ASSERT_TRUE(in2.ok());
  EXPECT_FALSE(in2->Array(&a));
  // Trailing bytes: not at the end.
  SnapshotWriter extra(Key("s"));
  extra.Value(uint8_t{1});
  extra.Value(uint8_t{2});
  ASSERT_TRUE(extra.Commit(path).ok());
  auto in3 = SnapshotReader::Open(path, Key("s"));
  ASSERT_TRUE(in3.ok());
  uint8_t one = 0;
  EXPECT_TRUE(in3->Value(&one));
  EXPECT_FALSE(in3->AtEnd());
  fs::remove(path);
}

TEST(SnapshotTest, CommitToMissingDirectoryIsAnError) {
  SnapshotWriter out(Key("s"));
  EXPECT_EQ(out.Commit(TempPath("no-such-dir") + "/x.snapshot").code(), StatusCode::kIoError);
}

TEST(HashBytesTest, DependsOnEveryByte) {
  std::string text(1000, 'a');
  const uint64_t h = HashBytes(text);
  EXPECT_EQ(h, HashBytes(text));
  for (size_t i : {0u, 31u, 32u, 500u, 993u, 999u}) {
    std::string changed = text;
    changed[i] = 'b';
    EXPECT_NE(HashBytes(changed), h) << i;
  }
  EXPECT_NE(HashBytes(text.substr(0, 999)), h);
  EXPECT_NE(HashBytes(""), HashBytes(std::string(1, '\0')));
}

}  // namespace
}  // namespace griot
