-- The web application's users (wattledger serve), kept in the ledger's database beside the
-- batches but migrated on their own (history table web_schema_history), so the ledger's schema
-- versions are unchanged. Passwords are stored as bcrypt hashes only.
CREATE TABLE web_user (
    name VARCHAR(200) PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    role VARCHAR(20) NOT NULL,
    language VARCHAR(5) NOT NULL,
    -- A password printed once (serve --create-admin, a new user): it must be replaced at first sign-in.
    must_change BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (role IN ('engineer', 'lead', 'auditor', 'admin')),
    CHECK (language IN ('en', 'zh'))
);
