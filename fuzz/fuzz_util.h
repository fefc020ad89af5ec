// Helpers shared by the libFuzzer targets of fuzz/ (see README.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gj::fuzz {

inline std::string_view View(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits `s` at every `sep` (the pieces without it).
inline std::vector<std::string_view> Split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    const size_t at = s.find(sep, start);
    if (at == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, at - start));
    start = at + sep.size();
  }
}

// A zip archive of `files` (name, bytes), stored without compression, with correct CRCs: lets a
// target mutate the XML inside an .xlsx instead of the zip's bytes, which a mutation almost always
// breaks (the reader then never gets past the central directory).
std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace gj::fuzz
