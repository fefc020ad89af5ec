#include "service/supervision/supervision_support.h"

#include "common/body_date.h"
#include "common/json_field.h"
#include "common/json_limits.h"

namespace gj::service::supervision_support {

using nlohmann::json;

std::optional<std::optional<Date>> DateField(const json& b, const std::string& name, Problems& pr) {
  if (!b.contains(name)) return std::nullopt;
  const json& v = b[name];
  if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) return std::optional<Date>();
  const std::string text = ShownValue(v);
  auto d = v.is_string() ? ParseIsoDate(text) : std::nullopt;
  if (!d) {
    pr.Add(name, text, "must be a date YYYY-MM-DD");
    return std::nullopt;
  }
  if (!InBodyDateRange(*d)) {
    pr.Add(name, text, kBodyDateRangeReason);
    return std::nullopt;
  }
  return std::optional<Date>(*d);
}

std::optional<int64_t> IntField(const json& b, const std::string& name, Problems& pr) {
  if (!b.contains(name) || b[name].is_null()) return std::nullopt;
  if (!b[name].is_number_integer()) {
    pr.Add(name, BoundedDump(b[name]), "must be an integer");
    return std::nullopt;
  }
  return b[name].get<int64_t>();
}

std::string TextField(const json& b, const std::string& name) {
  return b.contains(name) && b[name].is_string() ? b[name].get<std::string>() : std::string();
}

access::ReadScope ProjectAccess::Scope(const Ctx& ctx, const std::string& region) {
  return ledger_.ReadableScope(ctx, region);
}

Result<store::ProjectRow> ProjectAccess::Readable(store::Connection& c, const Ctx& ctx, int64_t project_id) {
  return ledger_.Get(c, ctx, project_id);
}

Result<store::ProjectRow> ProjectAccess::WritableSchedule(store::Connection& c, const Ctx& ctx,
                                                          int64_t project_id) {
  return Permitted(c, ctx, project_id, access::kScheduleWrite,
                   "you may not edit this project's milestones and procedures");
}

Result<store::ProjectRow> ProjectAccess::Permitted(store::Connection& c, const Ctx& ctx, int64_t project_id,
                                                   const char* action, const std::string& refusal) {
  auto p = Readable(c, ctx, project_id);
  if (!p) return p.error();
  if (!Allowed(c, ctx, action, TargetOf(p->project))) return Error::Forbidden(refusal);
  return p;
}

bool ProjectAccess::Allowed(store::Connection& c, const Ctx& ctx, const char* action,
                            const access::Target& target) {
  return access::Allowed(ctx.caller, action, target, *ledger_.Regions(c));
}

}  // namespace gj::service::supervision_support
