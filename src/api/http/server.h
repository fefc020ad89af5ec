// The HTTP/1.1 server under the API (Boost.Beast on Boost.Asio), built for a hostile network:
// - a few I/O threads that never block: connections are read and written asynchronously, and a
//   request's handler runs on a separate pool of `workers` threads (sized to the database pool)
//   only once its header and body are complete, so slow clients hold sockets, never workers;
// - per connection: a header timeout (from the request's first byte to the end of its header), a
//   body timeout (no byte for body_idle_timeout, or the whole body longer than body_timeout) and
//   an idle keep-alive timeout between requests;
// - a header size limit (431), a body limit per route checked from Content-Length before reading
//   and while reading a chunked body (413, then the connection is closed); no request
//   decompression (a Content-Encoding other than identity: 415; a transfer coding other than
//   chunked: 501); ".." path segments refused (400);
// - at most max_connections open (beyond: 503 and closed at once);
// - Stop(): no new connection is accepted, idle keep-alive connections are closed, requests in
//   flight finish (answered with Connection: close) within shutdown_grace, then the rest is closed.
// Every response carries `default_headers` (SecurityHeaders()).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "api/http/request.h"
#include "api/http/route_table.h"

namespace gj::api::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port())
  int io_threads = 2;
  int workers = 8;
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds body_idle_timeout{15'000};
  std::chrono::milliseconds body_timeout{300'000};
  std::chrono::milliseconds write_timeout{60'000};
  std::chrono::milliseconds shutdown_grace{20'000};
  size_t max_header_bytes = 16u << 10;
  int max_connections = 2000;
  Headers default_headers;
};

// Content-Security-Policy (no inline script; inline styles, which Element Plus sets; images also
// from data:, blob: and https: map tiles), X-Content-Type-Options, X-Frame-Options,
// Referrer-Policy; with `hsts` also Strict-Transport-Security (only meaningful behind a TLS proxy).
Headers SecurityHeaders(bool hsts);

class Server {
 public:
  Server(ServerConfig config, const RouteTable& routes);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; false with the reason in `error`.
  bool Listen(std::string& error);
  // The bound port (after Listen).
  int port() const;
  // Serves until Stop() and the shutdown that follows it are over.
  void Run();
  // Any thread, any number of times.
  void Stop();
  size_t connections() const;

  struct Impl;  // server.cpp's

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace gj::api::http
