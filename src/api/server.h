#pragma once

#include <string>

namespace gj::api {

struct ServerOptions {
  std::string db_url = "gongjian.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_dir;  // built web app; empty: <binary dir>/web
  int threads = 8;      // request handlers (and database connections beside two)
  int io_threads = 2;   // socket reading and writing (never blocked by a handler)
  int max_connections = 2000;
  bool hsts = false;       // Strict-Transport-Security on every response (behind a TLS proxy)
  int max_json_kb = 1024;  // larger JSON bodies → 413
  int max_upload_mb = 64;  // larger uploads (xlsx, photos) → 413
  // The running period's report tasks of every county are generated at start and then every
  // this many hours (idempotent; 0: never, e.g. when cron runs `gongjian reports tasks`).
  int report_tasks_hours = 6;
};

// Runs until SIGTERM or SIGINT; returns the process exit status.
int RunServer(const ServerOptions& options);

}  // namespace gj::api
