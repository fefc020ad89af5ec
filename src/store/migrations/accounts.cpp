// Account administration (versions 80–89): a user record is versioned (an admin's edit of a
// stale copy is refused), carries whether its password must be changed at the next log-in, and
// its sessions are listed per user.
#include "store/migrations/migrations.h"

namespace gj::store {

std::vector<Migration> AccountMigrations() {
  return {
      {80, "accounts: user version, must_change_password, updated_at; sessions by user", R"SQL(
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
CREATE INDEX sessions_user ON sessions(user_id, kind);
)SQL"},
  };
}

}  // namespace gj::store
