package de.chancenatlas.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt on every request would cost QGIS ~70 ms per map tile: OGC clients send Basic credentials
 * each time. This remembers, per stored hash, a keyed digest of the password that last matched it,
 * so a repeat of the same login skips bcrypt. A changed password has a new hash and misses; lockout
 * and disabling are checked on the freshly loaded account before the password is compared at all.
 */
public final class RememberingPasswordEncoder implements PasswordEncoder {
    private static final int MAX_ENTRIES = 1000;
    private final PasswordEncoder delegate;
    private final byte[] key = new byte[32];
    private final Map<String, byte[]> verified = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > MAX_ENTRIES;
        }
    });

    public RememberingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence raw) {
        return delegate.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || encoded == null) {
            return false;
        }
        byte[] digest = digest(raw);
        byte[] known = verified.get(encoded);
        if (known != null && java.security.MessageDigest.isEqual(known, digest)) {
            return true;
        }
        boolean ok = delegate.matches(raw, encoded);
        if (ok) {
            verified.put(encoded, digest);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return delegate.upgradeEncoding(encoded);
    }

    private byte[] digest(CharSequence raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] bytes = raw.toString().getBytes(StandardCharsets.UTF_8);
            byte[] out = mac.doFinal(bytes);
            Arrays.fill(bytes, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
