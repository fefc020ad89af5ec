// gongjian: one binary, sub-commands. CLI11 lives in this file only (it is slow to compile);
// each sub-command calls a plain function in src/cli/ or src/api/ that takes an options struct.
#include <CLI/CLI.hpp>

#include <exception>
#include <functional>
#include <iostream>
#include <string>
#include <utility>

#include "api/server.h"
#include "cli/bulletin.h"
#include "cli/commands.h"
#include "cli/evaluate_land.h"
#include "cli/init.h"
#include "cli/metrics_attraction.h"
#include "cli/observation_score.h"
#include "cli/reports.h"
#include "common/clock.h"

namespace {

using Action = std::function<int()>;

// The database a command opens.
CLI::Option* AddDb(CLI::App* cmd, std::string& url) {
  return cmd->add_option("--db", url, "SQLite file or postgresql:// URL");
}

// A command that only groups sub-commands: one of them must be given.
CLI::App* AddGroup(CLI::App& app, const std::string& name, const std::string& description) {
  auto* group = app.add_subcommand(name, description);
  group->require_subcommand(1);
  return group;
}

// Makes `run` the action when `cmd` is the command chosen. `run` reads the command's options from
// their static storage when it runs, after parsing.
void OnChosen(CLI::App* cmd, Action& action, Action run) {
  cmd->callback([&action, run = std::move(run)] { action = run; });
}

// The options naming the set of projects a command reads. `region` and `values` say what the
// command takes: how a region selects, and whether dictionary values may be labels.
void AddProjectSet(CLI::App* cmd, gj::cli::ProjectSetOptions& o, const std::string& region,
                   const std::string& values) {
  cmd->add_option("--region", o.region, region);
  cmd->add_option("--track", o.track, "Track " + values + ": implementation or preparatory");
  cmd->add_option("--category", o.category, "Category " + values);
  cmd->add_option("--level", o.level, "Level " + values);
}

void AddServe(CLI::App& app, Action& action) {
  static gj::api::ServerOptions o;
  auto* cmd = app.add_subcommand("serve", "Run the HTTP server (API and web app); stops cleanly on SIGTERM");
  AddDb(cmd, o.db_url)->capture_default_str();
  cmd->add_option("--host", o.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", o.port, "Port")->capture_default_str();
  cmd->add_option("--web", o.web_dir, "Directory of the built web app (default: <binary dir>/web)");
  cmd->add_option("--threads", o.threads, "Request handler threads (the database pool is sized to them)")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  cmd->add_option("--io-threads", o.io_threads, "Threads reading and writing sockets")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  cmd->add_option("--max-connections", o.max_connections, "Open connections at most (beyond: 503, closed)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag(
      "--hsts", o.hsts,
      "Send Strict-Transport-Security (only behind a TLS proxy; the server itself speaks plain HTTP)");
  cmd->add_option("--max-json-kb", o.max_json_kb, "Largest JSON request body (KiB)")->capture_default_str();
  cmd->add_option("--max-upload-mb", o.max_upload_mb, "Largest upload, e.g. an xlsx (MiB)")
      ->capture_default_str();
  cmd->add_option("--report-tasks-hours", o.report_tasks_hours,
                  "Generate the running period's report tasks at start and every N hours (0: never)")
      ->capture_default_str();
  OnChosen(cmd, action, [] { return gj::api::RunServer(o); });
}

void AddDemo(CLI::App& app, Action& action) {
  static std::string db = "gongjian-demo.db";
  static bool organisation_only = false;
  auto* cmd = app.add_subcommand(
      "demo", "Write the deterministic demo data (聊城市, 东阿县, …) into an empty database");
  AddDb(cmd, db)->capture_default_str();
  cmd->add_flag(
      "--organisation-only", organisation_only,
      "Only regions, units, leaders, dictionaries and users: no projects (then import your own sheet)");
  OnChosen(cmd, action, [] { return gj::cli::RunDemo(db, organisation_only); });
}

void AddInit(CLI::App& app, Action& action) {
  static gj::cli::InitOptions o;
  auto* cmd = app.add_subcommand(
      "init",
      "First start: a real region (county, city or province, 行政区划代码) with its parents, towns and streets, "
      "and its first admin");
  AddDb(cmd, o.db_url)->required();
  cmd->add_option("--region", o.region, "Region code, e.g. 422826 (a city also gets its counties)")
      ->required();
  cmd->add_option("--admin", o.admin, "Login of the region's first admin (role admin)")->required();
  cmd->add_flag("--password-stdin", o.password_stdin,
                "Read the admin's password (at least 12 characters) from standard input");
  OnChosen(cmd, action, [] { return gj::cli::RunInit(o); });
}

void AddMigrate(CLI::App& app, Action& action) {
  static std::string db = "gongjian.db";
  auto* cmd = app.add_subcommand("migrate", "Apply database migrations");
  AddDb(cmd, db)->capture_default_str();
  OnChosen(cmd, action, [] { return gj::cli::RunMigrate(db); });
}

void AddUser(CLI::App& app, Action& action) {
  static gj::cli::UserAddOptions o;
  static int64_t unit = 0, person = 0;
  auto* user = AddGroup(app, "user", "Manage user accounts");
  auto* add = user->add_subcommand("add", "Create a user with one role scoped to a region (and unit)");
  AddDb(add, o.db_url)->required();
  add->add_option("--login", o.user.login, "Login name")->required();
  add->add_option("--name", o.user.name, "Display name");
  add->add_option("--role", o.user.role, "admin, coordinator, leader, unit or viewer")->required();
  add->add_option("--region", o.user.region_code, "Region code (行政区划代码) the role applies to")
      ->required();
  auto* unit_opt = add->add_option("--unit", unit, "Unit id (for the unit role)");
  auto* person_opt =
      add->add_option("--person", person, "Person id this account belongs to (a leader's own projects)");
  add->add_flag("--password-stdin", o.password_stdin, "Read the password from standard input");
  add->callback([&action, unit_opt, person_opt] {
    if (unit_opt->count() > 0) o.user.unit_id = unit;
    if (person_opt->count() > 0) o.user.person_id = person;
    action = [] { return gj::cli::RunUserAdd(o); };
  });
}

void AddLedger(CLI::App& app, Action& action) {
  static std::string db, file;
  static bool dry_run = false;
  static gj::cli::LedgerExportOptions e;
  auto* ledger = AddGroup(app, "ledger", "The key-project ledger sheet (Excel)");
  auto* imp = ledger->add_subcommand(
      "import", "Import the ledger sheet: all-or-nothing; --dry-run lists every problem");
  imp->add_option("file", file, "The .xlsx file")->required();
  AddDb(imp, db)->required();
  imp->add_flag("--dry-run", dry_run, "Check only; write nothing");
  OnChosen(imp, action, [] { return gj::cli::RunLedgerImport(db, file, dry_run); });
  auto* exp = ledger->add_subcommand("export", "Export the ledger sheet (.xlsx or .csv)");
  AddDb(exp, e.db_url)->required();
  exp->add_option("-o,--output", e.output, "FILE.xlsx or FILE.csv")->required();
  AddProjectSet(exp, e.set, "County or town code", "code");
  exp->add_option("--kind", e.kind, "Kind code");
  exp->add_option("--stage", e.stage, "Stage code");
  exp->add_option("--q", e.q, "Search text");
  OnChosen(exp, action, [] { return gj::cli::RunLedgerExport(e); });
}

void AddMetrics(CLI::App& app, Action& action) {
  static gj::cli::StartRateOptions o;
  auto* metrics = AddGroup(app, "metrics", "Figures over sets of projects");
  auto* sr =
      metrics->add_subcommand("start-rate", "开工率: new projects started by a date / new projects, as JSON");
  AddDb(sr, o.db_url)->required();
  sr->add_option("--as-of", o.as_of, "Date YYYY-MM-DD")->required();
  AddProjectSet(sr, o.set, "Region code (a city includes its counties)", "code or label (实施类/前期类 …)");
  OnChosen(sr, action, [] { return gj::cli::RunStartRate(o); });
  static gj::cli::AttractionMetricsOptions a;
  auto* at = metrics->add_subcommand(
      "attraction", "双招双引: leads by step, signed, started, funds in place as of a date, as JSON");
  AddDb(at, a.db_url)->required();
  at->add_option("--region", a.region, "Region code (a city sums its counties)")->required();
  at->add_option("--as-of", a.as_of, "Date YYYY-MM-DD")->required();
  OnChosen(at, action, [] { return gj::cli::RunAttractionMetrics(a); });
}

void AddBulletin(CLI::App& app, Action& action) {
  static gj::cli::BulletinOptions o;
  auto* b =
      app.add_subcommand("bulletin", "调度通报: the dispatch bulletin of a region and period as PDF or xlsx");
  AddDb(b, o.db_url)->required();
  b->add_option("--region", o.region, "Region code")->required();
  b->add_option("--period", o.period, "2026-W23 (week) or 2026-06 (month)")->required();
  b->add_option("-o,--output", o.output, "FILE.pdf or FILE.xlsx")->required();
  OnChosen(b, action, [] { return gj::cli::RunBulletin(o); });
}

void AddReports(CLI::App& app, Action& action) {
  static gj::cli::ReportTasksOptions o;
  auto* reports = AddGroup(app, "reports", "Progress reports (一张表)");
  auto* tasks = reports->add_subcommand(
      "tasks",
      "Generate the running period's report tasks of every county (idempotent; the server also does it at start and every 6 hours)");
  AddDb(tasks, o.db_url)->required();
  tasks->add_option("--region", o.region, "Only the counties under this region code");
  OnChosen(tasks, action, [] { return gj::cli::RunReportTasks(o); });
}

// Assessment: observation events scored offline from paper ballots / score sheets.
void AddObservation(CLI::App& app, Action& action) {
  static gj::cli::ObservationScoreOptions o;
  auto* observation = AddGroup(app, "observation", "Observation events (观摩评议)");
  auto* score = observation->add_subcommand(
      "score", "Rank counties within groups from ballots or score sheets (CSV in, CSV out)");
  score
      ->add_option("--input", o.input,
                   "CSV file: judge,group,county,rank (ballot) or judge,group,county,project,score (sheet)")
      ->required();
  score->add_option("--mode", o.mode, "ballot or sheet")
      ->required()
      ->check(CLI::IsMember({"ballot", "sheet"}));
  score->add_option("--step", o.step, "ballot: points lost per place (rank r is worth 100 - step*(r-1))")
      ->capture_default_str();
  score->add_flag("--no-trim{false}", o.trim,
                  "sheet: do not drop the highest and lowest totals of a project");
  score->add_option("-o,--output", o.output, "where to write group,county,score,rank")->required();
  OnChosen(score, action, [] { return gj::cli::RunObservationScore(o, std::cerr); });
}

// Land efficiency (亩产效益评价): the exact engine over a CSV or xlsx of enterprises.
void AddEvaluate(CLI::App& app, Action& action) {
  static gj::cli::EvaluateLandOptions o;
  auto* evaluate = AddGroup(app, "evaluate", "Run an evaluation");
  auto* land = evaluate->add_subcommand("land", "Land-efficiency evaluation (亩产效益评价)");
  land->add_option("--input", o.input, "Enterprises, .csv or .xlsx")->required();
  land->add_option("--scheme", o.scheme, "Scheme JSON (default: built-in shandong)");
  land->add_option("-o,--output", o.output, "Results: .csv, .xlsx or .json")->required();
  land->add_option("--summary", o.summary, "Per-group summary JSON");
  OnChosen(land, action, [] { return gj::cli::EvaluateLand(o, std::cout, std::cerr); });
}

// Further capabilities register their sub-commands below.

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Gongjian (攻坚) — key projects, supervision, assessment and land efficiency"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gongjian 0.1.0");
  app.footer(
      "Environment: GONGJIAN_NOW=2026-06-15T09:00:00+08:00 (or 2026-06-15, or …Z) pins the date and time every\n"
      "command believes it is (tests, demonstrations); the clock starts there and runs on. Unset: the system clock.");
  Action action;
  AddServe(app, action);
  AddInit(app, action);
  AddDemo(app, action);
  AddMigrate(app, action);
  AddUser(app, action);
  AddLedger(app, action);
  AddMetrics(app, action);
  AddReports(app, action);
  AddBulletin(app, action);
  AddObservation(app, action);
  AddEvaluate(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; usage errors exit 2 like invalid input: both mean "fix what
    // you typed", and scripts check for one status.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  // One clock for every sub-command: a malformed GONGJIAN_NOW is refused before anything runs.
  if (auto pinned = gj::PinClockFromEnvironment(); !pinned) {
    std::cerr << "error: " << pinned.error().message << "\n";
    return 2;
  }
  try {
    return action ? action() : 0;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}
