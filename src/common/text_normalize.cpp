#include "common/text_normalize.h"

#include <opencc/opencc.h>

#include <mutex>
#include <vector>

namespace gj {

namespace {

constexpr char32_t kBmpSize = 0x10000;

// Traditional → simplified, one code point at a time, built once from OpenCC's t2s conversion of
// every CJK code point of the Basic Multilingual Plane. Folding by character (not by phrase)
// keeps the query and the stored text folded identically, and makes folding a table look-up:
// an import of 100,000 projects no longer spends its time in OpenCC.
const std::vector<char16_t>& FoldTable() {
  static std::vector<char16_t> table;
  static std::once_flag once;
  std::call_once(once, [] {
    table.resize(kBmpSize);
    for (char32_t c = 0; c < kBmpSize; ++c) table[c] = static_cast<char16_t>(c);
    opencc_t cc = opencc_open("t2s.json");
    if (cc == reinterpret_cast<opencc_t>(-1)) return;  // no OpenCC data: search still works within one script
    const std::pair<char32_t, char32_t> ranges[] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
    for (auto [lo, hi] : ranges) {
      for (char32_t c = lo; c <= hi; ++c) {
        char in[4] = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                      static_cast<char>(0x80 | (c & 0x3F)), 0};
        char* out = opencc_convert_utf8(cc, in, 3);
        if (!out) continue;
        const auto* u = reinterpret_cast<const unsigned char*>(out);
        // Keep only single three-byte results (a BMP character).
        if ((u[0] & 0xF0) == 0xE0 && u[3] == 0) {
          table[c] = static_cast<char16_t>(((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F));
        }
        opencc_convert_utf8_free(out);
      }
    }
    opencc_close(cc);
  });
  return table;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::string NormalizeForSearch(std::string_view s) {
  const auto& table = FoldTable();
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    char32_t c;
    size_t len;
    if (b0 < 0x80) {
      c = b0;
      len = 1;
    } else if ((b0 & 0xE0) == 0xC0 && i + 1 < s.size()) {
      c = ((b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      len = 2;
    } else if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
      c = ((b0 & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
          (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      len = 3;
    } else if ((b0 & 0xF8) == 0xF0 && i + 3 < s.size()) {
      c = ((b0 & 0x07) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12) |
          ((static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) |
          (static_cast<unsigned char>(s[i + 3]) & 0x3F);
      len = 4;
    } else {  // invalid byte: keep it as is
      out += s[i++];
      continue;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;  // full-width ASCII → ASCII
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    if (c < kBmpSize) c = table[c];
    AppendUtf8(out, c);
    i += len;
  }
  return out;
}

}  // namespace gj
