package io.dailies.provider;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps API keys out of everything Dailies stores or shows. A provider may echo a key back in an error
 * ("Incorrect API key provided: sk-..."), a gateway may quote the Authorization header: every message
 * from the provider passes through here before it becomes an exception message, a log line or a note.
 */
public final class Secrets {

    static final String REDACTED = "[redacted]";

    /** "Bearer <token>", in any case. */
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[^\\s\"',;]+");
    /** OpenAI-style secret keys: sk-..., sk-proj-..., sess-... */
    private static final Pattern SECRET_KEY = Pattern.compile("\\b(sk|sess)-[A-Za-z0-9_\\-*.]{6,}");
    /** api_key=..., "api-key": "...", x-api-key: ..., authorization: ... (the value, not the name). */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b((?:x-)?api[_-]?key|authorization|access[_-]?token)(\"?'?\\s*[:=]\\s*\"?'?)(?!\\[redacted]|bearer\\b)[^\\s\"',;&}]+");

    private Secrets() {
    }

    /** The text without the given key, bearer tokens or anything shaped like a secret key. Null stays null. */
    public static String redact(String text, Optional<String> key) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (key != null && key.isPresent() && !key.get().isBlank()) {
            out = out.replace(key.get().strip(), REDACTED);
        }
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + REDACTED));
        out = SECRET_KEY.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "-" + REDACTED));
        out = KEY_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + REDACTED));
        return out;
    }

    /** Redacts what looks like a secret when the key itself is not known (e.g. inside an exception). */
    public static String redact(String text) {
        return redact(text, Optional.empty());
    }
}
