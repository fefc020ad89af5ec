#include "common/json_limits.h"

#include <stdexcept>
#include <vector>

namespace gj {

namespace {

Error Refused(ErrorCode code, const std::string& field, std::string message, std::string reason) {
  Error e{code, std::move(message), {}, {}};
  e.details.push_back({field, "", std::move(reason), 0, {}});
  return e;
}

Error TooLarge(const std::string& field, size_t size, size_t max) {
  return Refused(ErrorCode::kPayloadTooLarge, field,
                 "the JSON " + field + " is " + std::to_string(size) + " bytes, larger than " +
                     std::to_string(max) + " bytes",
                 "JSON larger than " + std::to_string(max) + " bytes");
}

// One pass over the text, no recursion: nesting depth, the number of values (1 + commas +
// containers bounds it: every value but the first of a container follows a comma) and the
// length of each string. Malformed text passes through to the parser, which says what is wrong.
std::optional<Error> Scan(std::string_view text, const JsonLimits& lim, const std::string& field) {
  size_t depth = 0, values = 1, string_bytes = 0;
  bool in_string = false, escaped = false;
  auto at = [&](size_t i) { return " (at byte " + std::to_string(i) + ")"; };
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      if (!escaped && ch == '"') {
        in_string = false;
        continue;
      }
      escaped = !escaped && ch == '\\';
      if (++string_bytes > lim.max_string) {
        return Refused(ErrorCode::kBadRequest, field,
                       "a string in the JSON " + field + " is longer than " + std::to_string(lim.max_string) +
                           " bytes" + at(i),
                       "a JSON string longer than " + std::to_string(lim.max_string) + " bytes");
      }
      continue;
    }
    switch (ch) {
      case '"':
        in_string = true;
        string_bytes = 0;
        break;
      case '[':
      case '{':
        if (++depth > lim.max_depth) {
          return Refused(ErrorCode::kBadRequest, field,
                         "the JSON " + field + " is nested deeper than " + std::to_string(lim.max_depth) +
                             " levels" + at(i),
                         "JSON nested deeper than " + std::to_string(lim.max_depth) + " levels");
        }
        [[fallthrough]];
      case ',':
        if (++values > lim.max_elements) {
          return Refused(
              ErrorCode::kBadRequest, field,
              "the JSON " + field + " has more than " + std::to_string(lim.max_elements) + " values" + at(i),
              "JSON with more than " + std::to_string(lim.max_elements) + " values");
        }
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default: break;
    }
  }
  return std::nullopt;
}

}  // namespace

size_t Utf8Prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s.size();
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

Result<nlohmann::json> ParseJsonBounded(std::string_view text, const JsonLimits& limits,
                                        const std::string& field) {
  if (text.size() > limits.max_bytes) return TooLarge(field, text.size(), limits.max_bytes);
  if (auto refused = Scan(text, limits, field)) return *refused;
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    const std::string what = e.what();
    return Refused(ErrorCode::kBadRequest, field, "malformed JSON: " + what, "must be JSON (" + what + ")");
  }
}

nlohmann::json ParseStoredJson(std::string_view text, size_t max_bytes) {
  JsonLimits limits;
  limits.max_bytes = max_bytes;
  limits.max_elements = max_bytes;
  limits.max_string = max_bytes;
  auto r = ParseJsonBounded(text, limits, "stored JSON");
  if (!r) throw std::runtime_error(r.error().message);
  return std::move(r.value());
}

std::string BoundedDump(const nlohmann::json& v, size_t max_chars) {
  using json = nlohmann::json;
  std::string out;
  bool full = false;
  auto put = [&](std::string_view s) {
    if (full) return;
    if (out.size() + s.size() > max_chars) {
      out.append(s.substr(0, Utf8Prefix(s, max_chars - out.size())));
      full = true;
    } else {
      out.append(s);
    }
  };
  auto scalar = [&](const json& s) {
    if (s.is_string()) {
      // Only the part that can show is escaped: a long string costs no more than a short one.
      const auto& str = s.get_ref<const std::string&>();
      const size_t room = max_chars - std::min(max_chars, out.size());
      put(json(str.substr(0, room + 1)).dump(-1, ' ', false, json::error_handler_t::replace));
    } else {
      put(s.dump(-1, ' ', false, json::error_handler_t::replace));
    }
  };
  struct Frame {
    const json* container;
    json::const_iterator it;
    bool first;
  };
  std::vector<Frame> stack;
  const json* next = &v;
  while (!full) {
    if (next) {
      const json& n = *next;
      next = nullptr;
      if (n.is_object() || n.is_array()) {
        put(n.is_object() ? "{" : "[");
        stack.push_back({&n, n.cbegin(), true});
      } else {
        scalar(n);
      }
      continue;
    }
    if (stack.empty()) break;
    Frame& f = stack.back();
    if (f.it == f.container->cend()) {
      put(f.container->is_object() ? "}" : "]");
      stack.pop_back();
      continue;
    }
    if (!f.first) put(",");
    f.first = false;
    if (f.container->is_object()) {
      scalar(json(f.it.key()));
      put(":");
    }
    next = &*f.it;
    ++f.it;
  }
  if (full) out += "…";
  return out;
}

}  // namespace gj
