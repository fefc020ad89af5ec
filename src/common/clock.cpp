#include "common/clock.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>

namespace gj {

namespace {

constexpr int64_t kChinaOffsetSeconds = 8 * 3600;

// Seconds to add to the system clock; 0 and not pinned by default. Atomics: the server's threads
// read the clock while nothing writes it after start (tests may re-pin between cases).
std::atomic<int64_t> offset_seconds{0};
std::atomic<bool> pinned{false};

int64_t SystemUnixSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Reads exactly `n` digits at `at`; -1 when any is missing.
int Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// "Z", "+08:00", "+0800", "-05:00" → seconds east of UTC; empty when malformed.
std::optional<int64_t> ZoneOffset(std::string_view z) {
  if (z == "Z" || z == "z") return 0;
  if (z.size() != 6 && z.size() != 5) return std::nullopt;
  if (z[0] != '+' && z[0] != '-') return std::nullopt;
  const int h = Digits(z, 1, 2);
  const size_t mat = z.size() == 6 ? 4 : 3;
  if (z.size() == 6 && z[3] != ':') return std::nullopt;
  const int m = Digits(z, mat, 2);
  if (h < 0 || h > 14 || m < 0 || m > 59) return std::nullopt;
  const int64_t off = h * 3600 + m * 60;
  return z[0] == '-' ? -off : off;
}

}  // namespace

std::optional<int64_t> ParseInstant(std::string_view s) {
  if (s.size() < 10) return std::nullopt;
  const auto day = ParseIsoDate(s.substr(0, 10));
  if (!day || day->year < 1970) return std::nullopt;
  const int64_t midnight = day->ToDays() * 86400;
  if (s.size() == 10) return midnight + 9 * 3600 - kChinaOffsetSeconds;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  const int h = Digits(s, 11, 2), m = Digits(s, 14, 2);
  if (h < 0 || h > 23 || m < 0 || m > 59 || s.size() < 16 || s[13] != ':') return std::nullopt;
  size_t at = 16;
  int sec = 0;
  if (s.size() > at && s[at] == ':') {
    sec = Digits(s, at + 1, 2);
    if (sec < 0 || sec > 59) return std::nullopt;
    at += 3;
  }
  const std::string_view zone = s.substr(at);
  const auto offset = zone.empty() ? std::optional<int64_t>(kChinaOffsetSeconds) : ZoneOffset(zone);
  if (!offset) return std::nullopt;
  const int64_t t = midnight + h * 3600 + m * 60 + sec - *offset;
  if (t < 0) return std::nullopt;
  return t;
}

Status PinClockFromEnvironment() {
  const char* v = std::getenv(kClockVariable);
  if (v == nullptr || *v == '\0') return Ok{};
  const auto t = ParseInstant(v);
  if (!t) {
    return Error::BadRequest(
        std::string(kClockVariable) + ": \"" + v +
        "\" is not a date or time; write 2026-06-15, 2026-06-15T09:00:00+08:00 or 2026-06-15T01:00:00Z");
  }
  PinClock(*t);
  return Ok{};
}

void PinClock(int64_t unix_seconds) {
  offset_seconds.store(unix_seconds - SystemUnixSeconds());
  pinned.store(true);
}

void UnpinClock() {
  pinned.store(false);
  offset_seconds.store(0);
}

bool ClockPinned() { return pinned.load(); }

int64_t NowUnixSeconds() { return SystemUnixSeconds() + offset_seconds.load(); }

Date ChinaDayOf(int64_t unix_seconds) {
  const int64_t local = unix_seconds + kChinaOffsetSeconds;
  return Date::FromDays(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

Date TodayChina() { return ChinaDayOf(NowUnixSeconds()); }

std::string UtcIsoOf(int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string NowUtcIso() { return UtcIsoOf(NowUnixSeconds()); }

}  // namespace gj
