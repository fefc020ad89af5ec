#include "io/xlsx_xml.h"

#include <algorithm>
#include <cstdlib>

#include "io/input_limits.h"

namespace gj::io::xlsx {

namespace {

std::string_view LocalName(std::string_view name) {
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr size_t kMaxEntity = 12;           // "&#x10FFFF;" and the named ones are shorter
constexpr size_t kMarkupSlack = 64u << 10;  // a tag's name and attributes beyond max_text

}  // namespace

class Scanner {
 public:
  Scanner(const std::string& part, std::string_view root, size_t max_text, XmlHandler& h)
      : part_(part), root_(root), max_text_(max_text), h_(h) {}

  Status Feed(std::string_view chunk, bool final) {
    if (!error_.message.empty()) return error_;
    const bool held = !buf_.empty();
    if (held) {
      buf_.append(chunk);
      x_ = buf_;
    } else {
      x_ = chunk;
    }
    pos_ = 0;
    final_ = final;
    auto st = Run();
    if (!st) {
      if (error_.message.empty()) error_ = st.error();
      return st;
    }
    const std::string_view rest = x_.substr(pos_);
    if (rest.size() > max_text_ + kMarkupSlack) {
      error_ = LimitExceeded("xlsx", "max_cell_bytes", max_text_,
                             part_ + ", offset " + std::to_string(base_ + pos_),
                             "a tag, comment or CDATA section is longer than the limit");
      return error_;
    }
    peak_held_ = std::max(peak_held_, rest.size());
    base_ += pos_;
    if (held) buf_.erase(0, pos_);
    else buf_.assign(rest);
    x_ = {};
    return Ok{};
  }

  size_t peak_held() const { return peak_held_; }

 private:
  // The tokens complete in x_; an unfinished one is left at pos_ unless this is the final chunk.
  Status Run() {
    while (pos_ < x_.size()) {
      const size_t lt = x_.find('<', pos_);
      if (lt == std::string_view::npos) {
        if (h_.capture && !final_) {  // decode what is complete, keep an unfinished entity
          const std::string_view t = x_.substr(pos_);
          size_t keep = t.size();
          const size_t amp = t.rfind('&');
          if (amp != std::string_view::npos && t.find(';', amp) == std::string_view::npos &&
              t.size() - amp <= kMaxEntity)
            keep = amp;
          if (!Text(t.substr(0, keep))) return error_;
          pos_ += keep;
          return Ok{};
        }
        pos_ = x_.size();
        break;
      }
      if (h_.capture && !Text(x_.substr(pos_, lt - pos_))) return error_;
      pos_ = lt;
      if (!Markup()) {
        if (more_) {
          more_ = false;
          return Ok{};
        }
        return error_;
      }
    }
    if (!final_) return Ok{};
    if (!stack_.empty()) return Fail("ends inside <" + std::string(Top()) + ">");
    if (!seen_root_) return Fail("has no <" + std::string(root_) + "> element");
    return Ok{};
  }

 private:
  Error Fail(const std::string& what) {
    error_ = Error::Invalid("xlsx: " + part_ + " is not well-formed XML (" + what + " at offset " +
                            std::to_string(base_ + pos_) + ")");
    return error_;
  }
  // The token at pos_ runs past the bytes so far: wait for the next chunk (an error at the end).
  bool More(const std::string& what) {
    if (final_) return Fail(what), false;
    more_ = true;
    return false;
  }
  bool HandlerFailed() {
    error_ = h_.error;
    return false;
  }

  bool Append(std::string_view s) {
    if (h_.text.size() + s.size() > max_text_) {
      error_ = LimitExceeded("xlsx", "max_cell_bytes", max_text_,
                             part_ + ", offset " + std::to_string(base_ + pos_),
                             "a cell or shared string is longer than the limit");
      return false;
    }
    h_.text.append(s);
    return true;
  }

  // Appends character data with entities decoded.
  bool Text(std::string_view t) {
    size_t amp;
    while ((amp = t.find('&')) != std::string_view::npos) {
      if (!Append(t.substr(0, amp))) return false;
      const size_t semi = t.find(';', amp);
      if (semi == std::string_view::npos) return Fail("unterminated entity"), false;
      const std::string_view ent = t.substr(amp + 1, semi - amp - 1);
      bool ok = true;
      if (ent == "lt") ok = Append("<");
      else if (ent == "gt") ok = Append(">");
      else if (ent == "amp") ok = Append("&");
      else if (ent == "quot") ok = Append("\"");
      else if (ent == "apos") ok = Append("'");
      else if (!CharRef(ent, ok)) return Fail("unknown entity &" + std::string(ent) + ";"), false;
      if (!ok) return false;
      t.remove_prefix(semi + 1);
    }
    return Append(t);
  }

  bool CharRef(std::string_view ent, bool& ok) {
    if (ent.size() < 2 || ent.size() > 10 || ent[0] != '#') return false;
    const bool hex = ent[1] == 'x';
    const std::string digits(ent.substr(hex ? 2 : 1));
    char* end = nullptr;
    const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (digits.empty() || *end != '\0' || cp == 0 || cp > 0x10FFFF) return false;
    ok = AppendUtf8(static_cast<uint32_t>(cp));
    return true;
  }

  bool AppendUtf8(uint32_t cp) {
    char b[4];
    size_t n = 0;
    if (cp < 0x80) {
      b[n++] = static_cast<char>(cp);
    } else if (cp < 0x800) {
      b[n++] = static_cast<char>(0xC0 | cp >> 6);
      b[n++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      b[n++] = static_cast<char>(0xE0 | cp >> 12);
      b[n++] = static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      b[n++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      b[n++] = static_cast<char>(0xF0 | cp >> 18);
      b[n++] = static_cast<char>(0x80 | (cp >> 12 & 0x3F));
      b[n++] = static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      b[n++] = static_cast<char>(0x80 | (cp & 0x3F));
    }
    return Append(std::string_view(b, n));
  }

  bool Skip(std::string_view terminator) {
    const size_t end = x_.find(terminator, pos_);
    if (end == std::string_view::npos) return More("unterminated markup");
    pos_ = end + terminator.size();
    return true;
  }

  bool Markup() {
    // The common cases first: a start tag (a name character after '<') or an end tag.
    if (pos_ + 1 < x_.size()) {
      const char c1 = x_[pos_ + 1];
      if (c1 == '/') return EndTag();
      if (c1 != '!' && c1 != '?') return StartTag();
    }
    const std::string_view rest = x_.substr(pos_);
    // "<", "<!", "<![CDA": not yet known which markup this is.
    if (!final_ && (rest.size() < 2 || (rest[1] == '!' && rest.size() < 9))) return More("");
    if (rest.starts_with("<?")) return Skip("?>");
    if (rest.starts_with("<!--")) return Skip("-->");
    if (rest.starts_with("<![CDATA[")) {
      const size_t end = x_.find("]]>", pos_);
      if (end == std::string_view::npos) return More("unterminated CDATA");
      if (h_.capture && !Append(x_.substr(pos_ + 9, end - pos_ - 9))) return false;
      pos_ = end + 3;
      return true;
    }
    if (rest.starts_with("<!")) return Fail("DOCTYPE or other declarations are not allowed"), false;
    if (rest.starts_with("</")) return EndTag();
    return StartTag();
  }

  bool EndTag() {
    const size_t gt = x_.find('>', pos_);
    if (gt == std::string_view::npos) return More("unterminated end tag");
    std::string_view name = x_.substr(pos_ + 2, gt - pos_ - 2);
    while (!name.empty() && IsSpace(name.back())) name.remove_suffix(1);
    if (stack_.empty() || Top() != name) return Fail("mismatched </" + std::string(name) + ">"), false;
    Pop();
    pos_ = gt + 1;
    return h_.Close(LocalName(name)) || HandlerFailed();
  }

  bool StartTag() {
    size_t p = pos_ + 1;
    const size_t name_start = p;
    while (p < x_.size() && !IsSpace(x_[p]) && x_[p] != '>' && x_[p] != '/') ++p;
    const std::string_view name = x_.substr(name_start, p - name_start);
    if (name.empty()) return Fail("empty tag name"), false;
    attrs_.clear();
    while (true) {
      while (p < x_.size() && IsSpace(x_[p])) ++p;
      if (p >= x_.size()) return More("unterminated tag <" + std::string(name) + ">");
      if (x_[p] == '>' || (x_[p] == '/' && p + 1 < x_.size() && x_[p + 1] == '>')) break;
      if (x_[p] == '/' && p + 1 == x_.size()) return More("unterminated tag <" + std::string(name) + ">");
      const size_t eq = x_.find('=', p);
      if (eq == std::string_view::npos || eq + 1 >= x_.size()) return More("bad attribute");
      std::string_view attr = x_.substr(p, eq - p);
      while (!attr.empty() && IsSpace(attr.back())) attr.remove_suffix(1);
      size_t q = eq + 1;
      while (q < x_.size() && IsSpace(x_[q])) ++q;
      if (q >= x_.size()) return More("unquoted attribute");
      if (x_[q] != '"' && x_[q] != '\'') return Fail("unquoted attribute"), false;
      const size_t close = x_.find(x_[q], q + 1);
      if (close == std::string_view::npos) return More("unterminated attribute");
      attrs_.emplace_back(LocalName(attr), x_.substr(q + 1, close - q - 1));
      p = close + 1;
    }
    const bool self_closing = x_[p] == '/';
    pos_ = p + (self_closing ? 2 : 1);
    const std::string_view local = LocalName(name);
    if (stack_.empty()) {
      if (seen_root_) return Fail("a second document element <" + std::string(name) + ">"), false;
      if (local != root_) return Fail("the root element is not <" + std::string(root_) + ">"), false;
      seen_root_ = true;
    }
    if (!h_.Open(local, attrs_)) return HandlerFailed();
    if (self_closing) return h_.Close(local) || HandlerFailed();
    stack_.push_back(names_.size());
    names_.append(name);
    return true;
  }

  std::string buf_;     // the unfinished token kept from the chunks before (then the next chunk)
  std::string_view x_;  // the bytes scanned now: buf_, or the chunk itself when nothing was kept
  uint64_t base_ = 0;   // the offset of x_[0] in the part
  size_t peak_held_ = 0;
  bool final_ = true, more_ = false;
  const std::string& part_;
  std::string_view root_;
  size_t max_text_;
  XmlHandler& h_;
  size_t pos_ = 0;
  bool seen_root_ = false;
  // The open elements: their names one after another in names_, each starting at its stack_ entry.
  std::vector<size_t> stack_;
  std::string names_;
  std::string_view Top() const { return std::string_view(names_).substr(stack_.back()); }
  void Pop() {
    names_.resize(stack_.back());
    stack_.pop_back();
  }
  std::vector<std::pair<std::string_view, std::string_view>> attrs_;
  Error error_;
};

XmlStream::XmlStream(const std::string& part, std::string_view root, size_t max_text, XmlHandler& handler)
    : scanner_(std::make_unique<Scanner>(part, root, max_text, handler)) {}
XmlStream::~XmlStream() = default;
Status XmlStream::Feed(std::string_view chunk) { return scanner_->Feed(chunk, false); }
Status XmlStream::Finish() { return scanner_->Feed({}, true); }
size_t XmlStream::peak_held() const { return scanner_->peak_held(); }

Status ScanXml(std::string_view xml, const std::string& part, std::string_view root, size_t max_text,
               XmlHandler& handler) {
  return Scanner(part, root, max_text, handler).Feed(xml, true);
}

}  // namespace gj::io::xlsx
