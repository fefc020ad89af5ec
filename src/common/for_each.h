// GJ_FOR_EACH(M, T, a, b, c) expands to M(T, a) M(T, b) M(T, c): the one preprocessor loop, so a
// list of members is written once, by name, and each name becomes both a member pointer and its
// text (store/fields.h GJ_COLUMNS, common/json_shape.h GJ_JSON_FIELDS). Writing the name twice
// (Col<&Row::login>("login")) is what let a column and its member drift apart.
//
// Contract: up to 256 items (4 rescans of 4^3 expansions); M is called with the fixed argument T
// first. Uses C++20 __VA_OPT__ (an empty list expands to nothing).
#pragma once

#define GJ_PP_PARENS ()
#define GJ_PP_EXPAND(...) GJ_PP_EXPAND3(GJ_PP_EXPAND3(GJ_PP_EXPAND3(GJ_PP_EXPAND3(__VA_ARGS__))))
#define GJ_PP_EXPAND3(...) GJ_PP_EXPAND2(GJ_PP_EXPAND2(GJ_PP_EXPAND2(GJ_PP_EXPAND2(__VA_ARGS__))))
#define GJ_PP_EXPAND2(...) GJ_PP_EXPAND1(GJ_PP_EXPAND1(GJ_PP_EXPAND1(GJ_PP_EXPAND1(__VA_ARGS__))))
#define GJ_PP_EXPAND1(...) __VA_ARGS__

#define GJ_FOR_EACH(M, T, ...) __VA_OPT__(GJ_PP_EXPAND(GJ_PP_FOR_EACH_STEP(M, T, __VA_ARGS__)))
#define GJ_PP_FOR_EACH_STEP(M, T, item, ...) \
  M(T, item) __VA_OPT__(GJ_PP_FOR_EACH_AGAIN GJ_PP_PARENS(M, T, __VA_ARGS__))
#define GJ_PP_FOR_EACH_AGAIN() GJ_PP_FOR_EACH_STEP
