package dev.firebreak.facebook.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with hex encoding and constant-time comparison. Not part of the API. */
public final class Hmac {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Hmac() {
    }

    /** HMAC-SHA256 of the bytes with the UTF-8 key. */
    public static byte[] sha256(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Lower-case hex of the bytes. */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** The bytes of a hex string (either case), or empty if it is not exactly {@code length} bytes of hex. */
    public static Optional<byte[]> unhex(String hex, int length) {
        if (hex.length() != length * 2) {
            return Optional.empty();
        }
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return Optional.empty();
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return Optional.of(out);
    }

    /** Compares in time independent of where the inputs differ. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Compares two strings in constant time (for the length of the expected value). */
    public static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
