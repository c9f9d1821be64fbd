package org.wattledger.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.wattledger.ledger.LedgerLocation;

/**
 * The web application's users, in the ledger's database (table {@code web_user}): name, role,
 * bcrypt hash of the password, UI language.
 */
public final class Users implements AutoCloseable {
    /** A user as the application sees it (never the hash). */
    public record User(String name, Role role, String language, boolean mustChangePassword) {
    }

    /** A password must be at least this long. */
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");
    /** bcrypt cost 10: about 0.1 s per check, so guessing is slow and an API call is not. */
    private static final BCryptPasswordEncoder HASHER = new BCryptPasswordEncoder(10);
    /** Checked against when the name is unknown, so that a wrong name takes as long as a wrong password. */
    private static final String DUMMY_HASH = HASHER.encode("no such user");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HikariDataSource pool;

    private Users(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens the users of the ledger at {@code location} (whose own schema the ledger has already migrated). */
    public static Users open(LedgerLocation location) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        if (location.user() != null) {
            config.setUsername(location.user());
        }
        if (location.password() != null) {
            config.setPassword(location.password());
        }
        config.setMaximumPoolSize(2);
        config.setPoolName("wattledger-web-users");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            // Its own history table: the ledger's schema versions stay the ledger's.
            Flyway.configure().dataSource(pool).locations("classpath:db/web").table("web_schema_history")
                    .baselineOnMigrate(true).baselineVersion("0").loggers("slf4j").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Users(pool);
    }

    /** Creates a user with a random one-time password, which it returns (it is stored hashed only). */
    public String create(String name, Role role) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 100 letters, digits, '.', '_', '@' or '-', not '"
                    + name + "'");
        }
        String password = newPassword();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO web_user (name, password_hash, role, language,"
                        + " must_change, created_at) VALUES (?, ?, ?, 'en', TRUE, ?)")) {
            if (find(c, name).isPresent()) {
                throw new IllegalArgumentException("the user " + name + " exists already");
            }
            s.setString(1, name);
            s.setString(2, HASHER.encode(password));
            s.setString(3, role.id());
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the user " + name + ": " + e.getMessage(), e);
        }
        return password;
    }

    /** The user when the password is theirs. */
    public Optional<User> check(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT password_hash FROM web_user WHERE name = ?")) {
            s.setString(1, name);
            String hash = DUMMY_HASH;
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    hash = r.getString(1);
                }
            }
            boolean matches = HASHER.matches(password, hash);
            return matches && hash != DUMMY_HASH ? find(c, name) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the users: " + e.getMessage(), e);
        }
    }

    public Optional<User> find(String name) {
        try (Connection c = pool.getConnection()) {
            return find(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the users: " + e.getMessage(), e);
        }
    }

    /** Replaces the password (the one-time password too). */
    public void setPassword(String name, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        update("UPDATE web_user SET password_hash = ?, must_change = FALSE WHERE name = ?", HASHER.encode(password), name);
    }

    public void setLanguage(String name, String language) {
        if (!language.equals("en") && !language.equals("zh")) {
            throw new IllegalArgumentException("the language is en or zh, not '" + language + "'");
        }
        update("UPDATE web_user SET language = ? WHERE name = ?", language, name);
    }

    /** Every user, by name. */
    public List<User> all() {
        List<User> users = new ArrayList<>();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT name, role, language, must_change FROM web_user"
                        + " ORDER BY name");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                users.add(user(r));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the users: " + e.getMessage(), e);
        }
        return users;
    }

    private void update(String sql, String value, String name) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.setString(2, name);
            if (s.executeUpdate() != 1) {
                throw new IllegalArgumentException("no user " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the user " + name + ": " + e.getMessage(), e);
        }
    }

    private static Optional<User> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name, role, language, must_change FROM web_user"
                + " WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(user(r)) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet r) throws SQLException {
        return new User(r.getString(1), Role.parse(r.getString(2)), r.getString(3), r.getBoolean(4));
    }

    /** 18 random bytes, URL-safe Base64: 24 characters, 144 bits. */
    private static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        pool.close();
    }
}
