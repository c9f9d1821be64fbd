package org.wattledger.web;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions, in memory: a random id in a cookie (HttpOnly, SameSite=Strict, Secure behind
 * https), the signed-in user and the session's CSRF token. A server restart signs everyone out.
 */
final class Sessions {
    static final String COOKIE = "wattledger_session";
    /** A session unused this long is forgotten. */
    static final Duration IDLE = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One browser's session; {@code user} is null until it signs in. */
    static final class Session {
        final String id;
        final String csrf;
        volatile String user;
        volatile Instant lastSeen;

        Session(String id, String csrf) {
            this.id = id;
            this.csrf = csrf;
            this.lastSeen = Instant.now();
        }

        /** Compares in constant time, so that the token cannot be guessed byte by byte. */
        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** The request's live session, or null. */
    Session find(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null) {
            return null;
        }
        Session s = sessions.get(id);
        Instant now = Instant.now();
        if (s == null || s.lastSeen.plus(IDLE).isBefore(now)) {
            if (s != null) {
                sessions.remove(id);
            }
            return null;
        }
        s.lastSeen = now;
        return s;
    }

    /** The request's session, or a new anonymous one (its cookie is set on the response). */
    Session findOrStart(Context ctx) {
        Session s = find(ctx);
        return s != null ? s : start(ctx, null);
    }

    /** A new session for {@code user}: signing in always changes the id, so an id set before sign-in is worthless. */
    Session start(Context ctx, String user) {
        Session old = find(ctx);
        if (old != null) {
            sessions.remove(old.id);
        }
        sweep();
        Session s = new Session(token(), token());
        s.user = user;
        sessions.put(s.id, s);
        ctx.header("Set-Cookie", COOKIE + "=" + s.id + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure(ctx) ? "; Secure" : ""));
        return s;
    }

    void end(Context ctx) {
        Session s = find(ctx);
        if (s != null) {
            sessions.remove(s.id);
        }
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
    }

    /** Behind https, directly or through a proxy that says so. */
    static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private void sweep() {
        Instant limit = Instant.now().minus(IDLE);
        sessions.values().removeIf(s -> s.lastSeen.isBefore(limit));
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
