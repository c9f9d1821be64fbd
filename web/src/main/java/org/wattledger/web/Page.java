package org.wattledger.web;

/**
 * What every page's frame needs: the words in the user's language, who is signed in (null on the
 * sign-in page), the session's CSRF token for its forms, and which tab is open.
 */
public record Page(Texts t, Users.User user, String csrf, String tab) {
    public String lang() {
        return t.language();
    }

    public boolean signedIn() {
        return user != null;
    }
}
