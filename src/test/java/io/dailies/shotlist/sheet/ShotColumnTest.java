package io.dailies.shotlist.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShotColumnTest {

    @Test
    void canonicalHeadersMatchTheirColumn() {
        for (ShotColumn c : ShotColumn.values()) {
            assertEquals(Optional.of(c), ShotColumn.forHeader(c.header()), c.header());
        }
    }

    @Test
    void everyAliasMatchesItsColumnAndNoOther() {
        Map<String, ShotColumn> seen = new HashMap<>();
        for (ShotColumn c : ShotColumn.values()) {
            for (String alias : c.aliases()) {
                assertEquals(Optional.of(c), ShotColumn.forHeader(alias), alias);
                ShotColumn before = seen.put(ShotColumn.key(alias), c);
                assertTrue(before == null || before == c, alias + " is claimed by " + before + " and " + c);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "subject and action|SUBJECT_ACTION",
            "SUBJECT + ACTION|SUBJECT_ACTION",
            "Subject/Action|SUBJECT_ACTION",
            "  Subject   &   Action |SUBJECT_ACTION",
            "camera and movement|CAMERA_MOVEMENT",
            "Lighting+Palette|LIGHTING_PALETTE",
            "Seq|SEQUENCE",
            "Scene|SEQUENCE",
            "Shot #|SHOT",
            "shot id|SHOT",
            "Shot Code|SHOT",
            "Cam|CAMERA_MOVEMENT",
            "Lens|CAMERA_MOVEMENT",
            "Location|SETTING_TIME",
            "Palette|LIGHTING_PALETTE",
            "Lines|DIALOGUE",
            "Resolution|SIZE",
            "Duration (s)|SECONDS",
            "Duration|SECONDS",
            "Length (s)|SECONDS",
            "Seconds (per shot)|SECONDS",
            "Size (px)|SIZE",
            "Shot type|SHOT_TYPE",
            "Ambient sound|SOUND",
            "Sound|SOUND",
            "Audio cues|AUDIO_CUES",
            "SFX|AUDIO_CUES",
            "Physics cues|PHYSICS",
            "Physical cues|PHYSICS",
            "Characters|CHARACTERS",
            "Character references|CHARACTERS",
            "Overrides|OVERRIDES",
            "Style overrides|OVERRIDES",
            "Input reference|INPUT_REFERENCE",
            "Reference image|INPUT_REFERENCE"})
    void headersAreMatchedForgivingly(String header, ShotColumn expected) {
        assertEquals(Optional.of(expected), ShotColumn.forHeader(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wardrobe notes", "Shot list", "Notes", "", "   ", "#", "The Queen's Court — shot list"})
    void otherTextIsNoHeader(String header) {
        assertEquals(Optional.empty(), ShotColumn.forHeader(header));
    }

    @Test
    void aHeaderWrappedOverTwoLinesMatches() {
        assertEquals(Optional.of(ShotColumn.SUBJECT_ACTION), ShotColumn.forHeader("Subject &\nAction"));
    }

    @Test
    void nullIsNoHeader() {
        assertEquals(Optional.empty(), ShotColumn.forHeader(null));
    }

    @Test
    void sequenceShotAndSubjectAreRequired() {
        EnumSet<ShotColumn> required = EnumSet.noneOf(ShotColumn.class);
        for (ShotColumn c : ShotColumn.values()) {
            if (c.required()) {
                required.add(c);
            }
        }
        assertEquals(EnumSet.of(ShotColumn.SEQUENCE, ShotColumn.SHOT, ShotColumn.SUBJECT_ACTION), required);
        assertFalse(ShotColumn.SECONDS.required());
    }

    @Test
    void canonicalMatchRanksBeforeAliases() {
        assertEquals(0, ShotColumn.match("Sequence").rank());
        assertTrue(ShotColumn.match("Scene").rank() > 0);
    }
}
