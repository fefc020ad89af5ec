// The actions of the attraction capability (双招双引), defined with the policy rows in
// domain/access/access.cpp. Declared here rather than in access.h, which nearly every file
// includes: naming two actions should not rebuild the whole tree.
#pragma once

namespace gj::access {

// Leads, their dated steps and funds in place: read (figures, lists) and manage.
extern const char* const kAttractionRead;
extern const char* const kAttractionWrite;

}  // namespace gj::access
