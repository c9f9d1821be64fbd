package org.wattledger.importers;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;

/**
 * The SHA-256 digests of the input files a report names. A large file is hashed by the system's
 * NSS library (Mozilla's, through the JDK's own PKCS#11 provider) when the machine has it: NSS uses
 * the processor's SHA instructions, which the JDK's own code gets only from the optimising
 * compiler, and a report's JVM runs the quick compiler alone for inputs up to about 96 MB
 * (70 MB in 0.06 s there, against 0.9 s; docs/benchmarks.md, "Issue 10: the hash in NSS, the
 * report's tail on two cores"). Without NSS, the JDK's digest: the same hash, more slowly.
 */
final class Sha256 {
    /** Files from this size up are worth NSS's loading (about a tenth of a second, once per run). */
    static final long NATIVE_FROM = 4L << 20;

    private Sha256() {
    }

    /** A new digest for a file of {@code bytes} bytes: NSS's from {@link #NATIVE_FROM} when there is NSS, else the JDK's. */
    static MessageDigest forSize(long bytes) {
        Provider nss = bytes >= NATIVE_FROM ? Nss.PROVIDER : null;
        if (nss != null) {
            try {
                return MessageDigest.getInstance("SHA-256", nss);
            } catch (NoSuchAlgorithmException | RuntimeException e) {
                // a token that stopped working: the JDK's digest gives the same hash
            }
        }
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * Loads NSS now (on a thread that has time for it, so that the first large file's hash does not
     * wait for it); whether large files are hashed by NSS.
     */
    static boolean loadNative() {
        return Nss.PROVIDER != null;
    }

    /** NSS through SunPKCS11, or null where the JDK has no PKCS#11 provider or the system no NSS. */
    private static final class Nss {
        static final Provider PROVIDER = load();

        private static Provider load() {
            try {
                Provider pkcs11 = Security.getProvider("SunPKCS11");
                if (pkcs11 == null) {
                    return null;
                }
                // no database: only the library's algorithms are used, no key or certificate store
                Provider nss = pkcs11.configure("--name=wattledger\nnssDbMode=noDb\n");
                MessageDigest.getInstance("SHA-256", nss); // that it digests at all
                return nss;
            } catch (NoSuchAlgorithmException | RuntimeException | LinkageError e) {
                return null; // no NSS library on this system (or not one the JDK can use)
            }
        }
    }
}
