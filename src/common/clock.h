// The one clock of the product: every "now" and "today" the server, the demo and the CLI believe
// comes from here. Normally the system clock; pinned with the environment variable GONGJIAN_NOW
// (tests, demonstrations, reproducing a figure as it was on a day), in which case the clock starts
// at that instant when the process pins it and runs on in real time from there.
//
// Only the edges (main, API, CLI) read it: services receive the date and time in their Ctx and the
// domain takes them as arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/result.h"

namespace gj {

inline constexpr const char* kClockVariable = "GONGJIAN_NOW";

// An instant as Unix seconds, from what a person writes for GONGJIAN_NOW:
//   2026-06-15                  (09:00 China Standard Time that day: a working morning)
//   2026-06-15T09:00[:00]       (China Standard Time)
//   2026-06-15T01:00:00Z, 2026-06-15T09:00:00+08:00, …+0800
// A space may stand for the T. Empty when malformed or outside 1970-01-01 … 9999-12-31.
std::optional<int64_t> ParseInstant(std::string_view text);

// Pins the clock to GONGJIAN_NOW when it is set (and non-empty); does nothing when it is not.
// A malformed value is refused (400-class error naming the variable, the value and the forms
// accepted) and leaves the clock as it was. Called once at the start of every command.
Status PinClockFromEnvironment();
// Pins the clock so that NowUnixSeconds() is `unix_seconds` now and advances from there.
void PinClock(int64_t unix_seconds);
// Back to the system clock.
void UnpinClock();
// Whether GONGJIAN_NOW (or PinClock) is in force.
bool ClockPinned();

int64_t NowUnixSeconds();
// Today in UTC+8 (China Standard Time).
Date TodayChina();
// Now as "2026-11-23T10:15:00Z".
std::string NowUtcIso();
// A Unix time as "2026-11-23T10:15:00Z".
std::string UtcIsoOf(int64_t unix_seconds);
// The China Standard Time calendar day of a Unix time.
Date ChinaDayOf(int64_t unix_seconds);

}  // namespace gj
