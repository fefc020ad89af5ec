// JSON from people and scripts, bounded before it becomes memory. ParseJsonBounded scans the text
// once without recursion (strings and escapes respected) and refuses it when it is too large, too
// deeply nested, has too many values or too long a string; only then does nlohmann parse it, so
// no later copy, comparison or dump of the value recurses deeper than max_depth. BoundedDump
// renders any value (user-sent or not) in at most a given number of characters, iteratively:
// error messages echo a user's value through it, never whole.
//
// Every JSON the product reads from outside (request bodies, JSON stored from a request and read
// back: land schemes, observation setups, ranking definitions, settings) goes through
// ParseJsonBounded; `json::parse` on such text is a bug.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace gj {

struct JsonLimits {
  size_t max_bytes = 1 << 20;      // the text (413 beyond it)
  size_t max_depth = 32;           // nesting of arrays and objects ({"a":[1]} is depth 2)
  size_t max_elements = 200'000;   // values, keys not counted (every scalar, array and object)
  size_t max_string = 256 * 1024;  // bytes of one string or key as written (escapes included)
};

// Stable reasons (common/reason_catalog knows them: json_too_deep, json_too_many, json_too_long,
// body_too_large, bad_json). The error's details name the field `field` ("body" for a request).
// Errors: 413 payload_too_large when the text is larger than max_bytes; 400 bad_request for a
// limit beyond which it would not be parsed, or text that is not JSON. Empty text is an error too
// (the caller decides what an empty body means).
Result<nlohmann::json> ParseJsonBounded(std::string_view text, const JsonLimits& limits = {},
                                        const std::string& field = "body");

// Parses JSON the product wrote itself from a bounded value (a stored scheme, setup or settings):
// the same limits with max_bytes raised to `max_bytes`; an error is an internal fault (500).
nlohmann::json ParseStoredJson(std::string_view text, size_t max_bytes = 64 << 20);

// Compact JSON of `v`, at most `max_chars` bytes (cut on a UTF-8 boundary, then "…"). Iterative:
// any depth, any size, constant stack, work proportional to the output.
std::string BoundedDump(const nlohmann::json& v, size_t max_chars = 80);

// The length of the longest prefix of `s` of at most `max` bytes that does not end inside a UTF-8
// sequence (`max` itself when s is no longer).
size_t Utf8Prefix(std::string_view s, size_t max);

}  // namespace gj
