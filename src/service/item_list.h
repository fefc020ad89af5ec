// A list answer: the items a use case found, in the order it gives them. The API writes it as
// {"items": [...]} (see api/json/*), so a list result needs no struct of its own.
#pragma once

#include <vector>

namespace gj::service {

template <class T>
struct ItemList {
  std::vector<T> items;
};

}  // namespace gj::service
