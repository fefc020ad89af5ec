// The one rule every new password meets, whoever sets it (gongjian user add, gongjian init, an
// admin's create or reset, a user's own change): at least kMinPasswordChars characters, not one
// of the common passwords (common_passwords.cpp), and not the login itself. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace gj::access {

inline constexpr size_t kMinPasswordChars = 12;

// Characters (UTF-8 code points), not bytes: 12 Chinese characters are 12.
size_t PasswordChars(std::string_view password);
// Whether the password, ignoring case, is on the embedded list of common passwords.
bool IsCommonPassword(std::string_view password);
// Adds a problem under `field` for each way the password breaks the rule (the value is never
// echoed: the problem names the field and the reason only).
void CheckNewPassword(std::string_view password, std::string_view login, Problems& pr,
                      const std::string& field = "password");

}  // namespace gj::access
