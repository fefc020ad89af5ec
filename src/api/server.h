#pragma once

#include <string>

namespace gj::api {

struct ServerOptions {
  std::string db_url = "gongjian.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_dir;  // built web app; empty: <binary dir>/web
  int threads = 32;
};

// Runs until SIGTERM or SIGINT; returns the process exit status.
int RunServer(const ServerOptions& options);

}  // namespace gj::api
