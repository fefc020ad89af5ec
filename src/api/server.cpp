#include "api/server.h"

#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "api/http/route_table.h"
#include "api/http/server.h"
#include "api/http/static_files.h"
#include "api/router.h"
#include "api/routes.h"
#include "common/clock.h"
#include "io/file_store.h"
#include "service/access/auth_service.h"
#include "service/ledger/ledger_service.h"
#include "store/db.h"
#include "store/project_store.h"

namespace gj::api {

namespace {

std::string ExeDir() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? "." : p.parent_path().string();
}

// What no route answers: a file of the built web app (when there is one), index.html for its
// history-mode routes (GET outside /api/), else the JSON 404.
void ServeWebAndNotFound(http::RouteTable& table, const std::string& dir) {
  auto web = std::make_shared<http::StaticFiles>(dir);
  if (!web->enabled())
    std::fprintf(stderr, "note: no web app at '%s' (build it with `make`); serving the API only\n",
                 dir.c_str());
  // A body sent to no route is not read beyond a few KiB.
  table.SetFallback(8u << 10, [web](const http::Request& req, http::Response& res) {
    if (web->Serve(req, res)) return;
    const bool get = req.method == "GET" || req.method == "HEAD";
    if (get && req.path.rfind("/api/", 0) != 0 && web->ServeIndex(req, res)) return;
    SendError(res, Error{ErrorCode::kNotFound, "no such endpoint: " + req.method + " " + req.path, {}, {}});
  });
}

// Room for max_connections sockets beside the database and files: the soft limit of open files
// raised to the hard one.
void RaiseOpenFileLimit() {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
  }
}

// Runs `fn` on its own thread at once and then every `every`, until destroyed (which waits for a
// run in progress). `every` of zero: never.
class Every {
 public:
  Every(std::chrono::hours every, std::function<void()> fn) : every_(every), fn_(std::move(fn)) {
    if (every_.count() > 0) thread_ = std::thread([this] { Loop(); });
  }
  ~Every() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void Loop() {
    std::unique_lock lock(mu_);
    do {
      lock.unlock();
      fn_();
      lock.lock();
    } while (!cv_.wait_for(lock, every_, [this] { return stop_; }));
  }

  const std::chrono::hours every_;
  const std::function<void()> fn_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// The running period's report tasks of every county (idempotent): no period goes without tasks,
// so missing reports are always counted, even where nobody runs the CLI from cron.
void GenerateReportTasks(service::ProgressService& progress, service::LedgerService& ledger) {
  try {
    const auto ctx = service::MakeCtx(service::SystemCaller(*ledger.Regions()));
    auto r = progress.GenerateRunningTasks(ctx, "");
    if (!r) {
      std::fprintf(stderr, "gongjian: report tasks not generated: %s\n", r.error().message.c_str());
      return;
    }
    int64_t created = 0;
    for (const auto& item : r->items) created += item.created;
    if (created > 0)
      std::fprintf(stderr, "gongjian: report tasks generated: %lld\n", static_cast<long long>(created));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gongjian: report tasks not generated: %s\n", e.what());
  }
}

}  // namespace

int RunServer(const ServerOptions& o) {
  // Block the stop signals in every thread; one thread waits for them and stops the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  if (ClockPinned())
    std::fprintf(stderr, "gongjian: clock pinned by %s: now %s\n", kClockVariable, NowUtcIso().c_str());
  RaiseOpenFileLimit();
  // One connection per handler thread, and two for the report-task generation and /healthz.
  auto db = store::Database::Open(o.db_url, static_cast<size_t>(o.threads) + 2);
  store::Migrate(*db);
  store::Analyze(*db->Acquire());  // fresh planner statistics: the list query depends on them
  service::AuthService auth(*db);
  service::LedgerService ledger(*db);
  ledger.Regions();  // warm the region cache before serving

  service::LedgerSheetService sheets(*db, ledger);
  io::LocalFileStore files(service::DefaultFilesDir(o.db_url));
  service::SupervisionService supervision(*db, ledger, files);
  service::ProgressService progress(*db, ledger);
  service::MetricsService metrics(*db, ledger);
  service::TargetService targets(*db, ledger, metrics);
  service::BulletinService bulletins(ledger, progress, targets);
  service::LandService land(*db, ledger);
  service::ObservationService observations(*db, ledger);
  service::RankingService rankings(*db, ledger);
  service::OrgService org(*db, ledger);
  service::AccountService accounts(*db, ledger);
  service::RosterService roster(*db, ledger, org);
  service::SetupChecklistService checklist(*db, ledger);
  service::EnterpriseService enterprises(*db, ledger, land);
  service::AttractionService attraction(*db, ledger);
  service::EventService events(*db, ledger);
  service::ChainService chains(*db, ledger);
  service::AttractionDispatch dispatch(*db, ledger);
  service::LeadStepFiles lead_files(*db, attraction, supervision.attachments());
  Services services{*db,       auth,        ledger,       sheets,   supervision, progress, targets,
                    bulletins, land,        observations, rankings, org,         accounts, roster,
                    checklist, enterprises, attraction,   events,   chains,      dispatch, lead_files};
  // Beside serving, not before it: a first start on a large ledger inserts its tasks for seconds.
  Every report_tasks(std::chrono::hours(std::max(0, o.report_tasks_hours)),
                     [&] { GenerateReportTasks(progress, ledger); });
  auto routes = AllRoutes(services);
  BodyLimits limits;
  limits.max_json_bytes = static_cast<size_t>(o.max_json_kb) << 10;
  limits.max_upload_bytes = static_cast<size_t>(o.max_upload_mb) << 20;
  http::RouteTable table;
  Install(
      table, routes, [&auth](const std::string& token) { return auth.Authenticate(token, NowUnixSeconds()); },
      limits);
  const std::string openapi = OpenApi(routes).dump(2);
  table.Add("GET", "/api/v1/openapi.json", nullptr, 0, [openapi](const http::Request&, http::Response& res) {
    res.set_content(openapi, "application/json; charset=utf-8");
  });
  table.Add("GET", "/healthz", nullptr, 0, [&db](const http::Request&, http::Response& res) {
    auto c = db->Acquire();
    c->Query("SELECT 1");
    res.set_content(R"({"status":"ok"})", "application/json");
  });
  ServeWebAndNotFound(table, o.web_dir.empty() ? ExeDir() + "/web" : o.web_dir);

  http::ServerConfig config;
  config.host = o.host;
  config.port = o.port;
  config.workers = o.threads;
  config.io_threads = o.io_threads;
  config.max_connections = o.max_connections;
  config.default_headers = http::SecurityHeaders(o.hsts);
  http::Server server(config, table);
  std::string error;
  if (!server.Listen(error)) {
    std::fprintf(stderr, "gongjian: cannot listen on %s:%d: %s\n", o.host.c_str(), o.port, error.c_str());
    return 1;
  }
  std::thread stopper([&server, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    std::fprintf(stderr, "gongjian: signal %d, stopping\n", sig);
    server.Stop();
  });
  std::fprintf(stderr, "gongjian: serving http://%s:%d/ (database %s)\n", o.host.c_str(), server.port(),
               db->dialect() == store::Dialect::kPostgres ? "PostgreSQL" : o.db_url.c_str());
  server.Run();
  // Run returns only after Stop, which only the stopper calls: it has returned.
  stopper.join();
  std::fprintf(stderr, "gongjian: stopped\n");
  return 0;
}

}  // namespace gj::api
