package io.dailies.shotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dailies.core.Shot;
import io.dailies.core.ShotPrompt;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The load step's plain inserts write every column of a shot and of its prompt version: none left null by them. */
class ShotInsertsTest {

    @Test
    void everyShotColumnIsInserted() {
        assertEquals(columns(Shot.class, "sequence", "sequence_id"), new TreeSet<>(lower(ShotInserts.SHOT_COLUMNS)));
    }

    @Test
    void everyPromptVersionColumnIsInserted() {
        assertEquals(columns(ShotPrompt.class, "shot", "shot_id"), new TreeSet<>(lower(ShotInserts.PROMPT_COLUMNS)));
    }

    /** The entity's persistent fields as columns (a many-to-one is its join column). */
    private static Set<String> columns(Class<?> entity, String relation, String joinColumn) {
        return Arrays.stream(entity.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
                .map(Field::getName)
                .map(n -> n.equals(relation) ? joinColumn : n)
                .map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
