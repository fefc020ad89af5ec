// The reason catalog: codes and figures of reasons, and a walk of the source tree that fails on a
// literal reason the catalog does not know, so a new English reason cannot reach the web app
// without a code the app can word in Chinese.
#include "common/reason_catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace gj {
namespace {

namespace fs = std::filesystem;

TEST(ReasonCatalog, NamesPlainReasons) {
  EXPECT_EQ(RuleOfReason("required")->rule, "required");
  EXPECT_EQ(RuleOfReason("must not be negative")->rule, "negative");
  EXPECT_EQ(RuleOfReason("未知单位 (unknown unit)")->rule, "unknown_unit");
  EXPECT_EQ(RuleOfReason("listed twice")->rule, "listed_twice");
  EXPECT_FALSE(RuleOfReason("something nobody wrote down").has_value());
}

TEST(ReasonCatalog, PicksOutFigures) {
  const auto r = RuleOfReason("must be a number from 1 to 24");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->rule, "range");
  EXPECT_EQ(r->params.at("min"), "1");
  EXPECT_EQ(r->params.at("max"), "24");
  const auto below = RuleOfReason("below the cumulative figure of the previous report (22720000)");
  ASSERT_TRUE(below.has_value());
  EXPECT_EQ(below->rule, "below_previous_cumulative");
  EXPECT_EQ(below->params.at("previous_yuan"), "22720000");
  // A figure written twice (Chinese and English) is reported once.
  const auto pw = RuleOfReason("密码至少 12 个字符 (at least 12 characters)");
  ASSERT_TRUE(pw.has_value());
  EXPECT_EQ(pw->params.size(), 1u);
  EXPECT_EQ(pw->params.at("min"), "12");
}

TEST(ReasonCatalog, ARuleReasonNamesItsCode) {
  EXPECT_EQ(RuleOfReason("rule problem.assign.needs_unit: a responsible unit is required")->rule,
            "problem.assign.needs_unit");
  const auto m = RuleOfReason(
      "rule monthly_plan.sums_to_annual_plan: the months add up to 100 yuan, the annual plan is 200");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->rule, "monthly_plan.sums_to_annual_plan");
  EXPECT_EQ(m->params.at("sum_yuan"), "100");
  EXPECT_EQ(m->params.at("plan_yuan"), "200");
}

// ---- the walk ------------------------------------------------------------------------------------

fs::path SourceDir() {
  if (const char* env = std::getenv("GONGJIAN_SOURCE_DIR")) return fs::path(env) / "src";
  // This file is tests/unit/common/reason_catalog_test.cpp of the source tree.
  fs::path here = fs::path(__FILE__);
  std::vector<fs::path> bases = {fs::current_path()};
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) bases.push_back(exe.parent_path());
  for (const auto& base : bases) {
    const fs::path file = here.is_absolute() ? here : base / here;
    const fs::path root = file.parent_path().parent_path().parent_path().parent_path();
    if (fs::exists(root / "src" / "common" / "reason_catalog.cpp")) return root / "src";
    if (fs::exists(base.parent_path() / "src" / "common" / "reason_catalog.cpp"))
      return base.parent_path() / "src";
  }
  return {};
}

// A string or character literal starts at s[i] (not a digit separator as in 1'000).
bool OpensLiteral(const std::string& s, size_t i) {
  if (s[i] == '"') return true;
  return s[i] == '\'' && !(i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1])));
}

// The text with comments blanked (strings, character and raw literals kept as they are).
std::string WithoutComments(const std::string& s) {
  std::string out = s;
  size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, 2, "R\"") == 0 && (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1])))) {
      const size_t open = s.find('(', i);
      const std::string close = ")" + s.substr(i + 2, open - i - 2) + "\"";
      const size_t end = s.find(close, open);
      i = end == std::string::npos ? s.size() : end + close.size();
    } else if (OpensLiteral(s, i)) {
      const char q = s[i++];
      while (i < s.size() && s[i] != q) i += s[i] == '\\' ? 2 : 1;
      ++i;
    } else if (s.compare(i, 2, "//") == 0) {
      while (i < s.size() && s[i] != '\n') out[i++] = ' ';
    } else if (s.compare(i, 2, "/*") == 0) {
      const size_t end = s.find("*/", i + 2);
      const size_t stop = end == std::string::npos ? s.size() : end + 2;
      for (; i < stop; ++i)
        if (out[i] != '\n') out[i] = ' ';
    } else {
      ++i;
    }
  }
  return out;
}

// Skips a string or character literal starting at i; returns the index after it.
size_t SkipLiteral(const std::string& s, size_t i) {
  const char q = s[i++];
  while (i < s.size() && s[i] != q) i += s[i] == '\\' ? 2 : 1;
  return i + 1;
}

// The top-level arguments of the bracket at s[i] ('(' or '{'), split at commas.
std::vector<std::string> Args(const std::string& s, size_t i) {
  std::vector<std::string> args;
  std::string cur;
  int depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (OpensLiteral(s, i)) {
      const size_t end = SkipLiteral(s, i);
      cur += s.substr(i, end - i);
      i = end;
      continue;
    }
    if (c == '(' || c == '{' || c == '[') {
      if (++depth == 1) {
        ++i;
        continue;
      }
    } else if (c == ')' || c == '}' || c == ']') {
      if (--depth == 0) {
        args.push_back(cur);
        return args;
      }
    } else if (c == ',' && depth == 1) {
      args.push_back(cur);
      cur.clear();
      ++i;
      continue;
    }
    cur += c;
    ++i;
  }
  return args;
}

std::string Trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\n");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\n") - a + 1);
}

// Splits at a top-level separator character (outside literals and brackets).
std::vector<std::string> SplitTop(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string cur;
  int depth = 0;
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (OpensLiteral(s, i)) {
      const size_t end = SkipLiteral(s, i);
      cur += s.substr(i, end - i);
      i = end;
      continue;
    }
    if (c == '(' || c == '{' || c == '[') ++depth;
    if (c == ')' || c == '}' || c == ']') --depth;
    if (c == sep && depth == 0) {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
    ++i;
  }
  parts.push_back(cur);
  return parts;
}

// The unescaped text of an operand made of string literals only ("a" "b", std::string("a")).
std::optional<std::string> LiteralText(std::string op) {
  op = Trim(op);
  static const std::regex kWrapped(R"(^std::string(_view)?\(([\s\S]*)\)$)");
  std::smatch m;
  if (std::regex_match(op, m, kWrapped)) op = Trim(m[2].str());
  if (op.empty() || op[0] != '"') return std::nullopt;
  std::string out;
  size_t i = 0;
  while (i < op.size()) {
    if (op[i] != '"') {
      if (!std::isspace(static_cast<unsigned char>(op[i]))) return std::nullopt;
      ++i;
      continue;
    }
    for (++i; i < op.size() && op[i] != '"'; ++i) {
      if (op[i] == '\\' && i + 1 < op.size()) {
        ++i;
        out += op[i] == 'n' ? '\n' : op[i];
      } else {
        out += op[i];
      }
    }
    ++i;
  }
  return out;
}

struct Found {
  std::string where;
  std::string sample;
};

// The reasons a reason expression can produce, each with "1" for what is computed; nothing for a
// reason that has no literal (a variable passed on).
void Samples(const std::string& expr, const std::string& where, std::vector<Found>& out,
             std::set<std::string>& constants) {
  const std::string e = Trim(expr);
  // cond ? a : b (top level)
  auto q = SplitTop(e, '?');
  if (q.size() == 2) {
    auto branches = SplitTop(q[1], ':');
    // "::" splits too: glue the pieces of a qualified name back.
    std::vector<std::string> glued;
    for (size_t i = 0; i < branches.size(); ++i) {
      if (!glued.empty() && (branches[i].empty() || glued.back().empty())) {
        glued.back() += ":" + branches[i];
      } else {
        glued.push_back(branches[i]);
      }
    }
    if (glued.size() == 2) {
      Samples(glued[0], where, out, constants);
      Samples(glued[1], where, out, constants);
      return;
    }
  }
  std::string sample;
  bool any = false;
  for (auto op : SplitTop(e, '+')) {
    // (cond ? "a" : "b") inside a sum: its first branch stands for both.
    op = Trim(op);
    if (op.size() > 2 && op.front() == '(' && op.back() == ')') {
      const auto branches = SplitTop(op.substr(1, op.size() - 2), '?');
      if (branches.size() == 2) op = SplitTop(branches[1], ':')[0];
    }
    if (auto text = LiteralText(op)) {
      sample += *text;
      any = true;
    } else {
      sample += "1";
    }
  }
  if (any) {
    out.push_back({where, sample});
  } else if (std::regex_match(e, std::regex(R"(k[A-Z]\w*)"))) {
    constants.insert(e);
  }
}

TEST(ReasonCatalog, KnowsEveryLiteralReasonInTheSources) {
  const fs::path src = SourceDir();
  ASSERT_FALSE(src.empty()) << "source tree not found; set GONGJIAN_SOURCE_DIR";
  std::vector<Found> found;
  std::set<std::string> constants;
  std::string all;  // every file, for the constants' definitions
  static const std::regex kCall(R"((\.Add|\bInvalid|\bProblem|\bFail|push_back)\(|ErrorDetail\s+\w+\s*\{)");
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    if (entry.path().filename() == "reason_catalog.cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string s = WithoutComments(buf.str());
    all += s;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), kCall); it != std::sregex_iterator(); ++it) {
      const size_t pos = static_cast<size_t>(it->position());
      const std::string call = (*it)[0].str();
      const size_t open = pos + call.size() - 1;
      const std::string where =
          fs::relative(entry.path(), src).string() + ":" +
          std::to_string(1 + std::count(s.begin(), s.begin() + static_cast<long>(pos), '\n'));
      const auto args = Args(s, open);
      std::vector<std::string> reasons;
      auto detail = [&](const std::string& brace) {  // {field, value, reason, row, allowed}
        const auto inner = Args(brace, brace.find('{'));
        if (inner.size() >= 3) reasons.push_back(inner[2]);
      };
      if (call.rfind("ErrorDetail", 0) == 0) {
        if (args.size() >= 3) reasons.push_back(args[2]);
      } else if (call == "push_back(") {
        // {field, value, reason, row, allowed}; not a route's {method, path, summary, auth, handler}
        const auto inner = args.size() == 1 && Trim(args[0]).rfind('{', 0) == 0 ? Args(Trim(args[0]), 0)
                                                                                : std::vector<std::string>{};
        if (inner.size() == 5 && Trim(inner[3]) != "true" && Trim(inner[3]) != "false") detail(Trim(args[0]));
      } else if (call.find("Invalid") != std::string::npos) {
        if (args.size() >= 2 && Trim(args[1]).rfind("{{", 0) == 0) {
          for (const auto& d : Args(Trim(args[1]), 0)) {
            if (Trim(d).rfind('{', 0) == 0) detail(Trim(d));
          }
        }
      } else if (args.size() == 1 && Trim(args[0]).rfind('{', 0) == 0) {
        detail(Trim(args[0]));
      } else if (args.size() >= 5) {
        reasons.push_back(args[4]);  // Fail(sheet, row, column, value, reason, allowed)
      } else if (args.size() >= 3) {
        reasons.push_back(args[2]);  // Add(field, value, reason), Fail/Problem(field, value, reason, …)
      }
      for (const auto& r : reasons) Samples(r, where, found, constants);
    }
  }
  for (const auto& name : constants) {
    const std::regex def(name + R"(\s*(?:\[\])?\s*=\s*("(?:[^"\\]|\\.)*");)");
    std::istringstream lines(all);
    for (std::string line; std::getline(lines, line);) {
      std::smatch m;
      if (line.find(name) == std::string::npos || !std::regex_search(line, m, def)) continue;
      found.push_back({"constant " + name, *LiteralText(m[1].str())});
      break;
    }
  }
  EXPECT_GT(found.size(), 200u) << "the walk found too few reasons: is it reading " << src << "?";
  std::vector<std::string> unknown;
  for (const auto& f : found) {
    if (!RuleOfReason(f.sample)) unknown.push_back(f.where + ": \"" + f.sample + "\"");
  }
  std::string list;
  for (const auto& u : unknown) list += "\n  " + u;
  EXPECT_TRUE(unknown.empty()) << "reasons without an entry in src/common/reason_catalog.cpp (give each a "
                                  "rule code there, and a sentence in web/src/locales/*/errors.js):"
                               << list;
}

TEST(ReasonCatalog, ListsItsRules) {
  const auto rules = CatalogRules();
  EXPECT_NE(std::find(rules.begin(), rules.end(), "required"), rules.end());
  EXPECT_NE(std::find(rules.begin(), rules.end(), "range"), rules.end());
}

}  // namespace
}  // namespace gj
