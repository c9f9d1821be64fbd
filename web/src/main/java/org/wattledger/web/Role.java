package org.wattledger.web;

import java.util.Locale;

/** What a signed-in user may do; every role may read the dashboard, the history and the reports. */
public enum Role {
    /** Uploads meter sheets and accepts them into the ledger. */
    ENGINEER,
    /** As an engineer, and may also upload targets. */
    LEAD,
    /** Reads, and downloads audit bundles. */
    AUDITOR,
    /** Everything, and manages users. */
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.id().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("a role is engineer, lead, auditor or admin, not '" + text + "'");
    }

    public boolean mayUpload() {
        return this != AUDITOR;
    }

    public boolean maySetTargets() {
        return this == LEAD || this == ADMIN;
    }

    public boolean mayDownloadBundles() {
        return this == AUDITOR || this == LEAD || this == ADMIN;
    }

    public boolean mayManageUsers() {
        return this == ADMIN;
    }
}
