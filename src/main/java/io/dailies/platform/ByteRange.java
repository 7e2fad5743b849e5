package io.dailies.platform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, as an HTTP Range header asks for it (RFC 9110 §14): {@code bytes=0-99}, {@code bytes=500-}
 * or the last bytes, {@code bytes=-500}. A player seeks in a take with such requests. Several ranges in one header are
 * answered with the whole file (allowed: a server may ignore Range), which no browser player asks for.
 *
 * @param first the first byte, 0-based
 * @param last  the last byte, inclusive
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** Thrown for a range that starts past the file's end: answered 416 with the file's length. */
    public static final class Unsatisfiable extends Exception {
        private static final long serialVersionUID = 1L;

        Unsatisfiable(String header, long length) {
            super("Range '" + header + "' is outside the file of " + length + " bytes");
        }
    }

    /**
     * The range {@code header} asks for in a file of {@code length} bytes; empty for no header, a header that is not one
     * byte range (then the whole file is sent), or an empty file.
     *
     * @throws Unsatisfiable when the range lies wholly past the file's end
     */
    public static Optional<ByteRange> parse(String header, long length) throws Unsatisfiable {
        if (header == null || length <= 0) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    throw new Unsatisfiable(header, length);
                }
                return Optional.of(new ByteRange(Math.max(0, length - suffix), length - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
            if (first >= length) {
                throw new Unsatisfiable(header, length);
            }
            return first > last ? Optional.empty() : Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than a long: not a range we answer
        }
    }

    public long length() {
        return last - first + 1;
    }

    /** The Content-Range header of a 206 answer: {@code bytes 0-99/3000}. */
    public String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }
}
