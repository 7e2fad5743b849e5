package io.dailies.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CharacterBibleTest {

    static final CharacterAnchor CHEF = new CharacterAnchor("Chef Amara",
            "a tall woman with close-cropped gray hair, a white double-breasted jacket and a red neckerchief", "refs/chef.png", List.of("Chef"));
    static final CharacterAnchor COMMIS = new CharacterAnchor("Commis",
            "a lanky young man with a blue striped apron, a paper toque and wire-rimmed glasses", "");
    static final CharacterBible BIBLE = CharacterBible.of(CHEF, COMMIS);

    @Test
    void namesAreMatchedAsWholeWordsIgnoringCaseInOrderOfFirstMention() {
        assertEquals(List.of(COMMIS, CHEF), BIBLE.named("The COMMIS hands the plate to chef amara; the chef nods."));
        assertEquals(List.of(), BIBLE.named("Chefs and commissioners arrive"));
        assertEquals(List.of(), BIBLE.named(null));
    }

    @Test
    void theLongerNameWinsWhereNamesOverlap() {
        List<CharacterBible.Mention> m = BIBLE.mentions("Chef Amara tastes; the chef's spoon drips");
        assertEquals(2, m.size());
        assertEquals(0, m.get(0).start());
        assertEquals("Chef Amara".length(), m.get(0).end(), "not just 'Chef'");
        assertTrue(m.get(1).possessive());
    }

    @Test
    void theOnePassScanFindsWhatOnePatternPerNameFinds() {
        CharacterBible bible = CharacterBible.of(CHEF, COMMIS,
                new CharacterAnchor("Dr. O'Brien", "a stout man with a gray beard, tweed waistcoat and pocket watch", "", List.of("Doc")),
                new CharacterAnchor("Zoë Łucja", "a girl with red pigtails, a yellow raincoat and green boots", "", List.of("Zoë")),
                new CharacterAnchor("Ha Ha", "a clown with a red nose, a striped suit and huge shoes", "", List.of("Kid 2", "Amara Chef")));
        String[] pieces = {"chef", "Chef", "CHEF", "amara", "Amara", "commis", "Commis", "dr.", "Dr.", "o'brien", "O'BRIEN",
                "doc", "Doc's", "zoë", "ZOË", "łucja", "ŁUCJA", "ha", "Ha", "kid", "2", "kid2", "\u212Aid", "ſ", " ", " ", "  ",
                "\t", "\n", "\u00A0", ",", ".", "'", "\u2019", "s", "-", "_", "é", "1", "(", "the ", "chefs", "x"};
        java.util.Random random = new java.util.Random(12);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(14); i < n; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(3) > 0) {
                    text.append(' ');
                }
            }
            String t = text.toString();
            assertEquals(bible.scanByPatterns(t), bible.mentions(t), t);
        }
        assertEquals(bible.scanByPatterns("Ha Ha Ha ha and chef amara chef\tAmara, Kid  2"),
                bible.mentions("Ha Ha Ha ha and chef amara chef\tAmara, Kid  2"));
        assertEquals(4, bible.mentions("Ha Ha Ha ha and chef amara chef\tAmara").size(), "Ha Ha, Ha ha, chef amara, chef Amara");
    }

    @Test
    void findIsByNameOrAliasIgnoringCaseAndSpaces() {
        assertEquals(Optional.of(CHEF), BIBLE.find("  chef   AMARA "));
        assertEquals(Optional.of(CHEF), BIBLE.find("Chef"));
        assertEquals(Optional.empty(), BIBLE.find("Amara"));
    }

    @Test
    void aNameOrAliasStandsForOneCharacterOnly() {
        assertThrows(IllegalArgumentException.class,
                () -> CharacterBible.of(CHEF, new CharacterAnchor("chef", "a short man with a beard, a cap and clogs", "")));
    }

    @Test
    void detailsAreCountedBetweenCommasAndWithAndAnd() {
        assertEquals(4, new CharacterAnchor("Queen", "a woman in her sixties with a silver braided crown, a burgundy velvet gown and a jade ring", "").detailCount());
        assertEquals(2, new CharacterAnchor("Girl", "a woman in a burgundy coat and gray scarf", "").detailCount());
        assertEquals(1, new CharacterAnchor("Waiter", "a waiter", "").detailCount());
    }

    @Test
    void aCharacterNeedsANameAndADescription() {
        assertThrows(IllegalArgumentException.class, () -> new CharacterAnchor(" ", "a man", ""));
        assertThrows(IllegalArgumentException.class, () -> new CharacterAnchor("Waiter", null, ""));
    }

    @Test
    void replacingOneCharacterKeepsTheOthers() {
        CharacterBible edited = BIBLE.replace(CHEF.withDescription("a short woman with a gray bun, black clogs and a blue apron"));
        assertEquals(List.of("Chef Amara", "Commis"), edited.characters().stream().map(CharacterAnchor::name).toList());
        assertEquals(COMMIS, edited.characters().get(1));
        assertEquals(List.of("Chef"), edited.characters().get(0).aliases());
    }
}
