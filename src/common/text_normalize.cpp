#include "common/text_normalize.h"

#include <opencc/opencc.h>

#include <cstdlib>
#include <memory>

namespace gj {

namespace {

struct OpenccHandle {
  opencc_t handle = reinterpret_cast<opencc_t>(-1);
  OpenccHandle() { handle = opencc_open("t2s.json"); }
  ~OpenccHandle() {
    if (ok()) opencc_close(handle);
  }
  bool ok() const { return handle != reinterpret_cast<opencc_t>(-1); }
};

std::string FoldAscii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // Full-width forms U+FF01..U+FF5E are EF BC 81..EF BD 9E in UTF-8.
    if (c == 0xEF && i + 2 < s.size()) {
      unsigned char b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      int cp = -1;
      if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) cp = 0xFF00 + (b2 - 0x80);
      if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) cp = 0xFF40 + (b2 - 0x80);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        c = static_cast<unsigned char>(cp - 0xFF01 + 0x21);
        i += 2;
      }
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

std::string NormalizeForSearch(std::string_view text) {
  // One converter per thread: OpenCC handles are not documented as thread-safe.
  thread_local OpenccHandle cc;
  std::string folded = FoldAscii(text);
  if (!cc.ok() || folded.empty()) return folded;
  char* converted = opencc_convert_utf8(cc.handle, folded.data(), folded.size());
  if (!converted) return folded;
  std::string out(converted);
  opencc_convert_utf8_free(converted);
  return out;
}

}  // namespace gj
