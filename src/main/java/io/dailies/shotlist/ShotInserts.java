package io.dailies.shotlist;

import io.dailies.core.Shot;
import io.dailies.core.ShotPrompt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The load step's new shots and their first prompt versions, inserted with plain JDBC batches on the connection of
 * the chunk's transaction: a new shot is complete before it is stored and nothing reads it back in the chunk, so
 * Hibernate's persistence context, flush and binding (a fifth of the load step) buy nothing there. Updates of known
 * shots stay with JPA.
 *
 * <p>Ids come from the entities' own database sequences, taken as Hibernate's pooled optimizer takes them (the
 * sequence's value {@code v} owns the ids {@code v - 49 .. v}; {@link #ALLOCATION} is JPA's default allocation size,
 * which the entities use), so ids handed out here and by Hibernate never meet. Only H2 and PostgreSQL are known
 * ({@link #of}); on another database the load step persists through JPA as before.
 */
final class ShotInserts {

    /** JPA's default allocationSize, the increment of every entity sequence. */
    static final int ALLOCATION = 50;

    /** Every column of {@link Shot}, in the order {@link #add} binds them (ShotInsertsTest checks none is missing). */
    static final List<String> SHOT_COLUMNS = List.of("id", "version", "sequence_id", "code", "position", "producerColumns",
            "subjectAction", "cameraMovement", "settingTime", "lightingPalette", "styleTechnical", "dialogue", "shotType",
            "sound", "audioCues", "physics", "characters", "overrides", "inputReference", "model", "size", "seconds",
            "sourceRow", "omitted", "lastImportId", "updatedAt", "prompt", "promptHash", "promptVersion", "lint",
            "lintErrors", "lintWarnings");
    /** Every column of {@link ShotPrompt}, in the order {@link #add} binds them. */
    static final List<String> PROMPT_COLUMNS = List.of("id", "shot_id", "number", "text", "hash", "compilerVersion",
            "change", "revisesTakeId", "createdAt");

    private final Connection connection;
    private final String nextValue;
    private final Ids shotIds = new Ids("shot_SEQ");
    private final Ids promptIds = new Ids("shot_prompt_SEQ");
    private PreparedStatement shots;
    private PreparedStatement prompts;
    private int pending;

    private ShotInserts(Connection connection, String nextValue) {
        this.connection = connection;
        this.nextValue = nextValue;
    }

    /** Inserts on this connection, or null when its database's sequence syntax is not known here. */
    static ShotInserts of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return new ShotInserts(connection, "select next value for %s");
        }
        if (product.contains("postgresql")) {
            return new ShotInserts(connection, "select nextval('%s')");
        }
        return null;
    }

    /** Queues a new shot (and its first prompt version, if any) in the given sequence; answers the shot's id. */
    long add(Shot shot, long sequenceId, ShotPrompt version) throws SQLException {
        if (shots == null) {
            shots = connection.prepareStatement(insert("shot", SHOT_COLUMNS));
            prompts = connection.prepareStatement(insert("shot_prompt", PROMPT_COLUMNS));
        }
        long id = shotIds.next();
        int i = 0;
        shots.setLong(++i, id);
        shots.setInt(++i, 0);
        shots.setLong(++i, sequenceId);
        shots.setString(++i, shot.getCode());
        shots.setInt(++i, shot.getPosition());
        shots.setString(++i, shot.getProducerColumns());
        var c = shot.content();
        for (String text : new String[]{c.subjectAction(), c.cameraMovement(), c.settingTime(), c.lightingPalette(),
                c.styleTechnical(), c.dialogue(), c.shotType(), c.sound(), c.audioCues(), c.physics(), c.characters(),
                c.overrides(), c.inputReference(), shot.getModel(), shot.getSize()}) {
            shots.setString(++i, text);
        }
        shots.setInt(++i, shot.getSeconds());
        shots.setInt(++i, shot.getSourceRow());
        shots.setBoolean(++i, shot.isOmitted());
        setLong(shots, ++i, shot.getLastImportId());
        setInstant(shots, ++i, shot.getUpdatedAt());
        shots.setString(++i, shot.getPrompt());
        shots.setString(++i, shot.getPromptHash());
        shots.setInt(++i, shot.getPromptVersion());
        shots.setString(++i, shot.getLint());
        shots.setInt(++i, shot.getLintErrors());
        shots.setInt(++i, shot.getLintWarnings());
        shots.addBatch();
        if (version != null) {
            int j = 0;
            prompts.setLong(++j, promptIds.next());
            prompts.setLong(++j, id);
            prompts.setInt(++j, version.getNumber());
            prompts.setString(++j, version.getText());
            prompts.setString(++j, version.getHash());
            prompts.setString(++j, version.getCompilerVersion());
            prompts.setString(++j, version.getChange());
            setLong(prompts, ++j, version.getRevisesTakeId());
            setInstant(prompts, ++j, version.getCreatedAt());
            prompts.addBatch();
        }
        pending++;
        return id;
    }

    /** Whether shots are queued and not yet sent. */
    boolean hasPending() {
        return pending > 0;
    }

    /** Sends what is queued: the shots, then their prompt versions (which refer to them). */
    void flush() throws SQLException {
        if (pending > 0) {
            shots.executeBatch();
            prompts.executeBatch();
            pending = 0;
        }
    }

    /** Closes the statements (the connection is the transaction's). */
    void close() throws SQLException {
        if (shots != null) {
            shots.close();
            prompts.close();
            shots = null;
            prompts = null;
        }
    }

    private static String insert(String table, List<String> columns) {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    }

    private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, value);
        }
    }

    private static void setInstant(PreparedStatement s, int i, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(i, value.atOffset(ZoneOffset.UTC));
        }
    }

    /** Ids of one entity's sequence, a block of {@link #ALLOCATION} per value taken. */
    private final class Ids {
        private final String sequence;
        private long next;
        private long last = -1;

        Ids(String sequence) {
            this.sequence = sequence;
        }

        long next() throws SQLException {
            while (next > last) {
                long hi = value();
                // The sequence's first value (1) is the one Hibernate reads as the start of its first block, not as
                // the end of one: skip it, as ids below 1 are not ids.
                if (hi - ALLOCATION + 1 >= 1) {
                    last = hi;
                    next = hi - ALLOCATION + 1;
                }
            }
            return next++;
        }

        private long value() throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(String.format(nextValue, sequence));
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
