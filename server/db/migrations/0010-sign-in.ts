/** Migration 10 (user_version 10): Sign-in: throttling, known browsers and addresses, two-factor secrets and recovery codes. */
export const signInMigration = `
  -- Sign-in throttling by rate-limiter-flexible (RateLimiterSQLite's own table), in place of the
  -- hand-written counter.
  DROP TABLE login_failures;
  CREATE TABLE login_limits (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER);
  -- Browsers (the device cookie, hashed) that signed in to an account, and until when that
  -- browser may skip the second step; and hashed addresses an account recently signed in from.
  CREATE TABLE sign_in_devices (
    device_hash TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    signed_in_at TEXT NOT NULL,
    two_factor_until TEXT,
    PRIMARY KEY (device_hash, user_id)
  );
  CREATE TABLE sign_in_addresses (
    user_id TEXT NOT NULL REFERENCES users(id),
    address_hash TEXT NOT NULL,
    signed_in_at TEXT NOT NULL,
    PRIMARY KEY (user_id, address_hash)
  );
  -- Two-factor sign-in: the TOTP secret (encrypted), one being set up, the last time step used
  -- (a code works once), and one-time recovery codes (hashed).
  CREATE TABLE two_factor (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    secret TEXT,
    pending_secret TEXT,
    enabled_at TEXT,
    last_time_step INTEGER
  );
  CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT,
    PRIMARY KEY (user_id, code_hash)
  );
  -- A password that was right, waiting for the code of the second step (a few minutes).
  CREATE TABLE sign_in_challenges (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    expires_at TEXT NOT NULL
  );
  `;
