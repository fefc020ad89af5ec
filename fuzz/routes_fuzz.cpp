// Every route of the API (api::AllRoutes) in-process, on a demo database: the JSON bodies of the
// writes, the query parameters of the reads, the placeholders of the paths, for each demo role.
//
// Input: one line "<role> <METHOD> <path>[?<query>]", then the body. <role> is a digit, the demo
// user (0 admin, 1 lcxmb, 2 dongezb, 3 guanxmb, 4 leader, 5 unit, 6 viewer; anything else: no
// caller). The route is found as the server finds it (method and path regex), the caller is the
// demo user's, and the handler's reply or error is rendered as the server would send it.
//
// The demo database is built once (LLVMFuzzerInitialize) in a temporary directory; after any
// request that is not a GET the services are rebuilt on a fresh copy of it, so every input runs
// on the same data and a crash reproduces from its input alone.
//
// Left out: the routes that hash a password (log-in, password change and reset, new account):
// Argon2 costs ~100 ms a call and would take most of the time; their bodies are checked by
// JsonFields like every other route's.
//
// An exception escaping a handler is a 500 for the client: each distinct one is printed once
// (FUZZ_500 lines on stderr); with GJ_FUZZ_STRICT=1 it aborts instead, for a reproducer.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "api/params.h"
#include "api/router.h"
#include "api/routes.h"
#include "common/clock.h"
#include "fuzz_util.h"
#include "io/file_store.h"
#include "request_adapter.h"
#include "service/demo/demo.h"
#include "store/db.h"

namespace {

using namespace gj;
namespace fs = std::filesystem;

// The services of server.cpp on one database.
struct Stack {
  Stack(const std::string& url, const std::string& files_dir)
      : db(store::Database::Open(url, 8)),
        auth(*db),
        ledger(*db),
        sheets(*db, ledger),
        files(files_dir),
        supervision(*db, ledger, files),
        progress(*db, ledger),
        metrics(*db, ledger),
        targets(*db, ledger, metrics),
        bulletins(ledger, progress, targets),
        land(*db, ledger),
        observations(*db, ledger),
        rankings(*db, ledger),
        org(*db, ledger),
        accounts(*db, ledger),
        roster(*db, ledger, org),
        checklist(*db, ledger),
        enterprises(*db, ledger, land),
        attraction(*db, ledger),
        events(*db, ledger),
        chains(*db, ledger),
        dispatch(*db, ledger),
        lead_files(*db, attraction, supervision.attachments()),
        services{*db,       auth,        ledger,       sheets,   supervision, progress, targets,
                 bulletins, land,        observations, rankings, org,         accounts, roster,
                 checklist, enterprises, attraction,   events,   chains,      dispatch, lead_files},
        routes(api::AllRoutes(services)) {}

  std::unique_ptr<store::Database> db;
  service::AuthService auth;
  service::LedgerService ledger;
  service::LedgerSheetService sheets;
  io::LocalFileStore files;
  service::SupervisionService supervision;
  service::ProgressService progress;
  service::MetricsService metrics;
  service::TargetService targets;
  service::BulletinService bulletins;
  service::LandService land;
  service::ObservationService observations;
  service::RankingService rankings;
  service::OrgService org;
  service::AccountService accounts;
  service::RosterService roster;
  service::SetupChecklistService checklist;
  service::EnterpriseService enterprises;
  service::AttractionService attraction;
  service::EventService events;
  service::ChainService chains;
  service::AttractionDispatch dispatch;
  service::LeadStepFiles lead_files;
  api::Services services;
  std::vector<api::Route> routes;
};

struct User {
  std::string token;
  access::Caller caller;
};

fs::path dir;          // the temporary directory of this process
fs::path template_db;  // the demo as built
fs::path work_db;      // the copy the services use
std::unique_ptr<Stack> stack;
bool dirty = true;
std::vector<User> users;
std::vector<std::regex> regexes;  // one per route, as the router builds them
std::set<std::string> seen_500;
bool strict = false;

// "/api/v1/projects/{id}" → "/api/v1/projects/(\d+)"; other {x} → "([^/]+)" (router.cpp).
std::string ToRegex(const std::string& path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      const size_t end = path.find('}', i);
      out += api::IsIntegerPathParam(path.substr(i + 1, end - i - 1)) ? R"((\d+))" : R"(([^/]+))";
      i = end;
    } else if (path[i] == '.') {
      out += "\\.";
    } else {
      out += path[i];
    }
  }
  return out;
}

void RemoveDb(const fs::path& p) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
}

void Fresh() {
  stack.reset();
  RemoveDb(work_db);
  fs::remove_all(dir / "files");
  fs::copy_file(template_db, work_db);
  stack = std::make_unique<Stack>(work_db.string(), (dir / "files").string());
  dirty = false;
}

void Cleanup() {
  stack.reset();
  std::error_code ec;
  fs::remove_all(dir, ec);
}

bool PasswordHashing(const api::Route& r) {
  return r.method == "POST" && (r.path == "/api/v1/auth/login" || r.path == "/api/v1/auth/password" ||
                                r.path == "/api/v1/users" || r.path == "/api/v1/users/{id}/password-reset");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  strict = std::getenv("GJ_FUZZ_STRICT") != nullptr;
  // The tests' pinned day (a Monday in June): the demo and every Ctx are dated from it.
  PinClock(*ParseInstant("2026-06-15T02:00:00Z"));
  const char* base = fs::exists("/dev/shm") ? "/dev/shm" : "/tmp";
  std::string pattern = std::string(base) + "/gj-fuzz-routes.XXXXXX";
  if (!mkdtemp(pattern.data())) std::abort();
  dir = pattern;
  std::atexit(Cleanup);
  template_db = dir / "demo.db";
  work_db = dir / "work.db";
  const char* logins[] = {"admin", "lcxmb", "dongezb", "guanxmb", "leader", "unit", "viewer"};
  {
    auto db = store::Database::Open(template_db.string(), 8);  // the demo nests leases
    auto built = service::BuildDemo(*db, TodayChina(), NowUtcIso());
    if (!built) {
      std::fprintf(stderr, "routes_fuzz: demo not built: %s\n", built.error().message.c_str());
      std::abort();
    }
    service::AuthService auth(*db);
    for (const char* login : logins) {
      auto in = auth.Login(login, "demo1234", NowUnixSeconds(), NowUtcIso());
      if (!in) std::abort();
      auto caller = auth.Authenticate(in->token, NowUnixSeconds());
      if (!caller) std::abort();
      users.push_back({in->token, caller.value()});
    }
  }
  Fresh();
  for (const auto& r : stack->routes) regexes.emplace_back(ToRegex(r.path));
  std::fprintf(stderr, "routes_fuzz: %zu routes, demo database in %s\n", stack->routes.size(), dir.c_str());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = fuzz::View(data, size);
  const size_t eol = input.find('\n');
  const std::string_view line = input.substr(0, eol);
  const std::string_view body = eol == std::string_view::npos ? std::string_view() : input.substr(eol + 1);
  // "<role> <METHOD> <target>"
  if (line.size() < 5 || line[1] != ' ') return 0;
  const size_t sp = line.find(' ', 2);
  if (sp == std::string_view::npos) return 0;
  const std::string method(line.substr(2, sp - 2));
  const std::string_view target = line.substr(sp + 1);
  const size_t qmark = target.find('?');
  const std::string path(target.substr(0, qmark));
  const std::string_view query =
      qmark == std::string_view::npos ? std::string_view() : target.substr(qmark + 1);

  if (dirty) Fresh();
  const auto& routes = stack->routes;
  fuzz::FakeRequest req;
  size_t found = routes.size();
  for (size_t i = 0; i < routes.size(); ++i) {
    if (routes[i].method == method && req.SetPath(path, regexes[i])) {
      found = i;
      break;
    }
  }
  if (found == routes.size()) return 0;  // 404
  const api::Route& route = routes[found];
  if (PasswordHashing(route)) return 0;
  const size_t role = static_cast<size_t>(line[0] - '0');
  const User* user = role < users.size() ? &users[role] : nullptr;
  if (route.needs_caller && !user) return 0;  // 401
  req.SetQuery(query);
  req.SetBody(body);
  if (method != "GET") dirty = true;

  try {
    if (auto st = req.CheckPathParams(route.path); !st) {
      (void)fuzz::RenderError(st.error());
      return 0;
    }
    access::Caller caller = route.needs_caller ? user->caller : access::Caller{};
    api::Call call = req.MakeCall(service::MakeCtx(std::move(caller)), user ? user->token : "");
    auto reply = route.handler(call);
    if (!reply) {
      (void)fuzz::RenderError(reply.error());
    } else if (reply->raw.empty() && reply->content_type.empty()) {
      (void)reply->body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  } catch (const std::exception& e) {
    const std::string key = route.method + " " + route.path + ": " + e.what();
    if (strict) {
      std::fprintf(stderr, "FUZZ_500 %s\n", key.c_str());
      std::abort();
    }
    if (seen_500.insert(key).second) std::fprintf(stderr, "FUZZ_500 %s\n", key.c_str());
  }
  return 0;
}
