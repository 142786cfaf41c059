#include "base/mapped_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace griot {
namespace {

namespace fs = std::filesystem;

TEST(MappedFileTest, BytesOfTheFile) {
  const fs::path path = fs::temp_directory_path() / ("griot_mapped_" + std::to_string(::getpid()));
  std::ofstream(path, std::ios::binary) << "Ménaka\tMLI\n";
  auto f = MappedFile::Open(path.string());
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->bytes(), "Ménaka\tMLI\n");
  EXPECT_GT(f->mtime_ns(), 0);
  // Moved, the mapping goes with it.
  MappedFile moved = std::move(*f);
  EXPECT_EQ(moved.bytes(), "Ménaka\tMLI\n");
  EXPECT_TRUE(f->bytes().empty());

  std::ofstream(path, std::ios::binary | std::ios::trunc);  // an empty file maps to no bytes
  auto empty = MappedFile::Open(path.string());
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->bytes().empty());
  fs::remove(path);

  auto missing = MappedFile::Open(path.string());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find(path.string()), std::string::npos);
  EXPECT_EQ(MappedFile::Open(fs::temp_directory_path().string()).status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace griot
