package dev.firebreak.streams.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: bytes that are not UTF-8 are reported, never replaced. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * The text of valid UTF-8 bytes.
     *
     * @throws CharacterCodingException naming the offset of the first bad byte
     */
    static String decodeStrict(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L, (long) bytes.length + 1));
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            throw new CharacterCodingException() {
                private static final long serialVersionUID = 1L;

                @Override
                public String getMessage() {
                    return "not UTF-8: a malformed byte sequence at offset " + in.position();
                }
            };
        }
        d.flush(out);
        out.flip();
        return out.toString();
    }

    /**
     * The text of the bytes, or null if they are not UTF-8. With {@code cut}, an incomplete sequence at the very
     * end (the bytes were cut short) is dropped.
     */
    static String decode(byte[] bytes, boolean cut) {
        int n = bytes.length;
        if (cut) {
            // drop a trailing partial sequence: up to 3 continuation bytes after a lead byte
            int i = n - 1;
            int back = 0;
            while (i >= 0 && back < 3 && (bytes[i] & 0xC0) == 0x80) {
                i--;
                back++;
            }
            if (i >= 0 && (bytes[i] & 0xC0) == 0xC0) {
                int need = (bytes[i] & 0xE0) == 0xC0 ? 1 : (bytes[i] & 0xF0) == 0xE0 ? 2 : 3;
                if (need > back) {
                    n = i;
                }
            }
        }
        try {
            return decodeStrict(n == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, n));
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
