package io.weatherstation.shared.adapter.out.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for secret node parameters kept in Redis. The key comes from
 * {@code station.secrets.key} (base64 of 32 bytes) and must be the same on every instance; without
 * it a key is generated at start-up, with a warning: what this instance seals cannot be opened
 * after a restart or by another instance.
 *
 * <p>Each sealed value is {@code base64(iv ‖ ciphertext ‖ tag)} with a fresh 96-bit IV, and is bound
 * to its place (flow, node, parameter) as associated data, so a ciphertext copied to another
 * parameter does not open.
 */
@Component
@ConditionalOnProperty(name = "station.mode", havingValue = "distributed")
public final class SecretCipher {

    private static final Logger LOG = Logger.getLogger(SecretCipher.class.getName());
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec digestKey;
    private final SecureRandom random = new SecureRandom();
    private final boolean generated;

    SecretCipher(@Value("${station.secrets.key:}") String base64Key) {
        byte[] raw;
        if (base64Key.isBlank()) {
            raw = new byte[KEY_BYTES];
            random.nextBytes(raw);
            generated = true;
            LOG.warning("station.secrets.key (STATION_SECRETS_KEY) is not set: generated a key for this run. Secret node "
                    + "parameters kept in Redis cannot be read after a restart or by another station instance; set a "
                    + "base64-encoded 32-byte key shared by every instance.");
        } else {
            try {
                raw = Base64.getDecoder().decode(base64Key.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("station.secrets.key must be base64 (of 32 bytes)", e);
            }
            if (raw.length != KEY_BYTES) {
                throw new IllegalArgumentException("station.secrets.key must decode to 32 bytes (AES-256), got " + raw.length);
            }
            generated = false;
        }
        key = new SecretKeySpec(raw, "AES");
        digestKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"), "station digest key"), "HmacSHA256");
        Arrays.fill(raw, (byte) 0);
    }

    /** A cipher with this key (tests, tools). */
    public static SecretCipher withKey(byte[] key) {
        return new SecretCipher(Base64.getEncoder().encodeToString(key));
    }

    /** A cipher with a random key, as when no key is configured. */
    public static SecretCipher withRandomKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return withKey(key);
    }

    /** Whether the key was generated at start-up rather than configured. */
    public boolean keyGenerated() {
        return generated;
    }

    /** Encrypts {@code plaintext}, bound to {@code context}. */
    public String seal(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts what {@link #seal} produced for the same {@code context}.
     *
     * @throws SecretUnreadableException when the value is not a ciphertext of this key and context
     */
    public String open(String sealed, String context) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException(context, "not base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretUnreadableException(context, "too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretUnreadableException(context, "it was sealed with another key (is station.secrets.key the same "
                    + "on every instance and across restarts?)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * A keyed digest (HMAC-SHA-256, hex) of {@code text}: tells equal documents apart without
     * revealing anything about the secrets inside them.
     */
    public String digest(String text) {
        return HexFormat.of().formatHex(hmac(digestKey, text));
    }

    private static byte[] hmac(SecretKeySpec macKey, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A sealed value that this cipher cannot open. */
    public static final class SecretUnreadableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecretUnreadableException(String context, String why) {
            super("secret parameter " + context + " cannot be decrypted: " + why);
        }
    }
}
