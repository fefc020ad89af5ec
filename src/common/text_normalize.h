#pragma once

#include <string>
#include <string_view>

namespace gj {

// Folds text for search: traditional → simplified Chinese (OpenCC t2s), ASCII lower-case, full-width
// ASCII to half-width. A search for 冠县 then matches 冠縣 and the reverse, because both the stored
// text and the query are folded the same way.
std::string NormalizeForSearch(std::string_view text);

}  // namespace gj
