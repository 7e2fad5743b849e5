package io.dailies.emulator;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the emulator does with a client's {@code Idempotency-Key} header, read from
 * {@code dailies.emulator.idempotency-keys} here and nowhere else.
 *
 * <p>The reference protocol documents no such header, so by default ({@code ignore}) the emulator does
 * what the provider it stands for does: every POST /videos (remix, edit, extension) is a new generation,
 * accepted and counted as paid for, whatever header it carries. With {@code honour} a create whose key
 * was seen before answers with the earlier generation instead (for clients that test their own keys).
 * The Files and Batches endpoints never read the header: each upload and each batch is new either way.
 * A batch's own requests are made exactly once whatever this says (that bookkeeping is the emulator's,
 * not the client's).
 */
@ApplicationScoped
public class IdempotencyKeys {

    static final String PROPERTY = "dailies.emulator.idempotency-keys";

    /** The two settings. */
    public enum Mode { HONOUR, IGNORE }

    @Inject
    @ConfigProperty(name = PROPERTY, defaultValue = "ignore")
    String configured = "ignore";

    /** The length of EmulatedVideo's key column. */
    private static final int MAX_STORED = 80;

    private Mode mode = Mode.IGNORE;

    /** A misspelt setting stops the deployment: a test that relies on either behaviour must not get the other. */
    @PostConstruct
    void load() {
        mode = parse(configured);
    }

    void startup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Only makes the container create this bean (and check the setting) at startup.
    }

    /** "honour" (or "honor") or "ignore", in any case. */
    static Mode parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "honour", "honor" -> Mode.HONOUR;
            case "ignore" -> Mode.IGNORE;
            default -> throw new IllegalStateException(PROPERTY + " must be 'honour' or 'ignore', not '" + value + "'.");
        };
    }

    public Mode mode() {
        return mode;
    }

    /**
     * The key to de-duplicate a create by: the header's value when keys are honoured, otherwise (or blank)
     * null. A key longer than the 80 characters the emulator stores is kept as "sha256:" and its hash.
     */
    public String keyFor(String header) {
        if (mode != Mode.HONOUR || header == null || header.isBlank()) {
            return null;
        }
        if (header.length() <= MAX_STORED) {
            return header;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
