#include "domain/access/password_rule.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

namespace gj::access {

extern const char* const kCommonPasswordList;  // common_passwords.cpp

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return out;
}

const std::unordered_set<std::string>& CommonPasswords() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> s;
    std::string_view list(kCommonPasswordList);
    while (!list.empty()) {
      const size_t end = std::min(list.find_first_of(" \n"), list.size());
      if (end > 0) s.insert(Lower(list.substr(0, end)));
      list.remove_prefix(std::min(end + 1, list.size()));
    }
    return s;
  }();
  return set;
}

}  // namespace

size_t PasswordChars(std::string_view password) {
  return static_cast<size_t>(std::count_if(password.begin(), password.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;  // not a UTF-8 continuation byte
  }));
}

bool IsCommonPassword(std::string_view password) { return CommonPasswords().count(Lower(password)) > 0; }

void CheckNewPassword(std::string_view password, std::string_view login, Problems& pr,
                      const std::string& field) {
  if (PasswordChars(password) < kMinPasswordChars)
    pr.Add(field, "",
           "密码至少 " + std::to_string(kMinPasswordChars) + " 个字符 (at least " +
               std::to_string(kMinPasswordChars) + " characters)");
  if (IsCommonPassword(password))
    pr.Add(field, "", "密码过于常见，请换一个 (a common password, easily guessed)");
  if (!login.empty() && Lower(password) == Lower(login))
    pr.Add(field, "", "密码不能与登录名相同 (must differ from the login)");
}

}  // namespace gj::access
