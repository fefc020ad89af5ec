#include "api/server.h"

#include <httplib.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <sstream>
#include <thread>

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

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Serves the built web app (when there is one), with index.html for history-mode routes outside
// /api/; every other error without a body gets the JSON error shape (e.g. httplib's own 413).
void MountWebAndErrors(httplib::Server& svr, const std::string& dir) {
  const bool has_web = !dir.empty() && std::filesystem::exists(dir + "/index.html");
  if (has_web) {
    svr.set_mount_point("/", dir);
  } else {
    std::fprintf(stderr, "note: no web app at '%s' (build it with `make`); serving the API only\n",
                 dir.c_str());
  }
  const std::string index = has_web ? dir + "/index.html" : "";
  svr.set_error_handler([index](const httplib::Request& req, httplib::Response& res) {
    if (!index.empty() && res.status == 404 && req.method == "GET" && req.path.rfind("/api/", 0) != 0) {
      res.status = 200;
      res.set_content(ReadFile(index), "text/html; charset=utf-8");
    } else if (res.body.empty()) {
      const ErrorCode code = res.status == 404   ? ErrorCode::kNotFound
                             : res.status == 413 ? ErrorCode::kPayloadTooLarge
                                                 : ErrorCode::kBadRequest;
      const std::string message = res.status == 404   ? "no such endpoint: " + req.method + " " + req.path
                                  : res.status == 413 ? "the request body is larger than the server accepts"
                                                      : "the request was refused";
      const int status = res.status;
      SendError(res, Error{code, message, {}, {}});
      res.status = status;
    }
  });
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
  auto db = store::Database::Open(o.db_url, static_cast<size_t>(o.threads) + 2);
  store::Migrate(*db);
  store::Analyze(*db->Acquire());  // fresh planner statistics: the list query depends on them
  service::AuthService auth(*db);
  service::LedgerService ledger(*db);
  ledger.Regions();  // warm the region cache before serving

  httplib::Server svr;
  const int threads = o.threads;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  svr.set_tcp_nodelay(true);
  svr.set_keep_alive_max_count(10000);
  svr.set_read_timeout(30, 0);

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
  Services services{*db,  auth,         ledger,   sheets, supervision, progress, targets,  bulletins,
                    land, observations, rankings, org,    accounts,    roster,   checklist};
  // Beside serving, not before it: a first start on a large ledger inserts its tasks for seconds.
  Every report_tasks(std::chrono::hours(std::max(0, o.report_tasks_hours)),
                     [&] { GenerateReportTasks(progress, ledger); });
  auto routes = AllRoutes(services);
  const BodyLimits limits{static_cast<size_t>(o.max_json_kb) << 10, static_cast<size_t>(o.max_upload_mb)
                                                                        << 20};
  Install(
      svr, routes, [&auth](const std::string& token) { return auth.Authenticate(token, NowUnixSeconds()); },
      limits);
  const std::string openapi = OpenApi(routes).dump(2);
  svr.Get("/api/v1/openapi.json", [openapi](const httplib::Request&, httplib::Response& res) {
    res.set_content(openapi, "application/json; charset=utf-8");
  });
  svr.Get("/healthz", [&db](const httplib::Request&, httplib::Response& res) {
    auto c = db->Acquire();
    c->Query("SELECT 1");
    res.set_content(R"({"status":"ok"})", "application/json");
  });
  MountWebAndErrors(svr, o.web_dir.empty() ? ExeDir() + "/web" : o.web_dir);

  std::thread stopper([&svr, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    std::fprintf(stderr, "gongjian: signal %d, stopping\n", sig);
    svr.stop();
  });
  if (!svr.bind_to_port(o.host.c_str(), o.port)) {
    std::fprintf(stderr, "gongjian: cannot listen on %s:%d\n", o.host.c_str(), o.port);
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    return 1;
  }
  std::fprintf(stderr, "gongjian: serving http://%s:%d/ (database %s)\n", o.host.c_str(), o.port,
               db->dialect() == store::Dialect::kPostgres ? "PostgreSQL" : o.db_url.c_str());
  svr.listen_after_bind();
  stopper.join();
  std::fprintf(stderr, "gongjian: stopped\n");
  return 0;
}

}  // namespace gj::api
