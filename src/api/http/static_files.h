// The built web app's files (web/dist copied beside the binary): GET/HEAD of a file under the
// folder, its Content-Type by extension, never a path outside it (ParseTarget refuses ".."
// segments before any route runs; here only regular files are served, "/" meaning index.html).
// Vite's hashed assets under /assets/ are cached for a year, everything else revalidated.
// A file the web build precompressed (FILE.br, FILE.gz beside it: web/scripts/precompress.mjs) is
// sent as that variant when the request's Accept-Encoding takes it (brotli first), with
// Content-Encoding and `Vary: Accept-Encoding`; nothing is compressed per request.
#pragma once

#include <string>
#include <string_view>

#include "api/http/request.h"
#include "api/http/response.h"

namespace gj::api::http {

class StaticFiles {
 public:
  // `dir` without index.html (or empty) serves nothing.
  explicit StaticFiles(std::string dir);
  bool enabled() const { return enabled_; }
  const std::string& dir() const { return dir_; }

  // The file at req.path (GET or HEAD) into `res`; false when there is no such regular file.
  bool Serve(const Request& req, Response& res) const;
  // index.html, for the web app's own routes (history mode); false when there is no web app.
  bool ServeIndex(const Request& req, Response& res) const;

 private:
  bool ServeFile(const std::string& relative, const Request& req, Response& res) const;

  std::string dir_;
  bool enabled_ = false;
};

// The Cache-Control of a served path: "/assets/…" (content-hashed names) immutable for a year,
// anything else (index.html above all) "no-cache".
const char* CacheControlOf(const std::string& path);

// Whether an Accept-Encoding value takes `coding` ("br", "gzip"): named, or "*", with a q above 0
// (RFC 9110 12.5.3; "gzip;q=0" refuses it, a name beats "*").
bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding);

}  // namespace gj::api::http
