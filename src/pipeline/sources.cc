#include "pipeline/sources.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/strings.h"
#include "pipeline/petrarch_xml_reader.h"

namespace griot {

namespace fs = std::filesystem;

namespace {

// Opens `path` ("-": standard input), keeping a file in *file. A file that cannot be opened
// is queued in *pending as a rejected input naming it; then null.
std::istream* OpenInput(const std::string& path, std::unique_ptr<std::ifstream>* file, std::deque<InputItem>* pending) {
  if (path == "-") return &std::cin;
  *file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (**file) return file->get();
  InputItem bad;
  bad.origin = path;
  bad.error = Status::IoError("cannot open file");
  pending->push_back(std::move(bad));
  file->reset();
  return nullptr;
}

std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths, std::string_view ext,
                                     std::deque<InputItem>* missing) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p == "-") {
      out.push_back(p);
    } else if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ext) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      out.push_back(p);
    } else {
      InputItem item;
      item.origin = p;
      item.error = Status::NotFound("no such file or directory");
      missing->push_back(std::move(item));
    }
  }
  return out;
}

std::string ReadAll(std::istream& in) {
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class TextSource : public DocumentSource {
 public:
  TextSource(std::vector<std::string> paths, std::optional<Date> date) : date_(date) {
    if (paths.empty()) paths.push_back("-");
    files_ = ExpandPaths(paths, ".txt", &pending_);
  }
  bool Next(InputItem* item) override {
    if (!pending_.empty()) {
      *item = std::move(pending_.front());
      pending_.pop_front();
      return true;
    }
    if (next_ >= files_.size()) return false;
    const std::string path = files_[next_++];
    *item = InputItem();
    std::string content;
    std::string id;
    if (path == "-") {
      item->origin = "stdin";
      content = ReadAll(std::cin);
      id = "stdin";
    } else {
      item->origin = path;
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        item->error = Status::IoError("cannot open file");
        return true;
      }
      content = ReadAll(in);
      id = fs::path(path).stem().string();
    }
    auto doc = ParseTextDocument(content, id, item->origin, date_);
    if (doc.ok()) item->doc = std::move(doc).value();
    else item->error = doc.status();
    return true;
  }

 private:
  std::vector<std::string> files_;
  std::deque<InputItem> pending_;
  size_t next_ = 0;
  std::optional<Date> date_;
};

class JsonlSource : public DocumentSource {
 public:
  JsonlSource(std::vector<std::string> paths, std::optional<Date> date) : date_(date) {
    if (paths.empty()) paths.push_back("-");
    files_ = ExpandPaths(paths, ".jsonl", &pending_);
  }
  bool Next(InputItem* item) override {
    while (true) {
      if (!pending_.empty()) {
        *item = std::move(pending_.front());
        pending_.pop_front();
        return true;
      }
      if (!in_) {
        if (next_ >= files_.size()) return false;
        name_ = files_[next_++];
        line_ = 0;
        in_ = OpenInput(name_, &file_, &pending_);
        if (!in_) continue;
        if (name_ == "-") name_ = "stdin";
      }
      std::string& line = line_text_;  // reused: its buffer outlives the line
      if (!std::getline(*in_, line)) {
        in_ = nullptr;
        file_.reset();
        continue;
      }
      ++line_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines separate nothing
      *item = InputItem();
      item->origin = name_;
      item->origin += ':';
      AppendDecimal(&item->origin, line_);
      auto doc = ParseJsonlDocument(line, item->origin, date_);
      if (doc.ok()) item->doc = std::move(doc).value();
      else item->error = doc.status();
      return true;
    }
  }

 private:
  std::vector<std::string> files_;
  std::deque<InputItem> pending_;
  size_t next_ = 0;
  std::istream* in_ = nullptr;
  std::unique_ptr<std::ifstream> file_;
  std::string name_;
  size_t line_ = 0;
  std::string line_text_;
  std::optional<Date> date_;
};

class PetrarchXmlSource : public DocumentSource {
 public:
  PetrarchXmlSource(std::vector<std::string> paths, std::optional<Date> date) : date_(date) {
    files_ = ExpandPaths(paths, ".xml", &pending_);
  }
  bool Next(InputItem* item) override {
    while (true) {
      if (!pending_.empty()) {
        *item = std::move(pending_.front());
        pending_.pop_front();
        return true;
      }
      if (reader_ && reader_->Next(item)) return true;
      reader_.reset();
      file_.reset();
      if (next_ >= files_.size()) return false;
      // One file at a time, one sentence at a time (pipeline/petrarch_xml_reader.h).
      const std::string& path = files_[next_++];
      std::istream* in = OpenInput(path, &file_, &pending_);
      if (!in) continue;
      reader_ = std::make_unique<PetrarchXmlReader>(in, path, date_);
    }
  }

 private:
  std::vector<std::string> files_;
  std::deque<InputItem> pending_;
  size_t next_ = 0;
  std::unique_ptr<std::ifstream> file_;
  std::unique_ptr<PetrarchXmlReader> reader_;
  std::optional<Date> date_;
};

}  // namespace

std::unique_ptr<DocumentSource> MakeSource(InputFormat format, std::vector<std::string> paths,
                                           std::optional<Date> fallback_date) {
  if (format == InputFormat::kJsonl) return std::make_unique<JsonlSource>(std::move(paths), fallback_date);
  if (format == InputFormat::kPetrarchXml) {
    if (paths.empty()) paths.push_back("-");
    return std::make_unique<PetrarchXmlSource>(std::move(paths), fallback_date);
  }
  return std::make_unique<TextSource>(std::move(paths), fallback_date);
}

}  // namespace griot
